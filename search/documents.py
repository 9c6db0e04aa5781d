"""Builds the readers' search documents from published objects and live pages.

Every item gets one document per content language. A document carries the text of its own
language and the Ukrainian source text, so a reader finds an object by its Ukrainian name
while reading in English; where an item has no translation the document shows the source
text and says so (``text_language``). Only public fields are read: restricted data lives in
another model that this module never touches.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from registry.models import (
    HoldingMuseum,
    Material,
    ObjectImage,
    ObjectInscription,
    ObjectMaker,
    ObjectMaterial,
    ObjectTechnique,
    ObjectType,
    RegisterObject,
    Technique,
)
from registry.presenters import years_text
from search.analysis import document_terms
from search.backends.base import clean_terms
from search.models import Kind, SearchDocument, facet_token

SUMMARY_CHARS = 300
#: Centuries an object's period facet lists at most: a longer span is listed under its first
#: and last century only, so a Trypillia pot of the 4th millennium BCE does not fill the facet.
MAX_CENTURIES = 5
SPACES = re.compile(r"\s+")


def content_languages():
    return [code for code, _name in settings.CONTENT_LANGUAGES]


#: Texts up to this length have their terms remembered (vocabulary names, titles, places):
#: they repeat across a collection, long descriptions seldom do.
SHORT_TEXT = 200
#: Rows per IN (...) list, below every database's limit on query parameters.
CHUNK = 900
#: Terms worked out ahead, by text (see :func:`known_terms`).
_known_terms = ContextVar("known_terms", default=None)


def chunked(items, size=CHUNK):
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part


def analysed(text):
    """The analysed, cleaned terms of one text, space-joined."""
    return " ".join(clean_terms(document_terms(text)))


_short_analysed = lru_cache(maxsize=65536)(analysed)


@contextmanager
def known_terms(known):
    """Use ``known`` (text -> :func:`analysed` text) for the texts it holds.

    The register importer analyses the texts of its records in its checking process, in
    parallel with the writing (registry.importing.workers); documents built here then find
    them instead of analysing them again. A text not in ``known`` is analysed as usual, so
    what is known changes only the speed, never a document.
    """
    token = _known_terms.set(known)
    try:
        yield
    finally:
        _known_terms.reset(token)


def terms(*texts):
    """The analysed, cleaned terms of ``texts``, space-joined, as the backends store them."""
    known = _known_terms.get() or {}
    result = []
    for text in texts:
        if not text:
            continue
        text = str(text)
        found = known.get(text)
        if found is None:
            found = _short_analysed(text) if len(text) <= SHORT_TEXT else analysed(text)
        if found:
            result.append(found)
    return " ".join(result)


def squash(text, limit=None):
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    text = SPACES.sub(" ", str(text or "")).strip()
    if limit and len(text) > limit:
        return text[: limit - 1].rstrip() + "…"
    return text


def centuries(earliest, latest):
    """Start years of the centuries ``[earliest, latest]`` overlaps, as facet values."""
    if earliest is None and latest is None:
        return []
    earliest = latest if earliest is None else earliest
    latest = earliest if latest is None else latest
    first, last = earliest // 100 * 100, latest // 100 * 100
    if (last - first) // 100 + 1 > MAX_CENTURIES:
        # A span of millennia is not a period: it is listed under its first and last century.
        return [str(first), str(last)]
    return [str(year) for year in range(first, last + 1, 100)]


@dataclass
class Built:
    """Documents for a set of keys, replacing whatever the index held for those keys."""

    keys: list
    documents: list = field(default_factory=list)

    def add(self, document, facet_values=()):
        """Add ``document`` with its many-valued facets' ``(facet, value)`` pairs."""
        document.facet_tokens = [facet_token(facet, value) for facet, value in facet_values]
        self.documents.append(document)


# --- register objects -------------------------------------------------------------------------


def object_key(register_id):
    return f"object:{register_id}"


class TermNames:
    """Names of vocabulary terms and museums in every language, fetched once per batch."""

    def __init__(self, model, instances):
        keys = {instance.translation_key for instance in instances if instance is not None}
        self.names = {}
        if keys:
            rows = model.objects.filter(translation_key__in=keys).values_list(
                "translation_key", "locale__language_code", "name"
            )
            for key, language, name in rows:
                self.names[key, language] = name

    def name(self, instance, language):
        if instance is None:
            return ""
        return self.names.get((instance.translation_key, language), instance.name)

    def all_names(self, instance, languages):
        return [self.name(instance, language) for language in languages]


def stream_field_names(model):
    return [field.name for field in model._meta.get_fields() if isinstance(field, StreamField)]


def objects_with_3d_models():
    """Primary keys of source rows shown with a 3D model on a live page."""
    found = set()
    for model in page_models():
        names = stream_field_names(model)
        if not names:
            continue
        for row in model.objects.live().values(*names):
            for name in names:
                for item in getattr(row[name], "raw_data", None) or ():
                    value = item.get("value")
                    if item.get("type") == "model_3d" and isinstance(value, dict):
                        pk = value.get("register_object")
                        if isinstance(pk, int):
                            found.add(pk)
    if not found:
        return found
    # Editors may choose a translation row; what counts is its object.
    keys = RegisterObject.objects.filter(pk__in=found).values("translation_key")
    return set(
        RegisterObject.objects.in_source_locale()
        .filter(translation_key__in=keys)
        .values_list("pk", flat=True)
    )


@lru_cache(maxsize=4096)
def names_terms(names):
    """:func:`terms` of a tuple of vocabulary and museum names: objects share a few thousand."""
    return terms(*names)


class ChildRows:
    """Values of one kind of child row of a batch's objects, by object, in their order.

    One query of plain values per kind and batch: model instances and Django's prefetching
    cost more than the rest of building the documents.
    """

    def __init__(self, model, fields, object_ids):
        self.rows = {}
        for part in chunked(object_ids, CHUNK):
            query = (
                model.objects.filter(register_object_id__in=part)
                .order_by("sort_order", "pk")
                .values_list("register_object_id", *fields)
            )
            for object_id, *values in query:
                self.rows.setdefault(object_id, []).append(values)

    def of(self, row):
        return self.rows.get(row.pk, [])


class ObjectRows:
    """The rows of a batch of objects in every language, with what their documents read."""

    def __init__(self, register_ids):
        rows = []
        for part in chunked(register_ids, CHUNK):
            rows += RegisterObject.objects.filter(register_id__in=part)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        self.by_id = {}
        for row in rows:
            self.by_id.setdefault(row.register_id, {})[languages[row.locale_id]] = row
        pks = [row.pk for row in rows]
        self.makers = ChildRows(ObjectMaker, ("name", "role"), pks)
        self.inscriptions = ChildRows(ObjectInscription, ("transcription", "translation"), pks)
        self.images = ChildRows(ObjectImage, ("image_id", "alt_text"), pks)

    def sources(self, language):
        """The published rows in ``language`` (the source), with their terms and museum."""
        sources = [
            group[language]
            for group in self.by_id.values()
            if language in group and group[language].published
        ]
        pks = [source.pk for source in sources]
        self.materials = ChildRows(ObjectMaterial, ("material_id",), pks)
        self.techniques = ChildRows(ObjectTechnique, ("technique_id",), pks)
        museums = HoldingMuseum.objects.in_bulk({source.holder_id for source in sources} - {None})
        types = ObjectType.objects.select_related("parent").in_bulk(
            {source.object_type_id for source in sources} - {None}
        )
        for source in sources:
            # Set from the batch's look-ups, so that reading them costs no query.
            source.holder = museums.get(source.holder_id)
            source.object_type = types.get(source.object_type_id)
        self.material_terms = Material.objects.in_bulk(
            {pk for values in self.materials.rows.values() for (pk,) in values}
        )
        self.technique_terms = Technique.objects.in_bulk(
            {pk for values in self.techniques.rows.values() for (pk,) in values}
        )
        return sources

    def terms_of(self, source, kind):
        if kind == "material":
            return [self.material_terms[pk] for (pk,) in self.materials.of(source)]
        return [self.technique_terms[pk] for (pk,) in self.techniques.of(source)]


def object_documents(register_ids, *, model_objects=None):
    """Documents of the published objects among ``register_ids``, in every language."""
    register_ids = sorted(set(register_ids))
    built = Built(keys=[object_key(register_id) for register_id in register_ids])
    languages = content_languages()
    source_language = settings.LANGUAGE_CODE
    rows = ObjectRows(register_ids)
    sources = rows.sources(source_language)
    if not sources:
        return built
    if model_objects is None:
        model_objects = objects_with_3d_models()
    types = [source.object_type for source in sources]
    types += [term.parent for term in types if term is not None]
    names = {
        "material": TermNames(Material, rows.material_terms.values()),
        "technique": TermNames(Technique, rows.technique_terms.values()),
        "type": TermNames(ObjectType, types),
        "museum": TermNames(HoldingMuseum, [source.holder for source in sources]),
    }
    urls = ObjectUrls(languages)
    for source in sources:
        group = rows.by_id[source.register_id]
        prepared = PreparedObject(source, rows, names, model_objects)
        for language in languages:
            translation_row = group.get(language) if language != source_language else None
            built.add(
                prepared.document(translation_row, language, urls, rows), prepared.facet_values
            )
    return built


class ObjectUrls:
    """Object page URLs per language, reversed once per batch rather than once per document."""

    PLACEHOLDER = "REGISTER-ID"

    def __init__(self, languages):
        self.templates = {}
        for language in languages:
            with translation.override(language):
                self.templates[language] = reverse(
                    "registry:object_detail", args=[self.PLACEHOLDER]
                )

    def url(self, register_id, language):
        return self.templates[language].replace(self.PLACEHOLDER, register_id)


class RowText:
    """One language row's analysed title and text, computed once for all its documents."""

    def __init__(self, row, rows):
        self.row = row
        self.images = rows.images.of(row)  # (image_id, alt_text) in order
        parts = row.search_parts()
        for maker_parts in rows.makers.of(row):
            parts += maker_parts
        for inscription_parts in rows.inscriptions.of(row):
            parts += inscription_parts
        self.title_terms = terms(row.title)
        self.body_terms = terms(*parts)


class PreparedObject:
    """What every language's document of one object shares, computed once."""

    def __init__(self, source, rows, names, model_objects):
        self.source = source
        self.names = names
        self.text = RowText(source, rows)
        self.materials = rows.terms_of(source, "material")
        self.techniques = rows.terms_of(source, "technique")
        object_type = source.object_type
        self.vocabulary = (
            ("material", self.materials),
            ("technique", self.techniques),
            ("type", [object_type, getattr(object_type, "parent", None)]),
            ("museum", [source.holder]),
        )
        self.has_model = "1" if source.pk in model_objects else "0"
        self.facet_values = list(
            dict.fromkeys(
                [("material", str(term.pk)) for term in self.materials]
                + [("technique", str(term.pk)) for term in self.techniques]
                + [("period", year) for year in centuries(source.date_earliest, source.date_latest)]
            )
        )
        self.vocabulary_terms = {}

    def _vocabulary_terms(self, language):
        """The analysed names of the object's terms and museum in the source and ``language``."""
        if language not in self.vocabulary_terms:
            languages = list(dict.fromkeys([settings.LANGUAGE_CODE, language]))
            names = []
            for kind, instances in self.vocabulary:
                for instance in instances:
                    names += self.names[kind].all_names(instance, languages)
            if self.source.holder is not None:
                names.append(self.source.holder.place)
            self.vocabulary_terms[language] = names_terms(tuple(names))
        return self.vocabulary_terms[language]

    def document(self, translation_row, language, urls, rows):
        source = self.source
        source_language = settings.LANGUAGE_CODE
        translated = RowText(translation_row, rows) if translation_row is not None else None
        texts = [self.text] if translated is None else [self.text, translated]
        shown = translation_row if translation_row is not None else source
        translated_title = translation_row is not None and translation_row.title != source.title
        text_language = "" if language == source_language or translated_title else source_language
        images = (translated.images if translated else []) or self.text.images
        first_image = images[0] if images else None
        description = shown.description if translated_title or shown is source else ""
        return SearchDocument(
            key=object_key(source.register_id),
            language=language,
            kind=Kind.OBJECT,
            title=squash(shown.title if translated_title else source.title, 500),
            text_language=text_language,
            summary=squash(
                description or (source.description if text_language else ""), SUMMARY_CHARS
            ),
            url=urls.url(source.register_id, language),
            title_terms=" ".join(text.title_terms for text in texts),
            body_terms=" ".join(
                [*(text.body_terms for text in texts), self._vocabulary_terms(language)]
            ),
            image_id=first_image[0] if first_image else None,
            image_alt=squash(first_image[1], 500) if first_image else "",
            date_display=squash(
                shown.date_display
                or source.date_display
                or years_text(source.date_earliest, source.date_latest),
                200,
            ),
            date_earliest=source.date_earliest,
            date_latest=source.date_latest,
            sort_date=source.date_earliest
            if source.date_earliest is not None
            else source.date_latest,
            object_type=str(source.object_type_id or ""),
            museum=str(source.holder_id or ""),
            museum_name=squash(self.names["museum"].name(source.holder, language), 300),
            place=squash(source.place_of_origin, 300),
            place_label=squash(shown.place_of_origin or source.place_of_origin, 300),
            status=source.status,
            has_images="1" if self.text.images else "0",
            has_model=self.has_model,
        )


# --- pages ----------------------------------------------------------------------------------


def page_models():
    """Page types readers find in search, with their kind."""
    from exhibitions.models import ChapterPage, ExhibitionPage, StoryPage  # noqa: PLC0415
    from themes.models import ThemePage  # noqa: PLC0415

    return {
        ExhibitionPage: Kind.EXHIBITION,
        ChapterPage: Kind.CHAPTER,
        StoryPage: Kind.STORY,
        ThemePage: Kind.THEME,
    }


def page_key(translation_key):
    return f"page:{translation_key}"


def page_text(page):
    """The searchable text of a page beyond its title: summary, blocks, credits."""
    parts = []
    for search_field in page.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            value = search_field.get_value(page)
            if isinstance(value, list | tuple):
                parts += [str(part) for part in value]
            elif value:
                parts.append(str(value))
    return parts


def page_documents(translation_keys):
    """Documents of the live, public pages with ``translation_keys``, in every language."""
    translation_keys = sorted({str(key) for key in translation_keys})
    built = Built(keys=[page_key(key) for key in translation_keys])
    languages = content_languages()
    source_language = settings.LANGUAGE_CODE
    for model, kind in page_models().items():
        groups = {}
        pages = (
            model.objects.live()
            .public()
            .filter(translation_key__in=translation_keys)
            .select_related("locale", "hero_image")
        )
        for page in pages:
            groups.setdefault(str(page.translation_key), {})[page.locale.language_code] = page
        for group in groups.values():
            source = group.get(source_language)
            for language in languages:
                page = group.get(language) or source
                if page is None:
                    continue
                built.add(_page_document(page, source, language, kind))
    return built


def _page_document(page, source, language, kind):
    page_language = page.locale.language_code
    texts = [page]
    if source is not None and source is not page:
        texts.append(source)
    body = []
    for text_page in texts:
        body += page_text(text_page)
    with translation.override(page_language):
        url = page.get_url()
    published = page.first_published_at
    return SearchDocument(
        key=page_key(page.translation_key),
        language=language,
        kind=kind,
        title=squash(page.title, 500),
        text_language="" if page_language == language else page_language,
        summary=squash(page.summary, SUMMARY_CHARS),
        url=url or "",
        title_terms=terms(*(text_page.title for text_page in texts)),
        body_terms=terms(*body),
        image_id=page.hero_image_id,
        image_alt=squash(page.hero_alt_text, 500) if page.hero_image_id else "",
        sort_date=published.year if published else None,
        has_images="1" if page.hero_image_id else "0",
    )


def live_page_keys():
    keys = set()
    for model in page_models():
        keys.update(
            str(key) for key in model.objects.live().values_list("translation_key", flat=True)
        )
    return keys


def page_keys_under(page):
    """Translation keys of the searchable pages at or below ``page``."""
    pages = Page.objects.descendant_of(page, inclusive=True)
    return {str(key) for key in pages.values_list("translation_key", flat=True)}
