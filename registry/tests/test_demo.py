"""The demo museum: drawn pictures and fictional records, loaded through the real importer.

The module loads the demo once, with small pictures (``scale``) and in one process, inside a
transaction that is rolled back afterwards.
"""

import io
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction
from django.utils import translation
from PIL import Image
from wagtail.search.models import IndexEntry

from portal.models import PortalImage
from portal.validators import validate_rights_uri
from registry.demo.build import build, render
from registry.demo.collection import OBJECTS
from registry.demo.loader import load_demo
from registry.demo.records import exchange_record, storage_location
from registry.demo.users import DEMO_PASSWORD
from registry.models import (
    HoldingMuseum,
    ObjectImage,
    ObjectInscription,
    ObjectMaker,
    ObjectStatus,
    RegisterObject,
    RestrictedObjectData,
)
from registry.models.objects import ALERT_STATUSES

SCALE = 0.1
RANDOM_IMAGE_NAME = re.compile(r"^original_images/[0-9a-f]{32}\.(jpg|png)$")

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_dir):
    """The demo museum loaded once for this module (then loaded again), rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        first = load_demo(target_dir=demo_dir, scale=SCALE, workers=1)
        second = load_demo(target_dir=demo_dir, scale=SCALE, workers=1)
        yield first, second
        transaction.set_rollback(True)


def source_objects():
    return RegisterObject.objects.filter(locale__language_code="uk")


def test_the_collection_has_enough_objects_museums_and_every_status():
    """The data itself: ≥ 64 objects, ≥ 6 museums, every status, unique register IDs."""
    ids = [obj.register_id for obj in OBJECTS]
    statuses = Counter(obj.status for obj in OBJECTS)

    assert len(OBJECTS) >= 64
    assert len(set(ids)) == len(ids)
    assert len({obj.holder for obj in OBJECTS}) >= 6
    assert set(statuses) == set(ObjectStatus.values)
    assert all(statuses[status] >= 3 for status in ALERT_STATUSES)
    assert sum(1 for obj in OBJECTS if not obj.published) >= 2


def test_every_record_links_to_objects_of_the_demo_and_states_valid_rights():
    ids = {obj.register_id for obj in OBJECTS}
    for obj in OBJECTS:
        record = exchange_record(obj)
        validate_rights_uri(record["rights"])
        for related in record.get("related", []):
            assert related.rpartition(":")[2] in ids, (obj.id, related)
        assert record["title_uk"] != record["title_en"], obj.id
        assert obj.status == "in_collection" or record.get("status_note_en"), obj.id


def test_pictures_are_deterministic_for_the_same_object_and_view():
    """Re-drawing gives the same pixels, so a second import finds nothing changed."""
    obj = next(obj for obj in OBJECTS if "back" in obj.images)
    for view in ("main", "back", "detail"):
        first, second = render(obj, view, SCALE), render(obj, view, SCALE)
        assert first.tobytes() == second.tobytes()
        assert first.size in {(160, 120), (120, 160)}


def test_loading_creates_published_objects_in_several_museums(demo):
    first, _second = demo
    published = source_objects().filter(published=True)

    assert first.report.created == len(OBJECTS)
    assert first.report.skipped == 0
    assert published.count() >= 60
    assert HoldingMuseum.objects.in_source_locale().count() >= 6
    assert not HoldingMuseum.objects.in_source_locale().filter(latitude__isnull=True).exists()
    assert source_objects().filter(published=False).count() >= 2


def test_every_status_is_present_with_dates_and_notes_in_both_languages(demo):
    statuses = set(source_objects().filter(published=True).values_list("status", flat=True))
    alerts = RegisterObject.objects.filter(status__in=ALERT_STATUSES)

    assert statuses == set(ObjectStatus.values)
    assert not alerts.filter(models.Q(status_date__isnull=True) | models.Q(status_note="")).exists()
    assert set(alerts.values_list("locale__language_code", flat=True)) == {"uk", "en"}


def test_every_object_has_ukrainian_and_english_titles(demo):
    for source in source_objects():
        english = RegisterObject.objects.get(
            translation_key=source.translation_key, locale__language_code="en"
        )
        assert source.title and english.title
        assert source.title != english.title
        assert english.register_id == source.register_id


def test_makers_materials_measurements_and_inscriptions_are_imported(demo):
    source = RegisterObject.objects.get(register_id="demo-namu-001", locale__language_code="uk")

    assert source.object_type.name == "Ікона"
    assert source.object_type.parent.name == "Живопис"
    assert source.measurements.count() == 3
    assert source.material_links.count() == 4
    assert ObjectMaker.objects.get(register_object=source).role == "іконописець"
    assert ObjectInscription.objects.filter(register_object=source).get().transcription == "МР ѲУ"
    assert source.images.count() == 3


def test_images_are_stored_under_random_names_without_metadata(demo):
    images = PortalImage.objects.all()

    assert images.count() == sum(len(obj.images) for obj in OBJECTS)
    for image in images:
        assert RANDOM_IMAGE_NAME.match(image.file.name), image.file.name
        with image.file.open("rb") as stream, Image.open(stream) as picture:
            assert not picture.getexif()
            assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(picture.info)
    assert ObjectImage.objects.exclude(alt_text="").count() == ObjectImage.objects.count()


def test_restricted_storage_locations_live_only_in_restricted_data(demo):
    for obj in OBJECTS:
        restricted = RestrictedObjectData.objects.get(register_object__register_id=obj.register_id)
        assert restricted.storage_location == storage_location(obj)
    marker = "Фондосховище"
    text_fields = ["title", "description", "distinguishing_features", "subject", "status_note"]
    for name in text_fields:
        assert not RegisterObject.objects.filter(**{f"{name}__contains": marker}).exists()
    assert not PortalImage.objects.filter(title__contains=marker).exists()
    assert not ObjectImage.objects.filter(alt_text__contains=marker).exists()
    assert not IndexEntry.objects.filter(body__contains=marker).exists()
    assert not IndexEntry.objects.filter(title__contains=marker).exists()


def test_a_second_load_draws_and_changes_nothing(demo):
    _first, second = demo

    assert (second.drawn, second.kept) == (0, sum(len(obj.images) for obj in OBJECTS))
    assert (second.report.created, second.report.updated) == (0, 0)
    assert second.report.unchanged == len(OBJECTS)
    assert not any(created for _name, _role, created in second.accounts)


def test_demo_accounts_have_the_documented_permissions(demo):
    User = get_user_model()
    admin, curator, registrar = (
        User.objects.get(username=name) for name in ("admin", "curator", "registrar")
    )

    assert admin.is_superuser and admin.check_password(DEMO_PASSWORD)
    assert curator.is_staff and not curator.is_superuser
    assert curator.has_perm("wagtailadmin.access_admin")
    assert curator.has_perm("registry.change_registerobject")
    assert not curator.has_perm("registry.view_restricted_data")
    assert registrar.groups.filter(name="Register staff").exists()
    assert registrar.has_perm("registry.view_restricted_data")
    assert registrar.has_perm("registry.change_restricted_data")


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", "0 created, 0 updated, {n} unchanged"),
        ("uk", "створено 0, оновлено 0, без змін {n}"),
    ],
)
def test_the_command_prints_the_counts_and_the_demo_credentials(demo, demo_dir, language, counts):
    out = io.StringIO()
    with translation.override(language):
        call_command(
            "load_demo", "--dir", str(demo_dir), "--scale", str(SCALE), "--workers", "1", stdout=out
        )
    text = out.getvalue()

    assert counts.format(n=len(OBJECTS)) in text
    assert f"admin / {DEMO_PASSWORD}" in text
    assert "http://127.0.0.1:8000/admin/" in text


def test_building_draws_pictures_and_writes_records_without_touching_the_database(tmp_path):
    before = RegisterObject.objects.count()
    result = build(tmp_path, scale=SCALE, objects=OBJECTS[:3], workers=1)

    assert result.drawn == sum(len(obj.images) for obj in OBJECTS[:3])
    assert len(result.exchange_file.read_text(encoding="utf-8").splitlines()) == 3
    assert RegisterObject.objects.count() == before
