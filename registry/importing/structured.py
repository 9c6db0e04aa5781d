"""Multi-valued fields: cells in the CSV syntax or the JSON Lines shapes, checked one by one.

Every function takes the raw value (a ``|``-separated string, or a JSON array whose items
are strings in the same syntax or objects) and returns plain values; a problem raises
:class:`~registry.importing.errors.BadValue` with a whole-sentence reason.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from registry.models.objects import (
    REGISTER_ID_PATTERN,
    Dimension,
    InscriptionKind,
    RelationType,
    Unit,
)

from .errors import BadValue
from .text import clean_text, parse_decimal, split_values

_REGISTER_ID = re.compile(REGISTER_ID_PATTERN)
_DIMENSION = re.compile(r"^\s*([a-z]+)\s*=\s*([^\s]+)\s*([a-z]+)\s*$")
DIMENSIONS = frozenset(Dimension.values)
UNITS = frozenset(Unit.values)
KINDS = frozenset(InscriptionKind.values)
RELATIONS = frozenset(RelationType.values)
MAX_VALUE = Decimal("999999999.999")


@dataclass(frozen=True)
class Measurement:
    dimension: str
    value: Decimal
    unit: str


def check_length(value, limit):
    if len(value) > limit:
        raise BadValue(
            _("The text has %(length)s characters; at most %(limit)s are allowed.")
            % {"length": len(value), "limit": limit}
        )
    return value


def _object(item, keys):
    unknown = sorted(set(item) - set(keys))
    if unknown:
        raise BadValue(
            _("The object has keys this field does not know: %(keys)s.")
            % {"keys": ", ".join(unknown)}
        )
    return item


def parse_measurement_value(value):
    number = parse_decimal(value)
    if number < 0:
        raise BadValue(_("A measurement cannot be negative."))
    if number.as_tuple().exponent < -3:
        raise BadValue(_("A measurement has at most three decimals."))
    if number > MAX_VALUE:
        raise BadValue(_("The measurement is too large."))
    return number


def parse_dimensions(value, separator="|"):
    result = []
    for item in split_values(value, separator):
        if isinstance(item, dict):
            _object(item, ("dimension", "value", "unit"))
            dimension, number, unit = item.get("dimension"), item.get("value"), item.get("unit")
        elif isinstance(item, str):
            match = _DIMENSION.match(item)
            if not match:
                raise BadValue(
                    _("Write a measurement as dimension=value unit, for example height=52.5 cm.")
                )
            dimension, number, unit = match.groups()
        else:
            raise BadValue(_("A measurement is a text or an object."))
        if dimension not in DIMENSIONS:
            raise BadValue(
                _("Unknown dimension %(dimension)s; use one of %(choices)s.")
                % {"dimension": dimension, "choices": ", ".join(Dimension.values)}
            )
        if unit not in UNITS:
            raise BadValue(
                _("Unknown unit %(unit)s; use one of %(choices)s.")
                % {"unit": unit, "choices": ", ".join(Unit.values)}
            )
        result.append(Measurement(dimension, parse_measurement_value(number), unit))
    return result


def parse_makers(value, separator="|"):
    """Makers as dicts of name, role and dates; CSV entries are ``name; role; dates``."""
    result = []
    for item in split_values(value, separator):
        if isinstance(item, dict):
            _object(item, ("name", "role", "dates"))
            parts = [item.get("name"), item.get("role"), item.get("dates")]
        elif isinstance(item, str):
            parts = item.split(";")
            if len(parts) > 3:
                raise BadValue(
                    _("Write a maker as name; role; dates, with at most two semicolons.")
                )
        else:
            raise BadValue(_("A maker is a text or an object."))
        parts = [clean_text(part) for part in parts] + ["", ""]
        name, role, dates = parts[:3]
        if not name:
            raise BadValue(_("Every maker needs a name."))
        result.append(
            {
                "name": check_length(name, 300),
                "role": check_length(role, 200),
                "dates": check_length(dates, 100),
            }
        )
    return result


def parse_inscriptions(value, separator="|", *, translations=False):
    """Inscriptions as dicts; CSV entries are ``kind: transcription`` (kind optional).

    In a translation column (``translations``) a string entry is the translation.
    """
    result = []
    keys = (
        ("translation", "position")
        if translations
        else ("kind", "transcription")
        + (
            "translation",
            "position",
        )
    )
    for item in split_values(value, separator) if value else []:
        if isinstance(item, dict):
            entry = {key: clean_text(item.get(key), multiline=True) for key in _object(item, keys)}
        elif isinstance(item, str) and translations:
            entry = {"translation": clean_text(item, multiline=True)}
        elif isinstance(item, str):
            kind, colon, text = item.partition(":")
            if colon and kind.strip() in KINDS:
                entry = {"kind": kind.strip(), "transcription": clean_text(text, multiline=True)}
            else:
                entry = {"transcription": clean_text(item, multiline=True)}
        else:
            raise BadValue(_("An inscription is a text or an object."))
        if not translations:
            entry.setdefault("kind", InscriptionKind.INSCRIPTION.value)
            if entry["kind"] not in KINDS:
                raise BadValue(
                    _("Unknown kind of inscription %(kind)s; use one of %(choices)s.")
                    % {"kind": entry["kind"], "choices": ", ".join(InscriptionKind.values)}
                )
            if not entry.get("transcription"):
                raise BadValue(_("Every inscription needs its transcription."))
        check_length(entry.get("position", ""), 200)
        result.append(entry)
    return result


def parse_object_type(value):
    """The levels of an object type, ``Broad > Narrow``; at most two."""
    if value in (None, ""):
        return []
    if isinstance(value, list):
        levels = value
    elif isinstance(value, str):
        levels = value.split(">")
    else:
        raise BadValue(_("An object type is a text such as Painting > Icon."))
    levels = [check_length(clean_text(level), 200) for level in levels]
    if len(levels) > 2 or not all(levels):
        raise BadValue(_("An object type has one or two levels, written Broad > Narrow."))
    return levels


def parse_relations(value, own_id, separator="|"):
    result = []
    for item in split_values(value, separator):
        if not isinstance(item, str):
            raise BadValue(_("A related object is a register ID, optionally after part_of:."))
        relation, colon, register_id = item.strip().rpartition(":")
        relation = relation if colon else RelationType.RELATED.value
        if relation not in RELATIONS:
            raise BadValue(
                _("Unknown relation %(relation)s; use one of %(choices)s.")
                % {"relation": relation, "choices": ", ".join(RelationType.values)}
            )
        if not _REGISTER_ID.match(register_id):
            raise BadValue(
                _("The related register ID %(register_id)s is not a valid register ID.")
                % {"register_id": register_id[:80]}
            )
        if register_id == own_id:
            raise BadValue(_("An object cannot be related to itself."))
        result.append((relation, register_id))
    return result


def parse_image_entries(value, separator="|"):
    """Image entries as dicts with a ``path`` and perhaps ``alt…`` and ``caption…`` texts."""
    result = []
    for item in split_values(value, separator):
        if isinstance(item, str):
            item = {"path": item.strip()}
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise BadValue(_("An image is a path or an object with a path."))
        result.append(item)
    return result


def parallel_texts(value, separator="|", *, limit=500):
    """Texts parallel to another list: empty entries keep their place."""
    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else value.split(separator)
    return [check_length(clean_text(item), limit) for item in items]
