"""The exchange format: every column lands in its field, in every language."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from portal.setup import ensure_locales
from registry.importing import writer
from registry.models import (
    HoldingMuseum,
    Material,
    ObjectType,
    RegisterObject,
    RestrictedObjectData,
)
from registry.tests.import_fixtures import (
    FULL_RECORD,
    canonical_dump,
    delete_imported,
    record,
    run_import,
    write_csv,
    write_jsonl,
)


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


def objects(register_id):
    rows = RegisterObject.objects.filter(register_id=register_id).select_related("locale")
    return {row.locale.language_code: row for row in rows}


def test_full_csv_row_fills_every_field_of_the_source_and_translation(tmp_path):
    """Every column of a full record lands in its field, in Ukrainian and in English."""
    report = run_import(write_csv(tmp_path / "a.csv", [FULL_RECORD]))

    assert (report.created, report.errors) == (1, [])
    rows = objects("UA-TEST-0001")
    uk, en = rows["uk"], rows["en"]
    assert uk.translation_key == en.translation_key
    assert (uk.title, en.title) == ("Ікона «Богородиця Одигітрія»", "Icon of the Virgin Hodegetria")
    assert uk.description == "Темпера на дошці.\nПотребує реставрації."
    assert en.subject == "Virgin and Child"
    assert (en.date_display, en.place_of_origin) == ("late 17th century", "Zhovkva")
    assert en.credit_line == "Gift of the Sheptytsky family"
    for row in (uk, en):
        assert row.inventory_number == "КП-1234"
        assert (row.date_earliest, row.date_latest) == (1680, 1700)
        assert (row.status, row.status_date) == ("moved_for_safekeeping", datetime.date(2022, 3, 1))
        assert row.rights == FULL_RECORD["rights"] and row.published
        assert row.holder.code == "nmiu" and row.holder.locale.language_code == "uk"
        assert row.object_type.name == "Ікона" and row.object_type.parent.name == "Живопис"
        assert list(
            row.measurements.order_by("sort_order").values_list("dimension", "value", "unit")
        ) == [
            ("height", Decimal("52.5"), "cm"),
            ("width", Decimal("40"), "cm"),
            ("weight", Decimal("1.2"), "kg"),
        ]
        assert [link.material.name for link in row.material_links.order_by("sort_order")] == [
            "дерево",
            "темпера",
        ]
        assert [link.technique.key for link in row.technique_links.all()] == ["темперний живопис"]
        assert list(
            row.relations.order_by("sort_order").values_list("relation", "related_register_id")
        ) == [
            ("related", "UA-TEST-0002"),
            ("part_of", "UA-TEST-0003"),
        ]
    assert list(uk.makers.values_list("name", "role", "dates")) == [
        ("Іван Рутковича", "іконописець", "1650–1708")
    ]
    assert list(en.makers.values_list("name", "role", "dates")) == [
        ("Ivan Rutkovych", "icon painter", "1650–1708")
    ]
    assert uk.makers.get().translation_key == en.makers.get().translation_key
    assert list(
        en.inscriptions.order_by("sort_order").values_list("kind", "transcription", "translation")
    ) == [
        ("signature", "Іван", "Ivan"),
        ("inscription", "МР ѲY", "Mother of God"),
    ]
    restricted = RestrictedObjectData.objects.get()
    assert restricted.register_object == uk
    assert restricted.storage_location == "Сховище 3, стелаж 12"
    assert restricted.evacuation_location == "Евакуаційна база 7"
    assert restricted.evacuation_date == datetime.date(2022, 2, 28)


def test_museum_and_vocabulary_english_names_are_translation_rows(tmp_path):
    """Objects point to source-language terms; English names are their en translations."""
    run_import(write_csv(tmp_path / "a.csv", [FULL_RECORD]))

    museum = HoldingMuseum.objects.get(code="nmiu", locale__language_code="uk")
    museum_en = HoldingMuseum.objects.get(code="nmiu", locale__language_code="en")
    assert museum.translation_key == museum_en.translation_key
    assert (museum.name, museum_en.name) == (
        FULL_RECORD["holder_name"],
        FULL_RECORD["holder_name_en"],
    )
    assert (museum.place, museum_en.place) == ("Київ", "Kyiv")
    assert museum.latitude == museum_en.latitude == Decimal("50.4556")
    wood = Material.objects.get(key="дерево", locale__language_code="uk")
    assert (
        Material.objects.get(translation_key=wood.translation_key, locale__language_code="en").name
        == "wood"
    )
    icon_en = ObjectType.objects.get(key="ікона", locale__language_code="en")
    assert icon_en.name == "Icon" and icon_en.parent.locale.language_code == "uk"


def test_jsonl_record_imports_exactly_like_the_same_csv_row(tmp_path):
    """JSON Lines with arrays and objects gives the same database as the CSV row."""
    run_import(write_csv(tmp_path / "a.csv", [FULL_RECORD]))
    from_csv = canonical_dump()
    delete_imported()
    structured = {
        **FULL_RECORD,
        "date_earliest": 1680,
        "date_latest": 1700,
        "holder_latitude": 50.4556,
        "holder_longitude": 30.5171,
        "published": True,
        "materials": ["дерево", "темпера"],
        "materials_en": ["wood", "tempera"],
        "dimensions": [
            {"dimension": "height", "value": 52.5, "unit": "cm"},
            {"dimension": "width", "value": 40, "unit": "cm"},
            "weight=1.2 kg",
        ],
        "maker": [{"name": "Іван Рутковича", "role": "іконописець", "dates": "1650–1708"}],
        "inscriptions": [{"kind": "signature", "transcription": "Іван"}, "МР ѲY"],
        "inscriptions_en": ["Ivan", {"translation": "Mother of God"}],
    }
    report = run_import(write_jsonl(tmp_path / "a.jsonl", [structured]))

    assert (report.created, report.errors) == (1, [])
    assert canonical_dump() == from_csv


def test_record_updates_its_museum_and_empty_columns_leave_it_alone(tmp_path):
    """A changed museum name updates the museum; a record without one changes nothing."""
    run_import(write_csv(tmp_path / "a.csv", [FULL_RECORD]))
    rows = [
        record("MU-1", holder="nmiu", holder_name_en="National History Museum"),
        record("MU-2", holder="nmiu"),
    ]
    run_import(write_csv(tmp_path / "b.csv", rows))

    names = dict(HoldingMuseum.objects.values_list("locale__language_code", "name"))
    assert names == {"uk": FULL_RECORD["holder_name"], "en": "National History Museum"}
    assert HoldingMuseum.objects.get(locale__language_code="en").latitude == Decimal("50.4556")


def test_source_row_uses_the_first_available_title_when_there_is_no_ukrainian(tmp_path):
    """A record with only English text still has a complete Ukrainian source row."""
    run_import(write_csv(tmp_path / "a.csv", [{"register_id": "EN-1", "title_en": "Bowl"}]))

    rows = objects("EN-1")
    assert rows["uk"].title == rows["en"].title == "Bowl"


def test_translation_row_exists_only_for_languages_with_text(tmp_path):
    """No English text, no English row; English vocabulary names alone make none."""
    run_import(
        write_csv(tmp_path / "a.csv", [record("UK-1", materials="дерево", materials_en="wood")])
    )

    assert set(objects("UK-1")) == {"uk"}


def test_untranslated_text_of_a_translation_falls_back_to_the_source(tmp_path):
    """The English row takes the Ukrainian value of a field the file has no English for."""
    run_import(
        write_csv(
            tmp_path / "a.csv",
            [record("UK-2", title_en="Jug", description_uk="Глиняний глек.")],
        )
    )

    assert objects("UK-2")["en"].description == "Глиняний глек."


@override_settings(CONTENT_LANGUAGES=[("uk", "Українська"), ("en", "English"), ("pl", "Polski")])
def test_columns_of_every_content_language_make_translations(tmp_path):
    """``_pl`` columns work like ``_en`` when Polish is a content language."""
    ensure_locales()
    run_import(
        write_csv(
            tmp_path / "a.csv",
            [record("PL-1", title_pl="Dzban", materials="глина", materials_pl="glina")],
        )
    )

    rows = objects("PL-1")
    assert set(rows) == {"uk", "pl"} and rows["pl"].title == "Dzban"
    assert Material.objects.get(locale__language_code="pl").name == "glina"


def test_text_is_nfc_normalised(tmp_path):
    """Decomposed Cyrillic (и + combining breve) is stored composed (й)."""
    run_import(write_csv(tmp_path / "a.csv", [record("NFC-1", title_uk="Гаи\u0306дамаки")]))

    assert objects("NFC-1")["uk"].title == "Гайдамаки"


def test_vocabulary_labels_match_on_their_normalised_key(tmp_path):
    """Case and spacing do not make new terms: « ДЕРЕВО » is дерево."""
    run_import(
        write_csv(
            tmp_path / "a.csv",
            [record("V-1", materials="дерево"), record("V-2", materials="  ДЕРЕВО ")],
        )
    )

    assert Material.objects.filter(locale__language_code="uk").count() == 1


def test_object_type_filed_under_another_broad_type_is_a_row_error(tmp_path):
    """A narrow type belongs to one broad type; a record filing it elsewhere is refused."""
    rows = [
        record("OT-1", object_type="Живопис > Ікона"),
        record("OT-2", object_type="Скульптура > Ікона"),
        record("OT-3", object_type="Ікона"),
    ]
    report = run_import(write_csv(tmp_path / "a.csv", rows))

    assert report.created == 2
    assert [(error.row, error.field) for error in report.errors] == [(2, "object_type")]
    assert "already filed under «живопис», not under «скульптура»" in report.errors[0].message
    assert objects("OT-3")["uk"].object_type.parent.name == "Живопис"


def test_unknown_columns_are_reported_once_as_a_warning(tmp_path):
    """A column the format does not know is named in a warning, not silently dropped."""
    rows = [record("W-1", colour="red"), record("W-2", colour="blue")]
    report = run_import(write_csv(tmp_path / "a.csv", rows))

    assert report.warnings == [
        "The column colour is not part of the exchange format, so its values are ignored."
    ]
    assert report.created == 2


def test_unknown_jsonl_keys_are_reported_once_as_a_warning(tmp_path):
    rows = [record("W-1", colour="red"), record("W-2", colour="blue")]
    report = run_import(write_jsonl(tmp_path / "a.jsonl", rows))

    assert len(report.warnings) == 1 and "colour" in report.warnings[0]


def test_search_index_is_updated_in_bulk_not_per_object(tmp_path):
    """Imported objects are searchable; the index gets one add_bulk per flush, not per row."""
    rows = [record(f"S-{number}", title_en=f"Spinning wheel {number}") for number in range(6)]
    with mock.patch.object(writer, "INDEX_WINDOW", 4):
        spy = mock.patch.object(
            type(get_search_backend()), "add_bulk", autospec=True, side_effect=None
        )
        with spy as add_bulk:
            run_import(write_csv(tmp_path / "a.csv", rows), batch_size=2)
    object_calls = [call for call in add_bulk.call_args_list if call.args[1] is RegisterObject]
    assert [len(call.args[2]) for call in object_calls] == [8, 4]

    run_import(write_csv(tmp_path / "b.csv", [record("S-X", title_en="Distaff")]))
    found = get_search_backend().search("Distaff", RegisterObject)
    assert [row.register_id for row in found] == ["S-X"]


def test_translation_the_file_no_longer_gives_is_removed(tmp_path):
    """When a record drops its English text, its English row goes; the object stays."""
    run_import(write_csv(tmp_path / "a.csv", [record("T-1", title_en="Jug")]))
    run_import(write_csv(tmp_path / "b.csv", [record("T-1")]))

    assert set(objects("T-1")) == {"uk"}
