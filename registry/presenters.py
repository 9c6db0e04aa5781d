"""What public pages show of register objects: the object page and the object cards.

Register rows are read in at most two languages: the Ukrainian source row, which is always
complete, and the reader's translation where one exists. Every reader-facing text is wrapped
in :class:`Text`, which remembers when it falls back to the source language so templates can
mark it with ``lang="uk"``. Restricted data (``RestrictedObjectData``) is never touched here.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Subquery, prefetch_related_objects
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale

from registry.models import ObjectStatus, RegisterObject
from registry.models.base import localize_instances
from registry.rights import rights_label, safe_rights_url, safe_web_url

#: The photographs' Wagtail filter spec; object_gallery.html uses the same literal.
PHOTO_SPEC = "max-1200x1200"


@dataclass(frozen=True)
class Text:
    """Reader-facing text; ``lang`` is set when it is not in the page's language."""

    value: str
    lang: str = ""

    def __str__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)


# --- languages ------------------------------------------------------------------------------


def source_language():
    return settings.LANGUAGE_CODE


def current_language():
    """The active content language (i18n_patterns sets it from the URL prefix)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    if code in dict(settings.CONTENT_LANGUAGES):
        return code
    return settings.LANGUAGE_CODE


def reverse_in_languages(viewname, args=(), query=""):
    """The same URL under each content language's prefix, keyed by language code."""
    urls = {}
    for code, _name in settings.CONTENT_LANGUAGES:
        with translation.override(code):
            urls[code] = reverse(viewname, args=args) + query
    return urls


def unprefixed(path):
    """A path without its language prefix: the locale middleware redirects it by browser."""
    language = source_language()
    prefix = f"/{language}/"
    return "/" + path[len(prefix) :] if path.startswith(prefix) else path


def content_locale(language, rows=()):
    """The Wagtail locale of ``language`` for filtering translations.

    Taken from a fetched row when one has it; otherwise a subquery, which the database
    resolves inside each lookup, so finding translations costs no extra query.
    """
    for row in rows:
        if row is not None and row.locale.language_code == language:
            return row.locale
    return Subquery(Locale.objects.filter(language_code=language).values("pk")[:1])


def localized_text(source_value, translated_value, fallback_lang):
    """The translation's text, or the source's marked with ``fallback_lang``.

    A translation that repeats the source text word for word (as wagtail-localize and the
    importer leave untranslated fields) is the source text, and is marked as such.
    """
    if translated_value and translated_value != source_value:
        return Text(translated_value)
    return Text(source_value, fallback_lang if source_value else "")


class Localizer:
    """Chooses a translation's text where it has one, and marks source-language fallbacks."""

    def __init__(self, source, translation_row, language):
        self.source = source
        self.translation = translation_row
        self.language = language
        self.fallback_lang = source_language() if language != source_language() else ""
        self.locale = None
        if self.fallback_lang:
            self.locale = content_locale(language, [translation_row])

    def text(self, field):
        return localized_text(
            getattr(self.source, field),
            getattr(self.translation, field) if self.translation is not None else "",
            self.fallback_lang,
        )

    def terms(self, instances):
        """Vocabulary terms or museums in the reader's language (one query per model)."""
        localized = localize_instances(instances, self.locale)
        return [localized[instance.translation_key] for instance in instances if instance]

    def term_text(self, term, field="name"):
        lang = self.fallback_lang if term.locale_id == self.source.locale_id else ""
        return Text(getattr(term, field), lang)

    def children(self, relation):
        """A translatable child collection: the translation's, else the source's (marked)."""
        if self.translation is not None:
            items = list(getattr(self.translation, relation).all())
            if items:
                return items, ""
        return list(getattr(self.source, relation).all()), self.fallback_lang


# --- dates, numbers, photographs ------------------------------------------------------------


def year_text(year):
    if year < 0:
        # Translators: a year before the Common Era, e.g. "500 BCE".
        return _("%(year)s BCE") % {"year": -year}
    return str(year)


def years_text(earliest, latest):
    """A year or range of years for readers, e.g. "1650–1700"."""
    if earliest is None and latest is None:
        return ""
    if earliest is None or latest is None or earliest == latest:
        return year_text(earliest if earliest is not None else latest)
    return f"{year_text(earliest)}–{year_text(latest)}"


def plain_number(value):
    """A Decimal without exponent or trailing zeros, in the reader's number format."""
    value = value.normalize()
    if value == value.to_integral():
        value = value.quantize(Decimal(1))
    return number_format(value)


def photo_rendition(image):
    """The page's rendition of a photograph, or None when its file cannot be read."""
    try:
        return image.get_rendition(PHOTO_SPEC)
    except SourceImageIOError:
        return None


# --- object page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    name: Text
    place: Text
    website: str
    wikidata_url: str


@dataclass(frozen=True)
class Measurement:
    dimension: str
    dimension_label: str
    value: Decimal
    value_text: str
    unit: str
    unit_label: str


@dataclass(frozen=True)
class Maker:
    name: Text
    role: Text
    dates: str


@dataclass(frozen=True)
class Inscription:
    kind_label: str
    transcription: str
    translation: Text
    position: Text


@dataclass(frozen=True)
class Photo:
    image: object
    alt: Text
    caption: Text
    credit: Text
    rights_url: str
    rights_label: str
    lang: str


@dataclass(frozen=True)
class RelatedObject:
    register_id: str
    url: str
    title: Text
    relation: str
    relation_label: str


class ObjectPage:
    """Everything the object page shows, computed once from the fetched rows."""

    def __init__(self, source, translation_row, language, request):
        self.source = source
        self.translation = translation_row
        self.language = language
        self.request = request
        self.localizer = loc = Localizer(source, translation_row, language)
        self.is_translated = translation_row is not None or language == source_language()
        self.fallback_lang = loc.fallback_lang
        self.register_id = source.register_id
        self.inventory_number = source.inventory_number
        self.title = loc.text("title")
        self.description = loc.text("description")
        self.subject = loc.text("subject")
        self.distinguishing_features = loc.text("distinguishing_features")
        self.place_of_origin = loc.text("place_of_origin")
        self.status_note = loc.text("status_note")
        self.credit_line = loc.text("credit_line")
        date_display = loc.text("date_display")
        self.date = date_display or Text(years_text(source.date_earliest, source.date_latest))
        self.status = source.status
        self.status_label = source.status_label
        self.status_date = source.status_date
        self.is_alert = source.is_alert
        self.is_sought = source.status in (ObjectStatus.MISSING, ObjectStatus.STOLEN)
        self.rights_url = safe_rights_url(source.rights)
        self.rights_label = rights_label(self.rights_url) if self.rights_url else ""

    @cached_property
    def has_text(self):
        """Whether the page has any of its long-form sections."""
        return any(
            (
                self.description,
                self.subject,
                self.distinguishing_features,
                self.inscriptions,
                self.related_objects,
            )
        )

    @cached_property
    def object_types(self):
        """[broad, narrow] (or one level) in the reader's language."""
        narrow = self.source.object_type
        if narrow is None:
            return []
        levels = [narrow.parent, narrow] if narrow.parent_id else [narrow]
        return [self.localizer.term_text(term) for term in self.localizer.terms(levels)]

    @cached_property
    def object_type(self):
        return self.object_types[-1] if self.object_types else Text("")

    @cached_property
    def holder(self):
        if self.source.holder is None:
            return None
        (museum,) = self.localizer.terms([self.source.holder])
        return Holder(
            name=self.localizer.term_text(museum, "name"),
            place=self.localizer.term_text(museum, "place"),
            website=safe_web_url(museum.website),
            wikidata_url=museum.wikidata_url,
        )

    @cached_property
    def materials(self):
        terms = [link.material for link in self.source.material_links.all()]
        return [self.localizer.term_text(term) for term in self.localizer.terms(terms)]

    @cached_property
    def techniques(self):
        terms = [link.technique for link in self.source.technique_links.all()]
        return [self.localizer.term_text(term) for term in self.localizer.terms(terms)]

    @cached_property
    def measurements(self):
        return [
            Measurement(
                dimension=m.dimension,
                dimension_label=m.get_dimension_display(),
                value=m.value,
                value_text=plain_number(m.value),
                unit=m.unit,
                unit_label=m.get_unit_display(),
            )
            for m in self.source.measurements.all()
        ]

    @cached_property
    def makers(self):
        makers, lang = self.localizer.children("makers")
        return [
            Maker(name=Text(m.name, lang), role=Text(m.role, lang if m.role else ""), dates=m.dates)
            for m in makers
        ]

    @cached_property
    def inscriptions(self):
        inscriptions, lang = self.localizer.children("inscriptions")
        return [
            Inscription(
                kind_label=i.get_kind_display(),
                transcription=i.transcription,
                translation=Text(i.translation, lang if i.translation else ""),
                position=Text(i.position, lang if i.position else ""),
            )
            for i in inscriptions
        ]

    @cached_property
    def photos(self):
        photos, lang = self.localizer.children("images")
        result = []
        for photo in photos:
            rights_url = safe_rights_url(photo.rights or photo.image.rights)
            result.append(
                Photo(
                    image=photo.image,
                    alt=Text(photo.alt_text or photo.image.alt_text, lang),
                    caption=Text(photo.caption, lang if photo.caption else ""),
                    credit=Text(photo.credit or photo.image.credit, lang),
                    rights_url=rights_url,
                    rights_label=rights_label(rights_url) if rights_url else "",
                    lang=lang,
                )
            )
        return result

    @cached_property
    def related_objects(self):
        """Related objects that have a public page, in the order the register lists them."""
        relations = [
            relation
            for relation in self.source.relations.all()
            if relation.related_register_id != self.register_id
        ]
        if not relations:
            return []
        languages = {source_language(), self.language}
        titles = {
            (register_id, language): title
            for register_id, language, title in RegisterObject.objects.public()
            .filter(
                register_id__in={r.related_register_id for r in relations},
                locale__language_code__in=languages,
            )
            .values_list("register_id", "locale__language_code", "title")
        }
        result, seen = [], set()
        for relation in relations:
            register_id = relation.related_register_id
            if register_id in seen or (register_id, source_language()) not in titles:
                continue
            seen.add(register_id)
            if (register_id, self.language) in titles:
                title = Text(titles[register_id, self.language])
            else:
                title = Text(titles[register_id, source_language()], self.fallback_lang)
            result.append(
                RelatedObject(
                    register_id=register_id,
                    url=reverse("registry:object_detail", args=[register_id]),
                    title=title,
                    relation=relation.relation,
                    relation_label=relation.get_relation_display(),
                )
            )
        return result

    # -- link previews and machine-readable descriptions (JSON-LD: registry.jsonld) --

    @cached_property
    def canonical_url(self):
        return self.request.build_absolute_uri(
            reverse("registry:object_detail", args=[self.register_id])
        )

    @cached_property
    def text_language(self):
        """The language the object's main text is actually written in."""
        return self.title.lang or self.language

    @cached_property
    def summary(self):
        """A one-paragraph description for link previews."""
        text = self.description.value or self.subject.value or self.title.value
        text = " ".join(text.split())
        return text if len(text) <= 200 else text[:197].rstrip() + "…"

    @cached_property
    def share_image(self):
        """The first photograph's rendition, with an absolute URL, for link previews."""
        for photo in self.photos:
            rendition = photo_rendition(photo.image)
            if rendition is not None:
                return {
                    "url": self.request.build_absolute_uri(rendition.url),
                    "alt": photo.alt.value,
                    "width": rendition.width,
                    "height": rendition.height,
                }
        return None


# --- object cards ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ObjectCard:
    register_id: str
    url: str
    title: Text
    object_type: Text
    date: Text
    holder: Text
    status: str
    status_label: str
    is_alert: bool
    image: object


def object_cards(rows, language=None, locale=None):
    """Cards for source rows: their translations in one query, vocabulary one per model.

    ``rows`` are source-language objects with ``holder`` and ``object_type`` selected and
    ``images`` prefetched (``with_card_relations``). ``locale`` may pass the reader's
    Wagtail locale when the caller has it already.
    """
    rows = list(rows)
    language = language or current_language()
    if not rows:
        return []
    first_images = [obj.images.all()[0].image for obj in rows if obj.images.all()]
    prefetch_related_objects(first_images, "renditions")
    fallback_lang = source_language() if language != source_language() else ""
    translations = {}
    if not fallback_lang:
        locale = None  # source rows link to source terms: nothing to look up
    else:
        if getattr(locale, "language_code", None) != language:
            locale = content_locale(language)
        translations = {
            row.translation_key: row
            for row in RegisterObject.objects.public()
            .filter(translation_key__in=[obj.translation_key for obj in rows], locale=locale)
            .only("translation_key", "title", "date_display")
        }
    types = localize_instances([obj.object_type for obj in rows], locale)
    holders = localize_instances([obj.holder for obj in rows], locale)
    source_locale_id = rows[0].locale_id

    def term(instance, localized):
        if instance is None:
            return Text("")
        term = localized[instance.translation_key]
        lang = fallback_lang if term.locale_id == source_locale_id else ""
        return Text(term.name, lang)

    cards = []
    for obj in rows:
        translated = translations.get(obj.translation_key)
        title = localized_text(obj.title, getattr(translated, "title", ""), fallback_lang)
        date = localized_text(
            obj.date_display, getattr(translated, "date_display", ""), fallback_lang
        ) or Text(years_text(obj.date_earliest, obj.date_latest))
        images = obj.images.all()
        cards.append(
            ObjectCard(
                register_id=obj.register_id,
                url=reverse("registry:object_detail", args=[obj.register_id]),
                title=title,
                object_type=term(obj.object_type, types),
                date=date,
                holder=term(obj.holder, holders),
                status=obj.status,
                status_label=obj.status_label,
                is_alert=obj.is_alert,
                image=images[0].image if images else None,
            )
        )
    return cards
