from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import SOURCE_LOCALE_CHOICES


class RestrictedObjectData(models.Model):
    """Where an object is kept, and every other field the register marks restricted.

    Wartime secret. Deliberately a plain model: no revisions, no search index, no API, no
    translation, no public template context. Staff see it only with the
    ``registry.view_restricted_data`` permission.
    """

    register_object = models.OneToOneField(
        "registry.RegisterObject",
        verbose_name=_("register object"),
        on_delete=models.CASCADE,
        related_name="restricted_data",
        limit_choices_to=SOURCE_LOCALE_CHOICES,
    )
    storage_location = models.TextField(_("storage location"), blank=True)
    evacuation_location = models.TextField(_("evacuation location"), blank=True)
    evacuation_date = models.DateField(_("evacuated on"), null=True, blank=True)
    extra = models.JSONField(
        _("other restricted fields"),
        default=dict,
        blank=True,
        help_text=_("Fields the register or a mapping file marks restricted, by name."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("restricted object data")
        verbose_name_plural = _("restricted object data")
        default_permissions = ()
        permissions = [
            ("view_restricted_data", _("Can view restricted locations of objects")),
            ("change_restricted_data", _("Can change restricted locations of objects")),
        ]

    def __str__(self):
        return str(_("Restricted data for %(register_id)s")) % {
            "register_id": self.register_object.register_id
        }
