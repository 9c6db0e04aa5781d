"""Where the image service keeps its files, in Django's default storage (S3 in production).

Names are built from the image's opaque IIIF identifier and a *generation*: a digest of the
storage name of its current original. The original's own name (a random key, see
portal.images) never appears, and a new file gives a new generation, so responses rendered
from an old file are never served again.

libvips reads files, not storage objects: ``local_path`` gives a path on this machine, the
storage's own when it has one (FileSystemStorage), else a copy kept under IIIF_LOCAL_DIR.
"""

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

PYRAMID_DIR = "iiif/pyramids"
CACHE_DIR = "iiif/cache"


def generation(image):
    """A short token that changes whenever the image gets a new file."""
    return hashlib.sha256(image.file.name.encode()).hexdigest()[:16]


def pyramid_name(image):
    return f"{PYRAMID_DIR}/{image.iiif_identifier}/{generation(image)}.tif"


def cache_name(image, canonical):
    """The storage name of a rendered response, keyed by its canonical request."""
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:40]
    extension = canonical.rsplit(".", 1)[-1]
    return f"{CACHE_DIR}/{image.iiif_identifier}/{generation(image)}/{digest}.{extension}"


def image_cache_dir(image):
    return f"{CACHE_DIR}/{image.iiif_identifier}"


def read(name):
    """The bytes stored under ``name``, or None."""
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        return None


def write(name, data):
    """Store ``data`` under ``name`` unless a concurrent render stored it first."""
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # another process won the race: keep one copy
        default_storage.delete(saved)


def delete_tree(prefix):
    """Delete every file under ``prefix`` (an image's old pyramids or cached responses)."""
    try:
        folders, files = default_storage.listdir(prefix)
    except FileNotFoundError:
        return
    for folder in folders:
        delete_tree(f"{prefix}/{folder}")
    for name in files:
        default_storage.delete(f"{prefix}/{name}")


def local_dir():
    configured = getattr(settings, "IIIF_LOCAL_DIR", "")
    return Path(configured or Path(tempfile.gettempdir()) / "portal-iiif")


def local_path(name):
    """A path on this machine holding the stored file ``name`` (copied there once if need be)."""
    try:
        return default_storage.path(name)
    except NotImplementedError:
        pass
    target = local_dir() / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(handle, "wb") as copy, default_storage.open(name, "rb") as stored:
            for chunk in stored.chunks():
                copy.write(chunk)
        os.replace(partial, target)
    return str(target)
