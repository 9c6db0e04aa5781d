"""Whether each translation is up to date with its Ukrainian source.

Every source item (a page, or a register row in the source locale) has a :class:`SourceText`:
the fingerprint of its translatable text. Every translation has a :class:`TranslatedItem`:
the fingerprint of the source text it was made from, whether every string was translated,
and who made it. Comparing the two gives the status of an item in a language:

- MISSING: no instance in that language (an untranslated page alias counts as none);
- OUTDATED: made from another source text, or some strings are not translated yet;
- UP_TO_DATE: otherwise, also for translations that predate this bookkeeping.

Signals (:mod:`translations.signals`) keep the rows current when editors publish and
translate; the importer calls the bulk functions; :func:`refresh` rebuilds everything.
"""

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from itertools import islice

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from translations.models import Origin, SourceText, TranslatedItem

__all__ = [
    "Origin",
    "Status",
    "content_languages",
    "instance_text",
    "person_made",
    "record_source",
    "record_sources",
    "record_translation",
    "record_translations",
    "refresh",
    "status_of",
    "statuses",
    "text_fingerprint",
    "tracked_models",
]

#: Attribute naming the child objects whose text :func:`instance_text` read last.
SEEN_CHILDREN = "_translation_status_children"

#: Keys per query: well below SQLite's limit on query parameters.
BATCH = 500


class Status(models.TextChoices):
    UP_TO_DATE = "up_to_date", _("Up to date")
    OUTDATED = "outdated", _("Outdated")
    MISSING = "missing", _("Missing")


# --- What is tracked ------------------------------------------------------------------------


def content_languages():
    """Language codes of every content language but the source, in settings order."""
    return [
        code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE
    ]


@cache
def tracked_models():
    """Register models whose translations are tracked, in a stable order.

    Translatable models that wagtail-localize translates as a whole: not pages (tracked as
    ``Page``), not children of another item (makers, photographs, …), not subclasses.
    """
    found = []
    for model in apps.get_models():
        if (
            issubclass(model, TranslatableMixin)
            and not issubclass(model, Page)
            and model.get_translation_model() is model
            and hasattr(model, "translatable_fields")
            and not any(isinstance(field, ParentalKey) for field in model._meta.fields)
        ):
            found.append(model)
    return tuple(sorted(found, key=lambda model: model._meta.label))


def translation_model(model):
    """The model whose content type stands for ``model``'s items: ``Page`` for every page."""
    if issubclass(model, Page):
        return Page
    return model.get_translation_model()


def is_tracked(model):
    model = translation_model(model)
    return model is Page or model in _tracked_set()


@cache
def _tracked_set():
    return frozenset(tracked_models())


def child_models(model):
    """Child models whose text counts as ``model``'s (makers, inscriptions, photographs)."""
    return [
        field.related_model
        for _name, field in _translatable_fields(model)
        if isinstance(field, models.ManyToOneRel)
    ]


def parent_field(child_model):
    """The ``ParentalKey`` of a child model."""
    return next(field for field in child_model._meta.fields if isinstance(field, ParentalKey))


def content_type_for(model):
    return ContentType.objects.get_for_model(translation_model(model))


# --- Fingerprints ---------------------------------------------------------------------------


def instance_text(instance):
    """``[(path, text), …]``: the translatable text of ``instance``, empty texts dropped."""
    if isinstance(instance, Page):
        return _page_text(instance)
    pairs = []
    model = type(instance)
    seen = set()
    for name, field in _translatable_fields(model):
        if isinstance(field, models.ManyToOneRel):
            children = _ordered(getattr(instance, name).all())
            seen.update(id(child) for child in children)
            for index, child in enumerate(children):
                for child_name, _child_field in _translatable_fields(type(child)):
                    text = _text(getattr(child, child_name))
                    if text:
                        pairs.append((f"{name}.{index}.{child_name}", text))
        else:
            text = _text(getattr(instance, name))
            if text:
                pairs.append((name, text))
    # The child objects read: saved next (by the admin form), they change nothing.
    setattr(instance, SEEN_CHILDREN, seen)
    return pairs


def text_fingerprint(pairs):
    """SHA-1 (hex) of the sorted ``(path, text)`` pairs, joined unambiguously (as JSON)."""
    payload = json.dumps(sorted([str(path), str(text)] for path, text in pairs))
    return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()


def fingerprint_of(instance):
    return text_fingerprint(instance_text(instance))


def _page_text(page):
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    try:
        segments = extract_segments(page)
    except TypeError:
        # A block saved without one of its texts (None, not "") stops wagtail-localize; such a
        # page cannot be submitted for translation, but its text still has a fingerprint.
        segments = _page_segments_reading_none_as_empty(page)
    return [
        (segment.path, segment.string.data)
        for segment in segments
        if isinstance(segment, StringSegmentValue) and segment.string.data.strip()
    ]


def _page_segments_reading_none_as_empty(page):
    """The string segments :func:`extract_segments` would give, a ``None`` text read as empty."""
    from wagtail import blocks
    from wagtail.fields import RichTextField, StreamField
    from wagtail_localize.fields import get_translatable_fields
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
    from wagtail_localize.strings import extract_strings

    text_blocks = (blocks.CharBlock, blocks.TextBlock, blocks.BlockQuoteBlock)

    class Extractor(StreamFieldSegmentExtractor):
        def handle_block(self, block_type, block_value, raw_value=None):
            if block_value is None and isinstance(block_type, text_blocks):
                return []
            return super().handle_block(block_type, block_value, raw_value=raw_value)

    segments = []
    for translatable_field in get_translatable_fields(type(page)):
        if not translatable_field.is_translated(page):
            continue
        field = translatable_field.get_field(type(page))
        value = field.value_from_object(page)
        if isinstance(field, StreamField):
            found = Extractor(field).handle_stream_block(value)
            segments.extend(segment.wrap(field.name) for segment in found)
        elif isinstance(field, RichTextField):
            _template, strings = extract_strings(value or "")
            segments.extend(
                StringSegmentValue("", string, attrs=attrs).wrap(field.name)
                for string, attrs in strings
            )
        elif (
            isinstance(field, models.TextField | models.CharField)
            and not field.choices
            and value is not None
        ):
            segments.append(StringSegmentValue(field.name, value))
    return segments


_FIELDS_CACHE = {}


def _translatable_fields(model):
    """``[(name, field)]``: text fields, and child relations at the top level."""
    if model not in _FIELDS_CACHE:
        fields = []
        for declared in getattr(model, "translatable_fields", []):
            if not isinstance(declared, TranslatableField):
                continue
            field = declared.get_field(model)
            if isinstance(field, models.CharField | models.TextField) or (
                isinstance(field, models.ManyToOneRel)
                and isinstance(field.remote_field, ParentalKey)
            ):
                fields.append((declared.field_name, field))
        _FIELDS_CACHE[model] = fields
    return _FIELDS_CACHE[model]


def _ordered(children):
    def key(child):
        sort_order = getattr(child, "sort_order", None)
        return (sort_order is None, sort_order or 0, child.pk is None, child.pk or 0)

    return sorted(children, key=key)


def _text(value):
    if value is None:
        return ""
    return str(value).strip()


# --- Recording ------------------------------------------------------------------------------


def record_source(instance, at=None):
    """Remember the current text of a source item. True if it changed (or is new)."""
    changed = record_sources(
        type(instance), {instance.translation_key: fingerprint_of(instance)}, at=at
    )
    return bool(changed)


def record_sources(model, fingerprints, at=None):
    """Remember the text of many source items of ``model``: ``{translation_key: fingerprint}``.

    Returns the keys whose fingerprint changed; keys seen for the first time count as changed.
    Two queries per 500 keys.
    """
    content_type = content_type_for(model)
    at = at or timezone.now()
    changed = set()
    for batch in _batches(fingerprints.items()):
        wanted = dict(batch)
        known = dict(
            SourceText.objects.filter(
                content_type=content_type, translation_key__in=list(wanted)
            ).values_list("translation_key", "fingerprint")
        )
        rows = [
            SourceText(
                content_type=content_type,
                translation_key=key,
                fingerprint=fingerprint,
                changed_at=at,
            )
            for key, fingerprint in wanted.items()
            if known.get(key) != fingerprint
        ]
        if rows:
            SourceText.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["content_type", "translation_key"],
                update_fields=["fingerprint", "changed_at"],
            )
        changed.update(row.translation_key for row in rows)
    return changed


def record_translation(instance, origin, made_from=None, complete=True, user=None, at=None):
    """Remember that ``instance`` (a translation) was made from ``made_from``, by ``origin``.

    ``made_from`` defaults to the source's current text: the translation is up to date.
    """
    model = translation_model(type(instance))
    if made_from is None:
        made_from = current_fingerprint(model, instance.translation_key)
    save_translated_item(
        content_type_for(model),
        instance.translation_key,
        instance.locale_id,
        origin=origin,
        made_from=made_from,
        complete=complete,
        user=user,
        at=at,
    )


def save_translated_item(content_type, key, locale_id, *, origin, made_from, complete, user, at):
    TranslatedItem.objects.update_or_create(
        content_type=content_type,
        translation_key=key,
        locale_id=locale_id,
        defaults={
            "made_from": made_from,
            "complete": complete,
            "origin": Origin(origin),
            "translated_at": at or timezone.now(),
            "translated_by": user if user is not None and user.pk else None,
        },
    )


def credit_translator(instance, user):
    """Name ``user`` as the person who made ``instance``, a translation just saved by hand."""
    TranslatedItem.objects.filter(
        content_type=content_type_for(type(instance)),
        translation_key=instance.translation_key,
        locale_id=instance.locale_id,
        origin=Origin.PERSON,
    ).update(translated_by=user)


def current_fingerprint(model, key):
    """The recorded fingerprint of a source item, recorded now if it was not yet ("" if gone)."""
    model = translation_model(model)
    content_type = content_type_for(model)
    fingerprint = (
        SourceText.objects.filter(content_type=content_type, translation_key=key)
        .values_list("fingerprint", flat=True)
        .first()
    )
    if fingerprint is not None:
        return fingerprint
    source = _sources(model).filter(translation_key=key).first()
    if source is None:
        return ""
    if isinstance(source, Page):
        source = source.specific
    fingerprint = fingerprint_of(source)
    record_sources(model, {key: fingerprint})
    return fingerprint


def record_translations(model, rows, origin, at=None):
    """Remember many translations of ``model``: ``(translation_key, locale_id, made_from)``.

    Every one is complete. One query per 500 rows.
    """
    content_type = content_type_for(model)
    at = at or timezone.now()
    origin = Origin(origin)
    for batch in _batches(rows):
        items = {
            (key, locale_id): TranslatedItem(
                content_type=content_type,
                translation_key=key,
                locale_id=locale_id,
                made_from=made_from,
                complete=True,
                origin=origin,
                translated_at=at,
                translated_by=None,
            )
            for key, locale_id, made_from in batch
        }
        TranslatedItem.objects.bulk_create(
            list(items.values()),
            update_conflicts=True,
            unique_fields=["content_type", "translation_key", "locale"],
            update_fields=["made_from", "complete", "origin", "translated_at", "translated_by"],
        )


def person_made(model, keys):
    """``{(translation_key, locale_id)}`` of translations made in the editor, not imported."""
    content_type = content_type_for(model)
    found = set()
    for batch in _batches(keys):
        found.update(
            TranslatedItem.objects.filter(
                content_type=content_type,
                translation_key__in=batch,
                origin__in=[Origin.PERSON, Origin.MACHINE],
            ).values_list("translation_key", "locale_id")
        )
    return found


def forget(instance):
    """Drop the rows of a deleted item (a source takes its translations' rows along)."""
    model = translation_model(type(instance))
    content_type = content_type_for(model)
    rows = TranslatedItem.objects.filter(
        content_type=content_type, translation_key=instance.translation_key
    )
    if _is_source(instance):
        SourceText.objects.filter(
            content_type=content_type, translation_key=instance.translation_key
        ).delete()
    else:
        rows = rows.filter(locale_id=instance.locale_id)
    rows.delete()


# --- Reading --------------------------------------------------------------------------------


def statuses(model, keys, languages=None):
    """``{(translation_key, language_code): Status}`` for every key and content language.

    Four queries per 500 keys, whatever the number of languages.
    """
    model = translation_model(model)
    languages = list(languages) if languages is not None else content_languages()
    locales = dict(
        Locale.objects.filter(language_code__in=languages).values_list("pk", "language_code")
    )
    content_type = content_type_for(model)
    result = {}
    for batch in _batches(dict.fromkeys(keys)):
        existing = set(
            _instances(model)
            .filter(translation_key__in=batch, locale_id__in=list(locales))
            .values_list("translation_key", "locale_id")
        )
        fingerprints = dict(
            SourceText.objects.filter(
                content_type=content_type, translation_key__in=batch
            ).values_list("translation_key", "fingerprint")
        )
        made = {
            (key, locale_id): (made_from, complete)
            for key, locale_id, made_from, complete in TranslatedItem.objects.filter(
                content_type=content_type,
                translation_key__in=batch,
                locale_id__in=list(locales),
            ).values_list("translation_key", "locale_id", "made_from", "complete")
        }
        by_code = {code: locale_id for locale_id, code in locales.items()}
        for key in batch:
            for code in languages:
                locale_id = by_code.get(code)
                if (key, locale_id) not in existing:
                    result[(key, code)] = Status.MISSING
                    continue
                made_from, complete = made.get((key, locale_id), (None, True))
                outdated = not complete or (
                    made_from is not None and key in fingerprints and made_from != fingerprints[key]
                )
                result[(key, code)] = Status.OUTDATED if outdated else Status.UP_TO_DATE
    return result


def status_of(instance, languages=None):
    """``{language_code: Status}`` of one item, from its source or any of its translations."""
    found = statuses(type(instance), [instance.translation_key], languages)
    return {code: status for (_key, code), status in found.items()}


def status_filter(language_code, status, models=None):
    """A ``Q`` for :class:`SourceText` rows whose item has ``status`` in ``language_code``.

    Done in SQL (one EXISTS per model, of ``models`` or every tracked one) so that lists can
    filter and paginate; rows of other models never match.
    """
    from django.db.models import Q

    locale_id = (
        Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
    )
    models = [Page, *tracked_models()] if models is None else models
    types = [content_type_for(model).pk for model in models]
    if locale_id is None:
        return Q(content_type_id__in=types) if status == Status.MISSING else Q(pk__in=[])
    exists = Q(pk__in=[])
    for model in dict.fromkeys(translation_model(model) for model in models):
        exists |= Q(
            Exists(
                _instances(model).filter(
                    translation_key=OuterRef("translation_key"), locale_id=locale_id
                )
            ),
            content_type_id=content_type_for(model).pk,
        )
    outdated = Exists(
        TranslatedItem.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            translation_key=OuterRef("translation_key"),
            locale_id=locale_id,
        ).filter(Q(complete=False) | ~Q(made_from=OuterRef("fingerprint")))
    )
    if status == Status.MISSING:
        return Q(content_type_id__in=types) & ~exists
    if status == Status.OUTDATED:
        return exists & Q(outdated)
    return exists & ~Q(outdated)


def label_field(model):
    """The field that names an item in lists: a page's or object's title, a term's name."""
    model = translation_model(model)
    for name in ("title", "name"):
        if any(field.name == name for field in model._meta.fields):
            return name
    return "pk"


def _instances(model):
    """Rows that count as a translation: for pages, not untranslated aliases."""
    manager = model._base_manager if model is not Page else Page.objects
    queryset = manager.all()
    if model is Page:
        queryset = queryset.filter(alias_of__isnull=True, depth__gt=1)
    return queryset


def _sources(model):
    return _instances(model).filter(locale__language_code=settings.LANGUAGE_CODE)


def _is_source(instance):
    locale = Locale.objects.filter(pk=instance.locale_id).values_list("language_code", flat=True)
    return locale.first() == settings.LANGUAGE_CODE


def source_locale_id():
    return (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
        .first()
    )


def _batches(items: Iterable, size=BATCH):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


# --- Rebuilding -----------------------------------------------------------------------------


def refresh(models=None):
    """Record the text of every source item, and a row for every translation that has none.

    A translation found without a row is taken as made from the current text (it predates
    this bookkeeping), unless wagtail-localize made it: then its progress and the source text
    it was made from are known. Its origin is machine while unreviewed machine strings remain,
    else person for pages and translations made in wagtail-localize, else import.
    """
    models = list(models) if models is not None else [Page, *tracked_models()]
    for model in dict.fromkeys(translation_model(model) for model in models):
        with transaction.atomic():
            _refresh_sources(model)
            _refresh_translations(model)


def _refresh_sources(model):
    content_type = content_type_for(model)
    sources = _sources(model)
    if model is Page:
        sources = sources.specific()
    else:
        relations = [
            name
            for name, field in _translatable_fields(model)
            if isinstance(field, models.ManyToOneRel)
        ]
        sources = sources.prefetch_related(*relations)
    fingerprints = {}
    for source in sources.iterator(chunk_size=BATCH):
        fingerprints[source.translation_key] = fingerprint_of(source)
        if len(fingerprints) >= BATCH:
            record_sources(model, fingerprints)
            fingerprints = {}
    if fingerprints:
        record_sources(model, fingerprints)
    SourceText.objects.filter(content_type=content_type).exclude(
        translation_key__in=sources.values("translation_key")
    ).delete()


def _refresh_translations(model):
    from wagtail_localize.models import Translation

    from translations.provenance import machine_provenance_for_keys

    content_type = content_type_for(model)
    source_locale = source_locale_id()
    untracked = (
        _instances(model)
        .exclude(locale_id=source_locale)
        .exclude(
            Exists(
                TranslatedItem.objects.filter(
                    content_type=content_type,
                    translation_key=OuterRef("translation_key"),
                    locale_id=OuterRef("locale_id"),
                )
            )
        )
        .values_list("translation_key", "locale_id")
    )
    for batch in _batches(untracked.iterator(chunk_size=BATCH)):
        keys = {key for key, _locale_id in batch}
        current = dict(
            SourceText.objects.filter(
                content_type=content_type, translation_key__in=keys
            ).values_list("translation_key", "fingerprint")
        )
        machine = machine_provenance_for_keys(batch)
        localized = {
            (translation.source.object_id, translation.target_locale_id): translation
            for translation in Translation.objects.filter(
                source__object_id__in=keys, enabled=True
            ).select_related("source")
        }
        by_origin = defaultdict(list)
        for key, locale_id in batch:
            translation = localized.get((key, locale_id))
            if translation is not None:
                made_from, complete = localize_made_from(translation)
                origin = Origin.MACHINE if (key, locale_id) in machine else Origin.PERSON
                save_translated_item(
                    content_type,
                    key,
                    locale_id,
                    origin=origin,
                    made_from=made_from,
                    complete=complete,
                    user=None,
                    at=None,
                )
                continue
            if (key, locale_id) in machine:
                origin = Origin.MACHINE
            elif model is Page:
                origin = Origin.PERSON
            else:
                origin = Origin.IMPORT
            by_origin[origin].append((key, locale_id, current.get(key, "")))
        for origin, rows in by_origin.items():
            record_translations(model, rows, origin)


def localize_made_from(translation):
    """``(fingerprint of the source text, complete)`` of a wagtail-localize translation."""
    from wagtail_localize.models import SourceDeletedError

    try:
        made_from = fingerprint_of(translation.source.as_instance())
    except SourceDeletedError:
        made_from = ""
    total, translated = translation.get_progress()
    return made_from, total == translated
