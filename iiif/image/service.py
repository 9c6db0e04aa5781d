"""From a resolved request to bytes: the storage cache first, then a render in a slot.

Rendered responses are stored under a name derived from the canonical request (see
iiif.image.storage), so every spelling of the same request shares one entry, and the ETag
is derived from the same key: a conditional request is answered without reading a byte.
"""

import hashlib

from django.core.exceptions import ObjectDoesNotExist

from . import storage
from .load import render_slot
from .pixels import Source, get_backend


def etag(image, canonical):
    digest = hashlib.sha256(f"{storage.generation(image)}/{canonical}".encode()).hexdigest()
    return f'"{digest[:32]}"'


def last_modified(image):
    """When the image got its present file (as far as the service knows)."""
    pyramid = current_pyramid_row(image)
    if pyramid is not None and pyramid.source == image.file.name:
        return pyramid.source_changed_at
    return image.created_at


def current_pyramid_row(image):
    try:
        return image.iiif_pyramid
    except ObjectDoesNotExist:
        return None


def source_for(image, backend):
    """The pyramid when it is current and the backend reads pyramids, else the original."""
    pyramid = current_pyramid_row(image)
    if backend.reads_pyramids and pyramid is not None and pyramid.is_current(image):
        levels = tuple(tuple(level) for level in pyramid.levels)
        return Source(storage.local_path(pyramid.pyramid), image.width, image.height, levels)
    path = storage.local_path(image.file.name)
    return Source(path, image.width, image.height, ((image.width, image.height),))


def cached(image, canonical):
    return storage.read(storage.cache_name(image, canonical))


def render(image, resolved):
    """Render (waiting for a slot; load.Overloaded when none frees) and store the result."""
    backend = get_backend()
    with render_slot():
        data = backend.render(source_for(image, backend), resolved)
    storage.write(storage.cache_name(image, resolved.canonical), data)
    return data
