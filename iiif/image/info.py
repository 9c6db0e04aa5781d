"""Image information documents (info.json) for Image API 3.0 and 2.1, and the service limits.

Sizes and tiles follow from the image's width and height alone (tiles of 256 pixels, one
scale factor per halving), so the document is the same before and after the pyramid is built.
"""

import math

from django.conf import settings

from .params import FORMATS, QUALITIES, Limits
from .pixels import TILE_SIZE

CONTEXT_3 = "http://iiif.io/api/image/3/context.json"
CONTEXT_2 = "http://iiif.io/api/image/2/context.json"
PROTOCOL = "http://iiif.io/api/image"
PROFILE_3 = "http://iiif.io/api/image/3/level2.json"
PROFILE_2 = "http://iiif.io/api/image/2/level2.json"
#: What we do beyond level 2 (3.0 names; 2.1 lists them under "supports").
EXTRA_FEATURES = [
    "canonicalLinkHeader",
    "mirroring",
    "profileLinkHeader",
    "rotationArbitrary",
    "sizeUpscaling",
]
#: The smallest size listed in "sizes": thumbnails below it are not worth a line.
SMALLEST_SIZE = 64


def limits():
    """The service limits: IIIF_MAX_WIDTH, IIIF_MAX_HEIGHT and IIIF_MAX_AREA."""
    return Limits(
        max_width=getattr(settings, "IIIF_MAX_WIDTH", 10_000),
        max_height=getattr(settings, "IIIF_MAX_HEIGHT", 10_000),
        max_area=getattr(settings, "IIIF_MAX_AREA", 25_000_000),
    )


def scale_factors(width, height):
    """1, 2, 4 … up to the first factor at which the whole image fits in one tile."""
    factors = [1]
    while max(width, height) / factors[-1] > TILE_SIZE:
        factors.append(factors[-1] * 2)
    return factors


def sizes(width, height, service_limits):
    """Whole-image sizes at each scale factor that the limits allow, smallest first."""
    found = []
    for factor in scale_factors(width, height):
        w, h = math.ceil(width / factor), math.ceil(height / factor)
        if factor > 1 and min(w, h) < SMALLEST_SIZE:
            break
        if (
            w <= service_limits.max_width
            and h <= service_limits.max_height
            and w * h <= service_limits.max_area
        ):
            found.append({"width": w, "height": h})
    return list(reversed(found))


def info_3(image, service_id):
    service_limits = limits()
    document = {
        "@context": CONTEXT_3,
        "id": service_id,
        "type": "ImageService3",
        "protocol": PROTOCOL,
        "profile": "level2",
        "width": image.width,
        "height": image.height,
        "maxWidth": service_limits.max_width,
        "maxHeight": service_limits.max_height,
        "maxArea": service_limits.max_area,
        "sizes": sizes(image.width, image.height, service_limits),
        "tiles": [
            {
                "width": TILE_SIZE,
                "height": TILE_SIZE,
                "scaleFactors": scale_factors(image.width, image.height),
            }
        ],
        "preferredFormats": ["jpg"],
        "extraFormats": [name for name in FORMATS if name not in ("jpg", "png")],
        "extraQualities": [name for name in QUALITIES if name != "default"],
        "extraFeatures": EXTRA_FEATURES,
    }
    if image.rights:
        document["rights"] = image.rights
    return document


def info_2(image, service_id):
    service_limits = limits()
    return {
        "@context": CONTEXT_2,
        "@id": service_id,
        "protocol": PROTOCOL,
        "width": image.width,
        "height": image.height,
        "profile": [
            PROFILE_2,
            {
                "formats": list(FORMATS),
                "qualities": list(QUALITIES),
                "supports": [
                    *(name for name in EXTRA_FEATURES if name != "sizeUpscaling"),
                    "sizeAboveFull",
                ],
                "maxWidth": service_limits.max_width,
                "maxHeight": service_limits.max_height,
                "maxArea": service_limits.max_area,
            },
        ],
        "sizes": sizes(image.width, image.height, service_limits),
        "tiles": [
            {
                "width": TILE_SIZE,
                "height": TILE_SIZE,
                "scaleFactors": scale_factors(image.width, image.height),
            }
        ],
    }
