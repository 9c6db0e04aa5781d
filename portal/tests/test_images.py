"""Stored originals carry no metadata and no original file name."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal.images import InvalidImageError, strip_metadata
from portal.models import PortalImage

CANARY = "CANARY-bunker-7-Lviv-47.8N"
# ImageDescription, Make, Model, Artist, Copyright, XMP, IPTC, GPS IFD, EXIF IFD
DESCRIPTIVE_TAGS = (0x010E, 0x010F, 0x0110, 0x013B, 0x8298, 0x02BC, 0x83BB, 0x8825, 0x8769)


def make_image_bytes(image_format="JPEG", *, size=(64, 48), orientation=None, canary=CANARY):
    """An image whose EXIF, GPS, XMP and comment all carry the canary."""
    image = Image.new("RGB", size, (200, 120, 40))
    image.putpixel((0, 0), (0, 0, 255))
    exif = Image.Exif()
    exif[0x010E] = canary  # ImageDescription
    exif[0x013B] = canary  # Artist
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (47.0, 48.0, 0.0)
    out = BytesIO()
    options = {"exif": exif}
    if image_format == "JPEG":
        options["comment"] = canary
    if image_format in ("JPEG", "PNG", "WEBP", "TIFF"):
        options["xmp"] = f'<x:xmpmeta xmlns:x="adobe:ns:meta/">{canary}</x:xmpmeta>'.encode()
    image.save(out, image_format, **options)
    return out.getvalue()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "TIFF", "WEBP"])
def test_strip_metadata_removes_exif_gps_xmp_and_comments(image_format):
    original = make_image_bytes(image_format)
    assert CANARY.encode() in original
    clean = strip_metadata(original)
    assert CANARY.encode() not in clean.data
    with Image.open(BytesIO(clean.data)) as image:
        assert image.format == image_format
        exif = image.getexif()
        for tag in DESCRIPTIVE_TAGS:
            assert tag not in exif
        assert not exif.get_ifd(0x8825)
        assert "xmp" not in image.info
        assert "comment" not in image.info
        assert image.size == (64, 48)


def test_strip_metadata_applies_exif_orientation_before_dropping_it():
    # Orientation 6 means "rotate 90° clockwise to display".
    clean = strip_metadata(make_image_bytes("JPEG", size=(64, 48), orientation=6))
    assert (clean.width, clean.height) == (48, 64)


def test_strip_metadata_keeps_the_colour_profile():
    image = Image.new("RGB", (8, 8))
    out = BytesIO()
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(out, "PNG", icc_profile=profile)
    clean = strip_metadata(out.getvalue())
    with Image.open(BytesIO(clean.data)) as reread:
        assert reread.info.get("icc_profile") == profile


@pytest.mark.parametrize(
    "data",
    [b"", b"not an image at all", b"%PDF-1.4 fake", make_image_bytes("JPEG")[:200]],
    ids=["empty", "text", "pdf", "truncated-jpeg"],
)
def test_strip_metadata_rejects_files_that_are_not_readable_images(data):
    with pytest.raises(InvalidImageError):
        strip_metadata(data)


def test_strip_metadata_rejects_unsupported_formats():
    out = BytesIO()
    Image.new("RGB", (4, 4)).save(out, "BMP")
    with pytest.raises(InvalidImageError, match="Unsupported image format"):
        strip_metadata(out.getvalue())


@pytest.mark.django_db
def test_saved_image_has_random_key_and_no_metadata(settings):
    upload_name = f"{CANARY}-photo.jpg"
    image = PortalImage(title="Ікона", file=ContentFile(make_image_bytes(), name=upload_name))
    image.save()
    image.refresh_from_db()
    assert CANARY not in image.file.name
    assert "photo" not in image.file.name
    assert image.file.name.startswith("original_images/")
    assert image.file.name.endswith(".jpg")
    with image.open_file() as stored:
        data = stored.read()
    assert CANARY.encode() not in data
    assert image.file_size == len(data)
    assert (image.width, image.height) == (64, 48)


@pytest.mark.django_db
def test_two_uploads_with_the_same_name_get_different_keys():
    first = PortalImage.objects.create(
        title="a", file=ContentFile(make_image_bytes(), name="same.jpg")
    )
    second = PortalImage.objects.create(
        title="b", file=ContentFile(make_image_bytes(), name="same.jpg")
    )
    assert first.file.name != second.file.name


@pytest.mark.django_db
def test_admin_upload_strips_metadata_and_renames(admin_client, portal_site):
    upload = SimpleUploadedFile(f"{CANARY}.jpg", make_image_bytes(), content_type="image/jpeg")
    response = admin_client.post(
        "/admin/images/add/", {"title": "Рушник", "file": upload, "collection": 1}
    )
    assert response.status_code == 302, response.content[:2000]
    image = PortalImage.objects.get(title="Рушник")
    assert CANARY not in image.file.name
    with image.open_file() as stored:
        assert CANARY.encode() not in stored.read()
    assert image.file_hash


@pytest.mark.django_db
def test_admin_multiple_upload_strips_metadata_and_removes_the_original(admin_client, portal_site):
    upload = SimpleUploadedFile(f"{CANARY}.jpg", make_image_bytes(), content_type="image/jpeg")
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload, "title": "multi"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200, response.content[:2000]
    image = PortalImage.objects.latest("pk")
    assert CANARY not in image.file.name
    with image.open_file() as stored:
        assert CANARY.encode() not in stored.read()
    storage = image.file.storage
    _dirs, files = storage.listdir("original_images")
    assert all(CANARY not in name for name in files)
    for name in files:
        with storage.open(f"original_images/{name}") as stored:
            assert CANARY.encode() not in stored.read()
