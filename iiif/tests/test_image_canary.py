"""Canary: restricted data of an object (where it is kept) and metadata an original arrived
with never reach info.json, image responses, their headers, or the names of stored IIIF files."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iiif.image import storage
from iiif.models import ImagePyramid
from portal.models import PortalImage
from registry.models import RestrictedObjectData
from registry.tests import builders
from registry.tests.import_fixtures import image_bytes

pytestmark = pytest.mark.django_db

CANARY = f"CANARY-{uuid.uuid4().hex}"
RESTRICTED_TABLE = RestrictedObjectData._meta.db_table


def stored_names(prefix):
    folders, files = default_storage.listdir(prefix)
    yield from (f"{prefix}/{name}" for name in files)
    for folder in folders:
        yield from stored_names(f"{prefix}/{folder}")


def test_restricted_data_reaches_no_iiif_response_or_stored_name(
    client, django_capture_on_commit_callbacks
):
    obj = builders.register_object(title=f"Ікона {CANARY[:8]}")
    builders.restrict(obj, CANARY)
    image = PortalImage(
        title=CANARY,
        file=ContentFile(image_bytes(canary=CANARY, size=(700, 500)), name=f"{CANARY}.jpg"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    builders.add_photo(obj, image=image, alt_text=CANARY, caption=CANARY)
    assert ImagePyramid.objects.get(image=image).is_current(image)

    base = f"/iiif/3/{image.iiif_identifier}"
    paths = [
        base,
        f"{base}/info.json",
        f"/iiif/2/{image.iiif_identifier}/info.json",
        f"{base}/full/max/0/default.jpg",
        f"{base}/0,0,256,256/256,/0/default.png",
        f"{base}/full/max/0/default.webp",
        f"/iiif/2/{image.iiif_identifier}/full/full/0/default.jpg",
        f"{base}/full/max/0/default.gif",
        f"{base}/full/99999,/0/default.jpg",
    ]
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code in (200, 303, 400, 501), path
        assert CANARY.encode() not in response.content, path
        assert CANARY not in str(response.headers), path
        touched = [q["sql"] for q in queries.captured_queries if RESTRICTED_TABLE in q["sql"]]
        assert not touched, (path, touched)
    names = list(stored_names(storage.CACHE_DIR)) + list(stored_names(storage.PYRAMID_DIR))
    assert any(image.iiif_identifier in name for name in names)
    assert not [name for name in names if CANARY in name]
    with default_storage.open(ImagePyramid.objects.get(image=image).pyramid) as pyramid:
        assert CANARY.encode() not in pyramid.read()
