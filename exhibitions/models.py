"""Exhibitions with chapters, and long-form stories, written in the shared story blocks."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.fields import StreamBlockField
from portal.models import EditorialPage
from portal.pages import SpecificChildRouteMixin
from portal.panels import ObjectAlertsPanel
from portal.reading import reading_minutes

STORY_BLOCKS = "exhibitions.blocks.StoryStreamBlock"
CREDIT_BLOCKS = "exhibitions.blocks.CreditsBlock"


class ExhibitionIndexPage(SpecificChildRouteMixin, Page):
    """The exhibitions and stories of the portal, or of one museum's section of it."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    holding_museum = models.ForeignKey(
        "registry.HoldingMuseum",
        verbose_name=_("museum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a museum's own section: its editors work only under this page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("holding_museum"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["portal.HomePage", "exhibitions.ExhibitionIndexPage"]
    subpage_types = [
        "exhibitions.ExhibitionPage",
        "exhibitions.StoryPage",
        "exhibitions.ExhibitionIndexPage",
    ]

    class Meta:
        verbose_name = _("exhibitions and stories index")

    @property
    def routed_child_models(self):
        return (ExhibitionPage,)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .type(ExhibitionPage, StoryPage)
            .specific()
            .select_related("hero_image")
            .order_by("-first_published_at", "pk")
        )
        context["exhibitions"] = [p for p in children if isinstance(p, ExhibitionPage)]
        context["stories"] = [p for p in children if isinstance(p, StoryPage)]
        context["sections"] = (
            self.get_children().live().public().type(ExhibitionIndexPage).specific()
        )
        return context


class ExhibitionPage(SpecificChildRouteMixin, EditorialPage):
    """An exhibition's landing page: its introduction, its chapters (child pages), credits."""

    body = StreamBlockField(STORY_BLOCKS, verbose_name=_("introduction"), blank=True)
    credits = StreamBlockField(CREDIT_BLOCKS, verbose_name=_("credits"), blank=True)

    content_panels = [
        *Page.content_panels,
        ObjectAlertsPanel(),
        *EditorialPage.hero_panels,
        FieldPanel("body"),
        FieldPanel("credits"),
    ]
    search_fields = [*EditorialPage.search_fields, index.SearchField("body")]

    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types = ["exhibitions.ChapterPage"]

    @property
    def routed_child_models(self):
        return (ChapterPage,)

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def chapters(self):
        """Live chapters in order. A chapter with its own view restriction is left out; one
        under a restricted exhibition is only ever shown to readers who may see it."""
        return list(
            ChapterPage.objects.child_of(self)
            .live()
            .filter(view_restrictions__isnull=True)
            .select_related("hero_image")
        )

    @cached_property
    def _chapters(self):
        return self.chapters()

    def reading_minutes(self):
        """The whole exhibition: its introduction and every live chapter."""
        return reading_minutes(self.body, *(chapter.body for chapter in self._chapters))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self._chapters
        return context


class ChapterPage(EditorialPage):
    """One chapter of an exhibition, with previous/next and the exhibition's contents."""

    body = StreamBlockField(STORY_BLOCKS, verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        ObjectAlertsPanel(),
        *EditorialPage.hero_panels,
        FieldPanel("body"),
    ]
    search_fields = [*EditorialPage.search_fields, index.SearchField("body")]

    parent_page_types = ["exhibitions.ExhibitionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exhibition = self.get_parent().specific
        chapters = exhibition.chapters()
        position = next((i for i, c in enumerate(chapters) if c.pk == self.pk), None)
        context["exhibition"] = exhibition
        context["chapters"] = chapters
        if position is not None:
            context["chapter_number"] = position + 1
            context["previous_chapter"] = chapters[position - 1] if position > 0 else None
            context["next_chapter"] = (
                chapters[position + 1] if position + 1 < len(chapters) else None
            )
        return context


class StoryPage(EditorialPage):
    """A long-form story on one page."""

    author = models.CharField(_("author"), max_length=255, blank=True)
    body = StreamBlockField(STORY_BLOCKS, verbose_name=_("body"), blank=True)
    credits = StreamBlockField(CREDIT_BLOCKS, verbose_name=_("credits"), blank=True)

    content_panels = [
        *Page.content_panels,
        ObjectAlertsPanel(),
        FieldPanel("author"),
        *EditorialPage.hero_panels,
        FieldPanel("body"),
        FieldPanel("credits"),
    ]
    search_fields = [
        *EditorialPage.search_fields,
        index.SearchField("author"),
        index.SearchField("body"),
    ]

    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
