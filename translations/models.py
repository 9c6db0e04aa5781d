"""Translation workflow: provenance of translations, machine translation, PO exchange.

The two models below remember, per translatable item, which Ukrainian text a translation was
made from, so that a change of the source marks its translations outdated
(see :mod:`translations.status`).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Origin(models.TextChoices):
    PERSON = "person", _("Person")
    MACHINE = "machine", _("Machine")
    IMPORT = "import", _("Import")


class SourceText(models.Model):
    """The fingerprint of one source item's translatable text, and when it last changed."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    translation_key = models.UUIDField(_("translation key"))
    fingerprint = models.CharField(_("fingerprint"), max_length=40)
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("source text")
        verbose_name_plural = _("source texts")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key"], name="unique_source_text"
            ),
        ]
        indexes = [
            models.Index(fields=["-changed_at"], name="source_text_changed"),
            models.Index(fields=["content_type", "-changed_at"], name="source_text_kind_changed"),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.translation_key}"


class TranslatedItem(models.Model):
    """One translation of an item: which source text it was made from, by whom, when."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("locale"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    made_from = models.CharField(_("made from"), max_length=40, blank=True)
    complete = models.BooleanField(_("complete"), default=True)
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices)
    translated_at = models.DateTimeField(_("translated"))
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translated item")
        verbose_name_plural = _("translated items")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "locale"],
                name="unique_translated_item",
            ),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.translation_key}:{self.locale_id}"
