"""Mapping files: read a museum's own export without code.

A mapping is a TOML file (see docs/import-format.md) that says which column of the export
fills which field of the exchange format, how to split and convert values, which columns are
restricted, and how to build the register ID. Applying it to a row gives a record in the
exchange format, which is then checked like any other.
"""

import dataclasses
import re
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import BadValue, FieldError, ImportFileError, RowInvalid
from .schema import LIST_FIELDS, OBJECT_LONG_TEXTS, RESTRICTED_FIELDS, Columns
from .text import clean_text, parse_date, parse_decimal, year_of_date

#: Factors to the exchange format's units; ``to`` must be a unit of the same kind.
LENGTH_UNITS = {"mm": Decimal("0.1"), "cm": Decimal(1), "m": Decimal(100)}
LENGTH_UNITS |= {"in": Decimal("2.54"), "ft": Decimal("30.48")}
WEIGHT_UNITS = {"g": Decimal(1), "kg": Decimal(1000), "oz": Decimal("28.349523125")}
WEIGHT_UNITS |= {"lb": Decimal("453.59237")}
TARGET_UNITS = ("mm", "cm", "m", "g", "kg")
CONVERSIONS = ("text", "year", "date", "number")
THOUSANDTH = Decimal("0.001")
# Windows-1252 characters that exports often leave as C1 control characters (’ “ ” … –).
C1_AS_CP1252 = {}
for _code in range(0x80, 0xA0):
    try:
        C1_AS_CP1252[_code] = bytes([_code]).decode("cp1252")
    except UnicodeDecodeError:
        continue
_LINE_BREAKS = re.compile(r"[\r\n\t]+")
_NOT_IN_REGISTER_ID = re.compile(r"[^A-Za-z0-9._-]+")

SOURCE_KEYS = {"format", "encoding", "delimiter", "split", "repair_c1_controls"}
SOURCE_KEYS |= {"collapse_line_breaks", "ignore_columns"}
COLUMN_KEYS = {"field", "convert", "split", "values", "restricted"}
COLUMN_KEYS |= {"dimension", "unit", "to", "zero_is_unknown", "invalid"}
MAKER_KEYS = {"language", "split", "name", "role", "dates", "birth", "death"}
TOP_KEYS = {"name", "source", "register_id", "constants", "columns", "makers"}


def _convert_units(value, unit, target):
    for table in (LENGTH_UNITS, WEIGHT_UNITS):
        if unit in table and target in table:
            return (value * table[unit] / table[target]).quantize(THOUSANDTH, ROUND_HALF_UP)
    raise BadValue(_("The unit cannot be converted."))


@dataclasses.dataclass
class ColumnRule:
    column: str
    field: str = ""
    convert: str = "text"
    split: str | None = None
    values: dict = dataclasses.field(default_factory=dict)
    restricted: bool = False
    dimension: str = ""
    unit: str = ""
    to: str = ""
    zero_is_unknown: bool = False
    invalid: str = "reject"


class Mapping:
    """A loaded, checked mapping file."""

    def __init__(self, path):
        self.path = Path(path)
        data = self._read()
        self._check_keys(data, TOP_KEYS, "")
        self.name = str(data.get("name", self.path.stem))
        source = data.get("source", {})
        self._check_keys(source, SOURCE_KEYS, "source")
        self.format = source.get("format")
        self.encoding = source.get("encoding")
        self.delimiter = source.get("delimiter", ",")
        self.split = source.get("split", "|")
        self.repair_c1 = bool(source.get("repair_c1_controls", False))
        self.collapse_line_breaks = bool(source.get("collapse_line_breaks", False))
        self.ignored = set(source.get("ignore_columns", []))
        self.columns = Columns()
        self.constants = self._constants(data.get("constants", {}))
        self.rules = [self._rule(name, spec) for name, spec in data.get("columns", {}).items()]
        self.register_id = self._register_id(data.get("register_id"))
        self.makers = self._makers(data.get("makers"))

    # Loading and checking ---------------------------------------------------------------

    def _read(self):
        try:
            with self.path.open("rb") as stream:
                return tomllib.load(stream)
        except OSError as error:
            message = _("The mapping file %(file)s cannot be read (%(reason)s).")
            raise ImportFileError(
                message % {"file": self.path.name, "reason": error.strerror or error}
            ) from error
        except tomllib.TOMLDecodeError as error:
            message = _("The mapping file %(file)s is not valid TOML (%(reason)s).")
            raise ImportFileError(message % {"file": self.path.name, "reason": error}) from error

    def _error(self, problem):
        """A fatal error; ``problem`` is a whole sentence that names the table."""
        return ImportFileError(
            _("The mapping file %(file)s cannot be used: %(problem)s")
            % {"file": self.path.name, "problem": problem}
        )

    def _check_keys(self, table, allowed, where):
        if not isinstance(table, dict):
            raise self._error(_("[%(table)s] must be a table.") % {"table": where})
        unknown = ", ".join(sorted(set(table) - set(allowed)))
        if unknown and where:
            raise self._error(
                _("[%(table)s] has unknown keys: %(keys)s.") % {"table": where, "keys": unknown}
            )
        if unknown:
            raise self._error(
                _("It has unknown keys at the top level: %(keys)s.") % {"keys": unknown}
            )

    def _target(self, name, where):
        if not isinstance(name, str) or self.columns.get(name) is None:
            raise self._error(
                _("[%(table)s] names %(field)s, which is not a field of the exchange format.")
                % {"table": where, "field": name}
            )
        return name

    def _constants(self, table):
        self._check_keys(table, table.keys(), "constants")
        constants = {}
        for name, value in table.items():
            self._target(name, "constants")
            constants[name] = value if isinstance(value, (str, list)) else str(value)
        return constants

    def _rule(self, column, spec):
        where = f"columns.{column}"
        if isinstance(spec, str):
            spec = {"field": spec}
        self._check_keys(spec, COLUMN_KEYS, where)
        rule = ColumnRule(column=column, **spec)
        types = {"field": str, "convert": str, "split": (str, type(None)), "values": dict}
        types |= {"restricted": bool, "dimension": str, "unit": str, "to": str}
        types |= {"zero_is_unknown": bool, "invalid": str}
        for key, expected in types.items():
            if not isinstance(getattr(rule, key), expected):
                raise self._error(
                    _("[%(table)s] has a value of the wrong type for %(key)s.")
                    % {"table": where, "key": key}
                )
        if rule.invalid not in ("reject", "drop"):
            raise self._error(
                _('[%(table)s] may only say invalid = "reject" or invalid = "drop".')
                % {"table": where}
            )
        if rule.restricted == bool(rule.field):
            raise self._error(
                _("[%(table)s] needs either a field or restricted = true.") % {"table": where}
            )
        if rule.field:
            self._target(rule.field, where)
        if rule.convert not in CONVERSIONS:
            raise self._error(
                _("[%(table)s] has an unknown convert; use one of %(choices)s.")
                % {"table": where, "choices": ", ".join(CONVERSIONS)}
            )
        if rule.field == "dimensions":
            self._check_units(rule, where)
        elif rule.dimension or rule.unit or rule.to:
            raise self._error(
                _("[%(table)s] has a unit but does not fill dimensions.") % {"table": where}
            )
        if rule.split is None and rule.field in LIST_FIELDS:
            rule.split = self.split
        return rule

    def _check_units(self, rule, where):
        units = {**LENGTH_UNITS, **WEIGHT_UNITS}
        if not rule.dimension or rule.unit not in units:
            raise self._error(
                _("[%(table)s] needs a dimension and a unit (one of %(choices)s).")
                % {"table": where, "choices": ", ".join(units)}
            )
        rule.to = rule.to or rule.unit
        if rule.to not in TARGET_UNITS:
            raise self._error(
                _("[%(table)s] converts to %(unit)s, which the register does not use.")
                % {"table": where, "unit": rule.to}
            )
        try:
            _convert_units(Decimal(1), rule.unit, rule.to)
        except BadValue as error:
            raise self._error(
                _("[%(table)s] converts %(unit)s to %(target)s, which measure different things.")
                % {"table": where, "unit": rule.unit, "target": rule.to}
            ) from error

    def _register_id(self, table):
        by_rule = [rule for rule in self.rules if rule.field == "register_id"]
        if table is None:
            if not by_rule and "register_id" not in self.constants:
                raise self._error(
                    _("It must say how to build register IDs in a [register_id] table.")
                )
            return None
        self._check_keys(
            table, {"column", "columns", "prefix", "join", "replace_invalid"}, "register_id"
        )
        columns = table.get("columns") or [table.get("column")]
        if by_rule or not all(isinstance(column, str) for column in columns):
            raise self._error(_("[register_id] needs one column or a list of columns."))
        return {
            "columns": columns,
            "prefix": str(table.get("prefix", "")),
            "join": str(table.get("join", "-")),
            "replace_invalid": table.get("replace_invalid"),
        }

    def _makers(self, table):
        if table is None:
            return None
        self._check_keys(table, MAKER_KEYS, "makers")
        if "name" not in table:
            raise self._error(_("[makers] needs the column of the name."))
        language = table.get("language", self.columns.source)
        if language not in self.columns.languages:
            raise self._error(
                _("[makers] names the language %(language)s, which is not a content language.")
                % {"language": language}
            )
        target = "maker" if language == self.columns.source else f"maker_{language}"
        return {**table, "target": target, "split": table.get("split", self.split)}

    # Applying ---------------------------------------------------------------------------

    def known_columns(self):
        columns = {rule.column for rule in self.rules} | self.ignored
        if self.register_id:
            columns.update(self.register_id["columns"])
        if self.makers:
            columns.update(
                self.makers[key]
                for key in ("name", "role", "dates", "birth", "death")
                if key in self.makers
            )
        return columns

    def _cell(self, values, column):
        value = values.get(column)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if not isinstance(value, (str, list)):
            value = str(value)
        if self.repair_c1 and isinstance(value, str):
            value = value.translate(C1_AS_CP1252)
        return value

    def _single_line(self, value):
        if self.collapse_line_breaks and isinstance(value, str):
            return _LINE_BREAKS.sub(" ", value)
        return value

    def apply(self, values):
        """The exchange record for one source row, its restricted extras, the source column of
        each field (for error messages) and notes on values dropped (``invalid = "drop"``).
        """
        record = dict(self.constants)
        extra = {}
        origins = {}
        errors = []
        notes = []
        for rule in self.rules:
            try:
                self._apply_rule(rule, self._cell(values, rule.column), record, extra)
            except BadValue as error:
                if rule.invalid == "drop":
                    notes.append(FieldError(rule.column, error.message))
                else:
                    errors.append(FieldError(rule.column, error.message))
            if rule.field:
                origins.setdefault(rule.field, rule.column)
                origins.setdefault(self.columns.get(rule.field).field, rule.column)
        if self.register_id:
            try:
                record["register_id"] = self._build_register_id(values)
            except BadValue as error:
                errors.append(FieldError("register_id", error.message))
        if self.makers:
            try:
                record[self.makers["target"]] = self._build_makers(values)
            except BadValue as error:
                errors.append(FieldError(self.makers["name"], error.message))
            origins[self.makers["target"]] = self.makers["name"]
        if errors:
            raise RowInvalid(errors)
        return record, extra, origins, notes

    def _apply_rule(self, rule, value, record, extra):
        if isinstance(value, str):
            value = rule.values.get(value.strip(), value)
        if rule.restricted:
            extra[rule.column] = clean_text(value, multiline=True)
            return
        base = self.columns.get(rule.field).field
        if base not in OBJECT_LONG_TEXTS and base not in RESTRICTED_FIELDS:
            value = self._single_line(value)
        if rule.field == "dimensions":
            self._add_measurement(rule, value, record)
            return
        if rule.convert == "year":
            year = year_of_date(value) if isinstance(value, str) else None
            value = "" if year is None else str(year)
        elif rule.convert == "date" and isinstance(value, str):
            value = str(parse_date(value.strip()[:10]) or "")
        elif rule.convert == "number" and isinstance(value, str) and value.strip():
            value = str(parse_decimal(value))
        if rule.split and isinstance(value, str):
            value = [part for part in value.split(rule.split) if part.strip()]
        if rule.field in LIST_FIELDS:
            record[rule.field] = [*record.get(rule.field, []), *(value or [])]
        elif value not in ("", []):
            record[rule.field] = value

    def _add_measurement(self, rule, value, record):
        if not isinstance(value, str) or not value.strip():
            return
        number = parse_decimal(value)
        if number == 0 and rule.zero_is_unknown:
            return
        number = _convert_units(number, rule.unit, rule.to)
        measurement = {"dimension": rule.dimension, "value": number, "unit": rule.to}
        record["dimensions"] = [*record.get("dimensions", []), measurement]

    def register_id_of(self, values):
        """The register ID a row would get, or "" (for reporting rows that fail)."""
        if self.register_id is None:
            value = values.get(next((r.column for r in self.rules if r.field == "register_id"), ""))
            return value if isinstance(value, str) else ""
        try:
            return self._build_register_id(values)
        except BadValue:
            return ""

    def _build_register_id(self, values):
        spec = self.register_id
        parts = []
        for column in spec["columns"]:
            part = self._cell(values, column)
            if not isinstance(part, str) or not part.strip():
                raise BadValue(
                    _("The column %(column)s, which the register ID is built from, is empty.")
                    % {"column": column}
                )
            parts.append(part.strip())
        register_id = spec["join"].join(parts)
        if spec["replace_invalid"] is not None:
            register_id = _NOT_IN_REGISTER_ID.sub(spec["replace_invalid"], register_id)
        return spec["prefix"] + register_id

    def _build_makers(self, values):
        spec = self.makers
        keys = [key for key in ("name", "role", "dates", "birth", "death") if key in spec]
        columns = {}
        for key in keys:
            cell = self._single_line(self._cell(values, spec[key]))
            columns[key] = cell.split(spec["split"]) if spec["split"] else [cell]
        count = len(columns["name"])
        if any(len(parts) != count for parts in columns.values()):
            raise BadValue(
                _("The maker columns %(columns)s hold different numbers of values.")
                % {"columns": ", ".join(spec[key] for key in keys)}
            )
        makers = []
        for index in range(count):
            entry = {key: columns[key][index].strip() for key in keys}
            if not entry["name"]:
                continue
            dates = entry.get("dates", "")
            if not dates and ("birth" in entry or "death" in entry):
                birth = year_of_date(entry.get("birth", ""))
                death = year_of_date(entry.get("death", ""))
                if birth is not None or death is not None:
                    dates = f"{'' if birth is None else birth}–{'' if death is None else death}"
            makers.append({"name": entry["name"], "role": entry.get("role", ""), "dates": dates})
        return makers
