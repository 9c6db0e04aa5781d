"""Idempotent set-up of the portal's locales, home pages and site."""

from django.conf import settings
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override
from wagtail.models import Locale, Page, Site

from portal.models import HomePage

TITLE = gettext_noop("Heritage of Ukraine")
INTRODUCTION = gettext_noop("The national collection, its stories and the heritage at risk.")


def ensure_locales():
    """One Wagtail locale per content language; returns them in settings order."""
    return [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.CONTENT_LANGUAGES
    ]


@transaction.atomic
def ensure_portal_site(hostname="localhost", port=80):
    """Make a published HomePage per content language the root of the default site."""
    locales = ensure_locales()
    source_locale = locales[0]
    root = Page.get_first_root_node()
    # Wagtail's placeholder welcome page, if it is still there, gives way to the home page.
    placeholders = Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    )
    placeholders.update(slug="wagtail-placeholder")
    home = HomePage.objects.filter(locale=source_locale).first()
    if home is None:
        with override(source_locale.language_code):
            home = HomePage(
                title=_(TITLE),
                slug="home",
                locale=source_locale,
                introduction=format_html("<p>{}</p>", _(INTRODUCTION)),
            )
        root.add_child(instance=home)
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname=hostname, port=port, is_default_site=True, root_page=home)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    for placeholder in placeholders:
        placeholder.delete()

    for locale in locales[1:]:
        if home.get_translations(inclusive=False).filter(locale=locale).exists():
            continue
        translation = home.copy_for_translation(locale)
        with override(locale.language_code):
            translation.title = _(TITLE)
            translation.introduction = format_html("<p>{}</p>", _(INTRODUCTION))
        translation.save_revision().publish()
    return site
