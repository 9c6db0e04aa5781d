"""Tiled pyramids: built by a task when an image gets a file (or by the importer's call, or
the backfill command), used for tiles without touching the original, rebuilt for a new file."""

from io import BytesIO, StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from iiif.image import pyramids, storage
from iiif.models import ImagePyramid
from iiif.tasks import enqueue_pyramids
from iiif.tests.test_image_views import BLUE, GREEN, YELLOW, close, decode, quadrants_png, url
from portal.models import PortalImage

pytestmark = pytest.mark.django_db

BIG = (2000, 1500)


def big_image(django_capture_on_commit_callbacks, **fields):
    image = PortalImage(
        title="big", file=ContentFile(quadrants_png(*BIG), name="big.png"), **fields
    )
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    return image


def test_saving_an_image_builds_its_pyramid(django_capture_on_commit_callbacks):
    image = big_image(django_capture_on_commit_callbacks)
    row = ImagePyramid.objects.get(image=image)
    assert row.is_current(image)
    assert row.levels[0] == list(BIG)
    assert len(row.levels) >= 3
    assert [w for w, _h in row.levels] == sorted((w for w, _h in row.levels), reverse=True)
    assert default_storage.exists(row.pyramid)
    assert image.file.name.rsplit("/", 1)[-1].split(".")[0] not in row.pyramid


def test_tiles_are_cut_from_the_pyramid_without_the_original(
    client, django_capture_on_commit_callbacks
):
    """With the original gone from storage, tiles and sizes still render: only the pyramid
    is read."""
    image = big_image(django_capture_on_commit_callbacks)
    default_storage.delete(image.file.name)
    tile = decode(client.get(url(image, "1024,768,256,256/256,/0/default.png")))
    assert tile.size == (256, 256)
    assert close(tile.getpixel((128, 128)), YELLOW)
    overview = decode(client.get(url(image, "full/500,/0/default.png")))
    assert overview.size == (500, 375)
    assert close(overview.getpixel((400, 50)), GREEN)
    assert close(overview.getpixel((100, 300)), BLUE)
    edge = client.get(url(image, "1792,1280,256,256/208,/0/default.jpg"))
    assert decode(edge).size == (208, 220)


def test_without_a_pyramid_the_original_serves(client):
    image = PortalImage(title="fresh", file=ContentFile(quadrants_png(*BIG), name="x.png"))
    image.save()  # outside on_commit capture: no task has run
    assert not ImagePyramid.objects.filter(image=image).exclude(pyramid="").exists()
    tile = decode(client.get(url(image, "1024,768,256,256/256,/0/default.png")))
    assert close(tile.getpixel((128, 128)), YELLOW)


def test_a_new_file_makes_a_new_pyramid(django_capture_on_commit_callbacks):
    image = big_image(django_capture_on_commit_callbacks)
    old = ImagePyramid.objects.get(image=image).pyramid
    buffer = BytesIO()
    Image.new("RGB", (900, 700), (10, 20, 30)).save(buffer, "PNG")
    image.file = ContentFile(buffer.getvalue(), name="new.png")
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    row = ImagePyramid.objects.get(image=image)
    assert row.is_current(image)
    assert row.pyramid != old
    assert row.levels[0] == [900, 700]
    assert not default_storage.exists(old)


def test_editing_metadata_does_not_rebuild(django_capture_on_commit_callbacks):
    image = big_image(django_capture_on_commit_callbacks)
    built = ImagePyramid.objects.get(image=image).built_at
    image.title = "renamed"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image.save()
    assert callbacks == []
    assert ImagePyramid.objects.get(image=image).built_at == built


def test_enqueue_pyramids_for_images_created_without_signals(django_capture_on_commit_callbacks):
    names = [
        default_storage.save("original_images/b.png", ContentFile(quadrants_png())) for _ in "ab"
    ]
    images = PortalImage.objects.bulk_create(
        [PortalImage(title=name, file=name, width=600, height=400) for name in names]
    )
    assert not ImagePyramid.objects.filter(image__in=images).exists()  # no signal was sent
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_pyramids(image.pk for image in images)
    assert ImagePyramid.objects.exclude(pyramid="").filter(image__in=images).count() == 2


def test_backfill_command_builds_missing_pyramids():
    image = PortalImage(title="old", file=ContentFile(quadrants_png(), name="o.png"))
    image.save()
    assert not ImagePyramid.objects.exclude(pyramid="").filter(image=image).exists()
    call_command("build_iiif_pyramids", "--image-id", str(image.pk), stdout=StringIO())
    assert ImagePyramid.objects.get(image=image).is_current(image)


def test_deleting_an_image_deletes_its_iiif_files(client, django_capture_on_commit_callbacks):
    image = big_image(django_capture_on_commit_callbacks)
    client.get(url(image, "full/100,/0/default.jpg"))
    pyramid = ImagePyramid.objects.get(image=image).pyramid
    cached = storage.cache_name(image, "full/100,75/0/default.jpg")
    assert default_storage.exists(cached)
    image.delete()
    assert not default_storage.exists(pyramid)
    assert not default_storage.exists(cached)


def test_pillow_builds_no_pyramid_and_still_serves(client, settings):
    settings.IIIF_IMAGE_BACKEND = "pillow"
    image = PortalImage(title="p", file=ContentFile(quadrants_png(*BIG), name="p.png"))
    image.save()
    assert pyramids.build(image.pk) is None
    tile = decode(client.get(url(image, "1024,768,256,256/256,/0/default.png")))
    assert close(tile.getpixel((128, 128)), YELLOW)
