"""IIIF Image API 3.0 (level 2) and 2.1 endpoints.

Order of work for an image request, cheapest refusal first: the path is parsed (400/501 for
any identifier alike), the image is looked up under the publication rule (404, identical for
unknown and unpublished), the request is resolved against its width and height (400 for
upscaling without ^ or sizes beyond the limits), a conditional request is answered (304),
the storage cache is read, and only then are pixels rendered, in a render slot (503 with
Retry-After when none frees in time). Every response, errors and OPTIONS included, carries
``Access-Control-Allow-Origin: *``.
"""

import json
from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import get_script_prefix, reverse
from django.utils.cache import get_conditional_response
from django.utils.http import RFC3986_SUBDELIMS, http_date
from django.utils.translation import gettext as _

from . import info, service
from .access import public_image
from .load import Overloaded, retry_after
from .params import V3, ParameterError, parse

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
YEAR = 60 * 60 * 24 * 365


def iiif_endpoint(view):
    """GET/HEAD/OPTIONS only, with CORS on every response."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            requested = request.headers.get("Access-Control-Request-Headers")
            if requested:
                response["Access-Control-Allow-Headers"] = requested
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            response = text_response(_("Only GET, HEAD and OPTIONS are allowed."), 405)
            response["Allow"] = ALLOWED_METHODS
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def text_response(message, status):
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def not_found():
    """The one 404 of the service: unknown, malformed and unpublished identifiers alike."""
    return text_response(_("There is no image with this identifier."), 404)


def parameter_error(error):
    return text_response(f"{error.parameter}: {error.message}", error.status)


def overloaded():
    response = text_response(_("The image server is busy; please retry shortly."), 503)
    response["Retry-After"] = str(retry_after())
    return response


#: What reverse() leaves unquoted in a path argument.
_SAFE = RFC3986_SUBDELIMS + "/~:@"


def _image_prefix(version):
    """``/iiif/3/`` (or ``/iiif/2/``), as reverse() makes it: the canonical URL's start.

    Computed once per version and script prefix; reverse() for each tile cost more than the
    rest of a cached tile's headers.
    """
    key = (version, get_script_prefix())
    if key not in _prefixes:
        name = "iiif:image_base" if version == V3 else "iiif:image2_base"
        _prefixes[key] = reverse(name, args=["-"])[:-1]
    return _prefixes[key]


_prefixes = {}


def _profile_link(version):
    return f'<{info.PROFILE_3 if version == V3 else info.PROFILE_2}>;rel="profile"'


def _validators(request, etag, modified):
    """A 304 when the client's copy is current, else None."""
    return get_conditional_response(request, etag=etag, last_modified=int(modified.timestamp()))


def _cache_headers(response, etag, modified, max_age):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified.timestamp())
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


@iiif_endpoint
def image_base(request, identifier, version):
    name = "iiif:image_info" if version == V3 else "iiif:image2_info"
    return HttpResponseRedirect(reverse(name, args=[identifier]), status=303)


@iiif_endpoint
def image_info(request, identifier, version):
    image = public_image(identifier)
    if image is None:
        return not_found()
    base = "iiif:image_base" if version == V3 else "iiif:image2_base"
    service_id = request.build_absolute_uri(reverse(base, args=[identifier]))
    build = info.info_3 if version == V3 else info.info_2
    body = json.dumps(build(image, service_id), ensure_ascii=False)
    etag = service.etag(image, body)
    modified = service.last_modified(image)
    response = _validators(request, etag, modified)
    if response is None:
        if "application/ld+json" in request.headers.get("Accept", ""):
            context = info.CONTEXT_3 if version == V3 else info.CONTEXT_2
            content_type = f'application/ld+json;profile="{context}"'
        else:
            content_type = "application/json"
        response = HttpResponse(body, content_type=content_type)
    response["Link"] = _profile_link(version)
    response["Vary"] = "Accept"
    max_age = getattr(settings, "IIIF_INFO_MAX_AGE", 60 * 60)
    return _cache_headers(response, etag, modified, max_age)


@iiif_endpoint
def image_request(request, identifier, version, region, size, rotation, quality_format):
    try:
        parsed = parse(version, region, size, rotation, quality_format)
    except ParameterError as error:
        return parameter_error(error)
    image = public_image(identifier)
    if image is None:
        return not_found()
    try:
        resolved = parsed.resolve(image.width, image.height, info.limits())
    except ParameterError as error:
        return parameter_error(error)
    try:
        return image_response(request, image, resolved, version)
    except Overloaded:
        return overloaded()


def image_response(request, image, resolved, version):
    """The response to a resolved request: 304, the stored bytes, or a fresh render.

    Shared by this view and the WSGI fast path (iiif.image.wsgi). Raises load.Overloaded
    when no render slot frees in time.
    """
    canonical = resolved.canonical
    etag = service.etag(image, canonical)
    modified = service.last_modified(image)
    response = _validators(request, etag, modified)
    if response is None:
        data = service.stored_tile(image, resolved) or service.cached(image, canonical)
        if data is None:
            data = service.render(image, resolved)
        response = HttpResponse(data, content_type=resolved.media_type)
    path = f"{_image_prefix(version)}{image.iiif_identifier}/{quote(canonical, safe=_SAFE)}"
    canonical_url = request.build_absolute_uri(path)
    response["Link"] = f'<{canonical_url}>;rel="canonical", {_profile_link(version)}'
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return _cache_headers(response, etag, modified, YEAR)


@iiif_endpoint
def unknown(request, **kwargs):
    """Anything else under an image API prefix (an unescaped slash in an identifier …)."""
    return not_found()
