"""Building an image's tiled pyramidal derivative (run by the task in iiif.tasks).

The pyramid is a TIFF of 256-pixel JPEG tiles, one page per halving: the layout libvips,
iipsrv and most IIIF servers read directly. It is stored next to the other IIIF files under
the image's opaque identifier and the generation of its present file (iiif.image.storage).
"""

import logging
import os
import tempfile

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from iiif.models import ImagePyramid

from . import storage
from .pixels import get_backend

logger = logging.getLogger(__name__)


def note_source(image):
    """Record the image's present file; a new file makes the old pyramid and cache stale.

    Returns True when the pyramid needs (re)building.
    """
    row = ImagePyramid.objects.filter(image=image).first()
    if row is None:
        ImagePyramid.objects.create(
            image=image, source=image.file.name, source_changed_at=timezone.now()
        )
        return True
    if row.source != image.file.name:
        stale_pyramid = row.pyramid
        row.source, row.source_changed_at = image.file.name, timezone.now()
        row.pyramid, row.levels, row.built_at = "", [], None
        row.save()
        if stale_pyramid:
            default_storage.delete(stale_pyramid)
        return True
    return not row.pyramid


def build(image_id, *, force=False):
    """Build the pyramid of image ``image_id`` unless a current one exists; return its row.

    Returns None when the image is gone or the backend cannot build pyramids (Pillow).
    """
    image = get_image_model().objects.filter(pk=image_id).first()
    backend = get_backend()
    if image is None or backend.build_pyramid is None:
        return None
    if not note_source(image) and not force:
        return image.iiif_pyramid
    name = storage.pyramid_name(image)
    handle, local = tempfile.mkstemp(suffix=".tif")
    os.close(handle)
    try:
        levels = backend.build_pyramid(storage.local_path(image.file.name), local)
        if default_storage.exists(name):
            default_storage.delete(name)
        with open(local, "rb") as built:
            stored = default_storage.save(name, File(built))
    finally:
        os.unlink(local)
    with transaction.atomic():
        row = ImagePyramid.objects.select_for_update().get(image=image)
        if row.source != image.file.name:  # the file changed while we built: leave it
            default_storage.delete(stored)
            return row
        row.pyramid, row.levels, row.built_at = stored, levels, timezone.now()
        row.save(update_fields=["pyramid", "levels", "built_at"])
    logger.info("IIIF: built a %d-level pyramid for image %s", len(levels), image.pk)
    return row


def forget(image):
    """Delete an image's pyramids and cached responses (the image is being deleted)."""
    storage.delete_tree(f"{storage.PYRAMID_DIR}/{image.iiif_identifier}")
    storage.delete_tree(storage.image_cache_dir(image))
