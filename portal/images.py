"""Image sanitising: every stored original is re-encoded without EXIF, XMP, IPTC or comments.

Register photographs arrive straight from cameras and phones: their metadata can carry GPS
positions, free-text descriptions and original file names, which can reveal where an object
is stored. Nothing of that may reach storage, so the pixels are re-encoded with only the
colour profile kept, under a random key.
"""

import secrets
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

# Formats we accept, with the extension each is stored under.
STORED_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "WEBP": ".webp"}


class InvalidImageError(ValueError):
    """The bytes are not an image in a format the portal accepts."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self):
        return STORED_EXTENSIONS[self.format]


def random_image_key(extension):
    """A storage key that reveals nothing about the original file."""
    return f"{secrets.token_hex(16)}{extension}"


def new_iiif_identifier():
    """An opaque, stable identifier for an image's IIIF service: 22 URL-safe characters.

    It says nothing about the file, its name or its place in storage, and never changes once
    given, so manifests and viewers can cite it for good.
    """
    return secrets.token_urlsafe(16)


def _needs_transpose(image):
    return image.getexif().get(0x0112, 1) not in (1, None)


def strip_metadata(data):
    """Re-encode image bytes with no metadata but the ICC colour profile.

    Raises InvalidImageError when the bytes are not a JPEG, PNG, TIFF or WebP image, or are
    larger than WAGTAILIMAGES_MAX_IMAGE_PIXELS.
    """
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 400_000_000)
    try:
        with Image.open(BytesIO(data)) as probe:
            image_format = probe.format
            if image_format not in STORED_EXTENSIONS:
                raise InvalidImageError(f"Unsupported image format: {image_format or 'unknown'}.")
            if probe.width * probe.height > max_pixels:
                raise InvalidImageError("The image has more pixels than the portal accepts.")
            probe.verify()
        with Image.open(BytesIO(data)) as image:
            image.load()
            icc_profile = image.info.get("icc_profile")
            keep_jpeg_quality = image_format == "JPEG" and not _needs_transpose(image)
            clean = image if keep_jpeg_quality else ImageOps.exif_transpose(image)
            # Drop every piece of metadata Pillow carries over (exif, xmp, comment, dpi …).
            clean.info = {}
            if hasattr(clean, "tag_v2"):
                clean.tag_v2.clear()
            if hasattr(clean, "applist"):
                clean.applist = []
            options = {}
            if icc_profile:
                options["icc_profile"] = icc_profile
            if image_format == "JPEG":
                if keep_jpeg_quality:
                    options.update(quality="keep", subsampling="keep")
                else:
                    options.update(quality=92)
                if clean.mode not in ("RGB", "L", "CMYK"):
                    clean = clean.convert("RGB")
            elif image_format == "TIFF":
                options["compression"] = "tiff_lzw"
            elif image_format == "WEBP":
                options["lossless"] = True
            out = BytesIO()
            clean.save(out, image_format, **options)
            return CleanImage(out.getvalue(), image_format, clean.width, clean.height)
    except InvalidImageError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise InvalidImageError("The file is not an image the portal can read.") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise InvalidImageError(f"The image file is damaged or unreadable ({error}).") from error
