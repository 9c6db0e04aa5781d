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
"""

import re

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


class TileFastPath:
    def __init__(self, application):
        self.application = application
        self._prefixes = None

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
        image = public_image(identifier)
        response = None
        if image is not None:
            try:
                resolved = parsed.resolve(image.width, image.height, info.limits())
            except ParameterError:
                resolved = None
            if resolved is not None:
                try:
                    response = image_response(request, image, resolved, version)
                except Overloaded:
                    response = overloaded()
                    response["Access-Control-Allow-Origin"] = "*"
        if response is None:
            signals.request_finished.send(sender=self.__class__)
        return response
