"""Mapping files read a museum's own export without code."""

import datetime
from decimal import Decimal

import pytest

from portal.setup import ensure_locales
from registry.importing import ImportFileError
from registry.models import ObjectMaker, RegisterObject, RestrictedObjectData
from registry.tests.import_fixtures import messages, run_import, write_csv

MAPPING = """
name = "Test museum export"

[source]
split = ";"
repair_c1_controls = true
collapse_line_breaks = true
ignore_columns = ["internal_id"]

[register_id]
columns = ["fund", "number"]
join = "-"
prefix = "tm-"
replace_invalid = "_"

[constants]
holder = "test-museum"
holder_name_en = "Test Museum"
rights = "https://creativecommons.org/publicdomain/zero/1.0/"

[columns]
name = "title_en"
number = "inventory_number"
made = { field = "date_earliest", convert = "year" }
made_until = { field = "date_latest", convert = "year", invalid = "drop" }
stuff = "materials_en"
state = { field = "status", values = { "Lost" = "missing", "Here" = "in_collection" } }
since = { field = "status_date", convert = "date" }
width_in = { field = "dimensions", dimension = "width", unit = "in", to = "cm", zero_is_unknown = true }
weight_lb = { field = "dimensions", dimension = "weight", unit = "lb", to = "kg" }
room = "storage_location"
insurer = { restricted = true }

[makers]
language = "en"
split = "|"
name = "artist"
role = "artist_role"
birth = "born"
death = "died"
"""

ROW = {
    "fund": "A",
    "number": "12 / 3",
    "internal_id": "x1",
    "name": "Man\x92s hat\nwith feather",
    "made": "1883-05-01",
    "made_until": "71883-01-01",
    "stuff": "felt; silk",
    "state": "Lost",
    "since": "2022-03-01T00:00:00",
    "width_in": "10",
    "weight_lb": "0.5",
    "room": "Room 12",
    "insurer": "Policy 77",
    "artist": "Ann Smith|Hat & Co.",
    "artist_role": "designer|maker",
    "born": "1850-01-01|",
    "died": "1920-01-01|",
}


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


@pytest.fixture
def mapping(tmp_path):
    path = tmp_path / "museum.toml"
    path.write_text(MAPPING, encoding="utf-8")
    return path


def import_mapped(tmp_path, mapping, rows):
    return run_import(write_csv(tmp_path / "export.csv", rows), mapping=mapping)


def test_mapping_fills_fields_from_the_museums_own_columns(tmp_path, mapping):
    """Column to field, constants, value maps, splitting, dates and the register ID."""
    report = import_mapped(tmp_path, mapping, [ROW])

    assert (report.created, report.errors) == (1, [])
    row = RegisterObject.objects.get(locale__language_code="en")
    assert row.register_id == "tm-A-12_3"
    assert row.inventory_number == "12 / 3"
    assert row.title == "Man’s hat with feather"
    assert (row.date_earliest, row.date_latest) == (1883, None)
    assert (row.status, row.status_date) == ("missing", datetime.date(2022, 3, 1))
    assert row.rights == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert row.holder.code == "test-museum"
    assert [link.material.name for link in row.material_links.order_by("sort_order")] == [
        "felt",
        "silk",
    ]


def test_mapping_converts_units(tmp_path, mapping):
    """Inches become centimetres and pounds kilograms; a zero width is unknown."""
    import_mapped(tmp_path, mapping, [ROW, {**ROW, "number": "13", "width_in": "0.0"}])

    def measurements(inventory_number):
        row = RegisterObject.objects.get(
            inventory_number=inventory_number, locale__language_code="uk"
        )
        return list(
            row.measurements.order_by("sort_order").values_list("dimension", "value", "unit")
        )

    assert measurements("12 / 3") == [
        ("width", Decimal("25.400"), "cm"),
        ("weight", Decimal("0.227"), "kg"),
    ]
    assert measurements("13") == [("weight", Decimal("0.227"), "kg")]


def test_mapping_builds_makers_from_parallel_columns(tmp_path, mapping):
    import_mapped(tmp_path, mapping, [ROW])

    makers = ObjectMaker.objects.filter(locale__language_code="en").order_by("sort_order")
    assert list(makers.values_list("name", "role", "dates")) == [
        ("Ann Smith", "designer", "1850–1920"),
        ("Hat & Co.", "maker", ""),
    ]


def test_mapped_restricted_columns_land_only_in_restricted_data(tmp_path, mapping):
    import_mapped(tmp_path, mapping, [ROW])

    restricted = RestrictedObjectData.objects.get()
    assert restricted.storage_location == "Room 12"
    assert restricted.extra == {"insurer": "Policy 77"}
    for row in RegisterObject.objects.all():
        assert "Policy 77" not in str(row.__dict__) and "Room 12" not in str(row.__dict__)


def test_mapped_import_twice_reports_every_record_unchanged(tmp_path, mapping):
    import_mapped(tmp_path, mapping, [ROW, {**ROW, "number": "14"}])
    report = import_mapped(tmp_path, mapping, [ROW, {**ROW, "number": "14"}])

    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_dropped_value_is_a_warning_and_the_row_imports(tmp_path, mapping):
    report = import_mapped(tmp_path, mapping, [ROW])

    assert report.created == 1
    assert report.warnings == [
        "Row 1 (line 2): the value of made_until was left out: The year is out of range."
    ]


def test_mapping_errors_name_the_source_column(tmp_path, mapping):
    report = import_mapped(tmp_path, mapping, [{**ROW, "made": "once upon a time"}])

    assert messages(report) == [(1, "made", "Expected a date such as 1883-01-01 or a year.")]
    assert report.errors[0].register_id == "tm-A-12_3"


def test_unmapped_columns_are_a_warning(tmp_path, mapping):
    report = import_mapped(tmp_path, mapping, [{**ROW, "colour": "red"}])

    assert report.warnings[0] == (
        "The column colour is not in the mapping, so its values are ignored. "
        "Map it, or list it in ignore_columns."
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[columns]\nname = 'colour'\n", "names colour, which is not a field"),
        ("[columns.name]\nfield = 'title_en'\nconvert = 'roman'\n", "unknown convert"),
        (
            "[columns.w]\nfield = 'dimensions'\ndimension = 'width'\nunit = 'cubit'\n",
            "needs a dimension and a unit",
        ),
        (
            "[columns.w]\nfield = 'dimensions'\ndimension = 'width'\nunit = 'in'\nto = 'kg'\n",
            "measure different things",
        ),
        ("[colums]\n", "unknown keys at the top level: colums"),
        ("[columns\n", "is not valid TOML"),
        ("[columns]\nname = 'title_en'\n", "must say how to build register IDs"),
    ],
)
def test_bad_mapping_file_is_refused_before_reading(tmp_path, text, problem):
    path = tmp_path / "bad.toml"
    register_id = "" if "register IDs" in problem else "[register_id]\ncolumn = 'id'\n"
    path.write_text(register_id + text, encoding="utf-8")

    with pytest.raises(ImportFileError, match=problem):
        import_mapped(tmp_path, path, [ROW])
    assert not RegisterObject.objects.exists()
