"""Checking records in a worker process: the same import as in one process, and failures
that stop it with a clear error and leave whole batches behind."""

import os
import signal
from unittest import mock

import pytest
from django.db.models.signals import post_init

from portal.setup import ensure_locales
from registry.importing import ImportFileError, WorkerError, workers, writer
from registry.importing.readers import READERS
from registry.importing.records import RecordBuilder
from registry.models import RegisterObject
from registry.tests.import_fixtures import (
    FULL_RECORD,
    canonical_dump,
    delete_imported,
    record,
    run_import,
    write_csv,
    write_jsonl,
)
from search import documents as search_documents


class SimulatedCrash(Exception):
    """Stands for the importing process being killed."""


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


@pytest.fixture
def small_chunks():
    """Chunks of two rows, so that a small file takes many messages from the worker."""
    with mock.patch.object(workers, "CHUNK_ROWS", 2):
        yield


def mixed_rows():
    """Good rows, bad rows, a duplicate and an unknown column: everything a report holds."""
    rows = [dict(FULL_RECORD, register_id=f"W-{number:03}") for number in range(7)]
    rows[2]["date_earliest"] = "abc"
    rows[4]["status"] = "lost"
    rows[5]["register_id"] = "W-001"
    rows[6]["colour"] = "red"
    return rows


def summary(report):
    return (
        report.rows,
        report.created,
        report.updated,
        report.unchanged,
        report.skipped,
        [str(error) for error in report.errors],
        report.warnings,
        report.missing,
    )


@pytest.mark.parametrize("write", [write_csv, write_jsonl])
def test_worker_process_imports_exactly_what_one_process_does(tmp_path, small_chunks, write):
    """Same rows, errors (rows and lines), warnings and database with or without a worker."""
    path = write(tmp_path / ("a.csv" if write is write_csv else "a.jsonl"), mixed_rows())
    alone = run_import(path, batch_size=2, workers=0)
    dump = canonical_dump()
    delete_imported()
    parallel = run_import(path, batch_size=2, workers=1)

    assert summary(parallel) == summary(alone)
    assert alone.created == 4 and len(alone.errors) == 3
    assert canonical_dump() == dump


def test_killed_worker_stops_the_import_with_a_clear_error(tmp_path, small_chunks):
    """A worker killed by the system: the import stops with an error naming its exit code,
    the batches written before are whole, and a second run finishes as one clean run."""
    path = write_csv(tmp_path / "a.csv", [record(f"K-{number}") for number in range(9)])
    run_import(path, batch_size=2, workers=0)
    clean = canonical_dump()
    delete_imported()
    checked = workers.check_rows

    def killed_after_five_rows(reader, builder, **options):
        for number, row in enumerate(checked(reader, builder, **options)):
            if number == 5:
                os.kill(os.getpid(), signal.SIGKILL)
            yield row

    with (
        mock.patch.object(workers, "check_rows", killed_after_five_rows),
        pytest.raises(WorkerError, match="stopped unexpectedly \\(exit code -9\\)"),
    ):
        run_import(path, batch_size=2, workers=1)
    # Rows the worker had checked but not sent die with it; nothing past them is written.
    assert RegisterObject.objects.filter(locale__language_code="uk").count() <= 4

    report = run_import(path, batch_size=2, workers=1)

    assert report.errors == []
    assert canonical_dump() == clean


def test_exception_in_the_worker_is_raised_with_its_traceback(tmp_path):
    def broken(reader, builder, **options):
        raise ZeroDivisionError("a bug in the checks")
        yield

    path = write_csv(tmp_path / "a.csv", [record("X-1")])
    with (
        mock.patch.object(workers, "check_rows", broken),
        pytest.raises(WorkerError, match="ZeroDivisionError: a bug in the checks"),
    ):
        run_import(path, workers=1)
    assert not RegisterObject.objects.exists()


def test_whole_file_error_found_by_the_worker_is_a_whole_file_error(tmp_path):
    def unreadable(reader, builder, **options):
        raise ImportFileError("Line 3 cannot be read as cp1251.", line=3)
        yield

    path = write_csv(tmp_path / "a.csv", [record("X-1")])
    with (
        mock.patch.object(workers, "check_rows", unreadable),
        pytest.raises(ImportFileError) as raised,
    ):
        run_import(path, workers=1)
    assert (raised.value.line, raised.value.report.fatal_line) == (3, 3)


def test_crash_while_writing_with_a_worker_then_run_again_equals_one_clean_run(tmp_path):
    """The importing process dies inside a batch while the worker runs ahead of it."""
    path = write_csv(
        tmp_path / "a.csv", [dict(FULL_RECORD, register_id=f"C-{n}") for n in range(9)]
    )
    run_import(path, batch_size=2, workers=0)
    clean = canonical_dump()
    delete_imported()
    original = writer.BatchWriter._write_children
    calls = {"count": 0}

    def crash_on_third_call(*args, **kwargs):
        calls["count"] += 1
        original(*args, **kwargs)
        if calls["count"] == 3:
            raise SimulatedCrash

    with (
        mock.patch.object(writer, "INDEX_WINDOW", 2),
        mock.patch.object(writer.BatchWriter, "_write_children", crash_on_third_call),
        pytest.raises(SimulatedCrash),
    ):
        run_import(path, batch_size=2, workers=1)
    report = run_import(path, batch_size=2, workers=1)

    assert report.errors == []
    assert canonical_dump() == clean


def test_small_files_and_dry_runs_decide_for_themselves():
    """Without --workers, only a file of MIN_WORKER_ROWS records or more gets a worker."""
    assert not workers.use_worker(None, workers.MIN_WORKER_ROWS - 1)
    assert workers.use_worker(1, 1)
    assert not workers.use_worker(0, 10**6)


def test_number_of_workers_is_zero_or_one(tmp_path):
    with pytest.raises(ImportFileError, match="The number of workers is 0 or 1."):
        run_import(write_csv(tmp_path / "a.csv", [record("N-1")]), workers=2)


def test_register_objects_have_no_post_init_receivers():
    """The writer builds the instances it indexes without __init__ (see _instance)."""
    assert not post_init.has_listeners(RegisterObject)


def test_search_documents_built_with_the_workers_terms_equal_a_rebuild(tmp_path, small_chunks):
    """The worker analyses the records' texts for the readers' index; the documents the
    import writes with them are exactly those built from the stored rows."""
    from search.indexing import rebuild
    from search.models import SearchDocument

    rows = [dict(FULL_RECORD, register_id=f"S-{number}") for number in range(6)]
    rows[1]["title_en"] = ""  # a translation without its own title
    rows[2]["description_uk"] = "Рушник вишитий хрестиком.\nЗ Полтавщини."
    long_text = rows[4]["description_uk"] = " ".join(["Кахля полив'яна з орнаментом."] * 8)
    rows[3]["inscriptions"] = rows[3]["inscriptions_en"] = ""
    path = write_csv(tmp_path / "a.csv", rows)
    analysed_here = []
    original = search_documents.analysed

    def analysed(text):
        analysed_here.append(text)
        return original(text)

    with mock.patch.object(search_documents, "analysed", analysed):
        assert run_import(path, batch_size=2, workers=1).errors == []
    # The long description came analysed from the worker: the importing process did not
    # analyse it again (the worker, forked with the same patch, counts in its own memory).
    assert long_text not in analysed_here

    def documents():
        fields = [f.attname for f in SearchDocument._meta.concrete_fields if f.name != "id"]
        return list(SearchDocument.objects.order_by("key", "language").values_list(*fields))

    imported = documents()
    assert len(imported) == 12
    rebuild()
    assert documents() == imported

    # What the worker sends: the terms of every text of a record, by text.
    reader = READERS["csv"](path, encoding=None, delimiter=",")
    reader.scan()
    checked = list(workers.check_rows(reader, RecordBuilder(), analyse=True))
    terms = checked[2].record.terms
    assert terms["Рушник вишитий хрестиком.\nЗ Полтавщини."].startswith("рушник rushnyk")
    assert terms["Tempera on panel.\nNeeds restoration."]
