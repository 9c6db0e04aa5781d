"""The IIIF request parser: typed values, 400/501 naming the parameter, exact geometry, limits
checked before any pixel, and the canonical form of Image API 3.0 and 2.1."""

from decimal import Decimal

import pytest

from iiif.image.params import V2, V3, Limits, ParameterError, parse

LIMITS = Limits(max_width=5000, max_height=5000, max_area=4_000_000)
W, H = 1000, 800


def resolve(path, version=V3, width=W, height=H, limits=LIMITS):
    return parse(version, *path.split("/")).resolve(width, height, limits)


def refused(path, version=V3, width=W, height=H):
    with pytest.raises(ParameterError) as caught:
        resolve(path, version, width, height)
    return caught.value


@pytest.mark.parametrize(
    ("path", "box", "size"),
    [
        ("full/max/0/default.jpg", (0, 0, 1000, 800), (1000, 800)),
        ("square/max/0/default.jpg", (100, 0, 800, 800), (800, 800)),
        ("10,20,30,40/max/0/default.jpg", (10, 20, 30, 40), (30, 40)),
        ("900,700,500,500/max/0/default.jpg", (900, 700, 100, 100), (100, 100)),
        ("pct:10,10,50,50/max/0/default.jpg", (100, 80, 500, 400), (500, 400)),
        ("pct:0.5,.5,10.25,10/max/0/default.jpg", (5, 4, 103, 80), (103, 80)),
        ("full/500,/0/default.jpg", (0, 0, 1000, 800), (500, 400)),
        ("full/,400/0/default.jpg", (0, 0, 1000, 800), (500, 400)),
        ("full/pct:25/0/default.jpg", (0, 0, 1000, 800), (250, 200)),
        ("full/pct:33.3/0/default.jpg", (0, 0, 1000, 800), (333, 266)),
        ("full/300,300/0/default.jpg", (0, 0, 1000, 800), (300, 300)),
        ("full/!300,300/0/default.jpg", (0, 0, 1000, 800), (300, 240)),
        ("full/!2000,400/0/default.jpg", (0, 0, 1000, 800), (500, 400)),
        ("full/^2000,/0/default.jpg", (0, 0, 1000, 800), (2000, 1600)),
        ("full/^!2000,3000/0/default.jpg", (0, 0, 1000, 800), (2000, 1600)),
        ("full/^pct:150/0/default.jpg", (0, 0, 1000, 800), (1500, 1200)),
        ("0,0,256,256/^max/0/default.jpg", (0, 0, 256, 256), (2000, 2000)),
        ("0,0,3,1/1,/0/default.jpg", (0, 0, 3, 1), (1, 1)),
    ],
)
def test_region_and_size_resolve_to_exact_pixels(path, box, size):
    resolved = resolve(path)
    assert resolved.box == box
    assert resolved.size == size


def test_parsed_values_are_typed_and_frozen():
    request = parse(V3, "pct:1.5,2,3,4", "^!10,20", "!22.50", "gray.png")
    assert request.region.kind == "percent"
    assert request.region.values == (Decimal("1.5"), 2, 3, 4)
    assert (request.size.kind, request.size.width, request.size.height) == ("confined", 10, 20)
    assert request.size.upscale
    assert request.rotation.mirror and request.rotation.degrees == Decimal("22.50")
    assert (request.quality, request.format) == ("gray", "png")
    with pytest.raises(AttributeError):
        request.quality = "color"


@pytest.mark.parametrize(
    ("segments", "parameter"),
    [
        (("fulll", "max", "0", "default.jpg"), "region"),
        (("0,0,0,10", "max", "0", "default.jpg"), "region"),
        (("0,0,10", "max", "0", "default.jpg"), "region"),
        (("-1,0,10,10", "max", "0", "default.jpg"), "region"),
        (("pct:0,0,0,10", "max", "0", "default.jpg"), "region"),
        (("pct:100,0,10,10", "max", "0", "default.jpg"), "region"),
        (("pct:1e2,0,10,10", "max", "0", "default.jpg"), "region"),
        (("full", "full", "0", "default.jpg"), "size"),  # 2.1 only
        (("full", "0,", "0", "default.jpg"), "size"),
        (("full", ",", "0", "default.jpg"), "size"),
        (("full", "!10,", "0", "default.jpg"), "size"),
        (("full", "pct:0", "0", "default.jpg"), "size"),
        (("full", "pct:-5", "0", "default.jpg"), "size"),
        (("full", "^^max", "0", "default.jpg"), "size"),
        (("full", "10.5,", "0", "default.jpg"), "size"),
        (("full", "max", "361", "default.jpg"), "rotation"),
        (("full", "max", "-90", "default.jpg"), "rotation"),
        (("full", "max", "!!90", "default.jpg"), "rotation"),
        (("full", "max", "NaN", "default.jpg"), "rotation"),
        (("full", "max", "0", "native.jpg"), "quality"),
        (("full", "max", "0", "grey.jpg"), "quality"),
        (("full", "max", "0", "default.jpeg"), "format"),
        (("full", "max", "0", "default"), "format"),
        (("full", "max", "0", "default.JPG"), "format"),
    ],
)
def test_malformed_parameters_are_400_naming_the_parameter(segments, parameter):
    with pytest.raises(ParameterError) as caught:
        parse(V3, *segments)
    assert caught.value.status == 400
    assert caught.value.parameter == parameter
    assert str(caught.value).startswith(f"{parameter}: ")


@pytest.mark.parametrize("image_format", ["tif", "gif", "jp2", "pdf"])
def test_formats_we_do_not_render_are_501(image_format):
    with pytest.raises(ParameterError) as caught:
        parse(V3, "full", "max", "0", f"default.{image_format}")
    assert (caught.value.status, caught.value.parameter) == (501, "format")


@pytest.mark.parametrize(
    "path",
    [
        "full/1001,/0/default.jpg",
        "full/,801/0/default.jpg",
        "full/1001,800/0/default.jpg",
        "full/pct:100.1/0/default.jpg",
        "full/!2000,3000/0/default.jpg",
        "10,10,100,100/101,/0/default.jpg",
    ],
)
def test_upscaling_without_caret_is_refused_in_3_0(path):
    error = refused(path)
    assert (error.status, error.parameter) == (400, "size")


def test_2_1_upscales_without_caret_up_to_the_limits():
    assert resolve("full/2000,/0/default.jpg", V2).size == (2000, 1600)
    assert resolve("full/pct:200/0/default.jpg", V2).size == (2000, 1600)
    assert resolve("full/full/0/default.jpg", V2).size == (1000, 800)
    with pytest.raises(ParameterError):
        parse(V2, "full", "^max", "0", "default.jpg")


@pytest.mark.parametrize(
    "path",
    [
        "full/^5001,/0/default.jpg",
        "full/^,5001/0/default.jpg",
        "full/^3000,3000/0/default.jpg",  # 9 megapixels > maxArea
        "full/^pct:300/0/default.jpg",
    ],
)
def test_sizes_beyond_the_limits_are_refused(path):
    error = refused(path)
    assert (error.status, error.parameter) == (400, "size")
    assert "maxArea" in error.message


def test_max_of_a_huge_image_is_scaled_down_to_the_limits():
    resolved = resolve("full/max/0/default.jpg", width=8000, height=5200)
    out_w, out_h = resolved.size
    assert out_w * out_h <= LIMITS.max_area
    assert abs(out_w / out_h - 8000 / 5200) < 0.01
    assert resolved.canonical.startswith("full/max/")
    with pytest.raises(ParameterError):
        resolve("full/8000,/0/default.jpg", width=8000, height=5200)


def test_2_1_full_size_of_a_huge_image_is_refused_but_max_is_not():
    with pytest.raises(ParameterError):
        resolve("full/full/0/default.jpg", V2, width=8000, height=5200)
    assert resolve("full/max/0/default.jpg", V2, width=8000, height=5200).size[0] < 8000


@pytest.mark.parametrize(
    "path",
    [
        "1000,0,10,10/max/0/default.jpg",
        "0,800,10,10/max/0/default.jpg",
        "5000,5000,10,10/max/0/default.jpg",
    ],
)
def test_regions_outside_the_image_are_400(path):
    assert refused(path).parameter == "region"


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("full/max/0/default.jpg", "full/max/0/default.jpg"),
        ("0,0,1000,800/max/0/default.jpg", "full/max/0/default.jpg"),
        ("pct:0,0,100,100/1000,/0/default.jpg", "full/max/0/default.jpg"),
        ("square/max/0/default.jpg", "100,0,800,800/max/0/default.jpg"),
        ("full/500,/0/default.jpg", "full/500,400/0/default.jpg"),
        ("full/!500,500/0/color.png", "full/500,400/0/color.png"),
        ("full/^2000,/0/default.jpg", "full/^2000,1600/0/default.jpg"),
        ("full/max/90.0/gray.webp", "full/max/90/gray.webp"),
        ("full/max/!0/default.jpg", "full/max/!0/default.jpg"),
        ("full/max/022.50/bitonal.jpg", "full/max/22.5/bitonal.jpg"),
        ("full/max/.5/default.jpg", "full/max/0.5/default.jpg"),
        ("900,700,500,500/max/0/default.jpg", "900,700,100,100/max/0/default.jpg"),
    ],
)
def test_canonical_form_3_0(path, canonical):
    assert resolve(path).canonical == canonical


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("full/full/0/default.jpg", "full/full/0/default.jpg"),
        ("full/max/0/default.jpg", "full/full/0/default.jpg"),
        ("full/500,/0/default.jpg", "full/500,/0/default.jpg"),
        ("full/,400/0/default.jpg", "full/500,/0/default.jpg"),
        ("full/500,500/0/default.jpg", "full/500,500/0/default.jpg"),
        ("full/pct:200/0/default.jpg", "full/2000,/0/default.jpg"),
    ],
)
def test_canonical_form_2_1(path, canonical):
    assert resolve(path, V2).canonical == canonical


def test_spellings_of_one_request_share_a_canonical_form():
    spellings = [
        "0,0,500,400/250,/0/default.jpg",
        "pct:0,0,50,50/250,200/0/default.jpg",
        "0,0,500,400/,200/0/default.jpg",
        "0,0,500,400/pct:50/0/default.jpg",
        "0,0,500,400/!250,250/0/default.jpg",
    ]
    assert len({resolve(path).canonical for path in spellings}) == 1
