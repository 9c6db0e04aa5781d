"""Checking records in a worker process: the same import as in one process, and failures
that stop it with a clear error and leave whole batches behind."""

import os
import signal
from unittest import mock

import pytest
from django.db.models.signals import post_init

from portal.setup import ensure_locales
from registry.importing import ImportFileError, WorkerError, workers, writer
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

    def killed_after_five_rows(reader, builder):
        for number, row in enumerate(checked(reader, builder)):
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
    def broken(reader, builder):
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
    def unreadable(reader, builder):
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
