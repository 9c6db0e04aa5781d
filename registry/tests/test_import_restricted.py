"""Canary: a restricted location reaches RestrictedObjectData and nothing else at all."""

import os

import pytest
from django.conf import settings
from django.db import connection

from portal.setup import ensure_locales
from registry.models import RestrictedObjectData
from registry.tests.import_fixtures import image_bytes, run_import, write_csv

CANARY = "CANARY-7c1e-shelter-Lviv-49.84N"
MAPPING = """
[source]
ignore_columns = ["notes"]

[register_id]
column = "id"

[columns]
name = "title_en"
where = "storage_location"
shelf = { restricted = true }
photo = "images"
"""


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


def text_outside_restricted_data():
    """Every text value of every table but RestrictedObjectData's, with its table."""
    restricted = RestrictedObjectData._meta.db_table
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table == restricted:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, (str, bytes)):
                        yield table, value


def test_restricted_location_appears_only_in_restricted_data(tmp_path):
    """The canary in storage_location, a restricted column, a mapped restricted column, an
    image's EXIF and GPS and its file name: after import it is in RestrictedObjectData and in
    no other table, no search index table, no stored file and no file name."""
    images = tmp_path / "images"
    images.mkdir()
    photo = f"{CANARY}.jpg"
    (images / photo).write_bytes(image_bytes(canary=CANARY))
    assert CANARY.encode() in (images / photo).read_bytes()
    core = {
        "register_id": "CANARY-1",
        "title_uk": "Рушник",
        "title_en": "Towel",
        "holder": "museum",
        "materials": "льон",
        "storage_location": f"Сховище {CANARY}",
        "evacuation_location": CANARY,
        "restricted_shelf": CANARY,
        "images": photo,
    }
    report = run_import(write_csv(tmp_path / "core.csv", [core]), images_dir=images)
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    mapped = {"id": "CANARY-2", "name": "Jug", "where": CANARY, "shelf": CANARY, "photo": photo}
    mapped_report = run_import(
        write_csv(tmp_path / "mapped.csv", [mapped]), mapping=mapping, images_dir=images
    )

    assert (report.created, mapped_report.created) == (1, 1)
    restricted = {
        row.register_object.register_id: row for row in RestrictedObjectData.objects.all()
    }
    assert CANARY in restricted["CANARY-1"].storage_location
    assert restricted["CANARY-1"].extra == {"shelf": CANARY}
    assert restricted["CANARY-2"].storage_location == CANARY
    assert restricted["CANARY-2"].extra == {"shelf": CANARY}

    leaks = [table for table, value in text_outside_restricted_data() if CANARY in str(value)]
    assert leaks == []
    stored = list(os.walk(settings.MEDIA_ROOT))
    assert stored, "the images were stored"
    for folder, _dirs, files in stored:
        for name in files:
            assert CANARY not in name
            with open(os.path.join(folder, name), "rb") as stream:
                assert CANARY.encode() not in stream.read()
