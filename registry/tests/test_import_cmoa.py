"""A real foreign export: the Carnegie Museum of Art's collection, through cmoa.toml.

The data file is not in the repository: it is read from ../shared/data (see its README).
"""

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction

from portal.setup import ensure_locales
from registry.models import ObjectMaker, RegisterObject, RestrictedObjectData
from registry.tests.import_fixtures import run_import

ROOT = Path(__file__).resolve().parents[2]
CMOA = ROOT.parent / "shared" / "data" / "cmoa_subset_5000.csv"
MAPPING = ROOT / "registry" / "mappings" / "cmoa.toml"
TEXT_FIELDS = (
    "title",
    "description",
    "distinguishing_features",
    "subject",
    "date_display",
    "place_of_origin",
    "status_note",
    "credit_line",
    "inventory_number",
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not CMOA.exists(), reason=f"{CMOA} is absent; see ../shared/data/README.md"),
]


def source_rows():
    with CMOA.open(encoding="utf-8", newline="") as stream:
        yield from csv.DictReader(stream)


@pytest.fixture(scope="module")
def cmoa(django_db_setup, django_db_blocker):
    """The CMOA subset imported once for this module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_locales()
        yield run_import(CMOA, mapping=MAPPING)
        transaction.set_rollback(True)


def uk_row(accession_number):
    return RegisterObject.objects.get(inventory_number=accession_number, locale__language_code="uk")


def test_every_record_with_a_title_and_an_accession_number_imports(cmoa):
    expected = sum(
        1 for row in source_rows() if row["title"].strip() and row["accession_number"].strip()
    )

    assert cmoa.created == expected
    assert RegisterObject.objects.filter(locale__language_code="uk").count() == expected
    assert {error.field for error in cmoa.errors} == {"title"}
    assert cmoa.skipped == sum(1 for _row in source_rows()) - expected


def test_english_text_fills_the_english_row_and_the_source_falls_back_to_it(cmoa):
    row = uk_row("06.16.2")
    english = RegisterObject.objects.get(
        translation_key=row.translation_key, locale__language_code="en"
    )

    assert row.register_id == "cmoa-06.16.2"
    assert row.title == english.title == "Old Trees"
    assert (row.date_earliest, row.date_latest) == (1883, 1883)
    assert english.credit_line == "Andrew Carnegie Fund"
    assert row.holder.name == "Художній музей Карнегі"


def test_inches_become_centimetres_and_zero_dimensions_are_unknown(cmoa):
    """79.66.115 measures 5.875 × 13.0 in, depth 0.0: 14.923 × 33.020 cm, no depth."""
    measurements = uk_row("79.66.115").measurements.order_by("sort_order")

    assert list(measurements.values_list("dimension", "value", "unit")) == [
        ("width", Decimal("14.923"), "cm"),
        ("height", Decimal("33.020"), "cm"),
    ]


def test_creators_become_makers_with_roles_and_dates(cmoa):
    makers = ObjectMaker.objects.filter(register_object=uk_row("70.32.2534")).order_by("sort_order")

    assert list(makers.values_list("name", "role", "dates")) == [
        ("John Hancock", "possibly by", "1757–1847"),
        ("John Hancock the elder", "possibly by", "1777–1840"),
        ("John Hancock , Jr.", "possibly by", "1804–1839"),
    ]


def test_c1_punctuation_is_read_as_windows_1252(cmoa):
    assert RegisterObject.objects.filter(title__contains="Saint Michael’s Church").exists()


def test_physical_location_lands_only_in_restricted_data(cmoa):
    location = "Gallery 19, Bruce Galleries"
    row = uk_row("95.111.1.A-C")

    assert RestrictedObjectData.objects.get(register_object=row).storage_location == location
    assert RestrictedObjectData.objects.filter(storage_location="Not on View").count() > 4000
    for values in RegisterObject.objects.values_list(*TEXT_FIELDS).iterator():
        assert not any(location in value for value in values if value)
