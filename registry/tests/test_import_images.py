"""Images of a record: read inside --images only, stripped of metadata, stored once."""

import os
from io import BytesIO

import pytest
from PIL import Image

from portal.models import PortalImage
from portal.setup import ensure_locales
from registry.models import ObjectImage, RegisterObject
from registry.tests.import_fixtures import (
    RIGHTS,
    image_bytes,
    messages,
    record,
    run_import,
    write_csv,
    write_jsonl,
)

CANARY = "CANARY-bunker-7-Lviv"


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


@pytest.fixture
def images(tmp_path):
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "front.jpg").write_bytes(image_bytes(canary=CANARY))
    (folder / "back.png").write_bytes(image_bytes("PNG", color=(10, 20, 30)))
    return folder


def import_rows(tmp_path, images, rows):
    return run_import(write_csv(tmp_path / "a.csv", rows), images_dir=images)


def test_images_are_stored_without_metadata_under_a_random_name(tmp_path, images):
    """EXIF description, GPS and XMP are gone, and the original file name appears nowhere."""
    report = import_rows(tmp_path, images, [record("I-1", images="front.jpg|back.png")])

    assert (report.created, report.images_stored) == (1, 2)
    for stored in PortalImage.objects.all():
        name = os.path.basename(stored.file.name)
        assert "front" not in name and "back" not in name
        with stored.file.open("rb") as stream:
            data = stream.read()
        assert CANARY.encode() not in data
        with Image.open(BytesIO(data)) as image:
            assert not image.getexif().get_ifd(0x8825)
            assert 0x010E not in image.getexif()


def test_photographs_keep_their_order_with_alt_text_and_caption_per_language(tmp_path, images):
    row = record(
        "I-2",
        title_en="Jug",
        images="front.jpg|back.png",
        images_alt="Глек спереду",
        images_caption="Лицевий бік|Зворотний бік",
        images_caption_en="Front|Back",
        rights=RIGHTS,
        credit_line="Фото музею",
    )
    import_rows(tmp_path, images, [row])

    def photos(language):
        rows = ObjectImage.objects.filter(register_object__locale__language_code=language)
        return list(
            rows.order_by("sort_order").values_list("alt_text", "caption", "rights", "credit")
        )

    assert photos("uk") == [
        ("Глек спереду", "Лицевий бік", RIGHTS, "Фото музею"),
        ("Предмет I-2", "Зворотний бік", RIGHTS, "Фото музею"),
    ]
    assert [(alt, caption) for alt, caption, _rights, _credit in photos("en")] == [
        ("Jug", "Front"),
        ("Jug", "Back"),
    ]
    uk, en = ObjectImage.objects.filter(sort_order=0).order_by("register_object__locale_id")
    assert uk.translation_key == en.translation_key and uk.image_id == en.image_id
    stored = uk.image
    assert (stored.title, stored.alt_text, stored.rights) == ("Предмет I-2", "Глек спереду", RIGHTS)


def test_jsonl_image_objects_carry_their_own_alt_text_and_caption(tmp_path, images):
    row = record(
        "I-2J",
        title_en="Jug",
        images=[{"path": "front.jpg", "alt": "Глек", "alt_en": "A jug", "caption_en": "Front"}],
    )
    run_import(write_jsonl(tmp_path / "a.jsonl", [row]), images_dir=images)

    photos = ObjectImage.objects.order_by("register_object__locale_id")
    assert list(photos.values_list("alt_text", "caption")) == [
        ("Глек", "Front"),
        ("A jug", "Front"),
    ]


def test_same_image_content_is_stored_once_and_reused(tmp_path, images):
    """Two records with the same photograph, and a re-import, reuse one PortalImage."""
    (images / "copy.jpg").write_bytes((images / "front.jpg").read_bytes())
    import_rows(
        tmp_path, images, [record("I-3", images="front.jpg"), record("I-4", images="copy.jpg")]
    )
    report = run_import(
        write_csv(tmp_path / "b.csv", [record("I-5", images="front.jpg")]), images_dir=images
    )

    assert PortalImage.objects.count() == 1
    assert report.images_reused == 1 and report.images_stored == 0
    assert ObjectImage.objects.values("image").distinct().count() == 1


def test_changed_image_file_changes_the_record(tmp_path, images):
    """The content hash covers image bytes: a new photograph under the old name updates."""
    path = write_csv(tmp_path / "a.csv", [record("I-6", images="back.png")])
    run_import(path, images_dir=images)
    (images / "back.png").write_bytes(image_bytes("PNG", color=(250, 0, 0)))
    report = run_import(path, images_dir=images)

    assert report.updated == 1
    assert PortalImage.objects.count() == 2


@pytest.mark.parametrize(
    "path", ["../secret.jpg", "/etc/passwd", "sub/../../secret.jpg", "..\\secret.jpg", "C:/x.jpg"]
)
def test_image_path_leaving_the_images_folder_is_refused(tmp_path, images, path):
    (tmp_path / "secret.jpg").write_bytes(image_bytes())
    report = import_rows(tmp_path, images, [record("I-7", images=path)])

    assert report.created == 0
    assert messages(report)[0][1] == "images"
    assert "leaves the images folder" in report.errors[0].message


def test_symlink_pointing_out_of_the_images_folder_is_refused(tmp_path, images):
    (tmp_path / "outside.jpg").write_bytes(image_bytes())
    (images / "inside.jpg").symlink_to(tmp_path / "outside.jpg")
    report = import_rows(tmp_path, images, [record("I-8", images="inside.jpg")])

    assert report.created == 0
    assert "leaves the images folder" in report.errors[0].message


def test_symlink_inside_the_images_folder_is_followed(tmp_path, images):
    (images / "alias.jpg").symlink_to(images / "front.jpg")

    assert import_rows(tmp_path, images, [record("I-9", images="alias.jpg")]).created == 1


def test_file_that_is_not_an_image_is_a_row_error(tmp_path, images):
    (images / "notes.jpg").write_text("not an image")
    report = import_rows(tmp_path, images, [record("I-10", images="notes.jpg"), record("I-11")])

    assert report.created == 1
    assert messages(report) == [
        (
            1,
            "images",
            "The file notes.jpg is not an image the portal accepts (JPEG, PNG, TIFF or WebP).",
        )
    ]
    assert not RegisterObject.objects.filter(register_id="I-10").exists()
    assert PortalImage.objects.count() == 0


def test_missing_image_file_is_a_row_error(tmp_path, images):
    report = import_rows(tmp_path, images, [record("I-12", images="nowhere.jpg")])

    assert report.errors[0].message == "The image nowhere.jpg is not in the images folder."
