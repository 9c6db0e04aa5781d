"""The main menu: the home page's children marked "show in menus", per site and language.

Every public page shows it, so it is cached (in the configured cache, Redis in production)
and dropped whenever a page is published, unpublished, moved or deleted.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

CACHE_VERSION_KEY = "portal:menu:version"
TIMEOUT = 60 * 60


@dataclass(frozen=True)
class MenuItem:
    pk: int
    title: str
    url: str
    path: str


def _version():
    return cache.get_or_set(CACHE_VERSION_KEY, 1, None)


def menu_items(request, language_code):
    """The menu of the request's site in ``language_code``; a cache hit costs no query."""
    from wagtail.models import Site

    key = f"portal:menu:{_version()}:{request.get_host()}:{language_code}"
    items = cache.get(key)
    if items is None:
        site = Site.find_for_request(request)
        items = _build(site, language_code) if site is not None else []
        cache.set(key, items, TIMEOUT)
    return items


def _build(site, language_code):
    from wagtail.models import Locale, Page

    root = site.root_page
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is not None and root.locale_id != locale.pk:
        root = (
            Page.objects.filter(translation_key=root.translation_key, locale=locale).live().first()
        ) or root
    return [
        MenuItem(page.pk, page.title, page.get_url(), page.path)
        for page in root.get_children().live().public().in_menu()
    ]


def clear_menu_cache(**kwargs):
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 1, None)


def connect_signals():
    from wagtail.models import Page

    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(clear_menu_cache, dispatch_uid=f"portal-menu-{id(signal)}")
    post_delete.connect(clear_menu_cache, sender=Page, dispatch_uid="portal-menu-delete")
