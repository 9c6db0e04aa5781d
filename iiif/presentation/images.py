"""Images in manifests: each one is served by our Image API 3.0 service (``iiif.image``).

A manifest names an image only by its image service (``/iiif/3/<iiif_identifier>``) and
requests derived from it, in canonical form, so viewers and caches see one URL per picture.
Dimensions come from the image row (Wagtail stores them on upload): no file is opened.
"""

from django.conf import settings
from django.urls import reverse

IMAGE_FORMAT = "image/jpeg"


def painting_max_size():
    """Longest side, in pixels, of the image that a canvas paints (viewers zoom via tiles)."""
    return getattr(settings, "IIIF_PRESENTATION_IMAGE_SIZE", 2048)


def thumbnail_size():
    """Longest side, in pixels, of thumbnails in manifests and collections."""
    return getattr(settings, "IIIF_PRESENTATION_THUMBNAIL_SIZE", 400)


def service_id(identifier, request):
    """The absolute id of an image's Image API 3.0 service (``iiif:image_base``)."""
    return request.build_absolute_uri(reverse("iiif:image_base", args=[identifier]))


def fitted(width, height, longest):
    """``(size parameter, width, height)`` of the image fitted inside ``longest`` pixels.

    In the Image API's canonical form: ``max`` when the whole image fits, else ``w,h``.
    Never larger than the image itself.
    """
    if max(width, height) <= longest:
        return "max", width, height
    scale = longest / max(width, height)
    fitted_width = max(1, round(width * scale))
    fitted_height = max(1, round(height * scale))
    return f"{fitted_width},{fitted_height}", fitted_width, fitted_height


def service(service_url):
    return [{"id": service_url, "type": "ImageService3", "profile": "level2"}]


def image_resource(service_url, width, height, longest):
    """An Image resource (a painting body or a thumbnail) cut by the service."""
    size, fitted_width, fitted_height = fitted(width, height, longest)
    return {
        "id": f"{service_url}/full/{size}/0/default.jpg",
        "type": "Image",
        "format": IMAGE_FORMAT,
        "width": fitted_width,
        "height": fitted_height,
        "service": service(service_url),
    }


def thumbnail(identifier, width, height, request):
    """A one-item ``thumbnail`` list for an image, or ``[]`` for an image without size."""
    if not identifier or not width or not height:
        return []
    return [image_resource(service_id(identifier, request), width, height, thumbnail_size())]
