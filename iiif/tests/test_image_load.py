"""Load: a per-process limit on concurrent renders sheds load with 503 + Retry-After, while
cached responses and 304s need no render slot; libvips keeps bounded caches."""

import pytest

from iiif.image import load, pixels
from iiif.tests.test_image_views import quadrants_image, url

pytestmark = pytest.mark.django_db


def test_a_render_beyond_the_limit_gets_503_with_retry_after(client, settings):
    image = quadrants_image()
    settings.IIIF_MAX_CONCURRENT_RENDERS = 3
    cached = client.get(url(image, "full/120,/0/default.jpg"))
    assert cached.status_code == 200
    semaphore = load.slots()
    taken = [semaphore.acquire(blocking=False) for _ in range(3)]
    settings.IIIF_RENDER_WAIT = 0.01
    settings.IIIF_RETRY_AFTER = 7
    try:
        shed = client.get(url(image, "full/130,/0/default.jpg"))
        assert shed.status_code == 503
        assert shed["Retry-After"] == "7"
        assert shed["Access-Control-Allow-Origin"] == "*"
        assert "Cache-Control" not in shed or "max-age=31536000" not in shed["Cache-Control"]
        # Work that needs no pixels goes on.
        assert client.get(url(image, "full/120,/0/default.jpg")).status_code == 200
        again = client.get(url(image, "full/120,/0/default.jpg"), HTTP_IF_NONE_MATCH=cached["ETag"])
        assert again.status_code == 304
        assert client.get(url(image, "info.json")).status_code == 200
    finally:
        for _ in taken:
            semaphore.release()
    assert client.get(url(image, "full/130,/0/default.jpg")).status_code == 200


def test_libvips_caches_are_bounded(settings):
    import pyvips

    settings.IIIF_VIPS_CACHE_BYTES = 32 * 1024 * 1024
    pixels.VipsBackend()
    assert pyvips.cache_get_max_mem() == 32 * 1024 * 1024
    assert pyvips.cache_get_max() == 100
