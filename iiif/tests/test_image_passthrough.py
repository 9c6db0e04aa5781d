"""Whole pyramid tiles are served as the pyramid stores them (iiif.image.tiles): same pixels
as a render, no render, nothing stored; everything else is rendered as before. The fast path
keeps public images for a few seconds, and no longer."""

import time
from io import BytesIO
from unittest import mock

import pytest
import pyvips
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageChops, ImageStat

from iiif.image import info, pixels, service, storage, tiles
from iiif.image.params import V3, parse
from iiif.models import ImagePyramid
from iiif.tests.test_image_fastpath import app, call  # noqa: F401 - the fixture
from iiif.tests.test_image_views import url
from portal.models import PortalImage
from registry.models import RegisterObject
from registry.tests import builders

pytestmark = pytest.mark.django_db

SIZE = (1100, 700)  # level 0: 4 × 2 whole tiles; level 1 (550 × 350): 2 whole tiles


def photo_png(width, height):
    """Colour gradients with noise: detail a wrong colour space or table would spoil."""
    red = Image.linear_gradient("L").rotate(90).resize((width, height))
    green = Image.linear_gradient("L").resize((width, height))
    blue = Image.effect_noise((width, height), 12)
    buffer = BytesIO()
    Image.merge("RGB", (red, green, blue)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def photo(django_capture_on_commit_callbacks):
    image = PortalImage(title="photo", file=ContentFile(photo_png(*SIZE), name="p.png"))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert ImagePyramid.objects.get(image=image).is_current(image)
    return image


def decode(data):
    return Image.open(BytesIO(data)).convert("RGB")


def max_difference(first, second):
    return max(high for _low, high in ImageChops.difference(first, second).getextrema())


def mean_difference(first, second):
    histogram = ImageChops.difference(first, second).convert("L").histogram()
    return sum(value * count for value, count in enumerate(histogram)) / sum(histogram)


def rendered_jpeg(image, tail):
    """What the render path makes of a request: libvips from the pyramid, IIIF_JPEG_QUALITY."""
    parsed = parse(V3, *tail.split("/"))
    resolved = parsed.resolve(image.width, image.height, info.limits())
    backend = pixels.get_backend()
    return backend.render(service.source_for(image, backend), resolved)


def no_render():
    return mock.patch.object(pixels.VipsBackend, "render", side_effect=AssertionError("render"))


@pytest.mark.parametrize(
    "tail",
    [
        "256,256,256,256/256,256/0/default.jpg",  # level 0, an inner tile
        "768,0,256,256/256,/0/color.jpg",  # level 0, the last whole column
        "512,0,512,512/256,256/0/default.jpg",  # level 1
        "0,0,512,512/256,/360/default.jpg",  # level 1; 360° is no rotation
    ],
)
def test_a_whole_stored_tile_is_served_as_stored_without_a_render(client, photo, tail):
    with no_render():
        response = client.get(url(photo, tail))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    served = decode(response.content)
    assert served.size == (256, 256)
    # The same request rendered losslessly from the pyramid: the stored tile's own pixels.
    lossless = decode(client.get(url(photo, tail.rsplit(".", 1)[0] + ".png")).content)
    assert max_difference(served, lossless) <= 2
    # And the render path's JPEG (quality IIIF_JPEG_QUALITY) is the same picture.
    assert mean_difference(served, decode(rendered_jpeg(photo, tail))) < 3
    # Nothing was stored: the pyramid is the cache.
    canonical = url(photo, tail).split("/", 4)[-1]
    assert not default_storage.exists(storage.cache_name(photo, canonical))


@pytest.mark.parametrize(
    "tail",
    [
        "1024,0,76,256/76,256/0/default.jpg",  # the edge column, narrower than a tile
        "0,512,256,188/256,188/0/default.jpg",  # the edge row
        "100,100,256,256/256,256/0/default.jpg",  # not aligned to the tile grid
        "0,0,256,256/128,128/0/default.jpg",  # scaled: not one tile of any level
        "0,0,512,256/256,128/0/default.jpg",  # half a level-1 tile
        "256,256,256,256/256,256/0/default.png",  # another format
        "256,256,256,256/256,256/0/gray.jpg",  # another quality
        "256,256,256,256/256,256/90/default.jpg",  # rotated
        "256,256,256,256/256,256/!0/default.jpg",  # mirrored
    ],
)
def test_everything_else_is_rendered(client, photo, tail):
    with mock.patch.object(
        pixels.VipsBackend, "render", autospec=True, side_effect=pixels.VipsBackend.render
    ) as render:
        response = client.get(url(photo, tail))
    assert response.status_code == 200
    assert render.call_count == 1


def test_headers_and_conditional_requests_are_unchanged(client, photo):
    tail = "256,256,256,256/256,256/0/default.jpg"
    canonical = "256,256,256,256/max/0/default.jpg"
    with no_render():
        response = client.get(url(photo, tail))
        not_modified = client.get(url(photo, tail), HTTP_IF_NONE_MATCH=response["ETag"])
    assert response["ETag"] == service.etag(photo, canonical)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=31536000"
    assert response["Link"].startswith(f"<http://testserver{url(photo, canonical)}>;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not_modified.status_code == 304 and not_modified["ETag"] == response["ETag"]
    assert not_modified["Access-Control-Allow-Origin"] == "*"


def test_the_fast_path_serves_stored_tiles_with_the_views_headers(client, photo, app):  # noqa: F811
    fast, django = app
    path = url(photo, "512,256,256,256/256,256/0/default.jpg")
    view = client.get(path)
    with no_render():
        status, headers, content = call(fast, path)
    assert (status, django.calls) == (200, 0)
    assert content == view.content
    for name in ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Link"):
        assert headers[name] == view[name], name
    assert headers["Access-Control-Allow-Origin"] == "*"


# The TIFF reader ---------------------------------------------------------------------------------


def write_pyramid(path, image, **options):
    image.tiffsave(
        str(path), tile=True, tile_width=256, tile_height=256, pyramid=True, keep="none", **options
    )


def reference(path, page, box):
    return decode(pyvips.Image.tiffload(str(path), page=page).crop(*box).pngsave_buffer())


def test_grey_pyramids_are_spliced_too(tmp_path):
    grey = pyvips.Image.gaussnoise(600, 600, mean=128, sigma=40).cast("uchar")
    path = tmp_path / "grey.tif"
    write_pyramid(path, grey.copy(interpretation="b-w"), compression="jpeg", Q=90)
    data = tiles.stored_jpeg(str(path), 0, (256, 0, 256, 256), (256, 256))
    assert Image.open(BytesIO(data)).mode == "L"
    assert max_difference(decode(data), reference(path, 0, (256, 0, 256, 256))) <= 2


def test_what_cannot_be_spliced_is_none(tmp_path):
    rgb = pyvips.Image.gaussnoise(600, 600, mean=128, sigma=40).cast("uchar").bandjoin([0, 0])
    deflated = tmp_path / "deflate.tif"
    write_pyramid(deflated, rgb.copy(interpretation="srgb"), compression="deflate")
    assert tiles.stored_jpeg(str(deflated), 0, (0, 0, 256, 256), (256, 256)) is None
    assert tiles.stored_jpeg(str(tmp_path / "missing.tif"), 0, (0, 0, 256, 256), (256, 256)) is None
    not_a_tiff = tmp_path / "text.tif"
    not_a_tiff.write_bytes(b"hello, this is not a TIFF at all")
    assert tiles.stored_jpeg(str(not_a_tiff), 0, (0, 0, 256, 256), (256, 256)) is None


def test_a_rebuilt_file_is_read_afresh(tmp_path):
    """The index is keyed by the file's identity: a pyramid rewritten under the same name is
    parsed again, never read with the old file's offsets."""
    path = tmp_path / "p.tif"
    box = (256, 256, 256, 256)
    for mean in (40, 200):
        noise = pyvips.Image.gaussnoise(800, 800, mean=mean, sigma=30).cast("uchar")
        image = noise.bandjoin([noise, noise]).copy(interpretation="srgb")
        write_pyramid(path, image, compression="jpeg", Q=90)
        data = tiles.stored_jpeg(str(path), 0, box, (256, 256))
        assert all(abs(value - mean) < 8 for value in ImageStat.Stat(decode(data)).mean)


# The fast path's kept images ---------------------------------------------------------------------


def test_an_unpublished_image_leaves_the_fast_path_within_its_seconds(app, settings):  # noqa: F811
    fast, django = app
    settings.IIIF_FASTPATH_CACHE_SECONDS = 5
    obj = builders.register_object()
    image = PortalImage(title="shown", file=ContentFile(photo_png(300, 200), name="s.png"))
    image.save()
    builders.add_photo(obj, image=image)
    path = url(image, "full/max/0/default.jpg")
    assert call(fast, path)[0] == 200
    RegisterObject.objects.filter(pk=obj.pk).update(published=False)  # no signal
    assert (call(fast, path)[0], django.calls) == (200, 0)  # kept, as documented
    later = time.monotonic() + 6
    with mock.patch("iiif.image.wsgi.time.monotonic", return_value=later):
        assert (call(fast, path)[0], django.calls) == (404, 1)


def test_without_kept_images_unpublishing_is_immediate(app, settings):  # noqa: F811
    fast, django = app
    settings.IIIF_FASTPATH_CACHE_SECONDS = 0
    obj = builders.register_object()
    image = PortalImage(title="shown", file=ContentFile(photo_png(300, 200), name="s.png"))
    image.save()
    builders.add_photo(obj, image=image)
    path = url(image, "full/max/0/default.jpg")
    assert call(fast, path)[0] == 200
    RegisterObject.objects.filter(pk=obj.pk).update(published=False)
    assert (call(fast, path)[0], django.calls) == (404, 1)


def test_a_stale_kept_image_is_handed_to_django(app, settings):  # noqa: F811
    fast, django = app
    settings.IIIF_FASTPATH_CACHE_SECONDS = 5
    image = PortalImage(title="shown", file=ContentFile(photo_png(300, 200), name="s.png"))
    image.save()
    path = url(image, "full/max/0/default.jpg")
    assert call(fast, path)[0] == 200
    with mock.patch.object(service, "cached", side_effect=OSError("gone")):
        call(fast, path)  # the kept image fails: forgotten, and Django answers (a 500 here)
    assert django.calls == 1
    assert (call(fast, path)[0], django.calls) == (200, 1)  # looked up afresh, kept again
