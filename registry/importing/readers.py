"""Format readers: stream a register export as raw records, one at a time.

A reader is a small interface (like wagtail-localize's machine translators): ``scan()``
reads the whole file once to prove it can be read (encoding, CSV quoting, NUL bytes) and
counts its records, and iterating yields :class:`RawRow` objects. Nothing is ever held
but the current record, so memory stays flat however large the file is.
"""

import codecs
import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import FieldError, ImportFileError, RowInvalid
from .text import clean_text

DEFAULT_ENCODING = "utf-8"
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl"}


@dataclass
class RawRow:
    """One record as read: ``values`` maps column names to cells, or ``error`` says why not."""

    row: int
    line: int
    values: dict | None = None
    error: RowInvalid | None = None


def guess_format(path):
    format_name = EXTENSIONS.get(Path(path).suffix.lower())
    if format_name is None:
        raise ImportFileError(
            _(
                "Cannot tell the format of %(file)s from its name; "
                "use --format csv or --format jsonl."
            )
            % {"file": Path(path).name}
        )
    return format_name


def check_encoding(encoding):
    """The codec name to decode with; UTF-8 accepts (and drops) a byte order mark."""
    try:
        name = codecs.lookup(encoding or DEFAULT_ENCODING).name
    except LookupError as error:
        raise ImportFileError(
            _("Unknown encoding %(encoding)s.") % {"encoding": encoding}
        ) from error
    return "utf-8-sig" if name in ("utf-8", "utf-8-sig") else name


class RegisterReader:
    """Base class of format readers. Subclasses implement ``_records(lines)``."""

    format_name = ""

    def __init__(self, path, *, encoding=None, delimiter=","):
        self.path = Path(path)
        self.declared_encoding = encoding
        self.encoding = check_encoding(encoding)
        self.delimiter = delimiter
        #: Column names of the file (CSV: the header; JSON Lines: every key seen so far).
        self.columns = []

    def scan(self):
        """Read the file once without keeping it; return the number of records.

        Raises ImportFileError when the file cannot be read as a whole.
        """
        return sum(1 for _row in self)

    def __iter__(self):
        self.columns = []
        return self._records(self._lines())

    def _records(self, lines):
        raise NotImplementedError

    def _lines(self):
        """Decoded lines with their line endings, naming the line of a decoding error."""
        try:
            # The io module decodes in blocks, which is fast; a decoding error is raised for
            # a block, so the line that holds it is then found by decoding line by line.
            with self.path.open(encoding=self.encoding, errors="strict", newline="\n") as stream:
                yield from stream
        except UnicodeDecodeError as error:
            raise self._decoding_error(self._first_bad_line()) from error
        except OSError as error:
            raise ImportFileError(
                _("Cannot read %(file)s (%(reason)s).")
                % {"file": self.path.name, "reason": error.strerror or error}
            ) from error

    def _first_bad_line(self):
        """The number of the first line that cannot be decoded."""
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="strict")
        line_number = 0
        pending = ""
        with self.path.open("rb") as stream:
            for raw in stream:
                try:
                    pending += decoder.decode(raw)
                except UnicodeDecodeError:
                    return line_number + 1
                if "\n" in pending:
                    *complete, pending = pending.split("\n")
                    line_number += len(complete)
        return line_number + 1

    def _decoding_error(self, line):
        if self.declared_encoding is None:
            message = _(
                "Line %(line)s is not valid UTF-8. Save the file as UTF-8 or name its "
                "encoding with --encoding."
            )
        else:
            message = _("Line %(line)s cannot be read as %(encoding)s.")
        return ImportFileError(
            message % {"line": line, "encoding": self.declared_encoding}, line=line
        )


class CsvReader(RegisterReader):
    """RFC 4180 CSV with a header row; blank rows are skipped."""

    format_name = "csv"

    def _checked_lines(self, lines):
        for number, line in enumerate(lines, start=1):
            if "\x00" in line:
                raise ImportFileError(
                    _("Line %(line)s holds a NUL byte; a CSV file may not contain one.")
                    % {"line": number},
                    line=number,
                )
            yield line

    def scan(self):
        self.columns = []
        return sum(1 for _row in self._cells(self._lines()))

    def _records(self, lines):
        for row, line, cells in self._cells(lines):
            if len(cells) != len(self.columns):
                message = _(
                    "The row has %(cells)s values but the header has %(columns)s columns."
                ) % {"cells": len(cells), "columns": len(self.columns)}
                yield RawRow(row, line, error=RowInvalid.single("", message))
                continue
            yield RawRow(row, line, dict(zip(self.columns, cells, strict=True)))

    def _cells(self, lines):
        """(row, line, cells) of every record that is not blank; reads the header first."""
        reader = csv.reader(self._checked_lines(lines), delimiter=self.delimiter, strict=True)
        start = 1
        try:
            header = next(reader, None)
            if header is None:
                raise ImportFileError(_("The file is empty; it needs at least a header row."))
            self.columns = self._header(header)
            row = 0
            start = reader.line_num + 1
            for cells in reader:
                line, start = start, reader.line_num + 1
                if not any(cell.strip() for cell in cells):
                    continue
                row += 1
                yield row, line, cells
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                message = _(
                    "Line %(line)s opens a quoted value that is never closed; "
                    "check the quotes in that record."
                )
            else:
                message = _("Line %(line)s is not valid CSV (%(reason)s).")
            raise ImportFileError(message % {"line": start, "reason": error}, line=start) from error

    def _header(self, header):
        columns = []
        for index, name in enumerate(header, start=1):
            try:
                name = clean_text(name)
            except ValueError as error:
                raise ImportFileError(
                    _("Column %(number)s of the header has an invalid name: %(reason)s")
                    % {"number": index, "reason": error},
                    line=1,
                ) from error
            if not name:
                raise ImportFileError(
                    _("Column %(number)s of the header has no name.") % {"number": index},
                    line=1,
                )
            if name in columns:
                raise ImportFileError(
                    _("The header names the column %(column)s twice.") % {"column": name},
                    line=1,
                )
            columns.append(name)
        return columns


class _DuplicateKey(ValueError):
    pass


class _NonFinite(ValueError):
    pass


def _object_without_duplicates(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _refuse_constant(name):
    raise _NonFinite(name)


class JsonlReader(RegisterReader):
    """JSON Lines: one JSON object per line; blank lines are skipped."""

    format_name = "jsonl"

    def scan(self):
        # Lines are only decoded here: a line that is not JSON is a row error, not fatal.
        return sum(1 for text in self._lines() if text.strip())

    def _records(self, lines):
        seen = set()
        row = 0
        for line, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            row += 1
            try:
                values = json.loads(
                    text,
                    object_pairs_hook=_object_without_duplicates,
                    parse_constant=_refuse_constant,
                    parse_float=Decimal,
                )
            except _DuplicateKey as error:
                message = _("The key %(key)s appears more than once in this record.")
                field = str(error)
                yield RawRow(row, line, error=RowInvalid.single(field, message % {"key": field}))
                continue
            except _NonFinite as error:
                message = _("%(value)s is not a number JSON allows; leave the value out instead.")
                yield RawRow(
                    row, line, error=RowInvalid.single("", message % {"value": str(error)})
                )
                continue
            except json.JSONDecodeError as error:
                message = _("The line is not valid JSON: %(reason)s (column %(column)s).")
                yield RawRow(
                    row,
                    line,
                    error=RowInvalid.single(
                        "", message % {"reason": error.msg, "column": error.colno}
                    ),
                )
                continue
            if not isinstance(values, dict):
                message = _("Each line must be a JSON object.")
                yield RawRow(row, line, error=RowInvalid([FieldError("", message)]))
                continue
            for key in values:
                if key not in seen:
                    seen.add(key)
                    self.columns.append(key)
            yield RawRow(row, line, values)


READERS = {reader.format_name: reader for reader in (CsvReader, JsonlReader)}
