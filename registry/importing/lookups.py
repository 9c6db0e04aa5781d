"""Cached lookups of the shared rows records point to: vocabulary terms and museums.

Object rows in every language point to the source-language (Ukrainian) term or museum; the
name in another language is that row's translation (same translation_key, same key or code).
Each batch loads what it has not seen yet in one query per model, and creates what is
missing in bulk. Nothing is written in a dry run.

Translation statuses (translations.status) are recorded for what is written: the text of
new and changed source rows, and the translations the file gives. A term's translation is
only ever created; a museum's name or place that a person made or edited in the editor is
never overwritten (its coordinates follow the file), and the report says so.
"""

import uuid

from django.utils.translation import gettext as _

from registry.models import HoldingMuseum, ObjectType
from translations.status import (
    Origin,
    instance_text,
    person_made,
    record_sources,
    record_translations,
    text_fingerprint,
)

from .errors import BadValue

#: Namespace of the importer's deterministic translation keys: a crashed run followed by
#: a second run gives rows the same keys as one clean run.
KEY_NAMESPACE = uuid.UUID("6f1d3c1e-3a52-4a8e-9c55-6b0c2f1f4e21")


def stable_key(*parts):
    return uuid.uuid5(KEY_NAMESPACE, ":".join(str(part) for part in parts))


def first_given(values, order):
    return next((values[code] for code in order if values.get(code)), "")


def fingerprint_of(model, **values):
    """The fingerprint of the text of a ``model`` row (without children) with ``values``."""
    return text_fingerprint(instance_text(model(**values)))


class TermCache:
    """Vocabulary terms of one model (ObjectType, Material or Technique) by key."""

    def __init__(self, model, locales, *, dry_run):
        self.model = model
        self.locales = locales  # language code -> Locale, source first
        self.source = next(iter(locales.values()))
        self.dry_run = dry_run
        self.hierarchical = model is ObjectType
        self.ids = {}  # key -> pk of the source row
        self.names = {}  # key -> name of the source row (for the fingerprint of its text)
        self.parents = {}  # key -> key of the broader type (object types only)
        self.translated = set()  # (key, language) that have a translation row
        self.pending = {}  # key -> (name, parent key): source rows to create
        self.pending_translations = {}  # (key, language) -> name
        self.created = 0
        self._placeholders = 0

    def load(self, keys):
        keys = [key for key in set(keys) if key not in self.ids and key not in self.pending]
        if not keys or self.source.pk is None:
            return
        fields = (
            ["key", "pk", "name", "parent__key"] if self.hierarchical else ["key", "pk", "name"]
        )
        for values in self.model.objects.filter(key__in=keys, locale=self.source).values_list(
            *fields
        ):
            self.ids[values[0]] = values[1]
            self.names[values[0]] = values[2]
            if self.hierarchical:
                self.parents[values[0]] = values[3]
        translations = self.model.objects.filter(key__in=keys).exclude(locale=self.source)
        self.translated.update(translations.values_list("key", "locale__language_code"))

    def plan(self, term, parent=None, *, broad=False):
        """Make sure ``term`` will exist; for object types, under ``parent`` (a Term)."""
        known = term.key in self.ids or term.key in self.pending
        if known and self.hierarchical and (parent is not None or broad):
            current = self.parents.get(term.key)
            wanted = parent.key if parent is not None else None
            if current != wanted:
                raise BadValue(self._conflict(term.key, current, wanted))
        if not known:
            name = first_given(term.names, self.locales)
            self.pending[term.key] = (name, parent.key if parent is not None else None)
            if self.hierarchical:
                self.parents[term.key] = parent.key if parent is not None else None
        for language, name in term.names.items():
            if (
                language != self.source.language_code
                and (term.key, language) not in self.translated
            ):
                self.pending_translations.setdefault((term.key, language), name)

    def _conflict(self, key, current, wanted):
        values = {"type": key, "current": current, "wanted": wanted}
        if current is None:
            message = _(
                "The object type «%(type)s» exists without a broader type, so it cannot be "
                "filed under «%(wanted)s»."
            )
        elif wanted is None:
            message = _(
                "The object type «%(type)s» is filed under «%(current)s», so it cannot be a "
                "broad type."
            )
        else:
            message = _(
                "The object type «%(type)s» is already filed under «%(current)s», not under "
                "«%(wanted)s»."
            )
        return message % values

    def id_of(self, key):
        return self.ids[key]

    def _row(self, key, name, language):
        row = self.model(
            key=key,
            name=name,
            locale=self.locales[language],
            translation_key=stable_key(self.model._meta.label_lower, key),
        )
        if self.hierarchical and self.parents.get(key):
            row.parent_id = self.ids[self.parents[key]]
        return row

    def apply(self):
        """Create the planned terms; return the new rows for the search index."""
        written = []
        source = self.source.language_code
        # Broad object types first, so that narrow ones can point to them.
        for with_parent in (False, True):
            keys = [
                key for key, (_n, parent) in self.pending.items() if bool(parent) == with_parent
            ]
            if self.dry_run:
                for key in keys:
                    self._placeholders -= 1
                    self.ids[key] = self._placeholders
                continue
            rows = [self._row(key, self.pending[key][0], source) for key in keys]
            self.model.objects.bulk_create(rows)
            self.ids.update((row.key, row.pk) for row in rows)
            self.names.update((row.key, row.name) for row in rows)
            if rows:
                record_sources(
                    self.model,
                    {row.translation_key: text_fingerprint(instance_text(row)) for row in rows},
                )
            written += rows
        self.created += len(self.pending)
        self.pending = {}
        self.translated.update(self.pending_translations)
        if not self.dry_run:
            rows = [
                self._row(key, name, language)
                for (key, language), name in self.pending_translations.items()
            ]
            self.model.objects.bulk_create(rows)
            record_translations(
                self.model,
                [
                    (
                        row.translation_key,
                        row.locale_id,
                        fingerprint_of(self.model, name=self.names.get(row.key, "")),
                    )
                    for row in rows
                ],
                Origin.IMPORT,
            )
            written += rows
        self.pending_translations = {}
        return written


class MuseumCache:
    """Holding museums by code; a record's name, place and coordinates update the museum."""

    FIELDS = ("name", "place", "latitude", "longitude")

    def __init__(self, locales, *, dry_run, report=None):
        self.locales = locales
        self.source = next(iter(locales))
        self.dry_run = dry_run
        self.report = report
        self.rows = {}  # (code, language) -> dict of pk, key and FIELDS
        self.stored = {}  # (code, language) -> (name, place) in the database
        self.known = set()  # codes looked up in the database
        self.changed = set()  # (code, language) to write
        self.own = set()  # (code, language) of translations with a name or place in the file
        self.person = set()  # (code, language) of translations a person made: text kept
        self.noted = set()  # (code, language) of kept translations the report names
        self.created = 0
        self._placeholders = 0

    def load(self, codes):
        codes = [code for code in set(codes) if code not in self.known]
        if not codes:
            return
        self.known.update(codes)
        rows = HoldingMuseum.objects.filter(code__in=codes).values(
            "pk", "code", "locale__language_code", "translation_key", *self.FIELDS
        )
        for row in rows:
            key = (row.pop("code"), row.pop("locale__language_code"))
            row["key"] = row.pop("translation_key")
            self.rows[key] = row
            self.stored[key] = (row["name"], row["place"])

    def _update(self, key, wanted):
        row = self.rows.get(key)
        if row is None:
            row = {
                "pk": None,
                "key": None,
                "name": "",
                "place": "",
                "latitude": None,
                "longitude": None,
            }
            self.rows[key] = row
            self.changed.add(key)
        if any(row[name] != value for name, value in wanted.items()):
            row.update(wanted)
            self.changed.add(key)
        return row

    def plan(self, museum):
        code = museum.code
        wanted = {}
        # A new museum falls back to the first language given; an existing one changes
        # only with a value in the source language.
        new = (code, self.source) not in self.rows
        for name, values in (("name", museum.names), ("place", museum.places)):
            value = first_given(values, self.locales) if new else values.get(self.source)
            if value:
                wanted[name] = value
        for name in ("latitude", "longitude"):
            if getattr(museum, name) is not None:
                wanted[name] = getattr(museum, name)
        source = self._update((code, self.source), wanted)
        if not source["name"]:
            source["name"] = code
        neutral = {"latitude": source["latitude"], "longitude": source["longitude"]}
        for language in self.locales:
            if language == self.source:
                continue
            key = (code, language)
            existing = self.rows.get(key)
            if existing is None and not (museum.names.get(language) or museum.places.get(language)):
                continue
            if museum.names.get(language) or museum.places.get(language):
                self.own.add(key)
            fallback = existing or source
            name = museum.names.get(language) or fallback["name"]
            place = museum.places.get(language) or fallback["place"]
            if key in self.person:
                self._note(key, name, place)
                name, place = existing["name"], existing["place"]
            self._update(key, {"name": name, "place": place, **neutral})

    def id_of(self, code):
        return self.rows[(code, self.source)]["pk"]

    def apply(self):
        """Write created and changed museums; return their pks for the search index."""
        written = []
        changed = sorted(self.changed, key=lambda key: key[1] != self.source)
        kept = self._kept(changed)
        sources, translations = {}, []
        for code, language in changed:
            row = self.rows[(code, language)]
            values = {name: row[name] for name in self.FIELDS}
            if (code, language) in kept:
                values = {name: row[name] for name in ("latitude", "longitude")}
            if row["pk"] is None:
                self.created += language == self.source
                if self.dry_run:
                    self._placeholders -= 1
                    row["pk"] = self._placeholders
                    continue
                museum = HoldingMuseum(
                    code=code,
                    locale=self.locales[language],
                    translation_key=stable_key("registry.holdingmuseum", code),
                    **values,
                )
                HoldingMuseum.objects.bulk_create([museum])
                row["pk"], row["key"] = museum.pk, museum.translation_key
                written.append(museum.pk)
            elif not self.dry_run:
                HoldingMuseum.objects.filter(pk=row["pk"]).update(**values)
                written.append(row["pk"])
            if self.dry_run:
                continue
            if language == self.source:
                sources[row["key"]] = self._fingerprint(code)
            elif (code, language) not in kept and (
                (code, language) in self.own or (code, language) not in self.stored
            ):
                # A translation the file gives (again): made from the current source text.
                locale_id = self.locales[language].pk
                translations.append((row["key"], locale_id, self._fingerprint(code)))
        if sources:
            record_sources(HoldingMuseum, sources)
        if translations:
            record_translations(HoldingMuseum, translations, Origin.IMPORT)
        self.changed = set()
        return written

    def _fingerprint(self, code):
        source = self.rows[(code, self.source)]
        return fingerprint_of(HoldingMuseum, name=source["name"], place=source["place"])

    def _kept(self, changed):
        """Museum translations made in the editor among ``changed``: their text is kept.

        Found once per museum and language (one query per batch that changes museums); from
        then on plan() leaves their name and place alone.
        """
        existing = [
            key
            for key in changed
            if key[1] != self.source and self.rows[key]["pk"] is not None and key in self.stored
        ]
        unknown = [key for key in existing if key not in self.person]
        if unknown:
            made = person_made(HoldingMuseum, {self.rows[key]["key"] for key in unknown})
            for code, language in unknown:
                row = self.rows[(code, language)]
                if (row["key"], self.locales[language].pk) in made:
                    self.person.add((code, language))
                    self._note((code, language), row["name"], row["place"])
                    row["name"], row["place"] = self.stored[(code, language)]
        for key in existing:
            if key not in self.person:
                self.stored[key] = (self.rows[key]["name"], self.rows[key]["place"])
        return {key for key in existing if key in self.person}

    def _note(self, key, name, place):
        """Report, once per run, a kept translation whose name or place the file changes."""
        stored = self.stored[key]
        columns = [
            f"{column}_{key[1]}"
            for column, wanted, kept in (
                ("holder_name", name, stored[0]),
                ("holder_place", place, stored[1]),
            )
            if wanted != kept
        ]
        if columns and key not in self.noted and self.report is not None:
            self.noted.add(key)
            self.report.keep_museum_translation(key[0], key[1], columns)
