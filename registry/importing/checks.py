"""The checks of one record: every field, collecting every error instead of stopping early."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.validators import validate_rights_uri
from registry.models.objects import REGISTER_ID_PATTERN, ObjectStatus

from .errors import BadValue, FieldError
from .records import Museum, Record, Term, content_hash
from .schema import OBJECT_LINES, OBJECT_LONG_TEXTS, RESTRICTED_FIELDS, TRANSLATION_FIELDS
from .structured import (
    check_length,
    parallel_texts,
    parse_dimensions,
    parse_image_entries,
    parse_inscriptions,
    parse_makers,
    parse_object_type,
    parse_relations,
)
from .text import clean_text, parse_bool, parse_date, parse_decimal, parse_year, vocabulary_key

_REGISTER_ID = re.compile(REGISTER_ID_PATTERN)
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,64}$")
LINE_LIMITS = {"title": 500, "date_display": 200, "place_of_origin": 300, "credit_line": 500}
STATUSES = frozenset(ObjectStatus.values)


class RecordChecks:
    def __init__(self, builder, raw, values, extra):
        self.builder = builder
        self.columns = builder.columns
        self.source = builder.columns.source
        self.split = builder.split
        self.raw = raw
        self.values = values
        self.extra = extra
        self.errors = []

    def check(self, name, function, *args, **kwargs):
        """``function(*args)``, or None with an error for column ``name``."""
        try:
            return function(*args, **kwargs)
        except BadValue as error:
            self.errors.append(FieldError(name, error.message))
            return None

    def column(self, name, language):
        """The column a field's value in ``language`` came from, for error messages."""
        return self.values["_columns"].get((name, language), f"{name}_{language}")

    def per_language(self, name, function, *args):
        """``function`` applied to the value of ``name`` in each language given."""
        result = {}
        values = self.values.get(name)
        if not values:
            return result
        for language, value in values.items():
            try:
                checked = function(value, *args)
            except BadValue as error:
                self.errors.append(FieldError(self.column(name, language), error.message))
                continue
            if checked:
                result[language] = checked
        return result

    def run(self):
        register_id = self.check("register_id", self.register_id)
        text = {
            name: self.per_language(name, self.line, LINE_LIMITS[name]) for name in OBJECT_LINES
        }
        for name in OBJECT_LONG_TEXTS:
            text[name] = self.per_language(name, self.long_text)
        if not text["title"] and not any(e.field.startswith("title") for e in self.errors):
            self.errors.append(FieldError("title", _("Every record needs a title.")))
        given = {language for name in TRANSLATION_FIELDS for language in self.values.get(name, {})}
        record = Record(
            row=self.raw.row,
            line=self.raw.line,
            register_id=register_id or "",
            source=self.source,
            languages=[code for code in self.columns.translations if code in given],
            order=self.columns.languages,
            fields=self.neutral_fields(),
            text=text,
        )
        record.holder = self.check("holder", self.holder)
        record.object_type = self.check("object_type", self.object_type) or []
        record.materials = self.check("materials", self.terms, "materials") or []
        record.techniques = self.check("techniques", self.terms, "techniques") or []
        record.makers = self.check("maker", self.makers) or []
        record.inscriptions = self.check("inscriptions", self.inscriptions) or []
        dimensions = self.values.get("dimensions")
        record.measurements = self.check("dimensions", parse_dimensions, dimensions, self.split)
        related = self.values.get("related")
        record.relations = self.check("related", parse_relations, related, register_id, self.split)
        record.images = self.check("images", self.image_list) or []
        record.restricted = self.restricted()
        if not self.errors:
            record.image_bytes = sum(image.size for image in record.images)
            record.content_hash = content_hash(record)
        return record

    # Scalars ------------------------------------------------------------------------------

    def long_text(self, value):
        return clean_text(value, multiline=True)

    def line(self, value, limit):
        return check_length(clean_text(value), limit)

    def register_id(self):
        value = clean_text(self.values.get("register_id"))
        if not value:
            raise BadValue(_("Every record needs a register ID."))
        if not _REGISTER_ID.match(value):
            raise BadValue(
                _(
                    "The register ID %(register_id)s is not valid: it starts with a letter or "
                    "digit and has at most 64 letters, digits, dots, hyphens and underscores."
                )
                % {"register_id": value[:80]}
            )
        return value

    def neutral_fields(self):
        values = self.values
        fields = {
            "inventory_number": self.check(
                "inventory_number", self.line, values.get("inventory_number"), 100
            )
            or "",
            "date_earliest": self.check("date_earliest", parse_year, values.get("date_earliest")),
            "date_latest": self.check("date_latest", parse_year, values.get("date_latest")),
            "status": self.check("status", self.status, values.get("status")),
            "status_date": self.check("status_date", parse_date, values.get("status_date")),
            "rights": self.check("rights", self.rights, values.get("rights")) or "",
            "published": self.check("published", parse_bool, values.get("published"), default=True),
        }
        earliest, latest = fields["date_earliest"], fields["date_latest"]
        if earliest is not None and latest is not None and earliest > latest:
            message = _("The latest year (%(latest)s) is before the earliest year (%(earliest)s).")
            self.errors.append(
                FieldError("date_latest", message % {"latest": latest, "earliest": earliest})
            )
        return fields

    def status(self, value):
        value = clean_text(value) or ObjectStatus.IN_COLLECTION.value
        if value not in STATUSES:
            raise BadValue(
                _("Unknown status %(status)s; use one of %(choices)s.")
                % {"status": value[:80], "choices": ", ".join(ObjectStatus.values)}
            )
        return value

    def rights(self, value):
        value = check_length(clean_text(value), 255)
        try:
            validate_rights_uri(value)
        except ValidationError as error:
            raise BadValue(" ".join(str(message) for message in error.messages)) from error
        return value

    def coordinate(self, value, limit):
        if value in (None, ""):
            return None
        number = round(parse_decimal(value), 6)
        if abs(number) > limit:
            raise BadValue(
                _("A coordinate lies between -%(limit)s and %(limit)s degrees.") % {"limit": limit}
            )
        return number

    def restricted(self):
        restricted = {}
        for name in RESTRICTED_FIELDS:
            value = self.values.get(name)
            if name == "evacuation_date":
                value = self.check(name, parse_date, value)
            else:
                value = self.check(name, clean_text, value, multiline=True)
            if value:
                restricted[name] = value
        if self.extra:
            restricted["extra"] = dict(sorted(self.extra.items()))
        return restricted

    # Shared rows: museums and vocabulary ------------------------------------------------

    def holder(self):
        code = clean_text(self.values.get("holder"))
        names = self.per_language("holder_name", self.line, 300)
        places = self.per_language("holder_place", self.line, 200)
        latitude = self.check(
            "holder_latitude", self.coordinate, self.values.get("holder_latitude"), 90
        )
        longitude = self.check(
            "holder_longitude", self.coordinate, self.values.get("holder_longitude"), 180
        )
        if not code:
            if names or places or latitude is not None or longitude is not None:
                raise BadValue(_("A museum's name, place or coordinates need its code in holder."))
            return None
        if not _SLUG.match(code):
            raise BadValue(
                _("A museum code has at most 64 letters, digits, hyphens and underscores.")
            )
        return Museum(code, names, places, latitude, longitude)

    def labels(self, name, parse):
        """Parsed entries per language; every language must give the same number."""
        per_language = self.per_language(name, parse)
        if len({len(entries) for entries in per_language.values()}) > 1:
            raise BadValue(
                _("The %(field)s columns of the languages hold different numbers of entries.")
                % {"field": name}
            )
        return per_language

    def _terms(self, per_language):
        count = max((len(labels) for labels in per_language.values()), default=0)
        terms = []
        for index in range(count):
            names = {language: labels[index] for language, labels in per_language.items()}
            label = next(names[code] for code in self.columns.languages if code in names)
            terms.append(Term(vocabulary_key(label), names))
        return terms

    def object_type(self):
        return self._terms(self.labels("object_type", parse_object_type))

    def terms(self, name):
        def parse(value):
            items = value if isinstance(value, list) else value.split(self.split)
            return [check_length(clean_text(item), 200) for item in items if item and item.strip()]

        return self._terms(self.labels(name, parse))

    # Object texts in lists ----------------------------------------------------------------

    def makers(self):
        per_language = self.labels("maker", lambda value: parse_makers(value, self.split))
        count = max((len(entries) for entries in per_language.values()), default=0)
        makers = []
        for index in range(count):
            entries = {language: items[index] for language, items in per_language.items()}
            ordered = [entries[code] for code in self.columns.languages if code in entries]
            makers.append(
                {
                    "names": {language: entry["name"] for language, entry in entries.items()},
                    "roles": {
                        language: entry["role"]
                        for language, entry in entries.items()
                        if entry["role"]
                    },
                    "dates": next((entry["dates"] for entry in ordered if entry["dates"]), ""),
                }
            )
        return makers

    def inscriptions(self):
        raw = self.values.get("inscriptions", {})
        if not raw.get(self.source):
            if any(raw.values()):
                raise BadValue(_("Translations of inscriptions need the inscriptions column too."))
            return []
        per_language = {}
        for language, value in raw.items():
            entries = parse_inscriptions(value, self.split, translations=language != self.source)
            if entries:
                per_language[language] = entries
        base = per_language.get(self.source, [])
        if any(len(entries) != len(base) for entries in per_language.values()):
            raise BadValue(
                _("The inscriptions columns of the languages hold different numbers of entries.")
            )
        result = []
        for index, entry in enumerate(base):
            item = {"kind": entry["kind"], "transcription": entry["transcription"]}
            for key, plural in (("translation", "translations"), ("position", "positions")):
                item[plural] = {
                    language: entries[index][key]
                    for language, entries in per_language.items()
                    if entries[index].get(key)
                }
            result.append(item)
        return result

    def image_list(self):
        entries = parse_image_entries(self.values.get("images"), self.split)
        if not entries:
            return []
        if self.builder.images is None:
            raise BadValue(_("The record names images, but no images folder was given (--images)."))
        columns = {}
        for name in ("images_alt", "images_caption"):
            columns[name] = self.per_language(name, parallel_texts, self.split)
            if any(len(texts) > len(entries) for texts in columns[name].values()):
                raise BadValue(_("%(field)s has more entries than images.") % {"field": name})
        allowed = {"path", "alt", "caption"}
        allowed |= {
            f"{key}_{code}" for key in ("alt", "caption") for code in self.columns.languages
        }
        images = []
        for index, entry in enumerate(entries):
            unknown = sorted(set(entry) - allowed)
            if unknown:
                raise BadValue(
                    _("An image object has unknown keys: %(keys)s.") % {"keys": ", ".join(unknown)}
                )
            image = self.builder.images.inspect(entry["path"])
            image.alts = self._image_texts(entry, "alt", columns["images_alt"], index)
            image.captions = self._image_texts(entry, "caption", columns["images_caption"], index)
            images.append(image)
        return images

    def _image_texts(self, entry, key, columns, index):
        """Texts of one image by language: the parallel columns, then the image object's keys."""
        texts = {lang: items[index] for lang, items in columns.items() if index < len(items)}
        for name, value in entry.items():
            if name == key:
                texts[self.source] = check_length(clean_text(value), 500)
            elif name.startswith(key + "_"):
                texts[name.removeprefix(key + "_")] = check_length(clean_text(value), 500)
        return {language: text for language, text in texts.items() if text}
