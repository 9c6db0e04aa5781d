"""Public pages of register objects: the object page and the collection listing.

The views fetch rows and render; what a page shows is worked out in
:mod:`registry.presenters`, and its schema.org description in :mod:`registry.jsonld`.
"""

from math import ceil

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from registry import jsonld
from registry.models import RegisterObject
from registry.presenters import (
    ObjectPage,
    current_language,
    object_cards,
    reverse_in_languages,
    source_language,
    unprefixed,
)


def object_detail(request, register_id):
    """The public page of one register object, in the reader's language or with fallback."""
    language = current_language()
    languages = {source_language(), language}
    rows = {
        row.locale.language_code: row
        for row in RegisterObject.objects.public()
        .filter(register_id=register_id, locale__language_code__in=languages)
        .with_page_relations()
        .prefetch_related("images__image__renditions")
    }
    source = rows.get(source_language())
    if source is None:
        raise Http404(_("No such object."))
    translation_row = rows.get(language) if language != source_language() else None
    page = ObjectPage(source, translation_row, language, request)
    alternate_urls = reverse_in_languages("registry:object_detail", args=[register_id])
    return render(
        request,
        "registry/object_detail.html",
        {
            "object_page": page,
            "json_ld": jsonld.script_json(jsonld.visual_artwork(page)),
            "alternate_urls": alternate_urls,
            "x_default_url": unprefixed(alternate_urls[source_language()]),
            # The object is inside the collection: its menu item is current, not the page.
            "collection_current": "true",
        },
    )


class CappedPaginator(Paginator):
    """A paginator that never offers more than ``max_pages`` pages."""

    def __init__(self, *args, max_pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_pages = max_pages

    @cached_property
    def num_pages(self):
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        hits = max(1, self.count - self.orphans)
        return min(ceil(hits / self.per_page), self.max_pages)


def page_number(request):
    """The requested page number; anything but a positive decimal number is a 404."""
    value = request.GET.get("page", "1")
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise Http404(_("There is no such page."))
    return int(value)


def object_list(request):
    """The collection, page by page: source rows for completeness, translated per page."""
    number = page_number(request)
    queryset = (
        RegisterObject.objects.public()
        .in_source_locale()
        .with_card_relations()
        .order_by("register_id")
    )
    paginator = CappedPaginator(
        queryset,
        settings.PORTAL_OBJECTS_PER_PAGE,
        max_pages=settings.PORTAL_OBJECTS_MAX_PAGE,
    )
    try:
        page = paginator.page(number)
    except InvalidPage as error:
        raise Http404(_("There is no such page.")) from error
    query = f"?page={number}" if number > 1 else ""
    alternate_urls = reverse_in_languages("registry:object_list", query=query)
    return render(
        request,
        "registry/object_list.html",
        {
            "page_obj": page,
            "paginator": paginator,
            "cards": object_cards(page.object_list),
            "page_range": list(paginator.get_elided_page_range(number, on_each_side=2)),
            "alternate_urls": alternate_urls,
            "x_default_url": unprefixed(alternate_urls[source_language()]),
            "collection_current": "page",
        },
    )
