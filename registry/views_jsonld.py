"""An object's schema.org description as a document of its own, for IIIF ``seeAlso``.

The same description the object page embeds (:func:`registry.jsonld.visual_artwork`), in
the language of the URL prefix, served as ``application/ld+json`` with CORS so that IIIF
viewers and aggregators on other sites can read it.
"""

import json

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from registry import jsonld
from registry.models import RegisterObject
from registry.presenters import ObjectPage, current_language, source_language

MAX_AGE = 3600


def object_page(request, register_id):
    """The object page's presenter in the reader's language; 404 unless published."""
    language = current_language()
    rows = {
        row.locale.language_code: row
        for row in RegisterObject.objects.public()
        .filter(register_id=register_id, locale__language_code__in={source_language(), language})
        .with_page_relations()
        .prefetch_related("images__image__renditions")
    }
    source = rows.get(source_language())
    if source is None:
        raise Http404(_("No such object."))
    translation_row = rows.get(language) if language != source_language() else None
    return ObjectPage(source, translation_row, language, request)


@require_safe
def object_jsonld(request, register_id):
    page = object_page(request, register_id)
    body = json.dumps(jsonld.visual_artwork(page), ensure_ascii=False, sort_keys=True)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Language"] = page.language
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
