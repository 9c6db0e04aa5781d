"""factory_boy factories for the editorial page types (exhibitions, chapters, stories, themes).

Pages need a parent: pass ``parent=`` (a page). They are published unless ``live=False``.
``translate(page, "en", **fields)`` adds a published translation the way editors do.
"""

import factory
from django.utils.text import slugify

from exhibitions.models import ChapterPage, ExhibitionIndexPage, ExhibitionPage, StoryPage
from registry.tests.builders import locale
from themes.models import ThemeIndexPage, ThemePage


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title, allow_unicode=True) or "page")

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        if parent is None:
            raise ValueError("Pages need a parent: pass parent=<page>.")
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.live = False
            page.save(update_fields=["live"])
        page.refresh_from_db()
        return page


class ExhibitionIndexPageFactory(PageFactory):
    class Meta:
        model = ExhibitionIndexPage

    title = "Exhibitions"
    slug = "exhibitions"
    show_in_menus = True


class ExhibitionPageFactory(PageFactory):
    class Meta:
        model = ExhibitionPage

    title = factory.Sequence(lambda n: f"Exhibition {n}")
    summary = "Objects moved for safekeeping, and the people who moved them."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>An exhibition in chapters.</p>"}]
    )
    credits = factory.LazyFunction(
        lambda: [{"type": "credit", "value": {"role": "Curator", "names": "Olena Kovalenko"}}]
    )


class ChapterPageFactory(PageFactory):
    class Meta:
        model = ChapterPage

    title = factory.Sequence(lambda n: f"Chapter {n}")
    summary = "One chapter."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Chapter text.</p>"}])


class StoryPageFactory(PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story {n}")
    summary = "A story told on one page."
    author = "Iryna Shevchenko"
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Story text.</p>"}])


class ThemeIndexPageFactory(PageFactory):
    class Meta:
        model = ThemeIndexPage

    title = "Themes"
    slug = "themes"
    show_in_menus = True


class ThemePageFactory(PageFactory):
    class Meta:
        model = ThemePage

    title = factory.Sequence(lambda n: f"Theme {n}")
    summary = "Exhibitions, stories and objects on one subject."
    introduction = "<p>A theme.</p>"


def translate(page, language_code, **fields):
    """A published translation of ``page`` (its parent must be translated already)."""
    translation = page.copy_for_translation(locale(language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
