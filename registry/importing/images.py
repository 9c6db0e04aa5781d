"""Image files of a record: safe paths inside ``--images``, hashing, sanitising, storing.

A path may not leave the images folder: absolute paths, ``..`` and symbolic links that point
outside are refused. Stored files are re-encoded without metadata (portal.images) and saved
under a random key; an image already in the portal (same stored bytes) is reused.
"""

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from portal.images import InvalidImageError, strip_metadata
from portal.models import PortalImage

from .errors import BadValue, ImportFileError
from .text import clean_text

_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass
class ImageFile:
    """One image of a record: where it is, how big, and the SHA-256 of its bytes."""

    path: str
    file: Path
    size: int
    sha256: str
    alts: dict = field(default_factory=dict)
    captions: dict = field(default_factory=dict)
    clean: object = None  # portal.images.CleanImage, once sanitised
    file_hash: str = ""  # SHA-1 of the stored bytes, as Wagtail's file_hash


class ImageFolder:
    """The folder given with ``--images``; every image path is resolved inside it."""

    def __init__(self, root):
        root = Path(root)
        if not root.is_dir():
            raise ImportFileError(
                _("The images folder %(folder)s does not exist.") % {"folder": root}
            )
        self.root = root.resolve()

    def inspect(self, path):
        """Check that ``path`` stays in the folder and names a file; hash it."""
        path = clean_text(path)
        pure = PurePosixPath(path.replace("\\", "/"))
        refused = _("The image path %(path)s leaves the images folder, so it is refused.")
        if not path or pure.is_absolute() or _DRIVE.match(path) or ".." in pure.parts:
            raise BadValue(refused % {"path": path})
        try:
            resolved = self.root.joinpath(*pure.parts).resolve(strict=True)
        except FileNotFoundError as error:
            raise BadValue(
                _("The image %(path)s is not in the images folder.") % {"path": path}
            ) from error
        except (OSError, RuntimeError) as error:
            raise BadValue(_("The image %(path)s cannot be read.") % {"path": path}) from error
        if not resolved.is_relative_to(self.root):
            raise BadValue(refused % {"path": path})
        if not resolved.is_file():
            raise BadValue(_("The image path %(path)s is not a file.") % {"path": path})
        try:
            with resolved.open("rb") as stream:
                digest = hashlib.file_digest(stream, "sha256").hexdigest()
            size = resolved.stat().st_size
        except OSError as error:
            raise BadValue(_("The image %(path)s cannot be read.") % {"path": path}) from error
        return ImageFile(path=path, file=resolved, size=size, sha256=digest)


def sanitise(image):
    """Re-encode the image without metadata; a file that is not an image is a BadValue."""
    try:
        image.clean = strip_metadata(image.file.read_bytes())
    except (InvalidImageError, OSError) as error:
        raise BadValue(
            _("The file %(path)s is not an image the portal accepts (JPEG, PNG, TIFF or WebP).")
            % {"path": image.path}
        ) from error
    image.file_hash = hashlib.sha1(image.clean.data, usedforsecurity=False).hexdigest()


class ImageStore:
    """Stores sanitised images once per content, and remembers files to remove on failure."""

    def __init__(self):
        self.stored_names = []
        self.stored = 0
        self.reused = 0

    def resolve(self, pending):
        """Map file_hash to PortalImage id, storing the images not in the portal yet.

        ``pending`` maps file_hash to (ImageFile, title, alt text, rights, credit).
        """
        ids = dict(
            PortalImage.objects.filter(file_hash__in=list(pending))
            .order_by("-pk")
            .values_list("file_hash", "pk")
        )
        self.reused += len(ids)
        for file_hash, (image, title, alt_text, rights, credit) in pending.items():
            if file_hash in ids:
                continue
            clean = image.clean
            stored = PortalImage(
                title=title[:255],
                alt_text=alt_text[:500],
                rights=rights,
                credit=credit[:500],
                width=clean.width,
                height=clean.height,
                file_size=len(clean.data),
                file_hash=file_hash,
            )
            # Already sanitised: the name is a placeholder, the stored key is random.
            stored.file = ContentFile(clean.data, name=f"image{clean.extension}")
            stored._stripped = True
            stored.save()
            self.stored_names.append(stored.file.name)
            self.stored += 1
            ids[file_hash] = stored.pk
        return ids

    def discard_stored(self):
        """Remove files stored by a batch whose transaction rolled back."""
        storage = PortalImage._meta.get_field("file").storage
        for name in self.stored_names:
            storage.delete(name)
        self.stored_names = []

    def commit(self):
        self.stored_names = []
