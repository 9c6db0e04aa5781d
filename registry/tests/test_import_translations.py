"""Per-language columns become tracked translations; a person's translation is never overwritten.

See docs/import-format.md, "Languages".
"""

import json
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import TranslationCreator

from portal.setup import ensure_locales
from registry.models import (
    HoldingMuseum,
    Material,
    ObjectMaker,
    ObjectMeasurement,
    RegisterObject,
)
from registry.tests.import_fixtures import (
    FULL_RECORD,
    image_bytes,
    record,
    run_import,
    write_csv,
)
from translations.models import Origin, SourceText, TranslatedItem
from translations.status import (
    Status,
    instance_text,
    record_translation,
    statuses,
    text_fingerprint,
)

CANARY = "CANARY-7c1e-shelter-Lviv-49.84N"


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


def row(register_id, language):
    return RegisterObject.objects.get(register_id=register_id, locale__language_code=language)


def item(register_id, language="en"):
    """The TranslatedItem of an object's translation."""
    translated = row(register_id, language)
    return TranslatedItem.objects.get(
        content_type=ContentType.objects.get_for_model(RegisterObject),
        translation_key=translated.translation_key,
        locale=translated.locale,
    )


def status(register_id, language="en"):
    key = row(register_id, "uk").translation_key
    return statuses(RegisterObject, [key], [language])[(key, language)]


def source_text(register_id):
    return SourceText.objects.get(
        content_type=ContentType.objects.get_for_model(RegisterObject),
        translation_key=row(register_id, "uk").translation_key,
    )


def english_summary(report):
    with translation.override("en"):
        return report.summary_lines()


def import_rows(tmp_path, rows, name="a.csv", **options):
    return run_import(write_csv(tmp_path / name, rows), **options)


def jug(register_id="T-1", **values):
    """A jug with Ukrainian and English text; ``values`` change or add columns."""
    defaults = {
        "title_uk": "Глек",
        "description_uk": "Глиняний глек.",
        "title_en": "Jug",
        "maker": "Іван; гончар",
        "maker_en": "Ivan; potter",
    }
    return record(register_id, **{**defaults, **values})


# Imported translations ----------------------------------------------------------------------


def test_language_columns_become_up_to_date_translations_made_by_the_import(tmp_path):
    report = import_rows(tmp_path, [jug(), record("T-2")])

    english = item("T-1")
    assert english.origin == Origin.IMPORT
    assert english.complete
    assert english.made_from == source_text("T-1").fingerprint
    assert status("T-1") == Status.UP_TO_DATE
    assert status("T-2") == Status.MISSING
    assert source_text("T-2").fingerprint == text_fingerprint(instance_text(row("T-2", "uk")))
    assert (report.translations_created, report.translations_updated) == (1, 0)
    assert report.translations == []


@pytest.fixture
def images(tmp_path):
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "front.jpg").write_bytes(image_bytes())
    (folder / "back.png").write_bytes(image_bytes("PNG", color=(10, 20, 30)))
    return folder


def test_fingerprints_from_the_file_equal_those_of_the_saved_objects(tmp_path, images):
    """The importer works out each source text's fingerprint from the record; it is the one
    translations.status reads from the saved row, makers, inscriptions and photographs
    included (alt texts falling back to the title, credits cut to the photograph's field)."""
    rows = [
        {
            **FULL_RECORD,
            "images": "front.jpg|back.png",
            "images_alt": "Лицевий бік",
            "images_caption_en": "|Back",
        },
        record(
            "F-2",
            title_en="Only English  ",
            maker="Марія; ; 1900|Петро; різьбяр",
            inscriptions="mark: ✠|label: Інв. 12",
            inscriptions_en="cross|inventory label",
            images="back.png",
            credit_line="Д" * 480,
            credit_line_en="C" * 450,
        ),
        record("F-3", title_uk="", title_en="Foreign title", description_en="Foreign text."),
    ]
    report = import_rows(tmp_path, rows, images_dir=images)
    assert report.errors == []

    for register_id in ("UA-TEST-0001", "F-2", "F-3"):
        source = row(register_id, "uk")
        assert instance_text(source), register_id
        fingerprint = text_fingerprint(instance_text(source))
        assert source_text(register_id).fingerprint == fingerprint, register_id
        if register_id != "F-3":
            assert item(register_id).made_from == fingerprint, register_id
    assert ObjectMaker.objects.filter(register_object__register_id="F-2").count() == 4


def test_changed_ukrainian_text_with_the_same_english_makes_the_english_outdated(tmp_path):
    import_rows(tmp_path, [jug()])
    made_from = item("T-1").made_from

    report = import_rows(tmp_path, [jug(description_uk="Глиняний глек, XIX ст.")], "b.csv")

    assert status("T-1") == Status.OUTDATED
    assert item("T-1").made_from == made_from != source_text("T-1").fingerprint
    assert item("T-1").origin == Origin.IMPORT
    english = row("T-1", "en")
    # Its own English text stays; texts it has no English for follow the Ukrainian source.
    assert (english.title, english.description) == ("Jug", "Глиняний глек, XIX ст.")
    assert (report.updated, report.translations_outdated, report.translations_updated) == (1, 1, 0)
    (note,) = report.translations
    assert (note.register_id, note.language, note.action) == ("T-1", "en", "outdated")
    assert note.message == (
        "T-1: the English translation is now outdated: the Ukrainian text changed and the "
        "file gives the same English text as before."
    )
    assert note.message in english_summary(report)


def test_outdated_translation_stays_outdated_until_the_file_gives_new_english(tmp_path):
    import_rows(tmp_path, [jug()])
    import_rows(tmp_path, [jug(description_uk="Новий опис.")], "b.csv")
    # Only a language-neutral value changes: the English is still made from the old text.
    report = import_rows(tmp_path, [jug(description_uk="Новий опис.", status="on_loan")], "c.csv")
    assert status("T-1") == Status.OUTDATED
    assert report.translations == []

    report = import_rows(
        tmp_path, [jug(description_uk="Новий опис.", description_en="New text.")], "d.csv"
    )

    assert status("T-1") == Status.UP_TO_DATE
    assert item("T-1").made_from == source_text("T-1").fingerprint
    assert (report.translations_updated, report.translations_outdated) == (1, 0)


def test_changed_ukrainian_and_english_text_keeps_the_translation_up_to_date(tmp_path):
    import_rows(tmp_path, [jug()])

    report = import_rows(tmp_path, [jug(title_uk="Глек для молока", title_en="Milk jug")], "b.csv")

    assert status("T-1") == Status.UP_TO_DATE
    assert item("T-1").made_from == source_text("T-1").fingerprint
    assert row("T-1", "en").title == "Milk jug"
    assert (report.translations_updated, report.translations_outdated) == (1, 0)
    assert report.translations == []


def test_a_changed_english_maker_is_new_english_text(tmp_path):
    import_rows(tmp_path, [jug()])

    import_rows(tmp_path, [jug(maker="Іван Петрович; гончар", maker_en="Ivan Petrovych")], "b.csv")

    assert status("T-1") == Status.UP_TO_DATE


def test_imported_translation_the_file_drops_is_removed_with_its_status(tmp_path):
    import_rows(tmp_path, [jug()])

    report = import_rows(tmp_path, [record("T-1", title_uk="Глек")], "b.csv")

    assert not RegisterObject.objects.filter(register_id="T-1", locale__language_code="en")
    assert not TranslatedItem.objects.exists()
    assert status("T-1") == Status.MISSING
    assert report.translations_removed == 1


def test_translations_predating_the_bookkeeping_are_recorded_on_their_next_import(tmp_path):
    import_rows(tmp_path, [jug()])
    TranslatedItem.objects.all().delete()

    import_rows(tmp_path, [jug(description_uk="Новий опис.")], "b.csv")

    assert item("T-1").origin == Origin.IMPORT
    assert status("T-1") == Status.OUTDATED


# Translations a person made ----------------------------------------------------------------


def test_translation_edited_in_the_admin_is_kept_and_reported(tmp_path):
    import_rows(tmp_path, [jug()])
    english = row("T-1", "en")
    english.title = "Earthenware jug"
    english.save()  # the admin's save: recorded as made by a person
    assert item("T-1").origin == Origin.PERSON

    report = import_rows(
        tmp_path,
        [
            jug(
                title_uk="Глек для молока",
                title_en="Milk jug",
                status="damaged",
                dimensions="height=20 cm",
            )
        ],
        "b.csv",
    )

    english = row("T-1", "en")
    assert english.title == "Earthenware jug"
    assert list(english.makers.values_list("name", "role")) == [("Ivan", "potter")]
    # Language-neutral values follow the record in every language.
    assert english.status == "damaged"
    assert ObjectMeasurement.objects.filter(register_object=english).count() == 1
    assert item("T-1").origin == Origin.PERSON
    assert status("T-1") == Status.OUTDATED
    assert report.translations_kept == 1
    (note,) = report.translations
    assert (note.action, note.columns, note.outdated) == ("kept", ["title_en"], True)
    assert note.message == (
        "T-1: kept the English translation made in the editor; the file gives other text in "
        "title_en. It is outdated: the Ukrainian text has changed since."
    )
    summary = english_summary(report)
    assert (
        "Translations: 0 created, 0 updated, 0 now outdated, 0 removed; 1 made in the editor "
        "kept as they are."
    ) in summary
    assert note.message in summary


def test_translation_made_in_the_editor_is_not_removed_when_the_file_drops_the_language(
    tmp_path,
):
    import_rows(tmp_path, [jug()])
    record_translation(row("T-1", "en"), Origin.PERSON)

    report = import_rows(tmp_path, [record("T-1", title_uk="Глек", published="false")], "b.csv")

    english = row("T-1", "en")
    assert english.title == "Jug"
    assert english.published is False
    assert item("T-1").origin == Origin.PERSON
    assert (report.translations_kept, report.translations_removed) == (1, 0)
    (note,) = report.translations
    assert note.absent and note.message.startswith(
        "T-1: kept the English translation made in the editor; the file has no English text "
        "for this object."
    )


def test_translation_made_through_the_translation_editor_is_kept(
    tmp_path, client, django_user_model
):
    """A person translates with wagtail-localize (submit, edit strings, save_target); a later
    import with other English text keeps it and says so."""
    import_rows(tmp_path, [record("T-3", title_uk="Рушник", description_uk="Вишитий.")])
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    source = row("T-3", "uk")
    with TestCase.captureOnCommitCallbacks(execute=True):
        TranslationCreator(user, [Locale.objects.get(language_code="en")]).create_translations(
            source
        )
    translation = Translation.objects.get(source__object_id=source.translation_key)
    english = {"Рушник": "Towel", "Вишитий.": "Embroidered."}
    for segment in StringSegment.objects.filter(source=translation.source):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": english[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=True)
    assert row("T-3", "en").title == "Towel"
    assert item("T-3").origin == Origin.PERSON

    report = import_rows(
        tmp_path,
        [record("T-3", title_uk="Рушник", description_uk="Вишитий.", title_en="Cloth")],
        "b.csv",
    )

    assert (row("T-3", "en").title, row("T-3", "en").description) == ("Towel", "Embroidered.")
    assert status("T-3") == Status.UP_TO_DATE
    (note,) = report.translations
    assert note.message == (
        "T-3: kept the English translation made in the editor; the file gives other text in "
        "title_en."
    )


def test_dry_run_reports_the_same_and_writes_nothing(tmp_path):
    import_rows(tmp_path, [jug(), record("T-2", title_en="Towel")])
    record_translation(row("T-2", "en"), Origin.PERSON)
    before = list(TranslatedItem.objects.values_list("made_from", "origin", "locale"))
    sources = list(SourceText.objects.values_list("fingerprint", flat=True))
    changed = [
        jug(description_uk="Новий опис."),
        record("T-2", title_uk="Інший рушник", title_en="Cloth"),
        record("T-4", title_en="Axe"),
    ]

    dry = import_rows(tmp_path, changed, "b.csv", dry_run=True)

    assert list(TranslatedItem.objects.values_list("made_from", "origin", "locale")) == before
    assert list(SourceText.objects.values_list("fingerprint", flat=True)) == sources
    assert row("T-2", "en").title == "Towel"
    real = import_rows(tmp_path, changed, "b.csv")
    for name in ("created", "updated", "outdated", "removed", "kept"):
        assert getattr(dry, f"translations_{name}") == getattr(real, f"translations_{name}"), name
    assert [note.message for note in dry.translations] == [
        note.message for note in real.translations
    ]
    assert (real.translations_created, real.translations_outdated) == (1, 1)
    assert real.translations_kept == 1


def test_report_file_lists_translation_counts_and_notes(tmp_path):
    import_rows(tmp_path, [jug()])
    record_translation(row("T-1", "en"), Origin.PERSON)
    path = tmp_path / "report.json"

    import_rows(tmp_path, [jug(title_en="Pitcher")], "b.csv", report_path=path)

    report = json.loads(path.read_text(encoding="utf-8"))
    assert report["version"] == 2
    assert report["counts"]["translations_kept"] == 1
    assert report["translations"] == [
        {
            "register_id": "T-1",
            "language": "en",
            "action": "kept",
            "columns": ["title_en"],
            "absent": False,
            "outdated": False,
            "message": "T-1: kept the English translation made in the editor; the file gives "
            "other text in title_en.",
            "museum": "",
        }
    ]


def test_command_prints_translation_counts_and_notes_also_in_a_dry_run(tmp_path):
    import_rows(tmp_path, [jug()])
    record_translation(row("T-1", "en"), Origin.PERSON)
    path = write_csv(tmp_path / "b.csv", [jug(title_uk="Новий глек")])

    for options in (["--dry-run"], []):
        out = StringIO()
        with translation.override("en"):
            call_command("import_register", str(path), "--no-progress", *options, stdout=out)
        lines = out.getvalue().splitlines()
        assert (
            "Translations: 0 created, 0 updated, 0 now outdated, 0 removed; 1 made in the "
            "editor kept as they are."
        ) in lines
        assert (
            "T-1: kept the English translation made in the editor. It is outdated: the "
            "Ukrainian text has changed since."
        ) in lines
    assert row("T-1", "en").title == "Jug"


# Cost and restricted data ------------------------------------------------------------------


def _batch_queries(tmp_path, count, name):
    rows = [jug(register_id=f"Q-{number}") for number in range(count)]
    import_rows(tmp_path, rows, f"{name}-a.csv")
    for translated in RegisterObject.objects.filter(locale__language_code="en")[: count // 2]:
        record_translation(translated, Origin.PERSON)
    changed = [
        jug(register_id=f"Q-{number}", description_uk=f"Опис {number}.") for number in range(count)
    ]
    with CaptureQueriesContext(connection) as queries:
        report = import_rows(tmp_path, changed, f"{name}-b.csv", batch_size=count, workers=0)
    assert report.updated == count
    assert (report.translations_kept, report.translations_outdated) == (count // 2, count // 2)
    sql = [query["sql"] for query in queries.captured_queries]
    status_queries = [query for query in sql if '"translations_' in query]
    others = [query for query in sql if "wagtailsearch_indexentry" not in query]
    return len(status_queries), len(others)


def test_queries_per_batch_do_not_grow_with_its_records(tmp_path):
    """A batch with person-made and imported translations reads and writes translation
    statuses with the same queries for 4 records as for 40; the whole batch (without the
    search index, which SQLite's database backend updates row by row) grows by no more than
    Django's splitting of bulk updates."""
    small_status, small = _batch_queries(tmp_path, 4, "small")
    RegisterObject.objects.all().delete()
    large_status, large = _batch_queries(tmp_path, 40, "large")

    assert 0 < large_status == small_status
    assert large - small <= 3


def test_restricted_canary_is_in_no_status_row_and_no_report_line(tmp_path):
    path = tmp_path / "report.json"
    restricted = {"storage_location": CANARY, "restricted_shelf": CANARY}
    import_rows(tmp_path, [jug(**restricted)])
    record_translation(row("T-1", "en"), Origin.PERSON)

    report = import_rows(
        tmp_path,
        [jug(title_uk="Новий глек", title_en="New jug", evacuation_location=CANARY, **restricted)],
        "b.csv",
        report_path=path,
    )

    assert report.translations
    assert CANARY not in path.read_text(encoding="utf-8")
    assert not any(CANARY in line for line in english_summary(report))
    for model in (SourceText, TranslatedItem):
        for values in model.objects.values_list():
            assert not any(CANARY in str(value) for value in values)


# Museums and vocabulary --------------------------------------------------------------------


def museum_item(code, language="en"):
    museum = HoldingMuseum.objects.get(code=code, locale__language_code=language)
    return TranslatedItem.objects.get(
        content_type=ContentType.objects.get_for_model(HoldingMuseum),
        translation_key=museum.translation_key,
        locale=museum.locale,
    )


def test_museum_and_term_translations_are_recorded_as_made_by_the_import(tmp_path):
    import_rows(tmp_path, [jug(holder="lviv", holder_name="Музей", holder_name_en="Museum")])
    import_rows(
        tmp_path,
        [jug(holder="lviv", holder_name="Музей", materials="глина", materials_en="clay")],
        "b.csv",
    )

    museum = HoldingMuseum.objects.get(code="lviv", locale__language_code="uk")
    assert museum_item("lviv").origin == Origin.IMPORT
    assert statuses(HoldingMuseum, [museum.translation_key], ["en"]) == {
        (museum.translation_key, "en"): Status.UP_TO_DATE
    }
    clay = Material.objects.get(key="глина", locale__language_code="uk")
    assert statuses(Material, [clay.translation_key], ["en"]) == {
        (clay.translation_key, "en"): Status.UP_TO_DATE
    }

    import_rows(tmp_path, [jug(holder="lviv", holder_name="Львівський музей")], "c.csv")

    assert statuses(HoldingMuseum, [museum.translation_key], ["en"]) == {
        (museum.translation_key, "en"): Status.OUTDATED
    }


def test_museum_name_made_in_the_editor_is_kept_and_reported_once(tmp_path):
    import_rows(tmp_path, [jug(holder="lviv", holder_name="Музей", holder_name_en="Museum")])
    english = HoldingMuseum.objects.get(code="lviv", locale__language_code="en")
    english.name = "Lviv Museum"
    english.save()  # the admin's save
    assert museum_item("lviv").origin == Origin.PERSON

    rows = [
        jug(
            register_id=f"M-{number}",
            holder="lviv",
            holder_name_en="The Museum",
            holder_latitude="49.84",
            holder_longitude="24.03",
        )
        for number in range(3)
    ]
    report = import_rows(tmp_path, rows, "b.csv", batch_size=1)

    english.refresh_from_db()
    assert english.name == "Lviv Museum"
    assert str(english.latitude) == "49.840000"
    (note,) = report.translations
    assert (note.museum, note.columns, report.translations_kept) == ("lviv", ["holder_name_en"], 1)
    assert note.message == (
        "Museum lviv: kept the English name and place made in the editor; the file gives other "
        "text in holder_name_en."
    )
