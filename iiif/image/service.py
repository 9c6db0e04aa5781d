"""From a resolved request to bytes: a stored pyramid tile, the storage cache, or a render.

A request that is exactly one whole JPEG tile of the pyramid is answered with that tile's
bytes (iiif.image.tiles): no slot, no decoding, nothing stored. Anything else is looked up
in the storage cache, then rendered in a slot. Rendered responses are stored under a name
derived from the canonical request (see iiif.image.storage), so every spelling of the same
request shares one entry, and the ETag is derived from the same key: a conditional request
is answered without reading a byte.
"""

import hashlib

from django.core.exceptions import ObjectDoesNotExist

from . import storage, tiles
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


def pyramid_source(image, backend):
    """The pyramid when it is current and the backend reads pyramids, else None."""
    pyramid = current_pyramid_row(image)
    if backend.reads_pyramids and pyramid is not None and pyramid.is_current(image):
        levels = tuple(tuple(level) for level in pyramid.levels)
        return Source(storage.local_path(pyramid.pyramid), image.width, image.height, levels)
    return None


def source_for(image, backend):
    """The pyramid when it is current and the backend reads pyramids, else the original."""
    pyramid = pyramid_source(image, backend)
    if pyramid is not None:
        return pyramid
    path = storage.local_path(image.file.name)
    return Source(path, image.width, image.height, ((image.width, image.height),))


def stored_tile(image, resolved):
    """The pyramid's own JPEG tile when the request is exactly one whole tile of a level.

    Only for what a render of that tile would give pixel for pixel: the pyramid source, JPEG,
    quality default or color, no rotation or mirroring, and a box on the level the render
    path would choose that is one stored tile (edge tiles, padded in the file, are rendered).
    None otherwise.
    """
    rotation = resolved.rotation
    if resolved.format != "jpg" or resolved.quality not in ("default", "color"):
        return None
    if rotation.mirror or float(rotation.degrees) % 360:
        return None
    source = pyramid_source(image, get_backend())
    if source is None or len(source.levels) < 2:
        return None
    index = source.level_for(resolved)
    return tiles.stored_jpeg(
        source.path, index, source.box_on_level(resolved, index), resolved.size
    )


def cached(image, canonical):
    return storage.read(storage.cache_name(image, canonical))


def render(image, resolved):
    """Render (waiting for a slot; load.Overloaded when none frees) and store the result."""
    backend = get_backend()
    with render_slot():
        data = backend.render(source_for(image, backend), resolved)
    storage.write(storage.cache_name(image, resolved.canonical), data)
    return data
