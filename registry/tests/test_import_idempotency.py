"""Re-imports, dry runs, batches and crashes: the database always ends as one clean run."""

from unittest import mock

import pytest

from portal.setup import ensure_locales
from registry.importing import writer
from registry.models import ObjectMaker, RegisterObject
from registry.tests.import_fixtures import (
    FULL_RECORD,
    canonical_dump,
    delete_imported,
    messages,
    record,
    run_import,
    write_csv,
)


class SimulatedCrash(Exception):
    """Stands for the process being killed."""


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


def sample_rows(count=9):
    rows = [dict(FULL_RECORD, register_id=f"UA-{number:03}") for number in range(count)]
    for number, row in enumerate(rows):
        row["materials"] = f"дерево|метал {number % 3}"
        row["materials_en"] = f"wood|metal {number % 3}"
        row["holder"] = f"museum-{number % 2}"
    return rows


def test_same_file_twice_reports_nothing_created_or_updated(tmp_path):
    """The second import of an unchanged file: 0 created, 0 updated, N unchanged."""
    path = write_csv(tmp_path / "a.csv", sample_rows(5))
    first = run_import(path)
    dump = canonical_dump()
    second = run_import(path)

    assert (first.created, first.updated, first.unchanged) == (5, 0, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 5)
    assert canonical_dump() == dump


def test_changed_record_is_updated_in_place_with_new_children(tmp_path):
    """An upsert by register ID: same primary key, new values, old child rows replaced."""
    run_import(write_csv(tmp_path / "a.csv", [record("C-1", maker="Майстер А; різьбяр")]))
    before = RegisterObject.objects.get(register_id="C-1")
    report = run_import(
        write_csv(
            tmp_path / "b.csv",
            [record("C-1", title_uk="Нова назва", maker="Майстер Б; різьбяр")],
        )
    )

    after = RegisterObject.objects.get(register_id="C-1")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert after.pk == before.pk and after.title == "Нова назва"
    assert list(ObjectMaker.objects.values_list("name", flat=True)) == ["Майстер Б"]


def test_updated_records_store_exactly_what_a_fresh_import_stores(tmp_path):
    """Every value an update writes (texts, dates, keys, museum, object type, flags, content
    hash) is stored as an insert would store it."""
    old = [
        dict(FULL_RECORD, register_id="U-1"),
        record("U-2", title_en="Jug", date_earliest="1900", status_date="2020-01-01"),
    ]
    new = [
        dict(
            FULL_RECORD,
            register_id="U-1",
            holder="other-museum",
            object_type="Скульптура",
            object_type_en="Sculpture",
            date_earliest="-450",
            status="damaged",
            status_date="2023-06-30",
            published="false",
            title_en="Another icon",
        ),
        record("U-2", title_uk="Глек", title_en="Pitcher", inventory_number="КП-7"),
    ]
    run_import(write_csv(tmp_path / "old.csv", old))
    report = run_import(write_csv(tmp_path / "new.csv", new))
    assert report.updated == 2
    updated = object_rows(canonical_dump())
    delete_imported()
    run_import(write_csv(tmp_path / "new.csv", new))

    assert object_rows(canonical_dump()) == updated


def object_rows(dump):
    """The object rows and their children (old museums and terms stay: nothing is deleted)."""
    names = ("objects", "makers", "inscriptions", "images", "measurements", "materials")
    return {name: dump[name] for name in (*names, "techniques", "relations", "restricted")}


def test_objects_missing_from_the_file_are_listed_not_deleted(tmp_path):
    """Objects the file does not have stay in the portal and appear in the report."""
    run_import(write_csv(tmp_path / "a.csv", [record("M-1"), record("M-2"), record("M-3")]))
    report = run_import(write_csv(tmp_path / "b.csv", [record("M-2")]))

    assert report.missing == ["M-1", "M-3"]
    assert RegisterObject.objects.filter(locale__language_code="uk").count() == 3


def test_row_with_an_error_is_not_listed_as_missing(tmp_path):
    run_import(write_csv(tmp_path / "a.csv", [record("E-1")]))
    report = run_import(write_csv(tmp_path / "b.csv", [record("E-1", date_earliest="abc")]))

    assert report.missing == [] and report.skipped == 1


def test_dry_run_writes_nothing_and_reports_what_would_happen(tmp_path):
    """A dry run validates every row and counts what it would create, update and skip."""
    run_import(write_csv(tmp_path / "a.csv", [record("D-1")]))
    dump = canonical_dump()
    rows = [record("D-1", title_uk="Змінено"), record("D-2"), record("D-3", status="lost")]
    report = run_import(write_csv(tmp_path / "b.csv", rows), dry_run=True)

    assert canonical_dump() == dump
    assert (report.created, report.updated, report.skipped) == (1, 1, 1)
    assert messages(report)[0][:2] == (3, "status")
    assert report.dry_run


def test_dry_run_counts_new_vocabulary_without_creating_it(tmp_path):
    rows = [record("D-1", materials="дерево|глина"), record("D-2", materials="дерево")]
    report = run_import(write_csv(tmp_path / "a.csv", rows), dry_run=True)

    assert (report.terms_created, report.created) == (2, 2)
    assert not RegisterObject.objects.exists()


def test_duplicate_register_id_in_a_file_is_a_row_error(tmp_path):
    """The second row with the same register ID is reported and skipped."""
    report = run_import(write_csv(tmp_path / "a.csv", [record("DUP-1"), record("DUP-1")]))

    assert report.created == 1
    assert messages(report) == [
        (
            2,
            "register_id",
            "The register ID DUP-1 already appears on line 2; this row is skipped.",
        )
    ]


def test_batch_size_does_not_change_the_result(tmp_path):
    """One record per transaction or all in one: the same database."""
    path = write_csv(tmp_path / "a.csv", sample_rows())
    run_import(path, batch_size=1)
    one_by_one = canonical_dump()
    delete_imported()
    run_import(path, batch_size=500)

    assert canonical_dump() == one_by_one


@pytest.mark.parametrize(
    ("owner", "crash_point"),
    [
        (writer.BatchWriter, "_write_children"),  # objects written, children half done
        (writer.BatchWriter, "_write_restricted"),  # children written, restricted data not
        (writer, "update_column"),  # indexed, content hashes being set
    ],
)
def test_run_killed_mid_import_then_run_again_equals_one_clean_run(tmp_path, owner, crash_point):
    """A run killed inside a batch (or while indexing) and run again leaves the database
    exactly as one clean run does: no duplicates, nothing half-written."""
    path = write_csv(tmp_path / "a.csv", sample_rows())
    run_import(path, batch_size=9)
    clean = canonical_dump()
    delete_imported()

    original = getattr(owner, crash_point)
    calls = {"count": 0}

    def crash_on_third_call(*args, **kwargs):
        calls["count"] += 1
        result = original(*args, **kwargs)
        if calls["count"] == 3:
            raise SimulatedCrash  # the process dies inside the transaction
        return result

    with (
        mock.patch.object(writer, "INDEX_WINDOW", 2),
        mock.patch.object(owner, crash_point, crash_on_third_call),
        pytest.raises(SimulatedCrash),
    ):
        run_import(path, batch_size=2)
    assert RegisterObject.objects.exists()  # some batches were committed
    assert canonical_dump() != clean
    report = run_import(path, batch_size=2)

    assert report.errors == []
    assert canonical_dump() == clean
