"""Register objects in stories: the chooser, one object with commentary, and a grid or carousel.

Blocks store the object's primary key and show the register's live data in the reader's
language, so a change in the register (a new title, a theft) shows in every story on the
next render. Everything a block shows comes from :mod:`registry.presenters`; restricted data
(``RestrictedObjectData``) is never touched.

Drift: an object that becomes missing, stolen, destroyed or damaged is shown with a notice;
one that is unpublished or deleted shows nothing of itself (:func:`object_state`).
"""

import copy
import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from registry import presenters
from registry.models import ObjectStatus, RegisterObject
from registry.models.objects import ALERT_STATUSES

from .base import COLLECTION, INLINE_FEATURES, SafeRichTextBlock

AVAILABLE = "available"
UNAVAILABLE = "unavailable"

#: The attribute through which rows of one ``bulk_to_python`` call share their card batch.
_BATCH_ATTRIBUTE = "_portal_card_batch"


# --- the shared card batch ------------------------------------------------------------------


class CardBatch:
    """Cards, status notes and photograph alt texts for the objects of one ``bulk_to_python``
    call.

    Computed on first use, once per active language: a stream of twelve object blocks costs
    the queries of one call to :func:`registry.presenters.object_cards`, not twelve.
    """

    def __init__(self, rows):
        self.rows = [row for row in rows if row is not None]
        self._cards = {}
        self._translations = {}

    def card(self, obj):
        language = presenters.current_language()
        if language not in self._cards:
            public = {row.pk: row for row in self.rows if row.published}
            cards = presenters.object_cards(list(public.values()), language=language)
            self._cards[language] = dict(zip(public, cards, strict=True))
        return self._cards[language].get(obj.pk)

    def status_note(self, obj):
        """The public note on ``obj``'s status in the reader's language (fallback marked)."""
        language = presenters.current_language()
        if language == presenters.source_language():
            return presenters.Text(obj.status_note)
        notes, _alts = self._translated(language)
        return presenters.localized_text(
            obj.status_note, notes.get(obj.translation_key, ""), presenters.source_language()
        )

    def photo_alt(self, obj):
        """Alt text of the card's photograph in the reader's language (else the source's).

        Alt text cannot carry its own ``lang``; a missing translation falls back to the
        register's Ukrainian description of the photograph rather than to no description.
        """
        photos = obj.images.all()
        if not photos:
            return ""
        source_alt = photos[0].alt_text or photos[0].image.alt_text
        language = presenters.current_language()
        if language == presenters.source_language():
            return source_alt
        _notes, alts = self._translated(language)
        return alts.get((obj.translation_key, photos[0].image_id)) or source_alt

    def add_translations(self, language, rows):
        """Translation rows in ``language`` fetched with the source rows (images prefetched)."""
        notes, alts = {}, {}
        for row in rows:
            if not row.published:
                continue
            notes[row.translation_key] = row.status_note
            for photo in row.images.all():
                alts.setdefault((row.translation_key, photo.image_id), photo.alt_text)
        self._translations[language] = notes, alts

    def _translated(self, language):
        if language not in self._translations:
            self._translations[language] = self._load_translated(language)
        return self._translations[language]

    def _load_translated(self, language):
        """Translated status notes and photograph alt texts, together in one query.

        Only needed when the batch is read in a language other than the one it was loaded in.
        """
        rows = [row for row in self.rows if row.published]
        notes, alts = {}, {}
        if not rows:
            return notes, alts
        translations = (
            RegisterObject.objects.public()
            .filter(
                translation_key__in=[row.translation_key for row in rows],
                locale=presenters.content_locale(language, rows),
            )
            .values_list("translation_key", "status_note", "images__image_id", "images__alt_text")
        )
        for key, note, image_id, alt_text in translations:
            notes[key] = note
            if image_id is not None:
                alts.setdefault((key, image_id), alt_text)
        return notes, alts


def _batch_for(obj):
    batch = getattr(obj, _BATCH_ATTRIBUTE, None)
    if batch is None:
        batch = CardBatch([obj])
        setattr(obj, _BATCH_ATTRIBUTE, batch)
    return batch


def card_for(obj):
    """The object's card (:class:`registry.presenters.ObjectCard`) in the reader's language.

    ``None`` when there is no object (deleted) or it is unpublished: callers then show
    nothing of it. Objects that came through :class:`RegisterObjectChooserBlock` share one
    batch per stream, so asking for every card of a page costs a fixed number of queries.
    """
    if obj is None or not obj.published:
        return None
    return _batch_for(obj).card(obj)


@dataclass(frozen=True)
class ObjectState:
    """What a block shows of an object's drift.

    ``state`` is ``"available"``, ``"unavailable"`` (deleted or unpublished: show nothing of
    the object) or an alert status (``"missing"``, ``"stolen"``, ``"destroyed"``,
    ``"damaged"``: show the object with a notice of ``label``, ``date`` and ``note``).
    """

    state: str
    label: str = ""
    date: datetime.date | None = None
    note: presenters.Text = presenters.Text("")

    @property
    def is_available(self):
        return self.state != UNAVAILABLE

    @property
    def is_alert(self):
        return self.state in ALERT_STATUSES


def object_state(obj):
    """The drift information of ``obj`` (see :class:`ObjectState`)."""
    if obj is None or not obj.published:
        return ObjectState(
            UNAVAILABLE, _("This object is no longer available in the online collection.")
        )
    if not obj.is_alert:
        return ObjectState(AVAILABLE, obj.status_label)
    return ObjectState(
        obj.status,
        obj.status_label,
        obj.status_date,
        _batch_for(obj).status_note(obj),
    )


# --- the chooser ----------------------------------------------------------------------------


class RegisterObjectChooserBlock(SnippetChooserBlock):
    """Chooses a register object; stores the source (Ukrainian) row's primary key.

    Editors may pick a translation row in the chooser; it is stored and read as its source
    row, which carries the status and publication that every language shares.
    """

    def __init__(self, **kwargs):
        super().__init__(RegisterObject, **kwargs)

    def bulk_to_python(self, values):
        """Source rows for ``values`` in order (``None`` for deleted ids), in one query.

        Rows come with their card relations (one more query for the photographs) and share
        one :class:`CardBatch`; the reader's translation rows come in the same query.
        """
        ids = {int(value) for value in values if _is_pk(value)}
        if not ids:
            return [None for _value in values]
        source_language = presenters.source_language()
        language = presenters.current_language()
        languages = {source_language, language}
        # One indexed lookup by (translation_key, locale): the chosen rows' source rows and,
        # for readers of another language, their translations (status notes, alt texts).
        translation_keys = RegisterObject.objects.filter(pk__in=ids).values("translation_key")
        rows = {
            row.pk: row
            for row in RegisterObject.objects.with_card_relations().filter(
                translation_key__in=translation_keys, locale__language_code__in=languages
            )
        }
        missing = ids - rows.keys()
        if missing:
            # Rows chosen in a third language: only their keys are needed, to find the source.
            rows.update(RegisterObject.objects.select_related("locale").in_bulk(missing))
        sources, translations = {}, {}
        for row in rows.values():
            if row.locale.language_code == source_language:
                sources[row.translation_key] = row
            elif row.locale.language_code == language:
                translations[row.translation_key] = row
        batch = CardBatch(sources.values())
        if language != source_language:
            batch.add_translations(language, translations.values())
        result, seen = [], set()
        for value in values:
            row = rows.get(int(value)) if _is_pk(value) else None
            obj = sources.get(row.translation_key) if row is not None else None
            if obj is not None and obj.pk in seen:
                obj = copy.copy(obj)  # one instance per occurrence, as Wagtail's ChooserBlock
            if obj is not None:
                seen.add(obj.pk)
                setattr(obj, _BATCH_ATTRIBUTE, batch)
            result.append(obj)
        return result

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def normalize(self, value):
        """A primary key (as in raw stream data) becomes its object; objects stay as they are."""
        return self.to_python(value) if _is_pk(value) else value

    def value_from_form(self, value):
        return self._source_row(super().value_from_form(value))

    def clean(self, value):
        return self._source_row(super().clean(value))

    def _source_row(self, obj):
        if obj is None or obj.locale.language_code == settings.LANGUAGE_CODE:
            return obj
        return self.to_python(obj.pk)

    class Meta:
        icon = "form"


def _is_pk(value):
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and value.isdigit())


def _preview_objects(limit):
    """Published objects with photographs for the block picker's previews (one batch)."""
    rows = list(
        RegisterObject.objects.public()
        .in_source_locale()
        .filter(images__isnull=False)
        .distinct()
        .order_by("register_id")
        .with_card_relations()[:limit]
    )
    batch = CardBatch(rows)
    for row in rows:
        setattr(row, _BATCH_ATTRIBUTE, batch)
    return rows


def _register_object_preview():
    rows = _preview_objects(1)
    note = gettext("Chosen by the curator for what it tells about the region's craft.")
    return {
        "object": rows[0] if rows else None,
        "note": format_html("<p>{}</p>", note),
        "layout": "feature",
    }


def _object_grid_preview():
    return {
        "heading": gettext("Objects in this story"),
        "introduction": "",
        "objects": _preview_objects(6),
        "layout": "grid",
    }


# --- one object -----------------------------------------------------------------------------


class RegisterObjectValue(blocks.StructValue):
    """The object's card and drift state in the active language (computed per language by
    the shared :class:`CardBatch`, so a value rendered in two languages shows both)."""

    @property
    def card(self):
        return card_for(self.get("object"))

    @property
    def state(self):
        return object_state(self.get("object"))

    @property
    def photo_alt(self):
        """Alt text of the card's photograph (the card's own image)."""
        obj = self.get("object")
        return _batch_for(obj).photo_alt(obj) if self.card is not None else ""

    @property
    def show_status_badge(self):
        """A badge for statuses other than the usual one; alerts have their notice instead."""
        card = self.card
        return card is not None and card.status != ObjectStatus.IN_COLLECTION and not card.is_alert


class RegisterObjectBlock(blocks.StructBlock):
    object = RegisterObjectChooserBlock(label=_("Object"))
    note = SafeRichTextBlock(
        features=INLINE_FEATURES,
        required=False,
        label=_("Curator's note"),
        help_text=_("Why this object matters to the story."),
    )
    layout = blocks.ChoiceBlock(
        choices=[("feature", _("Feature: large photograph")), ("card", _("Card: compact"))],
        default="feature",
        label=_("Layout"),
    )

    class Meta:
        icon = "form"
        template = "portal/blocks/register_object.html"
        value_class = RegisterObjectValue
        group = COLLECTION
        label = _("Register object")
        description = _("An object from the register, always shown with its current data.")
        preview_value = staticmethod(_register_object_preview)


# --- several objects ------------------------------------------------------------------------


class ObjectGridValue(blocks.StructValue):
    @property
    def cards(self):
        """Cards of the published objects, in the editor's order (alerts carry a badge)."""
        cards = (card_for(obj) for obj in self.get("objects") or [])
        return [card for card in cards if card is not None]

    @property
    def hidden_count(self):
        """How many chosen objects are unpublished or deleted (told to editors in preview)."""
        return len(self.get("objects") or []) - len(self.cards)

    @cached_property
    def dom_id(self):
        """A unique id for the heading and the carousel's list (labels and controls)."""
        return f"objects-{uuid.uuid4().hex[:8]}"

    @property
    def is_carousel(self):
        return self.get("layout") == "carousel" and len(self.cards) > 1


class ObjectGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=160, label=_("Heading"))
    introduction = blocks.TextBlock(required=False, label=_("Introduction"))
    objects = blocks.ListBlock(
        RegisterObjectChooserBlock(label=_("Object")), min_num=1, label=_("Objects")
    )
    layout = blocks.ChoiceBlock(
        choices=[("grid", _("Grid")), ("carousel", _("Carousel: one row that scrolls"))],
        default="grid",
        label=_("Layout"),
    )

    class Meta:
        icon = "table"
        template = "portal/blocks/object_grid.html"
        value_class = ObjectGridValue
        group = COLLECTION
        label = _("Object grid or carousel")
        description = _("Several register objects as cards, in a grid or a scrolling row.")
        preview_value = staticmethod(_object_grid_preview)


__all__ = [
    "AVAILABLE",
    "UNAVAILABLE",
    "CardBatch",
    "ObjectGridBlock",
    "ObjectState",
    "RegisterObjectBlock",
    "RegisterObjectChooserBlock",
    "card_for",
    "object_state",
]
