"""IIIF collections: each holding museum, each exhibition, and the whole portal.

A collection lists manifests by reference (id, type, label in every language, thumbnail),
built from a few queries whatever its size: the source rows with their first photograph
annotated, then every translation's title in one more query.

Presentation 3.0 has no paging for collections; a museum with more published objects than
``IIIF_COLLECTION_PAGE_SIZE`` lists numbered part collections instead of manifests, each
holding one slice of its objects in register ID order (``…/museums/<code>/<n>``). Only
published objects ever appear; restricted data is never read.
"""

import math

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from exhibitions.models import ExhibitionPage
from portal.context_processors import site_name
from portal.drift import source_objects, stream_references
from registry.models import HoldingMuseum, ObjectImage, RegisterObject
from registry.presenters import reverse_in_languages, source_language

from . import images
from .http import CONTEXT
from .languages import content_languages, message_map
from .manifests import manifest_id, museum_collection_id


def page_size():
    """Manifests in one museum collection before it is split into parts."""
    return getattr(settings, "IIIF_COLLECTION_PAGE_SIZE", 1000)


# --- references to manifests ----------------------------------------------------------------


def _first_image(field):
    return Subquery(
        ObjectImage.objects.filter(register_object=OuterRef("pk"))
        .order_by("sort_order", "pk")
        .values(f"image__{field}")[:1]
    )


def with_thumbnail(queryset):
    """Source rows with their first photograph's IIIF identifier and size, in one query."""
    return queryset.annotate(
        thumbnail_identifier=_first_image("iiif_identifier"),
        thumbnail_width=_first_image("width"),
        thumbnail_height=_first_image("height"),
    ).only("pk", "register_id", "translation_key", "title")


def titles(rows):
    """Each row's title in every content language that has its own, in one query.

    A translation that repeats the source title word for word is the source title (as on
    the object page), so it is left to the source language's entry.
    """
    labels = {row.translation_key: {source_language(): [row.title]} for row in rows}
    if len(content_languages()) > 1 and rows:
        translated = (
            RegisterObject.objects.public()
            .filter(
                translation_key__in=list(labels),
                locale__language_code__in=content_languages()[1:],
            )
            .values_list("translation_key", "locale__language_code", "title")
        )
        for key, language, title in translated:
            if title and [title] != labels[key][source_language()]:
                labels[key][language] = [title]
    return labels


def manifest_refs(rows, request):
    """References to the manifests of published source ``rows`` (from :func:`with_thumbnail`)."""
    labels = titles(rows)
    refs = []
    for row in rows:
        ref = {
            "id": manifest_id(row.register_id, request),
            "type": "Manifest",
            "label": labels[row.translation_key],
        }
        thumbnail = images.thumbnail(
            row.thumbnail_identifier, row.thumbnail_width, row.thumbnail_height, request
        )
        if thumbnail:
            ref["thumbnail"] = thumbnail
        refs.append(ref)
    return refs


def collection(collection_id, label, items, **extra):
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "Collection",
        "label": label,
        **extra,
        "items": items,
    }


def localized_map(rows, value):
    """A language map from per-locale rows (museums, pages): ``value(row)`` by language."""
    result = {}
    for row in sorted(rows, key=lambda row: content_languages().index(row.language)):
        text = value(row)
        if text:
            result[row.language] = [text]
    return result


# --- museums --------------------------------------------------------------------------------


def published_objects(museum):
    return (
        RegisterObject.objects.public()
        .in_source_locale()
        .filter(holder=museum)
        .order_by("register_id")
    )


def museum_translations(museum):
    """The museum's rows in every content language, each with its ``language``."""
    rows = list(
        HoldingMuseum.objects.filter(
            translation_key=museum.translation_key,
            locale__language_code__in=content_languages(),
        ).select_related("locale")
    )
    for row in rows:
        row.language = row.locale.language_code
    return rows


def source_museum(code):
    museum = HoldingMuseum.objects.in_source_locale().filter(code=code).first()
    if museum is None:
        raise Http404(_("No such museum."))
    return museum


def parts_label(first, last):
    """ "Objects 1–1000" in every content language."""
    result = {}
    for code in content_languages():
        with translation.override(code):
            # Translators: a part of a museum's IIIF collection, e.g. "Objects 1–1000".
            text = _("Objects %(first)s–%(last)s") % {"first": first, "last": last}
        result[code] = [text]
    return result


def museum_collection(request, code):
    """A museum's published objects, or its numbered parts when there are too many."""
    museum = source_museum(code)
    objects = published_objects(museum)
    count = objects.count()
    if count == 0:
        raise Http404(_("No such museum."))
    rows = museum_translations(museum)
    label = localized_map(rows, lambda row: row.name)
    extra = {}
    if museum.website:
        extra["homepage"] = [
            {"id": museum.website, "type": "Text", "label": label, "format": "text/html"}
        ]
    if museum.wikidata_url:
        extra["seeAlso"] = [{"id": museum.wikidata_url, "type": "Dataset"}]
    size = page_size()
    if count <= size:
        items = manifest_refs(list(with_thumbnail(objects)), request)
    else:
        items = [
            {
                "id": museum_part_id(museum, number, request),
                "type": "Collection",
                "label": parts_label((number - 1) * size + 1, min(count, number * size)),
            }
            for number in range(1, math.ceil(count / size) + 1)
        ]
    return collection(museum_collection_id(museum, request), label, items, **extra)


def museum_part_id(museum, number, request):
    return request.build_absolute_uri(
        reverse("iiif:museum_collection_part", args=[museum.code, number])
    )


def museum_part(request, code, number):
    """One slice of a museum's published objects (see the module docstring)."""
    museum = source_museum(code)
    size = page_size()
    objects = published_objects(museum)
    rows = list(with_thumbnail(objects)[(number - 1) * size : number * size]) if number else []
    if not rows:
        raise Http404(_("There is no such page."))
    first = (number - 1) * size + 1
    return collection(
        museum_part_id(museum, number, request),
        parts_label(first, first + len(rows) - 1),
        manifest_refs(rows, request),
        partOf=[{"id": museum_collection_id(museum, request), "type": "Collection"}],
    )


# --- exhibitions ----------------------------------------------------------------------------


def exhibition_pages(**filters):
    """Live, public exhibition pages in the content languages, each with its ``language``."""
    pages = list(
        ExhibitionPage.objects.live()
        .public()
        .filter(locale__language_code__in=content_languages(), **filters)
        .select_related("locale", "hero_image")
        .order_by("path")
    )
    for page in pages:
        page.language = page.locale.language_code
    return pages


def exhibition_collection_id(translation_key, request):
    return request.build_absolute_uri(reverse("iiif:exhibition_collection", args=[translation_key]))


def featured_objects(page):
    """Published source rows that ``page`` and its chapters feature, in reading order."""
    references = list(stream_references(page))
    for chapter in page.chapters():
        references.extend(stream_references(chapter))
    ids = [reference.object_id for reference in references]
    sources = source_objects(set(ids))
    order = []
    for object_id in ids:
        row = sources.get(object_id)
        if row is not None and row.published and row.pk not in order:
            order.append(row.pk)
    rows = {row.pk: row for row in with_thumbnail(RegisterObject.objects.filter(pk__in=order))}
    return [rows[pk] for pk in order]


def primary(pages):
    """The page whose streams count: the source language's, else the first translation's."""
    return next((page for page in pages if page.language == source_language()), pages[0])


def exhibition_collection(request, translation_key):
    pages = exhibition_pages(translation_key=translation_key)
    if not pages:
        raise Http404(_("No such exhibition."))
    extra = {}
    summary = localized_map(pages, lambda page: page.summary)
    if summary:
        extra["summary"] = summary
    main = primary(pages)
    if main.hero_image is not None:
        hero = main.hero_image
        extra["thumbnail"] = images.thumbnail(
            hero.iiif_identifier, hero.width, hero.height, request
        )
    extra["homepage"] = [
        {
            "id": request.build_absolute_uri(page.get_url(request=request)),
            "type": "Text",
            "label": {page.language: [page.title]},
            "format": "text/html",
            "language": [page.language],
        }
        for page in sorted(pages, key=lambda page: content_languages().index(page.language))
    ]
    extra["partOf"] = [{"id": portal_collection_id(request), "type": "Collection"}]
    return collection(
        exhibition_collection_id(translation_key, request),
        localized_map(pages, lambda page: page.title),
        manifest_refs(featured_objects(main), request),
        **extra,
    )


# --- the portal -----------------------------------------------------------------------------


def portal_collection_id(request):
    return request.build_absolute_uri(reverse("iiif:portal_collection"))


def portal_collection(request):
    """Every holding museum with published objects, then every exhibition."""
    museums = list(
        HoldingMuseum.objects.in_source_locale()
        .filter(
            pk__in=RegisterObject.objects.public().in_source_locale().values("holder_id"),
        )
        .order_by("code")
    )
    names = {}
    for row in HoldingMuseum.objects.filter(
        translation_key__in=[museum.translation_key for museum in museums],
        locale__language_code__in=content_languages(),
    ).select_related("locale"):
        row.language = row.locale.language_code
        names.setdefault(row.translation_key, []).append(row)
    items = [
        {
            "id": museum_collection_id(museum, request),
            "type": "Collection",
            "label": localized_map(names[museum.translation_key], lambda row: row.name),
        }
        for museum in museums
    ]
    exhibitions = {}
    for page in exhibition_pages():
        exhibitions.setdefault(page.translation_key, []).append(page)
    items.extend(
        {
            "id": exhibition_collection_id(key, request),
            "type": "Collection",
            "label": localized_map(pages, lambda page: page.title),
        }
        for key, pages in exhibitions.items()
    )
    label = {}
    for code in content_languages():
        with translation.override(code):
            label[code] = [site_name()]
    homepages = reverse_in_languages("wagtail_serve", args=[""])
    return collection(
        portal_collection_id(request),
        label,
        items,
        summary=message_map(
            gettext_noop(
                "The objects of the portal by holding museum, and the objects each "
                "exhibition features."
            )
        ),
        homepage=[
            {
                "id": request.build_absolute_uri(homepages[code]),
                "type": "Text",
                "label": {code: label[code]},
                "format": "text/html",
                "language": [code],
            }
            for code in content_languages()
        ],
    )
