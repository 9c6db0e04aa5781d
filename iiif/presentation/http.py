"""How Presentation API documents travel: media type, CORS, caching, and errors.

IIIF viewers run on other sites, so every answer (documents, ``OPTIONS`` preflights and
404s alike) carries ``Access-Control-Allow-Origin: *``. Documents are JSON-LD with the
Presentation 3 context as profile; their ETag is a digest of the body, so a client that
revalidates gets a 304 whenever nothing it would see has changed.
"""

import hashlib
import json
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
MEDIA_TYPE = f'application/ld+json;profile="{CONTEXT}"'
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def max_age():
    """Seconds clients and proxies may reuse a document (objects change status rarely)."""
    return getattr(settings, "IIIF_PRESENTATION_MAX_AGE", 3600)


def with_cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Link"
    return response


def preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match"
    response["Access-Control-Max-Age"] = "86400"
    response["Allow"] = ALLOWED_METHODS
    return with_cors(response)


def outside_language_prefixes(request):
    """Mark ``request`` as answered by the IIIF URLconf, which has no language prefixes.

    Django's LocaleMiddleware turns a 404 for a path without a language prefix into a
    redirect to ``/uk/<path>/`` whenever that path exists, and Wagtail's catch-all page
    route makes almost any path exist; Django reads ``request.urlconf`` (documented as the
    request's own root URLconf) to decide, so a IIIF 404 stays a 404.
    """
    request.urlconf = "iiif.urls"


def refusal(status, reason):
    """A plain-text error that names its reason, with CORS so viewers can read it."""
    response = HttpResponse(reason, status=status, content_type="text/plain; charset=utf-8")
    if status == 405:
        response["Allow"] = ALLOWED_METHODS
    patch_cache_control(response, no_cache=True)
    return with_cors(response)


def document_response(request, document):
    """``document`` as IIIF JSON-LD, or 304 when the client's copy is current."""
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type=MEDIA_TYPE)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=max_age())
    return with_cors(response)


def iiif_view(build):
    """A view from ``build(request, **kwargs) -> dict``: preflight, methods, 404 with CORS.

    ``build`` raises :class:`~django.http.Http404` (with a reason) for anything that is not
    published; the reason becomes the body of the 404.
    """

    @wraps(build)
    def view(request, **kwargs):
        if request.method == "OPTIONS":
            return preflight()
        if request.method not in ("GET", "HEAD"):
            return refusal(405, _("Only GET, HEAD and OPTIONS are allowed here."))
        try:
            document = build(request, **kwargs)
        except Http404 as error:
            outside_language_prefixes(request)
            return refusal(404, str(error) or _("Not found."))
        return document_response(request, document)

    return view
