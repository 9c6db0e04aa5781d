"""The IIIF Image API endpoints: info.json, image requests, redirects, CORS, errors, the
publication rule, conditional requests and the storage cache."""

import json
from io import BytesIO
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from iiif.image import pixels, storage
from portal.models import PortalImage
from registry.tests import builders

pytestmark = pytest.mark.django_db

RED, GREEN, BLUE, YELLOW = (200, 30, 30), (30, 200, 30), (30, 30, 200), (220, 220, 40)
WIDTH, HEIGHT = 600, 400


def quadrants_png(width=WIDTH, height=HEIGHT):
    """Four coloured quadrants: red, green on top; blue, yellow below."""
    image = Image.new("RGB", (width, height), RED)
    image.paste(GREEN, (width // 2, 0, width, height // 2))
    image.paste(BLUE, (0, height // 2, width // 2, height))
    image.paste(YELLOW, (width // 2, height // 2, width, height))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def quadrants_image(title="quadrants", **fields):
    image = PortalImage(
        title=title, file=ContentFile(quadrants_png(), name="secret-name.png"), **fields
    )
    image.save()
    return image


def decode(response):
    return Image.open(
        BytesIO(b"".join(response.streaming_content))
        if response.streaming
        else BytesIO(response.content)
    )


def close(colour, expected, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def url(image, tail, version=3):
    return f"/iiif/{version}/{image.iiif_identifier}/{tail}"


@pytest.fixture
def image():
    return quadrants_image()


# info.json -------------------------------------------------------------------------------------


def test_info_json_3_declares_sizes_tiles_limits_formats_and_qualities(client, image):
    response = client.get(url(image, "info.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Link"] == '<http://iiif.io/api/image/3/level2.json>;rel="profile"'
    info = json.loads(response.content)
    assert info["@context"] == "http://iiif.io/api/image/3/context.json"
    assert info["id"] == f"http://testserver/iiif/3/{image.iiif_identifier}"
    assert (info["type"], info["protocol"], info["profile"]) == (
        "ImageService3",
        "http://iiif.io/api/image",
        "level2",
    )
    assert (info["width"], info["height"]) == (WIDTH, HEIGHT)
    assert info["maxArea"] == 25_000_000
    assert info["maxWidth"] == info["maxHeight"] == 10_000
    assert info["tiles"] == [{"width": 256, "height": 256, "scaleFactors": [1, 2, 4]}]
    assert info["sizes"] == [
        {"width": 150, "height": 100},
        {"width": 300, "height": 200},
        {"width": 600, "height": 400},
    ]
    assert info["extraFormats"] == ["webp"]
    assert info["extraQualities"] == ["color", "gray", "bitonal"]
    assert "mirroring" in info["extraFeatures"]
    assert "secret-name" not in response.content.decode()


def test_info_json_as_json_ld_when_asked(client, image):
    response = client.get(url(image, "info.json"), HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"] == (
        'application/ld+json;profile="http://iiif.io/api/image/3/context.json"'
    )
    assert "Accept" in response["Vary"]


def test_info_json_2_1(client, image):
    response = client.get(url(image, "info.json", version=2))
    info = json.loads(response.content)
    assert info["@context"] == "http://iiif.io/api/image/2/context.json"
    assert info["@id"] == f"http://testserver/iiif/2/{image.iiif_identifier}"
    assert info["profile"][0] == "http://iiif.io/api/image/2/level2.json"
    assert info["profile"][1]["maxArea"] == 25_000_000
    assert "sizeAboveFull" in info["profile"][1]["supports"]


def test_info_json_carries_the_rights_uri(client):
    rights = "http://creativecommons.org/licenses/by/4.0/"
    image = quadrants_image(rights=rights)
    assert json.loads(client.get(url(image, "info.json")).content)["rights"] == rights


@pytest.mark.parametrize("version", [3, 2])
def test_base_uri_redirects_to_info_json(client, image, version):
    response = client.get(f"/iiif/{version}/{image.iiif_identifier}")
    assert response.status_code == 303
    assert response["Location"] == f"/iiif/{version}/{image.iiif_identifier}/info.json"
    assert response["Access-Control-Allow-Origin"] == "*"


# Who may see an image --------------------------------------------------------------------------


def test_unknown_and_unpublished_images_are_the_same_404(client):
    hidden = builders.register_object(published=False)
    hidden_image = quadrants_image()
    builders.add_photo(hidden, image=hidden_image)
    shown = builders.register_object()
    shown_image = quadrants_image()
    builders.add_photo(shown, image=shown_image)
    builders.add_photo(hidden, image=shown_image)  # also on an unpublished object: still shown

    for tail in ("info.json", "full/max/0/default.jpg"):
        unpublished = client.get(url(hidden_image, tail))
        unknown = client.get(f"/iiif/3/AAAAAAAAAAAAAAAAAAAAAA/{tail}")
        malformed = client.get(f"/iiif/3/%5Bfrob%5D/{tail}")
        assert unpublished.status_code == unknown.status_code == malformed.status_code == 404
        assert unpublished.content == unknown.content == malformed.content
        assert dict(unpublished.headers) == dict(unknown.headers) == dict(malformed.headers)
        assert client.get(url(shown_image, tail)).status_code == 200


def test_a_slash_in_an_identifier_is_a_404_with_cors(client):
    response = client.get("/iiif/3/a/b/full/max/0/default.jpg")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


# Image requests ----------------------------------------------------------------------------------


@pytest.fixture(params=["vips", "pillow"])
def backend(request, settings):
    settings.IIIF_IMAGE_BACKEND = request.param
    return request.param


def test_regions_sizes_rotations_and_qualities(client, image, backend):
    """Both backends: the right pixels in the right places."""
    top_right = decode(client.get(url(image, "300,0,300,200/max/0/default.png")))
    assert top_right.size == (300, 200)
    assert close(top_right.getpixel((150, 100)), GREEN)

    half = decode(client.get(url(image, "full/300,/0/default.png")))
    assert half.size == (300, 200)
    assert close(half.getpixel((50, 150)), BLUE)

    turned = decode(client.get(url(image, "full/max/90/default.png")))
    assert turned.size == (HEIGHT, WIDTH)
    assert close(turned.getpixel((10, 10)), BLUE)  # bottom-left goes to top-left

    mirrored = decode(client.get(url(image, "full/max/!0/default.png")))
    assert close(mirrored.getpixel((10, 10)), GREEN)

    tilted = decode(client.get(url(image, "full/max/45/default.png")))
    assert tilted.size[0] > WIDTH
    assert close(tilted.getpixel((1, 1)), (255, 255, 255))

    grey = decode(client.get(url(image, "full/max/0/gray.png")))
    assert grey.mode in ("L", "LA")

    bitonal = decode(client.get(url(image, "full/max/0/bitonal.png")))
    assert {value for _count, value in bitonal.convert("L").getcolors()} <= {0, 255}

    jpeg = client.get(url(image, "full/max/0/default.jpg"))
    assert jpeg["Content-Type"] == "image/jpeg"
    assert decode(jpeg).format == "JPEG"
    webp = client.get(url(image, "full/max/0/default.webp"))
    assert webp["Content-Type"] == "image/webp"
    assert decode(webp).format == "WEBP"


def test_responses_carry_canonical_link_cors_and_long_caching(client, image):
    response = client.get(url(image, "pct:0,0,50,50/150,/0/default.jpg"))
    assert response.status_code == 200
    canonical = (
        f"http://testserver/iiif/3/{image.iiif_identifier}/0,0,300,200/150,100/0/default.jpg"
    )
    assert response["Link"] == (
        f'<{canonical}>;rel="canonical", <http://iiif.io/api/image/3/level2.json>;rel="profile"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=31536000"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]


@pytest.mark.parametrize(
    ("tail", "status", "parameter"),
    [
        ("nonsense/max/0/default.jpg", 400, "region"),
        ("full/nonsense/0/default.jpg", 400, "size"),
        ("full/max/nonsense/default.jpg", 400, "rotation"),
        ("full/max/0/nonsense.jpg", 400, "quality"),
        ("full/max/0/default.xyz", 400, "format"),
        ("full/max/0/default.tif", 501, "format"),
        ("full/601,/0/default.jpg", 400, "size"),
        ("full/^20000,/0/default.jpg", 400, "size"),
        ("600,0,10,10/max/0/default.jpg", 400, "region"),
    ],
)
def test_bad_requests_name_the_parameter_with_cors(client, image, tail, status, parameter):
    response = client.get(url(image, tail))
    assert response.status_code == status
    assert response.content.decode().startswith(f"{parameter}: ")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_refusals_decode_no_pixel(client, image):
    """Upscaling without ^, sizes beyond the limits and bad regions never reach a backend."""
    with mock.patch.object(pixels.VipsBackend, "render", side_effect=AssertionError("decoded")):
        for tail in (
            "full/601,/0/default.jpg",
            "full/^20000,/0/default.jpg",
            "full/^5000,5001/0/default.jpg",
            "700,0,10,10/max/0/default.jpg",
        ):
            assert client.get(url(image, tail)).status_code == 400


def test_options_and_other_methods(client, image):
    preflight = client.options(
        url(image, "info.json"), HTTP_ACCESS_CONTROL_REQUEST_HEADERS="Authorization"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert preflight["Access-Control-Allow-Headers"] == "Authorization"
    refused = client.post(url(image, "full/max/0/default.jpg"))
    assert refused.status_code == 405
    assert refused["Access-Control-Allow-Origin"] == "*"


# Conditional requests and the storage cache -----------------------------------------------------


def test_conditional_requests_get_304_without_rendering(client, image):
    first = client.get(url(image, "full/300,/0/default.jpg"))
    with mock.patch.object(pixels.VipsBackend, "render", side_effect=AssertionError("rendered")):
        by_etag = client.get(
            url(image, "full/300,/0/default.jpg"), HTTP_IF_NONE_MATCH=first["ETag"]
        )
        by_date = client.get(
            url(image, "full/300,/0/default.jpg"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        )
        info = client.get(url(image, "info.json"))
        info_again = client.get(url(image, "info.json"), HTTP_IF_NONE_MATCH=info["ETag"])
    for response in (by_etag, by_date, info_again):
        assert response.status_code == 304
        assert response["Access-Control-Allow-Origin"] == "*"
    assert by_etag["ETag"] == first["ETag"]


def test_rendered_responses_are_served_from_storage_by_canonical_request(client, image):
    first = client.get(url(image, "0,0,300,200/150,/0/default.jpg"))
    with mock.patch.object(pixels.VipsBackend, "render", side_effect=AssertionError("rendered")):
        again = client.get(url(image, "pct:0,0,50,50/!150,150/0/default.jpg"))
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    folder = storage.image_cache_dir(image)
    (generation,), _files = default_storage.listdir(folder)
    _dirs, files = default_storage.listdir(f"{folder}/{generation}")
    assert len(files) == 1


def test_storage_names_never_contain_the_original_file_name(client, image):
    client.get(url(image, "full/max/0/default.jpg"))
    original = image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    name = storage.cache_name(image, "full/max/0/default.jpg")
    assert original not in name and "secret-name" not in name
    assert default_storage.exists(name)
    assert original not in storage.pyramid_name(image)


def test_a_new_file_is_never_answered_from_the_old_cache(client, image):
    before = client.get(url(image, "full/max/0/default.png"))
    image.file = ContentFile(quadrants_png(WIDTH, HEIGHT)[::1], name="other.png")
    image.save()
    # Same pixels, new file: a new generation, so a new ETag and a fresh render.
    after = client.get(url(image, "full/max/0/default.png"))
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
