from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import LocalizedQuerySet, TranslatableModel


class HoldingMuseum(index.Indexed, TranslatableModel):
    """A museum, reserve or archive that holds register objects."""

    code = models.SlugField(
        _("code"),
        max_length=64,
        help_text=_("The stable identifier the register uses for this museum."),
    )
    name = models.CharField(_("name"), max_length=300)
    place = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    wikidata_id = models.CharField(
        _("Wikidata item"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[0-9]+$", _("A Wikidata item is Q followed by digits."))],
    )

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("place"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Coordinates"),
        ),
        FieldPanel("website"),
        FieldPanel("wikidata_id"),
    ]
    translatable_fields = [
        SynchronizedField("code"),
        TranslatableField("name"),
        TranslatableField("place"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("website"),
        SynchronizedField("wikidata_id"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("place"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableModel.Meta):
        verbose_name = _("holding museum")
        verbose_name_plural = _("holding museums")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_museum_code_locale"),
        ]

    def __str__(self):
        return self.name

    @property
    def wikidata_url(self):
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""
