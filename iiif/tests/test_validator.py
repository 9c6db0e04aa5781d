"""The official IIIF Image API validator (iiif-validator) against our server, live.

The validator knows one image: 1000 × 1000 pixels, a 10 × 10 grid of coloured squares from
its own colour table. We build it, store it as an ordinary editorial image (attached to no
object, so public), let the task build its pyramid, and run ``iiif-validate.py`` against a live
server: Image API 3.0 level 2, 2.1 (the validator's "2.0" suite) level 2, and the level-3
tests for features we declare beyond level 2. Exit status = number of failed tests.
The validator's jp2/pdf/webp format tests crash on Python 3, so they are never selected.
"""

import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.models import Collection

from iiif.models import ImagePyramid
from portal.models import PortalImage

VALIDATOR = Path(sys.executable).parent / "iiif-validate.py"
#: Level-3 tests of features info.json lists in extraFeatures (not sizeUpscaling: the
#: validator expects ^max to stay at full size, where the specification scales up to the
#: limits).
BEYOND_LEVEL_2 = [
    "rot_mirror",
    "rot_mirror_180",
    "rot_full_non90",
    "rot_region_non90",
    "linkheader_canonical",
    "linkheader_profile",
]


def squares_png():
    from iiif_validator.validator import ValidationInfo

    colours = ValidationInfo().colorInfo
    image = Image.new("RGB", (1000, 1000))
    for x in range(10):
        for y in range(10):
            image.paste(colours[x][y], (x * 100, y * 100, x * 100 + 100, y * 100 + 100))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def squares(transactional_db):
    if Collection.get_first_root_node() is None:  # flushed by an earlier transactional test
        Collection.add_root(name="Root")
    image = PortalImage(title="IIIF validator squares", file=ContentFile(squares_png(), "sq.png"))
    image.save()  # no transaction around it: the pyramid task runs at once
    assert ImagePyramid.objects.get(image=image).is_current(image)
    return image


def validate(live_server, identifier, prefix, version, *options):
    server = live_server.url.split("://", 1)[1].replace("localhost", "127.0.0.1")
    command = [
        sys.executable,
        str(VALIDATOR),
        *("-s", server, "-p", prefix, "-i", identifier, f"--version={version}"),
        *options,
        "-q",
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("prefix", "version"), [("iiif/3", "3.0"), ("iiif/2", "2.0")], ids=["3.0", "2.1"]
)
def test_official_validator_passes_level_2(live_server, squares, prefix, version):
    result = validate(live_server, squares.iiif_identifier, prefix, version, "--level", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    # The validator can fail here: an unknown identifier fails most of its tests.
    unknown = validate(live_server, "AAAAAAAAAAAAAAAAAAAAAA", prefix, version, "--level", "0")
    assert unknown.returncode > 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_official_validator_passes_the_features_we_add_to_level_2(live_server, squares):
    tests = [option for name in BEYOND_LEVEL_2 for option in ("--test", name)]
    result = validate(live_server, squares.iiif_identifier, "iiif/3", "3.0", *tests)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_official_validator_passes_level_2_with_the_pillow_fallback(live_server, squares, settings):
    settings.IIIF_IMAGE_BACKEND = "pillow"
    result = validate(live_server, squares.iiif_identifier, "iiif/3", "3.0", "--level", "2")
    assert result.returncode == 0, result.stdout + result.stderr
