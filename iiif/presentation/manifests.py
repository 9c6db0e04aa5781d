"""The IIIF manifest of a published register object.

Built from the same presenter as the object page (:class:`registry.presenters.ObjectPage`),
once per content language, so a manifest says what the pages say, in every language the
object has. Every row comes in one fetch with the object page's fixed set of prefetches; the
vocabulary's translations cost one query per kind and language. Restricted data
(``RestrictedObjectData``) is never read.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from registry.models import RegisterObject
from registry.presenters import ObjectPage, Text, reverse_in_languages, source_language

from . import images
from .http import CONTEXT
from .languages import content_languages, message_map, none_map, text_map

#: Metadata rows in the order viewers show them: (label msgid, values of one view).
METADATA = (
    (gettext_noop("Object type"), lambda view: [view.object_type]),
    (gettext_noop("Date or period"), lambda view: [view.date]),
    (gettext_noop("Makers"), lambda view: [maker_text(maker) for maker in view.makers]),
    (gettext_noop("Materials"), lambda view: view.materials),
    (gettext_noop("Techniques"), lambda view: view.techniques),
    (
        gettext_noop("Measurements"),
        lambda view: [measurement_text(m) for m in view.measurements],
    ),
    (gettext_noop("Place of origin or discovery"), lambda view: [view.place_of_origin]),
    (gettext_noop("Subject"), lambda view: [view.subject]),
    (gettext_noop("Distinguishing features"), lambda view: [view.distinguishing_features]),
    (gettext_noop("Holding museum"), lambda view: [view.holder.name] if view.holder else []),
    (gettext_noop("Status"), lambda view: [Text(str(view.status_label))]),
)


def maker_text(maker):
    """ "Name (dates), role", marked with the language of its name or role."""
    text = maker.name.value
    if maker.dates:
        text = f"{text} ({maker.dates})"
    if maker.role:
        text = f"{text}, {maker.role.value}"
    return Text(text, maker.name.lang or maker.role.lang)


def measurement_text(measurement):
    label = str(measurement.dimension_label)
    return Text(
        f"{label[:1].upper()}{label[1:]}: {measurement.value_text} {measurement.unit_label}"
    )


def cache_seconds():
    """How long a built manifest is reused while its object's rows stay unchanged."""
    return getattr(settings, "IIIF_PRESENTATION_CACHE_SECONDS", 300)


def cached_manifest(register_id, request):
    """The object's manifest, rebuilt whenever any of its rows changes.

    One indexed query reads the published rows' ids and ``updated_at`` (the importer and
    the editor both set it, and publication is part of the query), so an edit or an
    unpublished object shows at once; only what lies outside the object's rows (a museum's
    or a term's translation) may take ``IIIF_PRESENTATION_CACHE_SECONDS`` to show. No
    published source row: 404 without building anything.
    """
    rows = sorted(
        RegisterObject.objects.public()
        .filter(register_id=register_id, locale__language_code__in=content_languages())
        .values_list("pk", "locale__language_code", "updated_at")
    )
    if source_language() not in {language for _pk, language, _updated in rows}:
        raise Http404(_("No such object."))
    state = repr((request.build_absolute_uri("/"), rows)).encode()
    key = "iiif:manifest:" + hashlib.blake2b(state, digest_size=16).hexdigest()
    manifest = cache.get(key) if cache_seconds() else None
    if manifest is None:
        manifest = object_manifest(object_views(register_id, request), request)
        if cache_seconds():
            cache.set(key, manifest, cache_seconds())
    return manifest


def object_views(register_id, request):
    """The object page's presenter in each content language, the source first.

    Raises :class:`~django.http.Http404` unless the object is published.
    """
    rows = {
        row.locale.language_code: row
        for row in RegisterObject.objects.public()
        .filter(register_id=register_id, locale__language_code__in=content_languages())
        .with_page_relations()
    }
    source = rows.get(source_language())
    if source is None:
        raise Http404(_("No such object."))
    views = []
    for language in content_languages():
        translated = rows.get(language) if language != source_language() else None
        with translation.override(language):
            views.append(ObjectPage(source, translated, language, request))
    return views


def manifest_id(register_id, request):
    return request.build_absolute_uri(reverse("iiif:object_manifest", args=[register_id]))


def museum_collection_id(museum, request):
    return request.build_absolute_uri(reverse("iiif:museum_collection", args=[museum.code]))


def object_manifest(views, request):
    """The Presentation 3.0 manifest of the object seen through ``views``."""
    source_view = views[0]
    source = source_view.source
    register_id = source_view.register_id
    manifest_url = manifest_id(register_id, request)
    manifest = {
        "@context": CONTEXT,
        "id": manifest_url,
        "type": "Manifest",
        "label": text_map(views, lambda view: [view.title]),
    }
    summary = text_map(views, lambda view: [view.description])
    if summary:
        manifest["summary"] = summary
    manifest["metadata"] = metadata(views)
    if source_view.rights_url:
        manifest["rights"] = source_view.rights_url
    credit = text_map(views, lambda view: [view.credit_line])
    if credit:
        manifest["requiredStatement"] = {
            "label": message_map(gettext_noop("Credit line")),
            "value": credit,
        }
    if source_view.holder is not None:
        manifest["provider"] = [provider(views, source.holder, request)]
    manifest["homepage"] = homepages(views, "registry:object_detail", "text/html", request)
    manifest["seeAlso"] = [
        {
            "id": page["id"],
            "type": "Dataset",
            "label": page["label"],
            "format": "application/ld+json",
            "profile": "https://schema.org/",
            "language": page["language"],
        }
        for page in homepages(views, "registry:object_jsonld", "application/ld+json", request)
    ]
    if source.holder is not None:
        manifest["partOf"] = [
            {"id": museum_collection_id(source.holder, request), "type": "Collection"}
        ]
    photos = list(unique_photos(source_view))
    if photos:
        first = photos[0].image
        manifest["thumbnail"] = images.thumbnail(
            first.iiif_identifier, first.width, first.height, request
        )
    canvases = Canvases(views, manifest_url, request)
    manifest["items"] = [canvases.canvas(photo) for photo in photos]
    return manifest


def metadata(views):
    rows = [
        {
            "label": message_map(gettext_noop("Register ID")),
            "value": none_map(views[0].register_id),
        },
    ]
    if views[0].inventory_number:
        rows.append(
            {
                "label": message_map(gettext_noop("Inventory number")),
                "value": none_map(views[0].inventory_number),
            }
        )
    for label, read in METADATA:
        value = text_map(views, read)
        if value:
            rows.append({"label": message_map(label), "value": value})
    return rows


def homepages(views, viewname, media_type, request):
    """The object's pages (or documents) in each language, labelled with its title."""
    urls = reverse_in_languages(viewname, args=[views[0].register_id])
    titles = text_map(views, lambda view: [view.title])
    return [
        {
            "id": request.build_absolute_uri(urls[view.language]),
            "type": "Text" if media_type == "text/html" else "Dataset",
            "label": {view.language: titles.get(view.language, titles[source_language()])},
            "format": media_type,
            "language": [view.language],
        }
        for view in views
    ]


def provider(views, museum, request):
    """The holding museum as an Agent: its name in each language and its website."""
    names = text_map(views, lambda view: [view.holder.name])
    agent = {
        "id": museum_collection_id(museum, request) + "#museum",
        "type": "Agent",
        "label": names,
    }
    website = views[0].holder.website
    if website:
        agent["homepage"] = [{"id": website, "type": "Text", "label": names, "format": "text/html"}]
    if views[0].holder.wikidata_url:
        agent["seeAlso"] = [{"id": views[0].holder.wikidata_url, "type": "Dataset"}]
    return agent


def unique_photos(view):
    """The source row's photographs in order, each image once."""
    seen = set()
    for photo in view.photos:
        if photo.image.pk not in seen and photo.image.width and photo.image.height:
            seen.add(photo.image.pk)
            yield photo


class Canvases:
    """Canvases of one object: one per photograph, painted by its image's IIIF service.

    Labels and credits come from each language's own photograph rows (captions, else alt
    text), matched to the source's photographs by image.
    """

    def __init__(self, views, manifest_url, request):
        self.views = views
        self.manifest_url = manifest_url
        self.request = request
        self.photos = {view.language: {p.image.pk: p for p in view.photos} for view in views}

    def texts(self, image, read):
        """A language map of ``read(photo)`` over each language's photograph of ``image``."""

        def of_view(view):
            photo = self.photos[view.language].get(image.pk)
            return [read(photo)] if photo is not None else []

        return text_map(self.views, of_view)

    def canvas(self, photo):
        image = photo.image
        canvas_url = f"{self.manifest_url}/canvas/{image.iiif_identifier}"
        result = {"id": canvas_url, "type": "Canvas"}
        label = self.texts(image, lambda own: own.caption or own.alt)
        if label:
            result["label"] = label
        result["width"] = image.width
        result["height"] = image.height
        if photo.rights_url:
            result["rights"] = photo.rights_url
        credit = self.texts(image, lambda own: own.credit)
        if credit:
            result["requiredStatement"] = {
                "label": message_map(gettext_noop("Credit")),
                "value": credit,
            }
        service_url = images.service_id(image.iiif_identifier, self.request)
        body = images.image_resource(
            service_url, image.width, image.height, images.painting_max_size()
        )
        result["items"] = [
            {
                "id": f"{canvas_url}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_url}/page/painting",
                        "type": "Annotation",
                        "motivation": "painting",
                        "body": body,
                        "target": canvas_url,
                    }
                ],
            }
        ]
        return result
