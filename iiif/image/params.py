"""IIIF Image API request parameters: parsed into typed values, then resolved against an image.

Parsing (``parse``) looks only at the text of the five path segments, so a malformed request
gets the same 400 whatever the identifier, and no database row or pixel is touched. Resolving
(``ImageRequest.resolve``) needs only the image's width and height: it turns the request into
exact pixel geometry, refuses upscaling without ``^`` (3.0) and sizes beyond the service's
limits, and computes the canonical form, all before any pixel is decoded.

One parser serves both versions; the differences are small and marked by ``version``:
3.0 has ``max`` and ``^`` upscaling; 2.1 has ``full`` (and ``max``) and allows upscaling up to
the limits without a prefix.
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

V2 = 2
V3 = 3

QUALITIES = ("default", "color", "gray", "bitonal")
#: Formats we render, with their media types.
FORMATS = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
#: Formats the specifications name that we do not render: 501, not 400.
KNOWN_UNSUPPORTED_FORMATS = ("tif", "gif", "jp2", "pdf")

_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)"
_PIXELS = re.compile(r"^(\d+),(\d+),(\d+),(\d+)$")
_PERCENT_REGION = re.compile(rf"^pct:({_NUMBER}),({_NUMBER}),({_NUMBER}),({_NUMBER})$")
_WIDTH_HEIGHT = re.compile(r"^(!)?(\d+)?,(\d+)?$")
_PERCENT_SIZE = re.compile(rf"^pct:({_NUMBER})$")
_ROTATION = re.compile(rf"^(!)?({_NUMBER})$")


class ParameterError(ValueError):
    """A request the service refuses: the HTTP status, the parameter at fault, and why."""

    def __init__(self, parameter, message, status=400):
        super().__init__(message)
        self.parameter = parameter
        self.message = message
        self.status = status

    def __str__(self):
        return f"{self.parameter}: {self.message}"


@dataclass(frozen=True)
class Limits:
    """The largest response the service renders (info.json's maxWidth/maxHeight/maxArea)."""

    max_width: int
    max_height: int
    max_area: int


# Parsed values --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """``kind`` is full, square, pixels or percent; ``values`` holds x, y, w, h for the last two."""

    kind: str
    values: tuple = ()


@dataclass(frozen=True)
class Size:
    """``kind`` is max, full (2.1), width, height, percent, exact or confined (``!w,h``)."""

    kind: str
    width: int | None = None
    height: int | None = None
    percent: Decimal | None = None
    upscale: bool = False


@dataclass(frozen=True)
class Rotation:
    mirror: bool
    degrees: Decimal

    @property
    def canonical(self):
        text = format(self.degrees.normalize(), "f") if self.degrees else "0"
        return ("!" if self.mirror else "") + text


@dataclass(frozen=True)
class ImageRequest:
    version: int
    region: Region
    size: Size
    rotation: Rotation
    quality: str
    format: str

    def resolve(self, width, height, limits):
        """Exact geometry for an image of ``width`` × ``height``; ParameterError if refused."""
        x, y, w, h = _region_box(self.region, width, height)
        out_w, out_h = _output_size(self.version, self.size, w, h, limits)
        return ResolvedRequest(
            version=self.version,
            box=(x, y, w, h),
            full=(x, y, w, h) == (0, 0, width, height),
            size=(out_w, out_h),
            max_size=_max_size(w, h, limits),
            rotation=self.rotation,
            quality=self.quality,
            format=self.format,
        )


@dataclass(frozen=True)
class ResolvedRequest:
    """A request in pixels: crop ``box`` of the original, scale to ``size``, then rotate."""

    version: int
    box: tuple
    full: bool
    size: tuple
    max_size: tuple
    rotation: Rotation
    quality: str
    format: str

    @property
    def scale(self):
        return self.size[0] / self.box[2], self.size[1] / self.box[3]

    @property
    def upscaled(self):
        return self.size[0] > self.box[2] or self.size[1] > self.box[3]

    @property
    def media_type(self):
        return FORMATS[self.format]

    @property
    def canonical(self):
        """The canonical ``region/size/rotation/quality.format`` (Image API §4.7 / 2.1 §4.7)."""
        region = "full" if self.full else ",".join(str(value) for value in self.box)
        out_w, out_h = self.size
        if self.version == V3:
            if self.size == self.max_size and not self.upscaled:
                size = "max"
            else:
                size = ("^" if self.upscaled else "") + f"{out_w},{out_h}"
        elif self.size == (self.box[2], self.box[3]):
            size = "full"
        elif out_h == _proportional(self.box[3], out_w, self.box[2]):
            size = f"{out_w},"
        else:
            size = f"{out_w},{out_h}"
        return f"{region}/{size}/{self.rotation.canonical}/{self.quality}.{self.format}"


# Parsing ----------------------------------------------------------------------------------------


def parse(version, region, size, rotation, quality_format):
    """Parse the path segments of an image request; ParameterError names the first bad one."""
    quality, _dot, image_format = quality_format.rpartition(".")
    if not _dot:
        raise ParameterError(
            "format", _("The request has no format: it must end with .jpg, .png …")
        )
    return ImageRequest(
        version=version,
        region=parse_region(region),
        size=parse_size(version, size),
        rotation=parse_rotation(rotation),
        quality=parse_quality(quality),
        format=parse_format(image_format),
    )


def parse_region(text):
    if text in ("full", "square"):
        return Region(text)
    if match := _PIXELS.match(text):
        x, y, w, h = (int(value) for value in match.groups())
        if not w or not h:
            raise ParameterError("region", _("The region's width and height must be above zero."))
        return Region("pixels", (x, y, w, h))
    if match := _PERCENT_REGION.match(text):
        x, y, w, h = (_decimal("region", value) for value in match.groups())
        if not w or not h:
            raise ParameterError("region", _("The region's width and height must be above zero."))
        if x >= 100 or y >= 100:
            raise ParameterError("region", _("The region lies outside the image."))
        return Region("percent", (x, y, w, h))
    raise ParameterError("region", _("The region is not full, square, x,y,w,h or pct:x,y,w,h."))


def parse_size(version, text):
    upscale = False
    if version == V3 and text.startswith("^"):
        upscale, text = True, text[1:]
    if text == "max":
        return Size("max", upscale=upscale)
    if version == V2 and text == "full":
        return Size("full")
    if match := _PERCENT_SIZE.match(text):
        percent = _decimal("size", match.group(1))
        if percent <= 0:
            raise ParameterError("size", _("A percentage size must be above zero."))
        return Size("percent", percent=percent, upscale=upscale)
    if match := _WIDTH_HEIGHT.match(text):
        confined, width, height = match.groups()
        width = int(width) if width is not None else None
        height = int(height) if height is not None else None
        if width is None and height is None:
            raise ParameterError("size", _("A size needs a width, a height or both."))
        if width == 0 or height == 0:
            raise ParameterError("size", _("A size's width and height must be above zero."))
        if confined:
            if width is None or height is None:
                raise ParameterError("size", _("A !w,h size needs both a width and a height."))
            return Size("confined", width, height, upscale=upscale)
        if width is None:
            return Size("height", height=height, upscale=upscale)
        if height is None:
            return Size("width", width=width, upscale=upscale)
        return Size("exact", width, height, upscale=upscale)
    if version == V3:
        raise ParameterError("size", _("The size is not max, w,, ,h, w,h, !w,h or pct:n."))
    raise ParameterError("size", _("The size is not full, max, w,, ,h, w,h, !w,h or pct:n."))


def parse_rotation(text):
    match = _ROTATION.match(text)
    if not match:
        raise ParameterError("rotation", _("The rotation is not a number of degrees, 0 to 360."))
    degrees = _decimal("rotation", match.group(2))
    if degrees > 360:
        raise ParameterError("rotation", _("The rotation must be between 0 and 360 degrees."))
    return Rotation(mirror=bool(match.group(1)), degrees=degrees)


def parse_quality(text):
    if text not in QUALITIES:
        raise ParameterError("quality", _("The quality is not default, color, gray or bitonal."))
    return text


def parse_format(text):
    if text in FORMATS:
        return text
    if text in KNOWN_UNSUPPORTED_FORMATS:
        raise ParameterError("format", _("This service does not render that format."), status=501)
    raise ParameterError("format", _("The format is not jpg, png or webp."))


def _decimal(parameter, text):
    """A decimal from text the patterns above admit (digits with at most one point)."""
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the patterns admit only numbers
        raise ParameterError(parameter, _("The number cannot be read.")) from error


# Resolving --------------------------------------------------------------------------------------


def _round(value):
    """Half up, never below 1: a scaled dimension is at least one pixel."""
    return max(1, int(math.floor(value + 0.5)))


def _proportional(other, given, base):
    """The dimension that keeps the aspect ratio: ``other × given / base``, rounded."""
    return _round(other * given / base)


def _region_box(region, width, height):
    if region.kind == "full":
        return 0, 0, width, height
    if region.kind == "square":
        side = min(width, height)
        return (width - side) // 2, (height - side) // 2, side, side
    if region.kind == "pixels":
        x, y, w, h = region.values
    else:
        px, py, pw, ph = (float(value) for value in region.values)
        x = int(math.floor(px * width / 100 + 0.5))
        y = int(math.floor(py * height / 100 + 0.5))
        w = int(math.floor(pw * width / 100 + 0.5))
        h = int(math.floor(ph * height / 100 + 0.5))
    if x >= width or y >= height:
        raise ParameterError("region", _("The region lies outside the image."))
    w, h = min(w, width - x), min(h, height - y)
    if w < 1 or h < 1:
        raise ParameterError("region", _("The region is smaller than one pixel of the image."))
    return x, y, w, h


def _max_size(w, h, limits, upscale=False):
    """The largest size within the limits with the region's aspect ratio.

    Never larger than the region unless ``upscale`` (3.0's ``^max``)."""
    scale = min(limits.max_width / w, limits.max_height / h, math.sqrt(limits.max_area / (w * h)))
    if scale >= 1.0 and not upscale:
        return w, h
    return max(1, int(w * scale)), max(1, int(h * scale))


def _output_size(version, size, w, h, limits):
    if size.kind == "max":
        return _max_size(w, h, limits, upscale=size.upscale)
    if size.kind == "full":
        out = (w, h)
    elif size.kind == "percent":
        factor = float(size.percent) / 100
        out = (_round(w * factor), _round(h * factor))
    elif size.kind == "width":
        out = (size.width, _proportional(h, size.width, w))
    elif size.kind == "height":
        out = (_proportional(w, size.height, h), size.height)
    elif size.kind == "exact":
        out = (size.width, size.height)
    else:  # confined
        scale = min(size.width / w, size.height / h)
        out = (min(size.width, _round(w * scale)), min(size.height, _round(h * scale)))
    if version == V3 and not size.upscale and (out[0] > w or out[1] > h):
        raise ParameterError(
            "size",
            _("The size is larger than the region: ask for upscaling with ^ (for example ^w,h)."),
        )
    _check_limits(out, limits)
    return out


def _check_limits(out, limits):
    out_w, out_h = out
    if out_w > limits.max_width or out_h > limits.max_height or out_w * out_h > limits.max_area:
        raise ParameterError(
            "size",
            _(
                "The size exceeds this service's limits (maxWidth %(width)s, maxHeight "
                "%(height)s, maxArea %(area)s): see info.json."
            )
            % {"width": limits.max_width, "height": limits.max_height, "area": limits.max_area},
        )
