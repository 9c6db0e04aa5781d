from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from portal.images import random_image_key, strip_metadata
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


class HomePage(Page):
    """The home page of one language. Exhibitions and themes extend it in later work."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from registry.models import RegisterObject

        context = super().get_context(request, *args, **kwargs)
        context["featured_objects"] = RegisterObject.featured_for_locale(self.locale, limit=8)
        return context
