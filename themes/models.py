"""Theme hubs: exhibitions, stories and a curated selection of objects on one subject."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.fields import StreamBlockField
from portal.models import EditorialPage
from portal.pages import localized_live_pages
from portal.panels import ObjectAlertsPanel


class ThemeIndexPage(Page):
    """All theme hubs of one language."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["themes.ThemePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("themes index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = (
            ThemePage.objects.child_of(self).live().public().select_related("hero_image")
        )
        return context


class ThemePage(EditorialPage):
    """A hub that groups exhibitions, stories and objects on one subject."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    curated_objects = StreamBlockField(
        "portal.blocks.selections.ObjectSelectionBlock",
        verbose_name=_("curated objects"),
        blank=True,
    )
    body = StreamBlockField(
        "exhibitions.blocks.StoryStreamBlock", verbose_name=_("body"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        ObjectAlertsPanel(),
        *EditorialPage.hero_panels,
        FieldPanel("introduction"),
        InlinePanel("featured_pages", heading=_("Exhibitions and stories")),
        FieldPanel("curated_objects"),
        FieldPanel("body"),
    ]
    search_fields = [
        *EditorialPage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = []
    long_form = False

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = localized_live_pages(
            [row.page for row in self.featured_pages.select_related("page")], self.locale
        )
        context["curated_objects"] = [
            child.value
            for child in self.curated_objects
            if child.value is not None and child.value.published
        ]
        return context


class ThemeFeaturedPage(Orderable):
    theme = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("An exhibition or story on this theme."),
    )

    panels = [PageChooserPanel("page", ["exhibitions.ExhibitionPage", "exhibitions.StoryPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("featured page")
        verbose_name_plural = _("featured pages")
