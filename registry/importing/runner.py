"""The import run: read, check, write in batches, report. See docs/import-format.md."""

import gc
import sqlite3
import sys
import time
from contextlib import ExitStack, contextmanager

from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.models import Locale

from portal.setup import ensure_locales
from portal.sql import import_settings
from registry.models import RegisterObject

from .errors import ImportFileError
from .images import ImageFolder
from .mapping import Mapping
from .readers import READERS, guess_format
from .records import RecordBuilder
from .report import ImportReport
from .schema import content_languages
from .workers import CheckingProcess, check_rows, use_worker
from .writer import BatchWriter, chunks

#: A batch is written early once its images reach this many bytes, to keep memory flat.
IMAGE_BATCH_BYTES = 64 * 1024 * 1024
#: Allocations between two collections of the youngest generation while importing.
GC_THRESHOLD = 50_000


class SeenIds:
    """Register IDs read so far, in a private temporary SQLite file rather than in memory."""

    def __init__(self):
        # An empty name opens a private database on disk, removed when closed.
        self.db = sqlite3.connect("")
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute(
            "CREATE TABLE seen (register_id TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID"
        )

    def add(self, register_id, line):
        """Remember ``register_id``; return the line it was first seen on, if it was."""
        cursor = self.db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (register_id, line))
        if cursor.rowcount:
            return None
        return self.db.execute(
            "SELECT line FROM seen WHERE register_id = ?", (register_id,)
        ).fetchone()[0]

    def __contains__(self, register_id):
        query = "SELECT 1 FROM seen WHERE register_id = ?"
        return self.db.execute(query, (register_id,)).fetchone() is not None

    def close(self):
        self.db.close()


@contextmanager
def _fewer_collections():
    """Collect garbage less often during a run, and never scan what existed before it.

    An import allocates millions of short-lived objects (and no cycles of note): with the
    default thresholds the cyclic collector would scan every object of Django and Wagtail
    dozens of times, which costs some 15% of the run. Frozen objects are back to normal at
    the end.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], GC_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _locales(dry_run):
    """Locales by language code, source first; a dry run creates none."""
    if not dry_run:
        return {locale.language_code: locale for locale in ensure_locales()}
    existing = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=content_languages())
    }
    return {code: existing.get(code) or Locale(language_code=code) for code in content_languages()}


class ImportRun:
    def __init__(
        self,
        report,
        path,
        *,
        format,
        mapping,
        images_dir,
        dry_run,
        encoding,
        batch_size,
        progress,
        workers,
    ):
        if batch_size < 1:
            raise ImportFileError(_("The batch size must be at least 1."))
        if workers not in (None, 0, 1):
            raise ImportFileError(_("The number of workers is 0 or 1."))
        self.report = report
        self.mapping = Mapping(mapping) if mapping else None
        mapped = self.mapping
        format = format or (mapped.format if mapped else None) or guess_format(path)
        if format not in READERS:
            raise ImportFileError(
                _("Unknown format %(format)s; use csv or jsonl.") % {"format": format}
            )
        report.format = format
        report.mapping = str(mapping) if mapping else None
        self.reader = READERS[format](
            path,
            encoding=encoding or (mapped.encoding if mapped else None),
            delimiter=mapped.delimiter if mapped else ",",
        )
        images = ImageFolder(images_dir) if images_dir else None
        self.builder = RecordBuilder(images=images, mapping=self.mapping)
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.progress = progress
        self.workers = workers
        self.columns = []
        self._columns_checked = 0

    def execute(self):
        total = self.reader.scan()
        self.columns = list(self.reader.columns)
        if self.mapping is not None:
            present = set(self.columns)
            for column in sorted(self.mapping.known_columns() - present):
                if self.reader.format_name == "csv":
                    self.report.warn(
                        _("The mapping names the column %(column)s, which the file does not have.")
                        % {"column": column}
                    )
        self._check_columns()
        with ExitStack() as stack:
            stack.enter_context(_fewer_collections())
            if use_worker(self.workers, total):
                rows = stack.enter_context(
                    CheckingProcess(self.reader, self.builder, analyse=not self.dry_run)
                )
            else:
                rows = check_rows(self.reader, self.builder)
            locales = _locales(self.dry_run)
            stack.enter_context(import_settings(RegisterObject))
            writer = BatchWriter(locales, self.report, dry_run=self.dry_run)
            seen = SeenIds()
            stack.callback(seen.close)
            bar = stack.enter_context(
                tqdm(
                    total=total,
                    unit=_("rows"),
                    desc=_("Importing"),
                    file=sys.stderr,
                    disable=not self.progress,
                    mininterval=0.5,
                )
            )
            self._read(rows, writer, seen, bar)
            self.report.missing = self._missing(seen, locales)
        self.report.museums_created = writer.museums.created
        self.report.terms_created = sum(cache.created for cache in writer.terms.values())
        self.report.images_stored = writer.images.stored
        self.report.images_reused = writer.images.reused

    def _read(self, rows, writer, seen, bar):
        batch, batch_bytes = [], 0
        for checked in rows:
            bar.update(1)
            self.report.rows += 1
            if len(checked.columns) > self._columns_checked:
                self.columns = checked.columns
                self._check_columns()
            if checked.errors:
                if checked.register_id:
                    seen.add(checked.register_id, checked.line)
                self.report.add_errors(
                    checked.row, checked.line, checked.register_id, checked.errors
                )
                continue
            record = checked.record
            first_line = seen.add(record.register_id, checked.line)
            if first_line is not None:
                message = _(
                    "The register ID %(register_id)s already appears on line %(line)s; "
                    "this row is skipped."
                ) % {"register_id": record.register_id, "line": first_line}
                self.report.add_errors(
                    checked.row, checked.line, record.register_id, [("register_id", message)]
                )
                continue
            for note in record.notes:
                self.report.warn(
                    _(
                        "Row %(row)s (line %(line)s): the value of %(column)s was left out: %(reason)s"
                    )
                    % {
                        "row": checked.row,
                        "line": checked.line,
                        "column": note.field,
                        "reason": note.message,
                    }
                )
            batch.append(record)
            batch_bytes += record.image_bytes
            if len(batch) >= self.batch_size or batch_bytes >= IMAGE_BATCH_BYTES:
                writer.write(batch)
                batch, batch_bytes = [], 0
        if batch:
            writer.write(batch)
        writer.flush_index()

    def _check_columns(self):
        """Warn once about every column that nothing reads."""
        columns = self.columns
        for name in columns[self._columns_checked :]:
            if self.mapping is not None:
                if name not in self.mapping.known_columns():
                    self.report.warn(
                        _(
                            "The column %(column)s is not in the mapping, so its values are "
                            "ignored. Map it, or list it in ignore_columns."
                        )
                        % {"column": name}
                    )
            elif name not in self.builder.columns:
                self.report.warn(
                    _(
                        "The column %(column)s is not part of the exchange format, so its "
                        "values are ignored."
                    )
                    % {"column": name}
                )
        self._columns_checked = len(columns)

    def _missing(self, seen, locales):
        """Register IDs in the portal that the file does not have (they are never deleted)."""
        source = next(iter(locales.values()))
        if source.pk is None:
            return []
        ids = (
            RegisterObject.objects.filter(locale=source)
            .order_by("register_id")
            .values_list("register_id", flat=True)
        )
        missing = []
        for part in chunks(ids.iterator(chunk_size=2000), 2000):
            missing += [register_id for register_id in part if register_id not in seen]
        return missing


def _check_writable(path):
    """Refuse a report path that cannot be written before anything else happens."""
    try:
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as error:
        raise ImportFileError(
            _("Cannot write the report file %(file)s (%(reason)s).")
            % {"file": path, "reason": error.strerror or error}
        ) from error


def import_register(
    path,
    *,
    format=None,  # noqa: A002 - the name of the command's option
    mapping=None,
    images_dir=None,
    dry_run=False,
    encoding=None,
    report_path=None,
    batch_size=500,
    progress=False,
    stdout=None,
    workers=None,
):
    """Import a register export; return an :class:`ImportReport`.

    Raises :class:`ImportFileError` (with ``.report``) when the file, the mapping or an option
    cannot be used at all; nothing is written then. Bad rows are reported and skipped.
    """
    report = ImportReport(file=str(path), dry_run=dry_run)
    started = time.monotonic()
    if report_path:
        _check_writable(report_path)
    try:
        ImportRun(
            report,
            path,
            format=format,
            mapping=mapping,
            images_dir=images_dir,
            dry_run=dry_run,
            encoding=encoding,
            batch_size=batch_size,
            progress=progress,
            workers=workers,
        ).execute()
    except ImportFileError as error:
        report.fatal, report.fatal_line = error.message, error.line
        error.report = report
        raise
    finally:
        report.seconds = time.monotonic() - started
        if report_path:
            report.write(report_path)
    if stdout is not None:
        for line in report.summary_lines():
            stdout.write(line + "\n")
    return report
