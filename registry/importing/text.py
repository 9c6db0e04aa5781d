"""Normalising and checking the values of one cell: text, years, dates, numbers, flags."""

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .errors import BadValue

# Control characters (C0, DEL, C1) and lone surrogates; long text may keep \n and \t.
_FORBIDDEN_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_FORBIDDEN_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_WHITESPACE = re.compile(r"\s+")
_YEAR = re.compile(r"^[+-]?[0-9]{1,5}$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DECIMAL = re.compile(r"^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$")
TRUE_WORDS = frozenset({"true", "1", "yes"})
FALSE_WORDS = frozenset({"false", "0", "no"})
# SmallIntegerField's range, in which years are stored.
MIN_YEAR, MAX_YEAR = -32768, 32767


def _character_name(character):
    return f"U+{ord(character):04X}"


def clean_text(value, *, multiline=False):
    """NFC-normalised, trimmed text; control characters are refused.

    Line endings become ``\\n``. Long text (``multiline``) may hold line breaks and tabs;
    single-line text may not.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadValue(_("Expected text, not a number, list or object."))
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    value = value.strip()
    forbidden = (_FORBIDDEN_MULTILINE if multiline else _FORBIDDEN_SINGLE_LINE).search(value)
    if forbidden:
        character = forbidden.group()
        if character in "\n\t":
            raise BadValue(_("This field is a single line: it may not hold line breaks or tabs."))
        raise BadValue(
            _("The text holds the control character %(character)s, which is not allowed.")
            % {"character": _character_name(character)}
        )
    return value


def vocabulary_key(label):
    """The matching key of a vocabulary term: NFC, casefolded, whitespace collapsed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", label).casefold()).strip()


def parse_year(value):
    """A year as an integer (negative for BCE), from an integer or its digits."""
    if value is None or value == "":
        return None
    # A JSON number with a fraction (1850.5, even 1850.0) arrives as a Decimal: refused.
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise BadValue(_("A year is a whole number, for example 1861 or -450."))
    if isinstance(value, str):
        if not _YEAR.match(value.strip()):
            raise BadValue(_("A year is a whole number, for example 1861 or -450."))
        value = int(value.strip())
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise BadValue(_("The year is out of range."))
    return value


def year_of_date(value):
    """The year of an ISO date such as ``1883-01-01`` or ``-0999-01-10`` (or a bare year)."""
    value = value.strip()
    if not value:
        return None
    match = re.match(r"^([+-]?[0-9]{1,5})(-[0-9]{2}(-[0-9]{2})?)?(T.*)?$", value)
    if not match:
        raise BadValue(_("Expected a date such as 1883-01-01 or a year."))
    return parse_year(match.group(1))


def parse_date(value):
    """An ISO 8601 calendar date, YYYY-MM-DD."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise BadValue(_("A date is written YYYY-MM-DD, for example 2022-03-24."))
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise BadValue(_("The date does not exist in the calendar.")) from error


def parse_bool(value, *, default):
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS:
        return True
    if isinstance(value, str) and value.strip().lower() in FALSE_WORDS:
        return False
    raise BadValue(_("Expected true or false."))


def parse_decimal(value):
    """A decimal number; a comma is accepted as the decimal separator."""
    if isinstance(value, bool):
        raise BadValue(_("Expected a number."))
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str) and _DECIMAL.match(value.strip()):
        try:
            number = Decimal(value.strip().replace(",", "."))
        except InvalidOperation as error:
            raise BadValue(_("Expected a number.")) from error
    else:
        raise BadValue(_("Expected a number."))
    if not number.is_finite():
        raise BadValue(_("Expected a number."))
    return number


def split_values(value, separator="|"):
    """The values of a multi-valued cell: a separated string or a JSON array, blanks dropped."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [item for item in value if item not in (None, "")]
    if isinstance(value, str):
        if not separator:
            return [value] if value.strip() else []
        return [part for part in value.split(separator) if part.strip()]
    raise BadValue(_("Expected text or a list."))
