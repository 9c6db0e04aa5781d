"""A WSGI fast path for image requests: tiles without Django's request cycle.

Deep-zoom viewers ask for hundreds of tiles a minute; for a tile already in the storage cache,
Django's middleware stack and URL resolution cost more than the answer. This wrapper goes
around the WSGI application (portal/wsgi.py):

    application = TileFastPath(get_wsgi_application())

and answers a GET or HEAD of an image request when the image is public (the same rule and
lookup as the view) and the parameters parse and resolve: a 304, the stored bytes, a fresh
render, or the 503 of a busy server, with the view's own headers (one function builds both).
Every other request, errors included, goes to Django unchanged, so a 400 or a 404 looks the
same whichever path it would have taken. Database connections are handled as in Django's
cycle: request_started and request_finished are sent.

The public images the fast path has looked up are kept for IIIF_FASTPATH_CACHE_SECONDS
(default 5; 0 turns it off) in a small per-process LRU: the database query cost more than
the rest of a cached tile. So an image unpublished (or given a new file) is still served by a
worker that saw it public for at most that long; then its requests go back to the lookup,
and to Django's 404. Only public answers are kept: a 404 is always looked up afresh, and a
request that fails with a kept image is handed to Django, which looks it up again.
"""

import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core import signals
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse

from . import info
from .access import public_image
from .load import Overloaded
from .params import V2, V3, ParameterError, parse
from .views import image_response, overloaded

_REQUEST = re.compile(r"^(?P<identifier>[^/]+)/([^/]+)/([^/]+)/([^/]+)/([^/]+)$")
_KEPT_IMAGES = 256


class PublicImages:
    """Public images by identifier, each kept for ``seconds`` (an LRU of ``size``)."""

    def __init__(self, size=_KEPT_IMAGES):
        self.size, self.kept, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, identifier):
        with self.lock:
            entry = self.kept.get(identifier)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                del self.kept[identifier]
                return None
            self.kept.move_to_end(identifier)
            return entry[1]

    def keep(self, identifier, image, seconds):
        if seconds <= 0:
            return
        with self.lock:
            self.kept[identifier] = (time.monotonic() + seconds, image)
            self.kept.move_to_end(identifier)
            while len(self.kept) > self.size:
                self.kept.popitem(last=False)

    def forget(self, identifier):
        with self.lock:
            self.kept.pop(identifier, None)


class TileFastPath:
    def __init__(self, application):
        self.application = application
        self._prefixes = None
        self.images = PublicImages()

    def prefixes(self):
        """{path prefix: version}, e.g. {"/iiif/3/": 3}, from the URLconf (once)."""
        if self._prefixes is None:
            self._prefixes = {
                reverse(name, args=["-"])[:-1]: version
                for name, version in (("iiif:image_base", V3), ("iiif:image2_base", V2))
            }
        return self._prefixes

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            response = self.answer(environ)
            if response is not None:
                status = f"{response.status_code} {response.reason_phrase}"
                start_response(status, list(response.items()))
                return response  # its close() sends request_finished
        return self.application(environ, start_response)

    def answer(self, environ):
        path = environ.get("PATH_INFO", "")
        prefix = next((p for p in self.prefixes() if path.startswith(p)), None)
        match = prefix is not None and _REQUEST.match(path[len(prefix) :])
        if not match:
            return None
        version = self.prefixes()[prefix]
        identifier, *segments = match.groups()
        try:
            parsed = parse(version, *segments)
        except ParameterError:
            return None
        request = WSGIRequest(environ)
        try:
            request.get_host()
        except DisallowedHost:  # Django answers it, with its own 400
            return None
        signals.request_started.send(sender=self.__class__, environ=environ)
        try:
            response = self.respond(request, identifier, parsed, version)
        finally:
            if response is None:
                signals.request_finished.send(sender=self.__class__)
        return response

    def respond(self, request, identifier, parsed, version):
        image = self.images.get(identifier)
        kept = image is not None
        if not kept:
            image = public_image(identifier)
            if image is None:
                return None
            seconds = getattr(settings, "IIIF_FASTPATH_CACHE_SECONDS", 5)
            self.images.keep(identifier, image, seconds)
        try:
            resolved = parsed.resolve(image.width, image.height, info.limits())
        except ParameterError:
            return None
        try:
            return image_response(request, image, resolved, version)
        except Overloaded:
            response = overloaded()
            response["Access-Control-Allow-Origin"] = "*"
            return response
        except Exception:
            if not kept:
                raise
            # A kept row may be stale (a new file, a deleted pyramid): Django looks it up.
            self.images.forget(identifier)
            return None
