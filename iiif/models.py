"""What the IIIF image service keeps about each image: its tiled pyramidal derivative."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImagePyramid(models.Model):
    """The tiled pyramidal TIFF cut from an image's current file, once the task has built it.

    ``source`` is the storage name of the original the row describes: when the image gets a
    new file the names differ, the pyramid is stale, and the service falls back to the
    original until the task has built a new one. ``source_changed_at`` is when the service
    first saw that file: the Last-Modified of everything rendered from it.
    """

    image = models.OneToOneField(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="iiif_pyramid",
    )
    source = models.CharField(_("source file"), max_length=255)
    source_changed_at = models.DateTimeField(_("source changed"))
    pyramid = models.CharField(_("pyramid file"), max_length=255, blank=True)
    levels = models.JSONField(
        _("levels"), default=list, blank=True, help_text=_("Width and height of each level.")
    )
    built_at = models.DateTimeField(_("built"), null=True, blank=True)

    class Meta:
        verbose_name = _("image pyramid")
        verbose_name_plural = _("image pyramids")

    def __str__(self):
        return str(_("Pyramid of image %(pk)s")) % {"pk": self.image_id}

    def is_current(self, image):
        """Whether the built pyramid was cut from the image's present file."""
        return bool(self.pyramid) and self.source == image.file.name
