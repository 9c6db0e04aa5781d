"""``manage.py import_register``: options, summary, report file, progress and exit status."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from portal.setup import ensure_locales
from registry.models import RegisterObject
from registry.tests.import_fixtures import record, write_csv, write_jsonl


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


def command(*args):
    out, err = StringIO(), StringIO()
    with translation.override("en"):
        call_command("import_register", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_and_prints_a_summary(tmp_path):
    rows = [record("CMD-1"), record("CMD-2", status="lost")]
    out, _err = command(write_csv(tmp_path / "a.csv", rows), "--no-progress")

    assert "2 rows read: 1 created, 0 updated, 0 unchanged, 1 skipped because of errors." in out
    assert "Row 2 (line 3) [CMD-2], status: Unknown status lost" in out


def test_report_file_is_machine_readable_json(tmp_path):
    command(write_csv(tmp_path / "a.csv", [record("R-1"), record("R-2")]), "--no-progress")
    rows = [record("R-2", date_earliest="2000", date_latest="1000"), record("R-3")]
    report_path = tmp_path / "report.json"
    command(write_csv(tmp_path / "b.csv", rows), "--no-progress", "--report", report_path)

    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert set(report) == {
        "version",
        "file",
        "format",
        "mapping",
        "dry_run",
        "counts",
        "seconds",
        "fatal",
        "errors",
        "warnings",
        "missing",
        "translations",
    }
    assert {key: report["counts"][key] for key in ("rows", "created", "skipped", "missing")} == {
        "rows": 2,
        "created": 1,
        "skipped": 1,
        "missing": 1,
    }
    assert report["errors"] == [
        {
            "row": 1,
            "line": 2,
            "register_id": "R-2",
            "field": "date_latest",
            "message": "The latest year (1000) is before the earliest year (2000).",
        }
    ]
    assert report["missing"] == ["R-1"]
    assert report["fatal"] is None and report["dry_run"] is False


def test_fatal_error_is_a_command_error_and_still_writes_the_report(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('register_id,title_uk\nX-1,"open\n', encoding="utf-8")
    report_path = tmp_path / "report.json"

    with pytest.raises(CommandError, match="Line 2 opens a quoted value"):
        command(path, "--no-progress", "--report", report_path)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["fatal"] == {"line": 2, "message": report["fatal"]["message"]}
    assert not RegisterObject.objects.exists()


def test_progress_bar_with_rate_goes_to_stderr(tmp_path, capsys):
    command(write_csv(tmp_path / "a.csv", [record("P-1")]))

    err = capsys.readouterr().err
    assert "1/1" in err and "rows/s" in err


def test_no_progress_prints_no_bar(tmp_path, capsys):
    command(write_csv(tmp_path / "a.csv", [record("P-1")]), "--no-progress")

    assert capsys.readouterr().err == ""


def test_format_option_overrides_the_extension(tmp_path):
    path = write_jsonl(tmp_path / "export.txt", [record("F-1")])
    command(path, "--format", "jsonl", "--no-progress")

    assert RegisterObject.objects.filter(register_id="F-1").exists()


def test_dry_run_option_writes_nothing(tmp_path):
    out, _err = command(
        write_csv(tmp_path / "a.csv", [record("D-1")]), "--dry-run", "--no-progress"
    )

    assert "Dry run: nothing was written." in out
    assert "1 created" in out
    assert not RegisterObject.objects.exists()


def test_batch_size_below_one_is_refused(tmp_path):
    with pytest.raises(CommandError, match="batch size must be at least 1"):
        command(write_csv(tmp_path / "a.csv", [record("B-1")]), "--batch-size", "0")


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read nowhere.csv"):
        command(tmp_path / "nowhere.csv", "--no-progress")


def test_unwritable_report_path_is_refused_before_importing(tmp_path):
    path = write_csv(tmp_path / "a.csv", [record("W-1")])

    with pytest.raises(CommandError, match="Cannot write the report file"):
        command(path, "--no-progress", "--report", tmp_path / "no" / "such" / "dir.json")
    assert not RegisterObject.objects.exists()
