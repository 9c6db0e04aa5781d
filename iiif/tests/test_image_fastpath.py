"""The WSGI fast path answers image requests exactly as the view does, and hands everything
else (errors, unpublished and unknown images, info.json, other pages) to Django."""

from unittest import mock

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory

from iiif.image import load, pixels
from iiif.image.wsgi import TileFastPath
from iiif.tests.test_image_views import quadrants_image, url
from registry.tests import builders

pytestmark = pytest.mark.django_db


class Recorder:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.handler, self.calls = WSGIHandler(), 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


def call(application, path, **headers):
    environ = RequestFactory().get(path, **headers).environ
    answer = {}

    def start_response(status, response_headers):
        answer["status"], answer["headers"] = status, dict(response_headers)

    # As Django's test client does: the test's transaction must survive the request signals.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        body = application(environ, start_response)
        content = b"".join(body)
        body.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return int(answer["status"].split()[0]), answer["headers"], content


@pytest.fixture
def app():
    django = Recorder()
    return TileFastPath(django), django


IIIF_HEADERS = (
    "Content-Type",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Link",
    "Access-Control-Allow-Origin",
    "X-Content-Type-Options",
)


def test_stored_tiles_are_served_like_the_view_without_django(client, app):
    fast, django = app
    image = quadrants_image()
    path = url(image, "pct:0,0,50,50/150,/0/default.jpg")
    status, headers, content = call(fast, path)  # rendered and stored, without Django
    assert (status, django.calls) == (200, 0)
    view = client.get(path)
    with mock.patch.object(pixels.VipsBackend, "render", side_effect=AssertionError("render")):
        status, headers, content = call(fast, path)
        not_modified, headers_304, _ = call(fast, path, HTTP_IF_NONE_MATCH=view["ETag"])
    assert django.calls == 0  # none reached Django
    assert status == 200 and content == view.content
    for name in IIIF_HEADERS:
        assert headers[name] == view[name], name
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert not_modified == 304 and headers_304["ETag"] == view["ETag"]


def test_everything_else_goes_to_django(app):
    fast, django = app
    hidden = builders.register_object(published=False)
    hidden_image = quadrants_image()
    builders.add_photo(hidden, image=hidden_image)
    image = quadrants_image()
    cases = [
        (url(image, "full/max/0/nonsense.png"), 400),
        (url(image, "full/601,/0/default.png"), 400),
        (url(hidden_image, "full/max/0/default.png"), 404),
        ("/iiif/3/AAAAAAAAAAAAAAAAAAAAAA/full/max/0/default.jpg", 404),
        (url(image, "info.json"), 200),
        ("/no-such-page/", 302),  # to the language prefix: Django answered
    ]
    for number, (path, expected) in enumerate(cases, start=1):
        status, _headers, _content = call(fast, path)
        assert status == expected, path
        assert django.calls == number, path
    status, _headers, _content = call(fast, url(image, "full/max/0/default.png"))
    assert (status, django.calls) == (200, len(cases))  # a public image: served without Django


def test_a_busy_server_sheds_load_on_the_fast_path_too(app, settings):
    fast, django = app
    image = quadrants_image()
    settings.IIIF_MAX_CONCURRENT_RENDERS = 1
    settings.IIIF_RENDER_WAIT = 0.01
    semaphore = load.slots()
    assert semaphore.acquire(blocking=False)
    try:
        status, headers, _content = call(fast, url(image, "full/99,/0/default.jpg"))
    finally:
        semaphore.release()
    assert status == 503
    assert headers["Retry-After"] and headers["Access-Control-Allow-Origin"] == "*"
    assert django.calls == 0


def test_an_unknown_host_is_left_to_django(app):
    fast, django = app
    image = quadrants_image()
    path = url(image, "full/max/0/default.jpg")
    call(fast, path)
    status, _headers, _content = call(fast, path, HTTP_HOST="evil.example")
    assert status == 400
    assert django.calls == 1
