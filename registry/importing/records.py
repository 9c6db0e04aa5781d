"""Checked, normalised records, and the builder that makes them from raw rows.

This is the one place that knows what a valid record is (with :mod:`.checks`). It touches no
database; image files are only read to hash them. The content hash covers the whole
normalised record, including the bytes of its images, so an unchanged record is recognised
on re-import.
"""

import functools
import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from registry.models.objects import REGISTER_ID_PATTERN

from .errors import BadValue, FieldError, RowInvalid
from .lookups import stable_key
from .schema import OBJECT_TEXTS, Columns
from .text import clean_text

#: Bump when the meaning of a record changes, so that every record is rewritten once.
RECORD_VERSION = 1
#: The namespace of a new object's translation key (see lookups.stable_key).
OBJECT_KEY_LABEL = "registry.registerobject"
#: Child rows with a translation key of their own, derived from the object's key.
KEYED_CHILDREN = ("maker", "inscription", "image")
_REGISTER_ID = re.compile(REGISTER_ID_PATTERN)


@dataclass
class Term:
    """A vocabulary term by its key, with its label in each language given."""

    key: str
    names: dict


@dataclass
class Museum:
    code: str
    names: dict
    places: dict
    latitude: object = None
    longitude: object = None


@dataclass
class Record:
    row: int
    line: int
    register_id: str
    source: str
    languages: list  # the record's translation languages (not the source)
    order: list  # content languages, source first: the fallback order
    fields: dict  # language-neutral values of the object
    text: dict  # field -> {language: value}
    holder: Museum | None = None
    object_type: list = field(default_factory=list)
    materials: list = field(default_factory=list)
    techniques: list = field(default_factory=list)
    makers: list = field(default_factory=list)
    inscriptions: list = field(default_factory=list)
    measurements: list = field(default_factory=list)
    images: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    restricted: dict = field(default_factory=dict)
    content_hash: str = ""
    image_bytes: int = 0
    notes: list = field(default_factory=list)  # values a mapping dropped (FieldError)
    # Worked out with the checks, where no database is needed (see prepare_rows):
    texts: dict = field(default_factory=dict)  # language -> texts of its row, OBJECT_TEXTS
    key: object = None  # the translation key of the object if it is new
    child_keys: dict = field(default_factory=dict)  # KEYED_CHILDREN kind -> keys under key
    # Search terms of the record's texts, by text, when the checking process worked them out
    # (workers.analyse_texts); the writer hands them to the search index.
    terms: dict = field(default_factory=dict)

    def prepare_rows(self):
        """Work out the texts of each language's row and the keys of a new object."""
        self.texts = {
            language: tuple(self.text_in(name, language) for name in OBJECT_TEXTS)
            for language in (self.source, *self.languages)
        }
        self.key = stable_key(OBJECT_KEY_LABEL, self.register_id)
        self.child_keys = self.child_keys_under(self.key)

    def child_keys_under(self, key):
        """Translation keys of the child rows, by kind and position, for the object's key."""
        if key == self.key and self.child_keys:
            return self.child_keys
        counts = {
            "maker": len(self.makers),
            "inscription": len(self.inscriptions),
            "image": len(self.images),
        }
        return {
            kind: [stable_key(key, kind, index) for index in range(counts[kind])]
            for kind in KEYED_CHILDREN
        }

    def pick(self, values, language):
        """The value in ``language``, else in the source, else in the first language given."""
        if values.get(language):
            return values[language]
        for code in self.order:
            if values.get(code):
                return values[code]
        return ""

    def text_in(self, name, language):
        return self.pick(self.text.get(name, {}), language)


class RecordBuilder:
    """Checks raw rows (in the exchange format, or mapped to it) and builds records."""

    def __init__(self, *, images=None, mapping=None):
        self.columns = Columns()
        self.images = images
        self.mapping = mapping
        self.split = mapping.split if mapping else "|"
        self._plans = {}

    def build(self, raw):
        """A Record for a RawRow; raises RowInvalid with every problem found."""
        from .checks import RecordChecks

        if raw.error is not None:
            raise raw.error
        origins = {}
        extra = {}
        notes = []
        values = raw.values
        if self.mapping is not None:
            try:
                values, extra, origins, notes = self.mapping.apply(values)
            except RowInvalid as invalid:
                invalid.register_id = self._register_id(self.mapping.register_id_of(values))
                raise
        grouped, errors = self._group(values, extra)
        checks = RecordChecks(self, raw, grouped, extra)
        record = checks.run()
        errors += checks.errors
        if errors:
            raise RowInvalid(
                [FieldError(origins.get(e.field, e.field), e.message) for e in errors],
                register_id=record.register_id,
            )
        record.notes = notes
        record.prepare_rows()
        return record

    def _register_id(self, value):
        try:
            value = clean_text(value)
        except BadValue:
            return ""
        return value if _REGISTER_ID.match(value) else ""

    def _columns_of(self, names):
        """The Column of each name (None when unknown), cached per header: rows repeat it."""
        key = tuple(names)
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) > 1000:
                self._plans.clear()
            plan = self._plans[key] = [(name, self.columns.get(name)) for name in key]
        return plan

    def _group(self, values, extra):
        """Group values by field and language; unknown columns are left to the warnings.

        ``grouped["_columns"]`` remembers the column each (field, language) came from.
        """
        grouped = {}
        names = grouped["_columns"] = {}
        errors = []
        for name, column in self._columns_of(values):
            value = values[name]
            if column is None or value is None or value == "":
                continue
            if column.restricted_name:
                try:
                    extra[column.restricted_name] = clean_text(value, multiline=True)
                except BadValue as error:
                    errors.append(FieldError(name, error.message))
                continue
            if column.language is None:
                grouped[column.field] = value
                continue
            per_language = grouped.setdefault(column.field, {})
            names[(column.field, column.language)] = name
            if column.language in per_language:
                message = _("The record gives %(field)s twice, with and without _uk.")
                errors.append(FieldError(name, message % {"field": column.field}))
            per_language[column.language] = value
        return grouped, errors


@functools.lru_cache(maxsize=4)
def _restricted_hmac(secret):
    """An HMAC keyed with ``secret``, to copy for each record (keying it costs more)."""
    return hmac.new(secret.encode(), digestmod=hashlib.sha256)


def _json(value):
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False, check_circular=False)


def content_hash(record):
    """SHA-256 of the normalised record; restricted values enter only through an HMAC."""
    restricted = _restricted_hmac(settings.SECRET_KEY).copy()
    restricted.update(_json(record.restricted).encode())
    data = {
        "version": RECORD_VERSION,
        "register_id": record.register_id,
        "languages": record.languages,
        "fields": record.fields,
        "text": record.text,
        "holder": record.holder.__dict__ if record.holder else None,
        "object_type": [term.__dict__ for term in record.object_type],
        "materials": [term.__dict__ for term in record.materials],
        "techniques": [term.__dict__ for term in record.techniques],
        "makers": record.makers,
        "inscriptions": record.inscriptions,
        "measurements": [measurement.__dict__ for measurement in record.measurements],
        "images": [(image.sha256, image.alts, image.captions) for image in record.images],
        "relations": record.relations,
        "restricted": restricted.hexdigest(),
    }
    return hashlib.sha256(_json(data).encode()).hexdigest()
