"""Load the demo exhibitions, story and theme hub: Ukrainian pages and their translations.

Run after the demo museum (``registry.demo.loader.load_demo``): the pages show its objects.
Idempotent: every page, image and document is looked up first and changed only when it
differs from what the demo describes, so a second run publishes nothing and creates nothing.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale

from portal.images import strip_metadata
from portal.models import HomePage, PortalImage
from portal.setup import ensure_portal_site
from registry.models import RegisterObject

from .content import HOME, SECTIONS
from .media import CC0, CREDIT, DOCUMENTS, PICTURES, write_media
from .spec import LANGUAGES, Doc, Img, Obj, localize, references, walk

MEDIA_FOLDER = "stories"


class StoryDemoError(Exception):
    """The story demo cannot load (the demo museum is missing, or a slug is taken)."""


@dataclass
class StoryDemoResult:
    pages_created: int = 0
    pages_updated: int = 0
    pages_unchanged: int = 0
    images_created: int = 0
    images_updated: int = 0
    documents_created: int = 0
    documents_updated: int = 0
    home_pages_updated: int = 0
    pages: dict = field(default_factory=dict)  # spec key -> {language: page}

    @property
    def changed(self):
        return bool(
            self.pages_created
            + self.pages_updated
            + self.images_created
            + self.images_updated
            + self.documents_created
            + self.documents_updated
            + self.home_pages_updated
        )


def media_dir():
    return Path(settings.VAR_DIR) / "demo" / MEDIA_FOLDER


def load_story_demo(*, target_dir=None, scale=1.0):
    """Create or update the demo pages in Ukrainian and English; returns a StoryDemoResult."""
    paths = write_media(Path(target_dir) if target_dir else media_dir(), scale=scale)
    ensure_portal_site()
    with transaction.atomic():
        return _Loader(paths).run()


def _normalised(stream_block, raw):
    """A stream's stored form after a round trip through its blocks, for comparison."""
    value = stream_block.to_python(raw)
    list(value)  # convert every child, so get_prep_value re-serialises them all
    return json.loads(json.dumps(stream_block.get_prep_value(value), cls=DjangoJSONEncoder))


class _Loader:
    def __init__(self, paths):
        self.paths = paths
        self.result = StoryDemoResult()
        self.locales = self._locales()
        self.objects = self._register_objects()
        self.images = {key: self._image(key) for key in PICTURES}
        self.documents = {key: self._document(key) for key in DOCUMENTS}
        self.pages = self.result.pages
        self.deferred = set()
        self.outcomes = {}  # (spec key, language) -> the StoryDemoResult counter to add to

    def run(self):
        home = self._homes()
        for section in SECTIONS:
            self._discover(section, home)
        for section in SECTIONS:
            for spec in walk(section):
                self._sync(spec)
        # Pages that link to pages created later in the first pass: now they all exist.
        again, self.deferred = self.deferred, set()
        for section in SECTIONS:
            for spec in walk(section):
                if spec.key in again:
                    self._sync(spec)
        for outcome in self.outcomes.values():
            setattr(self.result, outcome, getattr(self.result, outcome) + 1)
        self._home(home)
        return self.result

    # --- what the pages refer to ------------------------------------------------------------

    def _locales(self):
        configured = [code for code, _name in settings.CONTENT_LANGUAGES]
        return {
            language: Locale.objects.get(language_code=language)
            for language in LANGUAGES
            if language in configured
        }

    def _register_objects(self):
        fields = [spec.fields for section in SECTIONS for spec in walk(section)]
        wanted = {ref.register_id for ref in references([fields, HOME], Obj)}
        found = dict(
            RegisterObject.objects.filter(
                register_id__in=wanted, locale=self.locales["uk"]
            ).values_list("register_id", "pk")
        )
        missing = sorted(wanted - set(found))
        if missing:
            raise StoryDemoError(
                _("The demo museum is not loaded (missing %(ids)s): run load_demo first.")
                % {"ids": ", ".join(missing[:5])}
            )
        return found

    def _image(self, key):
        picture = PICTURES[key]
        image = PortalImage.objects.filter(title=picture.title).order_by("pk").first()
        if image is not None:
            described = {"alt_text": picture.alt.uk, "credit": CREDIT, "rights": CC0}
            if any(getattr(image, name) != value for name, value in described.items()):
                for name, value in described.items():
                    setattr(image, name, value)
                image.save(update_fields=list(described))
                self.result.images_updated += 1
            return image
        clean = strip_metadata(self.paths[key].read_bytes())
        image = PortalImage(
            title=picture.title,
            alt_text=picture.alt.uk,
            credit=CREDIT,
            rights=CC0,
            width=clean.width,
            height=clean.height,
            file_size=len(clean.data),
            file_hash=hashlib.sha1(clean.data, usedforsecurity=False).hexdigest(),
        )
        image.file = ContentFile(clean.data, name=f"image{clean.extension}")
        image._stripped = True
        image.save()
        self.result.images_created += 1
        return image

    def _document(self, key):
        """The document titled as the demo names it, its file replaced if the bytes differ."""
        Document = get_document_model()
        spec = DOCUMENTS[key]
        data = self.paths[key].read_bytes()
        document = Document.objects.filter(title=spec.title).order_by("pk").first()
        if document is None:
            document = Document(title=spec.title)
            self.result.documents_created += 1
        elif document.file_hash == hashlib.sha1(data, usedforsecurity=False).hexdigest():
            return document
        else:
            self.result.documents_updated += 1
        previous = document.file.name if document.pk else None
        document.file = ContentFile(data, name=spec.filename)
        document._set_document_file_metadata()
        document.save()
        if previous and previous != document.file.name:
            document.file.storage.delete(previous)
        return document

    def _raw(self, ref, language, spec_key):
        """The stored value of a reference inside a stream (a primary key)."""
        if isinstance(ref, Obj):
            return self.objects[ref.register_id]
        if isinstance(ref, Img):
            return self.images[ref.key].pk
        if isinstance(ref, Doc):
            key = ref.key if isinstance(ref.key, str) else ref.key[language]
            return self.documents[key].pk
        page = self.pages.get(ref.key, {}).get(language)
        if page is None:
            self.deferred.add(spec_key)
            return None
        return page.pk

    # --- pages ------------------------------------------------------------------------------

    def _values(self, model, spec, language):
        """Field name -> value for ``language``: stream fields as raw JSON, the rest as is."""
        values = {"title": spec.title[language]}
        for name, value in spec.fields.items():
            model_field = model._meta.get_field(name)
            if isinstance(model_field, StreamField):
                values[name] = localize(
                    value,
                    language,
                    lambda ref, lang, key=spec.key: self._raw(ref, lang, key),
                    f"{spec.key}.{name}",
                )
            elif isinstance(model_field, models.ForeignKey):
                values[name] = self.images[value.key] if value else None
            elif model_field.one_to_many:  # an inline of featured pages
                pages = [self.pages.get(ref.key, {}).get(language) for ref in value]
                if None in pages:
                    self.deferred.add(spec.key)
                values[name] = [page for page in pages if page is not None]
            else:
                values[name] = localize(value, language, None, spec.key)
        return values

    def _differs(self, page, values):
        return any(self._field_differs(page, name, value) for name, value in values.items())

    def _field_differs(self, page, name, value):
        model_field = page._meta.get_field(name)
        if isinstance(model_field, StreamField):
            block = model_field.stream_block
            current = list(getattr(page, name).raw_data)
            return _normalised(block, current) != _normalised(block, value)
        if isinstance(model_field, models.ForeignKey):
            return getattr(page, model_field.attname) != (value.pk if value else None)
        if model_field.one_to_many:
            return [row.page_id for row in getattr(page, name).all()] != [p.pk for p in value]
        return getattr(page, name) != value

    def _assign(self, page, values):
        for name, value in values.items():
            model_field = page._meta.get_field(name)
            if model_field.one_to_many:
                child_model = model_field.related_model
                parent_key = next(
                    f.name for f in child_model._meta.get_fields() if isinstance(f, ParentalKey)
                )
                getattr(page, name).set(
                    [child_model(**{parent_key: page, "page": target}) for target in value]
                )
            else:
                setattr(page, name, value)

    def _publish(self, page):
        # Children may have been added since this instance was read: publishing a revision
        # writes the instance back, so its tree fields must be current.
        page.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
        page.save_revision().publish()
        page.refresh_from_db(fields=["live", "has_unpublished_changes", "url_path"])

    def _sync(self, spec):
        model = apps.get_model(spec.model)
        pages = self.pages[spec.key]
        for language, locale in self.locales.items():
            values = self._values(model, spec, language)
            page = pages.get(language)
            if page is None:
                page = self._create(model, spec, language, locale)
                outcome = "pages_created"
            elif self._differs(page, values) or not page.live:
                outcome = "pages_updated"
            else:
                outcome = "pages_unchanged"
            if outcome != "pages_unchanged":
                self._assign(page, values)
                self._publish(page)
            pages[language] = page
            previous = self.outcomes.get((spec.key, language), "pages_unchanged")
            if previous == "pages_created" or outcome == "pages_unchanged":
                outcome = previous
            self.outcomes[(spec.key, language)] = outcome

    def _homes(self):
        return {
            language: HomePage.objects.get(locale=locale)
            for language, locale in self.locales.items()
        }

    def _parent(self, spec, language):
        for section in SECTIONS:
            for candidate in walk(section):
                if spec in candidate.children:
                    return self.pages[candidate.key][language]
        return HomePage.objects.get(locale=self.locales[language])

    def _discover(self, spec, parents):
        """Find the pages of ``spec`` and its descendants that exist already."""
        model = apps.get_model(spec.model)
        found = {}
        source = None
        if parents.get("uk") is not None:
            source = parents["uk"].get_children().filter(slug=spec.slug).first()
        if source is not None:
            found["uk"] = self._checked(source, model, spec)
            for language, locale in self.locales.items():
                translation = source.get_translations().filter(locale=locale).first()
                if language != "uk" and translation is not None:
                    found[language] = self._checked(translation, model, spec)
        self.pages[spec.key] = found
        for child in spec.children:
            self._discover(child, found)

    def _checked(self, page, model, spec):
        page = page.specific
        if not isinstance(page, model):
            raise StoryDemoError(
                _("The slug %(slug)s is taken by another kind of page.") % {"slug": spec.slug}
            )
        return page

    def _create(self, model, spec, language, locale):
        if language == "uk":
            page = model(title=spec.title["uk"], slug=spec.slug, locale=locale)
            self._parent(spec, "uk").add_child(instance=page)
            return page
        return self.pages[spec.key]["uk"].copy_for_translation(locale)

    # --- home pages -------------------------------------------------------------------------

    def _home(self, homes):
        for language, home in homes.items():
            values = {
                "featured_objects": localize(
                    HOME["featured_objects"],
                    language,
                    lambda ref, lang: self._raw(ref, lang, "home"),
                    "home.featured_objects",
                ),
                "featured_pages": [self.pages[ref.key][language] for ref in HOME["featured_pages"]],
            }
            if self._differs(home, values):
                self._assign(home, values)
                self._publish(home)
                self.result.home_pages_updated += 1
