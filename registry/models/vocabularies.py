from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import SOURCE_LOCALE_CHOICES, LocalizedQuerySet, TranslatableModel


class VocabularyTerm(index.Indexed, TranslatableModel):
    """A term of a controlled vocabulary, translated like any other register text.

    ``key`` is the normalised source-language label the importer matches on; it is the same
    in every translation of the term.
    """

    key = models.CharField(_("key"), max_length=200, editable=False)
    name = models.CharField(_("name"), max_length=200)

    objects = LocalizedQuerySet.as_manager()

    translatable_fields = [TranslatableField("name"), SynchronizedField("key")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableModel.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ObjectType(VocabularyTerm):
    """Object type in two levels: a broad class (painting) and a type within it (icon)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="narrower",
        limit_choices_to={**SOURCE_LOCALE_CHOICES, "parent__isnull": True},
    )

    translatable_fields = [*VocabularyTerm.translatable_fields, SynchronizedField("parent")]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("object type")
        verbose_name_plural = _("object types")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_object_type_key"),
        ]


class Material(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_material_key"),
        ]


class Technique(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("technique")
        verbose_name_plural = _("techniques")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_technique_key"),
        ]
