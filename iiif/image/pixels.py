"""Cutting a resolved request out of an image: libvips (pyvips) first, Pillow as the fallback.

A backend has two jobs, behind the same small interface:

- ``render(source, request)``: crop, scale, mirror and rotate, apply the quality and encode;
- ``build_pyramid(original_path, target_path)``: write a tiled pyramidal TIFF and return the
  size of each level (only backends with ``reads_pyramids`` build and read pyramids).

libvips reads only the tiles of the pyramid level a request needs, so a 256-pixel tile of a
50-megapixel photograph decodes a few 256-pixel tiles, never the whole image. Pillow cannot
read a tiled TIFF partially, so the fallback always renders from the original: correct, slower,
and bounded only by the render slots (iiif.image.load).
"""

import io
import logging
import math
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)

TILE_SIZE = 256
WHITE = 255


@dataclass(frozen=True)
class Source:
    """A local file to render from, with the full image's size and its levels (largest first).

    An original has one level; a pyramid one per halving.
    """

    path: str
    width: int
    height: int
    levels: tuple

    def level_for(self, request):
        """The smallest level that still has at least the output's resolution."""
        x, y, w, h = request.box
        out_w, out_h = request.size
        for index in range(len(self.levels) - 1, 0, -1):
            level_w, level_h = self.levels[index]
            if w * level_w / self.width >= out_w - 1 and h * level_h / self.height >= out_h - 1:
                return index
        return 0

    def box_on_level(self, request, index):
        """The request's box in the pixels of level ``index``: (left, top, width, height)."""
        level_w, level_h = self.levels[index]
        sx, sy = level_w / self.width, level_h / self.height
        x, y, w, h = request.box
        left, top = min(level_w - 1, int(x * sx)), min(level_h - 1, int(y * sy))
        right = min(level_w, max(left + 1, math.ceil((x + w) * sx)))
        bottom = min(level_h, max(top + 1, math.ceil((y + h) * sy)))
        return left, top, right - left, bottom - top


def _setting(name, default):
    return getattr(settings, name, default)


# libvips ----------------------------------------------------------------------------------------


class VipsBackend:
    name = "vips"
    reads_pyramids = True

    def __init__(self):
        import pyvips  # ImportError or OSError when libvips is missing: see get_backend()

        self.vips = pyvips
        # Bound what libvips keeps between requests: a server sees endless distinct requests,
        # so a large operation cache only holds memory.
        pyvips.cache_set_max(_setting("IIIF_VIPS_CACHE_OPERATIONS", 100))
        pyvips.cache_set_max_mem(_setting("IIIF_VIPS_CACHE_BYTES", 64 * 1024 * 1024))
        pyvips.cache_set_max_files(_setting("IIIF_VIPS_CACHE_FILES", 20))
        pyvips.concurrency_set(_setting("IIIF_VIPS_CONCURRENCY", 1))
        self._open_page = lru_cache(maxsize=32)(self._load_page)

    def _load_page(self, path, page):
        return self.vips.Image.tiffload(path, page=page)

    def _normalise(self, image):
        """8-bit sRGB (or 8-bit grey) without alpha: what every output format takes."""
        if image.get_typeof("icc-profile-data"):
            try:
                image = image.icc_transform("srgb", embedded=True)
            except self.vips.Error:
                logger.warning("IIIF: ignoring an unreadable colour profile")
        if image.hasalpha():
            image = image.flatten(background=[WHITE] * (image.bands - 1))
        grey = image.bands < 3
        if image.format != "uchar" or image.interpretation not in ("srgb", "b-w"):
            image = image.colourspace("b-w" if grey else "srgb")
            if image.format != "uchar":
                image = image.cast("uchar")
        return image

    def render(self, source, request):
        if len(source.levels) > 1:
            index = source.level_for(request)
            image = self._open_page(source.path, index)
        else:
            index, image = 0, self.vips.Image.new_from_file(source.path)
        left, top, width, height = source.box_on_level(request, index)
        image = image.crop(left, top, width, height)
        out_w, out_h = request.size
        if (width, height) != (out_w, out_h):
            image = image.resize(out_w / width, vscale=out_h / height)
            if (image.width, image.height) != (out_w, out_h):
                image = image.embed(0, 0, out_w, out_h, extend="copy")
        image = self._normalise(image)
        image = self._rotate(image, request.rotation)
        image = self._quality(image, request.quality)
        return self._encode(image, request.format)

    def _rotate(self, image, rotation):
        if rotation.mirror:
            image = image.fliphor()
        degrees = float(rotation.degrees) % 360
        if degrees in (90, 180, 270):
            return image.rot(f"d{int(degrees)}")
        if degrees:
            return image.rotate(degrees, background=[WHITE] * image.bands)
        return image

    def _quality(self, image, quality):
        if quality == "gray":
            return image.colourspace("b-w")
        if quality == "bitonal":
            return image.colourspace("b-w") > 127
        return image

    def _encode(self, image, image_format):
        if image_format == "jpg":
            return image.jpegsave_buffer(Q=_setting("IIIF_JPEG_QUALITY", 85), keep="none")
        if image_format == "png":
            return image.pngsave_buffer(compression=6, keep="none")
        return image.webpsave_buffer(Q=_setting("IIIF_WEBP_QUALITY", 80), keep="none")

    def build_pyramid(self, original_path, target_path):
        """Whole tiles of the pyramid are served as stored (iiif.image.tiles), so its quality
        is theirs: 85 by default, like IIIF_JPEG_QUALITY. (At 90 and above libvips writes
        RGB tiles without chroma subsampling, three times the bytes of an 85 YCbCr tile.)"""
        image = self.vips.Image.new_from_file(original_path, access="sequential")
        self._normalise(image).tiffsave(
            target_path,
            tile=True,
            tile_width=TILE_SIZE,
            tile_height=TILE_SIZE,
            pyramid=True,
            compression="jpeg",
            Q=_setting("IIIF_PYRAMID_QUALITY", 85),
            keep="none",
        )
        pages = self.vips.Image.new_from_file(target_path).get("n-pages")
        levels = []
        for page in range(pages):
            level = self.vips.Image.tiffload(target_path, page=page)
            levels.append([level.width, level.height])
        return levels


# Pillow -----------------------------------------------------------------------------------------


class PillowBackend:
    name = "pillow"
    reads_pyramids = False

    def render(self, source, request):
        from PIL import Image, ImageOps

        with Image.open(source.path) as image:
            out_w, out_h = request.size
            x, y, w, h = request.box
            if image.format == "JPEG":  # decode at a reduced scale when the output allows it
                image.draft(
                    "RGB",
                    (math.ceil(source.width * out_w / w), math.ceil(source.height * out_h / h)),
                )
            scaled = Source(source.path, source.width, source.height, (image.size,))
            left, top, width, height = scaled.box_on_level(request, 0)
            region = image.crop((left, top, left + width, top + height))
        region = self._normalise(region, Image)
        if region.size != (out_w, out_h):
            region = region.resize((out_w, out_h), Image.Resampling.LANCZOS)
        if request.rotation.mirror:
            region = ImageOps.mirror(region)
        degrees = float(request.rotation.degrees) % 360
        turns = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180}
        turns[270] = Image.Transpose.ROTATE_90
        if degrees in turns:
            region = region.transpose(turns[degrees])
        elif degrees:
            white = WHITE if region.mode == "L" else (WHITE,) * 3
            region = region.rotate(-degrees, expand=True, fillcolor=white)
        if request.quality in ("gray", "bitonal"):
            region = region.convert("L")
        if request.quality == "bitonal":
            region = region.point(lambda value: WHITE if value > 127 else 0)
        output = io.BytesIO()
        if request.format == "jpg":
            region.save(output, "JPEG", quality=_setting("IIIF_JPEG_QUALITY", 85))
        elif request.format == "png":
            region.save(output, "PNG")
        else:
            region.save(output, "WEBP", quality=_setting("IIIF_WEBP_QUALITY", 80))
        return output.getvalue()

    def _normalise(self, region, Image):  # noqa: N803 - the PIL module, imported lazily
        if region.mode in ("RGBA", "LA", "PA") or (
            region.mode == "P" and "transparency" in region.info
        ):
            region = region.convert("RGBA")
            flat = Image.new("RGB", region.size, (WHITE,) * 3)
            flat.paste(region, mask=region.getchannel("A"))
            return flat
        if region.mode in ("L", "RGB"):
            return region
        if region.mode in ("1", "I;16", "I", "F"):
            return region.convert("L") if region.mode == "1" else _to_grey(region, Image)
        return region.convert("RGB")

    build_pyramid = None


def _to_grey(region, Image):  # noqa: N803
    """16-bit and float grey down to 8 bits."""
    if region.mode == "I;16":
        region = region.convert("I")
    low, high = region.getextrema()
    span = (high - low) or 1
    return region.point(lambda value: (value - low) * 255 / span).convert("L")


# Choosing ---------------------------------------------------------------------------------------

_backends = {}


def get_backend():
    """The backend IIIF_IMAGE_BACKEND names: "vips", "pillow", or "auto" (vips when it loads)."""
    choice = _setting("IIIF_IMAGE_BACKEND", "auto")
    if choice not in _backends:
        if choice == "pillow":
            _backends[choice] = PillowBackend()
        elif choice == "vips":
            _backends[choice] = VipsBackend()
        else:
            try:
                _backends[choice] = VipsBackend()
            except (ImportError, OSError) as error:
                logger.warning("IIIF: pyvips unavailable (%s); rendering with Pillow", error)
                _backends[choice] = PillowBackend()
    return _backends[choice]
