from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.fields import StreamBlockField
from portal.images import new_iiif_identifier, random_image_key, strip_metadata
from portal.reading import reading_minutes, stream_contents
from portal.validators import validate_rights_uri


class PortalImage(AbstractImage):
    """A Wagtail image whose stored file carries no metadata and no original file name."""

    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    rights = models.URLField(
        _("rights statement"),
        max_length=255,
        blank=True,
        validators=[validate_rights_uri],
        help_text=_("A rightsstatements.org or Creative Commons URI."),
    )
    credit = models.CharField(_("credit"), max_length=500, blank=True)
    iiif_identifier = models.CharField(
        _("IIIF identifier"),
        max_length=32,
        unique=True,
        default=new_iiif_identifier,
        editable=False,
        help_text=_("The image's opaque, permanent identifier in IIIF addresses."),
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "rights", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed and not getattr(self, "_stripped", False):
            self.strip_file_metadata()
        super().save(*args, **kwargs)

    def get_upload_to(self, filename):
        extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        return f"original_images/{random_image_key(extension)}"

    def _set_image_file_metadata(self):
        # Called by Wagtail's upload views before saving: strip first, then hash.
        self.strip_file_metadata()
        super()._set_image_file_metadata()

    def strip_file_metadata(self):
        """Replace the file with a metadata-free copy stored under a random key."""
        self.file.open("rb")
        self.file.seek(0)
        clean = strip_metadata(self.file.read())
        previous = self.file.name if self.file._committed else None
        storage = self.file.storage
        self.file = ContentFile(clean.data, name=f"image{clean.extension}")
        self.width, self.height = clean.width, clean.height
        self.file_size = len(clean.data)
        self._stripped = True
        if previous:
            # Wagtail's multiple upload stores the file before its metadata is set:
            # replace that stored original now.
            self.file.save(self.file.name, self.file.file, save=False)
            storage.delete(previous)


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class EditorialPage(Page):
    """What every editorial page shares: a summary for cards, a hero image, reading time."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for cards, search results and link previews."),
    )
    hero_image = models.ForeignKey(
        PortalImage,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("hero image alternative text"),
        max_length=500,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )

    hero_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text")],
            heading=_("Hero image"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    #: Exhibitions, chapters and stories are read through; a theme hub is browsed.
    long_form = True

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt_text.strip():
            raise ValidationError(
                {"hero_alt_text": _("Describe the hero image for readers who cannot see it.")}
            )

    def get_meta_description(self):
        return self.search_description or self.summary

    def reading_minutes(self):
        return reading_minutes(self.body)

    def get_context(self, request, *args, **kwargs):
        """Long-form pages get their reading time and the contents of their ``body``."""
        context = super().get_context(request, *args, **kwargs)
        if self.long_form:
            context["reading_minutes"] = self.reading_minutes()
            context["contents"] = stream_contents(self.body)
        return context


class HomePage(Page):
    """The home page of one language: featured exhibitions, stories, themes and objects."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_objects = StreamBlockField(
        "portal.blocks.selections.ObjectSelectionBlock",
        verbose_name=_("featured objects"),
        blank=True,
        help_text=_("Objects shown on the home page. Empty: recently updated objects."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel("featured_pages", heading=_("Featured exhibitions, stories and themes")),
        FieldPanel("featured_objects"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from portal.pages import localized_live_pages
        from registry.models import RegisterObject

        context = super().get_context(request, *args, **kwargs)
        chosen = [child.value for child in self.featured_objects if child.value is not None]
        if chosen:
            context["featured_objects"] = [obj for obj in chosen if obj.published][:12]
        else:
            context["featured_objects"] = RegisterObject.featured_for_locale(self.locale, limit=8)
        context["featured_pages"] = localized_live_pages(
            [row.page for row in self.featured_pages.select_related("page")], self.locale
        )
        return context


class HomeFeaturedPage(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("An exhibition, story or theme."),
    )

    panels = [
        PageChooserPanel(
            "page", ["exhibitions.ExhibitionPage", "exhibitions.StoryPage", "themes.ThemePage"]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("featured page")
        verbose_name_plural = _("featured pages")
