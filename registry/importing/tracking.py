"""Translation status of imported objects: sources, translations, and what a person made.

For every batch the writer asks a :class:`TranslationTracker` for a :class:`BatchPlan`
before it writes anything (a dry run asks too, and writes nothing):

- the fingerprint of each record's Ukrainian text, worked out from the record's own values
  exactly as ``translations.status.instance_text`` reads the saved row;
- for each translation row of the record, whether the import writes it, and which source
  text it is then made from: the new one when the file gives the language's text anew, else
  the one the row was made from before (the translation becomes outdated when the Ukrainian
  text changed);
- translation rows a person made or edited in the editor (``person_made``): never written
  or removed; only their language-neutral values follow the record;
- translation rows the file no longer gives text for: removed, unless a person made them.

:meth:`TranslationTracker.record` then writes the status rows in bulk, inside the batch's
transaction. Rules and report entries are described in docs/import-format.md ("Languages").
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.models import Locale
from wagtail_localize.fields import TranslatableField

from registry.models import RegisterObject
from translations.models import TranslatedItem
from translations.status import (
    Origin,
    person_made,
    record_sources,
    record_translations,
    text_fingerprint,
)

from .rows import CHILD_TEXTS
from .schema import OBJECT_TEXTS

#: Rows per IN (...) list, below every database's limit on query parameters.
CHUNK = 900
#: The exchange format's column for each text of an object row (see column_of).
CHILD_COLUMNS = {
    ("makers", "name"): "maker",
    ("makers", "role"): "maker",
    ("inscriptions", "translation"): "inscriptions",
    ("inscriptions", "position"): "inscriptions",
    ("images", "alt_text"): "images_alt",
    ("images", "caption"): "images_caption",
    ("images", "credit"): "credit_line",
}


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _text(value):
    return "" if value is None else str(value).strip()


def text_paths(model):
    """``(object text fields, {relation: (child model, child text fields)})`` of ``model``.

    The translatable text as ``translations.status.instance_text`` reads it: the text fields
    among the model's TranslatableFields, and for each translatable child relation the text
    fields among the child's TranslatableFields.
    """

    def texts(of):
        found = []
        for declared in getattr(of, "translatable_fields", []):
            if not isinstance(declared, TranslatableField):
                continue
            model_field = declared.get_field(of)
            if isinstance(model_field, models.CharField | models.TextField):
                found.append(declared.field_name)
            elif isinstance(model_field, models.ManyToOneRel) and isinstance(
                model_field.remote_field, ParentalKey
            ):
                found.append((declared.field_name, model_field.related_model))
        return found

    object_fields, relations = [], {}
    for item in texts(model):
        if isinstance(item, tuple):
            name, child = item
            relations[name] = (child, tuple(f for f in texts(child) if isinstance(f, str)))
        else:
            object_fields.append(item)
    return tuple(object_fields), relations


def column_of(path, language):
    """The exchange-format column a text path comes from: ``makers.0.name`` -> ``maker_en``."""
    parts = path.split(".")
    name = parts[0] if len(parts) == 1 else CHILD_COLUMNS[(parts[0], parts[2])]
    return f"{name}_{language}"


def language_name(code):
    """The language's name in the language of the run (its own name for one Django lacks)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return dict(settings.CONTENT_LANGUAGES).get(code, code)


@dataclass
class TranslationNote:
    """What happened to one translation that the report names: kept, or now outdated."""

    register_id: str  # "" for a museum's translation
    language: str
    action: str  # "kept" (a person's translation) or "outdated" (an imported one)
    columns: list = field(default_factory=list)  # columns whose text differs from a kept one
    absent: bool = False  # the file gives no text in the language (kept translations)
    outdated: bool = False  # made from a Ukrainian text other than the current one
    message: str = ""
    museum: str = ""  # the code of the museum whose translation this is


@dataclass
class BatchPlan:
    """What a batch does to translations; counts and notes go to the report once written."""

    fingerprints: dict = field(default_factory=dict)  # translation key -> source fingerprint
    made: list = field(default_factory=list)  # (key, locale_id, made_from) to record
    kept: dict = field(default_factory=dict)  # register_id -> {language: (pk, locale_id)}
    removed: list = field(default_factory=list)  # pks of translation rows to delete
    forget: list = field(default_factory=list)  # (key, locale_id) of the removed rows
    created: int = 0
    updated: int = 0
    outdated: int = 0
    notes: list = field(default_factory=list)  # TranslationNote

    def kept_languages(self, register_id):
        return self.kept.get(register_id, {})


class TranslationTracker:
    def __init__(self, locales, rows):
        self.locales = locales  # language code -> Locale, source first
        self.source_code = next(iter(locales))
        self.rows = rows  # RowValues
        self.object_fields, relations = text_paths(RegisterObject)
        self.relations = {name: child for name, (child, _fields) in relations.items()}
        expected = {name: fields for name, (_child, fields) in relations.items()}
        if set(self.object_fields) - set(OBJECT_TEXTS) or expected != CHILD_TEXTS:
            raise ImproperlyConfigured(
                "The importer's texts (schema.OBJECT_TEXTS, rows.CHILD_TEXTS) must cover the "
                "translatable text of RegisterObject."
            )
        self.text_index = [OBJECT_TEXTS.index(name) for name in self.object_fields]
        self._content_type = None
        self._codes = {locale.pk: code for code, locale in locales.items() if locale.pk}

    @property
    def content_type(self):
        if self._content_type is None:
            self._content_type = ContentType.objects.get_for_model(RegisterObject)
        return self._content_type

    # Texts of a record ---------------------------------------------------------------------

    def pairs(self, record, language, child_texts=None):
        """``[(path, text)]`` of the row the record gives in ``language``, as instance_text."""
        values = record.texts[language]
        pairs = []
        for name, index in zip(self.object_fields, self.text_index, strict=True):
            text = values[index].strip()
            if text:
                pairs.append((name, text))
        child_texts = child_texts or self.rows.child_texts(record, language)
        for relation, names in CHILD_TEXTS.items():
            for index, texts in enumerate(child_texts[relation]):
                for name, value in zip(names, texts, strict=True):
                    text = value.strip()
                    if text:
                        pairs.append((f"{relation}.{index}.{name}", text))
        return pairs

    def own_texts(self, record, language):
        """``{path: text}`` of the texts the file gives in ``language`` itself.

        Texts of the row that fall back to the source (or to the object's title, for alt
        texts) are left out: they are not the language's own.
        """
        values = record.texts[language]
        own = {}
        for name, index in zip(self.object_fields, self.text_index, strict=True):
            if record.text.get(name, {}).get(language):
                own[name] = values[index].strip()
        texts = self.rows.child_texts(record, language)
        for index, maker in enumerate(record.makers):
            name, role = texts["makers"][index]
            if maker["names"].get(language):
                own[f"makers.{index}.name"] = name.strip()
            if maker["roles"].get(language):
                own[f"makers.{index}.role"] = role.strip()
        for index, item in enumerate(record.inscriptions):
            translation, position = texts["inscriptions"][index]
            if item["translations"].get(language):
                own[f"inscriptions.{index}.translation"] = translation.strip()
            if item["positions"].get(language):
                own[f"inscriptions.{index}.position"] = position.strip()
        own_title = record.text.get("title", {}).get(language)
        own_credit = record.text.get("credit_line", {}).get(language)
        for index, image in enumerate(record.images):
            alt, caption, credit = texts["images"][index]
            if image.alts.get(language) or own_title:
                own[f"images.{index}.alt_text"] = alt.strip()
            if image.captions.get(language):
                own[f"images.{index}.caption"] = caption.strip()
            if own_credit:
                own[f"images.{index}.credit"] = credit.strip()
        return own

    # Texts in the database -----------------------------------------------------------------

    def stored_texts(self, pks):
        """``{pk: {path: text}}`` of object rows as stored, read the way instance_text reads."""
        texts = {pk: {} for pk in pks}
        for part in _chunks(pks):
            query = RegisterObject.objects.filter(pk__in=part)
            for pk, *values in query.values_list("pk", *self.object_fields):
                row = texts[pk]
                for name, value in zip(self.object_fields, values, strict=True):
                    if text := _text(value):
                        row[name] = text
            for relation, child in self.relations.items():
                names = CHILD_TEXTS[relation]
                query = child.objects.filter(register_object_id__in=part).values_list(
                    "register_object_id", "sort_order", "pk", *names
                )
                ordered = sorted(
                    query,
                    key=lambda row: (row[0], row[1] is None, row[1] or 0, row[2]),
                )
                index, previous = 0, None
                for owner, _sort_order, _pk, *values in ordered:
                    index = index + 1 if owner == previous else 0
                    previous = owner
                    for name, value in zip(names, values, strict=True):
                        if text := _text(value):
                            texts[owner][f"{relation}.{index}.{name}"] = text
        return texts

    def _made_from(self, keys):
        """``{(key, locale_id): made_from}`` of the recorded translations of ``keys``."""
        found = {}
        for part in _chunks(keys):
            query = TranslatedItem.objects.filter(
                content_type=self.content_type, translation_key__in=part
            ).values_list("translation_key", "locale_id", "made_from")
            found.update(((key, locale_id), made_from) for key, locale_id, made_from in query)
        return found

    def _code_of(self, language):
        """The language code of an ``existing`` language (a locale id if not a content one)."""
        if isinstance(language, str):
            return language
        if language not in self._codes:
            locale = Locale.objects.filter(pk=language).values_list("language_code", flat=True)
            self._codes[language] = locale.first() or str(language)
        return self._codes[language]

    def _locale_id(self, language):
        if isinstance(language, str):
            return self.locales[language].pk
        return language

    # Planning ------------------------------------------------------------------------------

    def plan(self, records, existing, keys):
        """The :class:`BatchPlan` of ``records``; ``keys``: register ID -> translation key.

        Reads only: the stored texts, status rows and person-made translations of the
        records that already have translation rows (a few queries for the whole batch).
        """
        plan = BatchPlan()
        source = self.source_code
        known = [
            record
            for record in records
            if any(language != source for language in existing.get(record.register_id, {}))
        ]
        stored, person, made_from = {}, set(), {}
        if known:
            pks = [row[0] for record in known for row in existing[record.register_id].values()]
            stored = self.stored_texts(pks)
            known_keys = [keys[record.register_id] for record in known]
            person = person_made(RegisterObject, known_keys)
            made_from = self._made_from(known_keys)
        for record in records:
            key = keys[record.register_id]
            fingerprint = text_fingerprint(self.pairs(record, source))
            plan.fingerprints[key] = fingerprint
            have = existing.get(record.register_id, {})
            if not any(language != source for language in have):
                for language in record.languages:
                    plan.made.append((key, self.locales[language].pk, fingerprint))
                plan.created += len(record.languages)
                continue
            before = stored.get(have[source][0]) if source in have else None
            old = text_fingerprint(before.items()) if before is not None else fingerprint
            context = (record, key, fingerprint, old, person, made_from)
            for language in record.languages:
                row = have.get(language)
                locale_id = self.locales[language].pk
                if row is None:
                    plan.made.append((key, locale_id, fingerprint))
                    plan.created += 1
                elif (key, locale_id) in person:
                    self._keep(plan, context, language, row, stored[row[0]])
                else:
                    self._rewrite(plan, context, language, stored[row[0]])
            for language, row in have.items():
                if language == source or language in record.languages:
                    continue
                if (key, self._locale_id(language)) in person:
                    self._keep(plan, context, language, row, None)
                else:
                    plan.removed.append(row[0])
                    plan.forget.append((key, self._locale_id(language)))
        return plan

    def _rewrite(self, plan, context, language, stored):
        """An imported translation row the record gives again."""
        record, key, fingerprint, old, _person, made_from = context
        locale_id = self._locale_id(language)
        own = self.own_texts(record, language)
        if any(stored.get(path, "") != text for path, text in own.items()):
            # The file gives the language's text anew: made from the current source text.
            plan.made.append((key, locale_id, fingerprint))
            plan.updated += 1
            return
        # The same text as before: still made from the source text it was made from.
        recorded = made_from.get((key, locale_id))
        if recorded is None:
            recorded = old
            plan.made.append((key, locale_id, old))
        if old != fingerprint and recorded != fingerprint:
            plan.outdated += 1
            name = language_name(language)
            message = _(
                "%(register_id)s: the %(language)s translation is now outdated: the Ukrainian "
                "text changed and the file gives the same %(language)s text as before."
            ) % {"register_id": record.register_id, "language": name}
            plan.notes.append(
                TranslationNote(
                    record.register_id, language, "outdated", outdated=True, message=message
                )
            )

    def _keep(self, plan, context, language, row, stored):
        """A translation a person made: kept as it is; the report says what differs."""
        record, key, fingerprint, _old, _person, made_from = context
        locale_id = self._locale_id(language)
        code = self._code_of(language)
        plan.kept.setdefault(record.register_id, {})[language] = (row[0], locale_id)
        columns = []
        if stored is not None:
            own = self.own_texts(record, language)
            columns = sorted(
                {
                    column_of(path, code)
                    for path, text in own.items()
                    if stored.get(path, "") != text
                }
            )
        outdated = made_from.get((key, locale_id)) != fingerprint
        values = {
            "register_id": record.register_id,
            "language": language_name(code),
            "columns": ", ".join(columns),
        }
        if stored is None:
            message = _(
                "%(register_id)s: kept the %(language)s translation made in the editor; the "
                "file has no %(language)s text for this object."
            )
        elif columns:
            message = _(
                "%(register_id)s: kept the %(language)s translation made in the editor; the "
                "file gives other text in %(columns)s."
            )
        else:
            message = _("%(register_id)s: kept the %(language)s translation made in the editor.")
        message = message % values
        if outdated:
            message += " " + _("It is outdated: the Ukrainian text has changed since.")
        plan.notes.append(
            TranslationNote(
                record.register_id,
                code,
                "kept",
                columns=columns,
                absent=stored is None,
                outdated=outdated,
                message=message,
            )
        )

    # Writing -------------------------------------------------------------------------------

    def record(self, plan):
        """Write the status rows of a written batch (inside its transaction)."""
        if plan.fingerprints:
            record_sources(RegisterObject, plan.fingerprints)
        if plan.made:
            record_translations(RegisterObject, plan.made, Origin.IMPORT)
        if plan.forget:
            by_locale = {}
            for key, locale_id in plan.forget:
                by_locale.setdefault(locale_id, []).append(key)
            for locale_id, keys in by_locale.items():
                for part in _chunks(keys):
                    TranslatedItem.objects.filter(
                        content_type=self.content_type,
                        translation_key__in=part,
                        locale_id=locale_id,
                    ).delete()
