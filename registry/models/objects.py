import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.validators import validate_rights_uri

from .base import SOURCE_LOCALE_CHOICES, LocalizedQuerySet, TranslatableModel

IDENTIFIER_SEPARATORS = re.compile(r"[\W_]+")
REGISTER_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
validate_register_id = RegexValidator(
    REGISTER_ID_PATTERN,
    _(
        "A register ID starts with a letter or digit and has at most 64 letters, digits, "
        "dots, hyphens and underscores."
    ),
    code="register_id",
)


class ObjectStatus(models.TextChoices):
    IN_COLLECTION = "in_collection", _("In the collection")
    ON_LOAN = "on_loan", _("On loan")
    SAFEKEEPING = "moved_for_safekeeping", _("Moved for safekeeping")
    DAMAGED = "damaged", _("Damaged")
    DESTROYED = "destroyed", _("Destroyed")
    MISSING = "missing", _("Missing")
    STOLEN = "stolen", _("Stolen")
    RETURNED = "returned", _("Returned")


#: Statuses shown with a prominent banner on the object page.
ALERT_STATUSES = frozenset(
    {ObjectStatus.MISSING, ObjectStatus.STOLEN, ObjectStatus.DESTROYED, ObjectStatus.DAMAGED}
)


class RegisterObjectQuerySet(LocalizedQuerySet):
    def public(self):
        return self.filter(published=True)

    def with_card_relations(self):
        """What an object card shows: holder, type and locale joined, photographs in order."""
        return self.select_related(
            "holder", "object_type", "object_type__parent", "locale"
        ).prefetch_related(
            models.Prefetch(
                "images",
                queryset=ObjectImage.objects.select_related("image").order_by("sort_order"),
            )
        )

    def with_page_relations(self):
        """Everything an object page shows, in a fixed number of queries."""
        return self.with_card_relations().prefetch_related(
            "measurements",
            "makers",
            "inscriptions",
            "relations",
            models.Prefetch(
                "material_links",
                queryset=ObjectMaterial.objects.select_related("material"),
            ),
            models.Prefetch(
                "technique_links",
                queryset=ObjectTechnique.objects.select_related("technique"),
            ),
        )


class RegisterObject(index.Indexed, TranslatableModel, ClusterableModel):
    """One object of the Electronic Register of the Museum Fund, in one language.

    The Ukrainian row is the source; rows in other locales share its ``translation_key`` and
    ``register_id`` and are kept in step by the importer and wagtail-localize. Locations where
    an object is kept live apart, in :class:`RestrictedObjectData`.
    """

    register_id = models.CharField(
        _("register ID"),
        max_length=64,
        validators=[validate_register_id],
        help_text=_("The register's stable identifier; it is part of the object's address."),
    )
    inventory_number = models.CharField(_("inventory number"), max_length=100, blank=True)
    holder = models.ForeignKey(
        "registry.HoldingMuseum",
        verbose_name=_("holding museum"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_CHOICES,
    )
    object_type = models.ForeignKey(
        "registry.ObjectType",
        verbose_name=_("object type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_CHOICES,
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    distinguishing_features = models.TextField(
        _("distinguishing features"),
        blank=True,
        help_text=_("Damage, repairs, marks or defects that identify this very object."),
    )
    subject = models.TextField(_("subject"), blank=True, help_text=_("What the object depicts."))
    date_display = models.CharField(
        _("date"), max_length=200, blank=True, help_text=_("As readers should see it.")
    )
    date_earliest = models.SmallIntegerField(
        _("earliest year"), null=True, blank=True, help_text=_("Negative for years BCE.")
    )
    date_latest = models.SmallIntegerField(_("latest year"), null=True, blank=True)
    place_of_origin = models.CharField(
        _("place of origin or discovery"), max_length=300, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=ObjectStatus.choices,
        default=ObjectStatus.IN_COLLECTION,
        db_index=True,
    )
    status_date = models.DateField(_("status since"), null=True, blank=True)
    status_note = models.TextField(
        _("public note on the status"),
        blank=True,
        help_text=_("Shown to readers. Never write where the object is kept."),
    )
    rights = models.URLField(
        _("rights statement"),
        max_length=255,
        blank=True,
        validators=[validate_rights_uri],
        help_text=_("A rightsstatements.org or Creative Commons URI."),
    )
    credit_line = models.CharField(_("credit line"), max_length=500, blank=True)
    published = models.BooleanField(
        _("published"),
        default=True,
        db_index=True,
        help_text=_("Unpublished objects have no public page and appear nowhere public."),
    )
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegisterObjectQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("register_id"), FieldPanel("inventory_number")]),
                FieldPanel("holder"),
                FieldPanel("object_type"),
                FieldPanel("published"),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("subject"),
        FieldPanel("distinguishing_features"),
        MultiFieldPanel(
            [
                FieldPanel("date_display"),
                FieldRowPanel([FieldPanel("date_earliest"), FieldPanel("date_latest")]),
            ],
            heading=_("Date or period"),
        ),
        FieldPanel("place_of_origin"),
        InlinePanel("makers", heading=_("Makers"), label=_("maker")),
        InlinePanel("material_links", heading=_("Materials"), label=_("material")),
        InlinePanel("technique_links", heading=_("Techniques"), label=_("technique")),
        InlinePanel("measurements", heading=_("Measurements"), label=_("measurement")),
        InlinePanel("inscriptions", heading=_("Inscriptions and markings"), label=_("inscription")),
        InlinePanel("images", heading=_("Photographs"), label=_("photograph")),
        InlinePanel("relations", heading=_("Related objects"), label=_("related object")),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_date"), FieldPanel("status_note")],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [FieldPanel("rights"), FieldPanel("credit_line")], heading=_("Rights and credit")
        ),
    ]

    translatable_fields = [
        SynchronizedField("register_id"),
        SynchronizedField("inventory_number"),
        SynchronizedField("holder"),
        SynchronizedField("object_type"),
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("distinguishing_features"),
        TranslatableField("subject"),
        TranslatableField("date_display"),
        SynchronizedField("date_earliest"),
        SynchronizedField("date_latest"),
        TranslatableField("place_of_origin"),
        SynchronizedField("status"),
        SynchronizedField("status_date"),
        TranslatableField("status_note"),
        SynchronizedField("rights"),
        TranslatableField("credit_line"),
        SynchronizedField("published"),
        TranslatableField("makers"),
        SynchronizedField("material_links"),
        SynchronizedField("technique_links"),
        SynchronizedField("measurements"),
        TranslatableField("inscriptions"),
        TranslatableField("images"),
        SynchronizedField("relations"),
    ]

    # Public fields only: restricted data is a separate model and never indexed. The text
    # beside the title goes in as one field (see search_text) so that indexing stays cheap
    # enough for bulk imports of the national collection.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("autocomplete_text"),
        index.SearchField("search_text"),
        index.FilterField("locale"),
        index.FilterField("published"),
        index.FilterField("status"),
        index.FilterField("holder"),
        index.FilterField("object_type"),
        index.FilterField("date_earliest"),
        index.FilterField("date_latest"),
    ]

    class Meta(TranslatableModel.Meta):
        verbose_name = _("register object")
        verbose_name_plural = _("register objects")
        ordering = ["register_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["register_id", "locale"], name="unique_register_id_locale"
            ),
            models.CheckConstraint(
                condition=models.Q(date_earliest__isnull=True)
                | models.Q(date_latest__isnull=True)
                | models.Q(date_earliest__lte=models.F("date_latest")),
                name="register_object_dates_in_order",
            ),
        ]
        indexes = [models.Index(fields=["locale", "published", "register_id"])]

    def __str__(self):
        return f"{self.title} ({self.register_id})"

    def clean(self):
        super().clean()
        if (
            self.date_earliest is not None
            and self.date_latest is not None
            and self.date_earliest > self.date_latest
        ):
            raise ValidationError(
                {"date_latest": _("The latest year cannot be before the earliest year.")}
            )

    def get_absolute_url(self, language_code=None):
        language_code = language_code or self.locale.language_code
        with override(language_code):
            return reverse("registry:object_detail", args=[self.register_id])

    def get_url(self, request=None):
        return self.get_absolute_url()

    def autocomplete_text(self):
        """Title and identifiers: what staff and readers type the beginning of.

        Identifiers also go in split at punctuation, because some backends' tokenisers
        (PostgreSQL's among them) drop mixed tokens such as «Ж-1042».
        """
        identifiers = " ".join(filter(None, (self.register_id, self.inventory_number)))
        return " ".join(
            filter(None, (self.title, identifiers, IDENTIFIER_SEPARATORS.sub(" ", identifiers)))
        )

    def search_text(self):
        """The public text of this row other than its title, for the search index."""
        return "\n".join(self.search_parts())

    def search_parts(self):
        """The fields of :meth:`search_text` that have a value, in order."""
        return [
            value
            for value in (
                self.register_id,
                self.inventory_number,
                self.description,
                self.subject,
                self.distinguishing_features,
                self.place_of_origin,
                self.date_display,
                self.status_note,
                self.credit_line,
            )
            if value
        ]

    @property
    def is_alert(self):
        return self.status in ALERT_STATUSES

    @cached_property
    def status_label(self):
        return ObjectStatus(self.status).label

    @classmethod
    def featured_for_locale(cls, locale, limit=8):
        """Published source objects with photographs, for home pages and listings."""
        return list(
            cls.objects.public()
            .in_source_locale()
            .filter(images__isnull=False)
            .distinct()
            .order_by("-updated_at", "register_id")
            .with_card_relations()[:limit]
        )


class ObjectMaker(TranslatableModel, Orderable):
    """A person, workshop or manufactory that made the object, with their role."""

    register_object = ParentalKey(RegisterObject, on_delete=models.CASCADE, related_name="makers")
    name = models.CharField(_("name"), max_length=300)
    role = models.CharField(_("role"), max_length=200, blank=True)
    dates = models.CharField(
        _("life or activity dates"),
        max_length=100,
        blank=True,
        help_text=_("For example 1814–1861."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("dates")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        SynchronizedField("dates"),
    ]

    class Meta(TranslatableModel.Meta, Orderable.Meta):
        verbose_name = _("maker")
        verbose_name_plural = _("makers")

    def __str__(self):
        return self.name


class ObjectMaterial(Orderable):
    register_object = ParentalKey(
        RegisterObject, on_delete=models.CASCADE, related_name="material_links"
    )
    material = models.ForeignKey(
        "registry.Material",
        verbose_name=_("material"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_CHOICES,
    )

    panels = [FieldPanel("material")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")


class ObjectTechnique(Orderable):
    register_object = ParentalKey(
        RegisterObject, on_delete=models.CASCADE, related_name="technique_links"
    )
    technique = models.ForeignKey(
        "registry.Technique",
        verbose_name=_("technique"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_CHOICES,
    )

    panels = [FieldPanel("technique")]

    class Meta(Orderable.Meta):
        verbose_name = _("technique")


class Dimension(models.TextChoices):
    HEIGHT = "height", _("height")
    WIDTH = "width", _("width")
    DEPTH = "depth", _("depth")
    LENGTH = "length", _("length")
    DIAMETER = "diameter", _("diameter")
    THICKNESS = "thickness", _("thickness")
    WEIGHT = "weight", _("weight")


class Unit(models.TextChoices):
    MILLIMETRE = "mm", _("mm")
    CENTIMETRE = "cm", _("cm")
    METRE = "m", _("m")
    GRAM = "g", _("g")
    KILOGRAM = "kg", _("kg")


class ObjectMeasurement(Orderable):
    register_object = ParentalKey(
        RegisterObject, on_delete=models.CASCADE, related_name="measurements"
    )
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=3, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("unit"), max_length=4, choices=Unit.choices)

    panels = [FieldRowPanel([FieldPanel("dimension"), FieldPanel("value"), FieldPanel("unit")])]

    class Meta(Orderable.Meta):
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self):
        return f"{self.get_dimension_display()} {self.value.normalize():f} {self.unit}"


class InscriptionKind(models.TextChoices):
    INSCRIPTION = "inscription", _("Inscription")
    SIGNATURE = "signature", _("Signature")
    MARK = "mark", _("Mark")
    STAMP = "stamp", _("Stamp")
    LABEL = "label", _("Label")


class ObjectInscription(TranslatableModel, Orderable):
    register_object = ParentalKey(
        RegisterObject, on_delete=models.CASCADE, related_name="inscriptions"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=InscriptionKind.choices, default="inscription"
    )
    transcription = models.TextField(_("transcription"), help_text=_("Exactly as written."))
    translation = models.TextField(_("translation or explanation"), blank=True)
    position = models.CharField(_("position on the object"), max_length=200, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("transcription"),
        FieldPanel("translation"),
        FieldPanel("position"),
    ]
    translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("transcription"),
        TranslatableField("translation"),
        TranslatableField("position"),
    ]

    class Meta(TranslatableModel.Meta, Orderable.Meta):
        verbose_name = _("inscription or marking")
        verbose_name_plural = _("inscriptions and markings")


class ObjectImage(TranslatableModel, Orderable):
    """A photograph of the object: a Wagtail image with its own alt text, caption and rights."""

    register_object = ParentalKey(RegisterObject, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        help_text=_("What the photograph shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    rights = models.URLField(
        _("rights statement"), max_length=255, blank=True, validators=[validate_rights_uri]
    )
    credit = models.CharField(_("credit"), max_length=300, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("caption"),
        FieldPanel("rights"),
        FieldPanel("credit"),
    ]
    translatable_fields = [
        SynchronizedField("image"),
        TranslatableField("alt_text"),
        TranslatableField("caption"),
        SynchronizedField("rights"),
        TranslatableField("credit"),
    ]

    class Meta(TranslatableModel.Meta, Orderable.Meta):
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")


class RelationType(models.TextChoices):
    RELATED = "related", _("Related object")
    PART_OF = "part_of", _("Part of")
    HAS_PART = "has_part", _("Has part")
    PAIR = "pair", _("Pair or set")


class ObjectRelation(Orderable):
    """A link to another register object by its register ID (which may be imported later)."""

    register_object = ParentalKey(
        RegisterObject, on_delete=models.CASCADE, related_name="relations"
    )
    related_register_id = models.CharField(
        _("register ID of the related object"), max_length=64, validators=[validate_register_id]
    )
    relation = models.CharField(
        _("relation"), max_length=20, choices=RelationType.choices, default=RelationType.RELATED
    )

    panels = [FieldPanel("related_register_id"), FieldPanel("relation")]

    class Meta(Orderable.Meta):
        verbose_name = _("related object")
        verbose_name_plural = _("related objects")
