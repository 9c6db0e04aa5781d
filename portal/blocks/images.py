"""Image blocks: one image (from the library or a register object) and a before/after pair."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.shortcuts import get_rendition_or_not_found

from registry import presenters
from registry.rights import rights_label, safe_rights_url

from .base import MEDIA, raise_block_errors, require_alt_text
from .objects import RegisterObjectChooserBlock, card_for

WIDTHS = ("content", "wide", "full")
#: ``sizes`` of the responsive image for each width (see css/blocks/images.css).
SIZES = {
    "content": "(min-width: 50rem) 46rem, 100vw",
    "wide": "(min-width: 76rem) 72rem, 100vw",
    "full": "100vw",
}
#: The rendition behind the "full-size image" link of deep-zoom images.
FULL_SIZE_SPEC = "max-2400x2400"


def _first_library_image():
    return get_image_model().objects.order_by("pk").first()


def _image_preview():
    """The block picker's example: the library's first image (nothing when it is empty)."""
    return {
        "image": _first_library_image(),
        "register_object": None,
        "alt_text": gettext("Museum staff pack an icon into a padded crate."),
        "decorative": False,
        "caption": gettext("Packing the collection, March 2022."),
        "credit": "",
        "deep_zoom": False,
        "width": "content",
    }


def _comparison_preview():
    """Two images of the library (the same one twice when it has only one)."""
    images = list(get_image_model().objects.order_by("pk")[:2]) or [None]
    return {
        "before": {
            "image": images[0],
            "alt_text": gettext("The museum's main hall with its exhibits in place."),
            "label": gettext("Before"),
        },
        "after": {
            "image": images[-1],
            "alt_text": gettext("The same hall, empty, with windows boarded up."),
            "label": gettext("After"),
        },
        "caption": gettext("The main hall before and after the evacuation."),
        "credit": "",
    }


# --- one image ------------------------------------------------------------------------------


class ImageValue(blocks.StructValue):
    """What the template shows: the image to render and its alt text, credit and links.

    A library image wins over a register object. An object's photograph (its first one) is
    used only while the object is published; otherwise nothing of the object is shown.
    """

    @cached_property
    def card(self):
        """The register object's card, when the image comes from a published object."""
        if self.get("image") is not None:
            return None
        return card_for(self.get("register_object"))

    @cached_property
    def object_photo(self):
        """The object's first photograph (``ObjectImage``), prefetched with its card."""
        if self.card is None:
            return None
        photos = self["register_object"].images.all()
        return photos[0] if photos else None

    @cached_property
    def photo(self):
        """The Wagtail image to render, or ``None`` when there is nothing to show."""
        if self.get("image") is not None:
            return self["image"]
        return self.object_photo.image if self.object_photo is not None else None

    @cached_property
    def alt(self):
        """Alt text: empty for decorative images, else the editor's (or the image's own)."""
        if self.get("decorative") or self.photo is None:
            return ""
        own = self.object_photo.alt_text if self.object_photo is not None else ""
        return (self.get("alt_text") or "").strip() or own or self.photo.alt_text

    @cached_property
    def credit_text(self):
        """The credit as :class:`registry.presenters.Text`: the editor's, else the image's.

        A register photograph's credit is in the register's language and marked as such.
        """
        credit = (self.get("credit") or "").strip()
        if credit or self.photo is None:
            return presenters.Text(credit)
        if self.object_photo is not None and self.object_photo.credit:
            language = presenters.current_language()
            source = presenters.source_language()
            return presenters.Text(self.object_photo.credit, source if language != source else "")
        return presenters.Text(self.photo.credit)

    @cached_property
    def rights_url(self):
        if self.photo is None:
            return ""
        own = self.object_photo.rights if self.object_photo is not None else ""
        return safe_rights_url(own or self.photo.rights)

    @property
    def rights_label(self):
        return rights_label(self.rights_url) if self.rights_url else ""

    @cached_property
    def deep_zoom_url(self):
        """The image's IIIF info.json for the deep-zoom viewer (``""`` unless deep zoom is on)."""
        if not self.get("deep_zoom") or self.photo is None:
            return ""
        return reverse("iiif:image_info", args=[self.photo.iiif_identifier])

    @cached_property
    def full_size_url(self):
        """The large rendition behind the deep-zoom link (``""`` unless deep zoom is on)."""
        if not self.get("deep_zoom") or self.photo is None:
            return ""
        return get_rendition_or_not_found(self.photo, FULL_SIZE_SPEC).url

    @property
    def layout(self):
        width = self.get("width")
        return width if width in WIDTHS else WIDTHS[0]

    @property
    def sizes(self):
        return SIZES[self.layout]

    @property
    def has_caption(self):
        return bool(
            self.get("caption")
            or self.card
            or self.credit_text
            or self.rights_url
            or self.full_size_url
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Image from the library"),
        required=False,
        help_text=_("Choose an image from the library or a register object, not both."),
    )
    register_object = RegisterObjectChooserBlock(
        label=_("Register object"),
        required=False,
        help_text=_("Shows the object's first photograph and links to the object."),
    )
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=500,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Only for images that add nothing to the text: screen readers skip them."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=300,
        help_text=_("Leave empty to use the credit stored with the image."),
    )
    deep_zoom = blocks.BooleanBlock(
        label=_("Deep zoom"),
        required=False,
        help_text=_("Let readers zoom into the details and open the full-size image."),
    )
    width = blocks.ChoiceBlock(
        label=_("Width"),
        choices=[
            ("content", _("Text width")),
            ("wide", _("Wider than the text")),
            ("full", _("Full width of the screen")),
        ],
        default="content",
    )

    class Meta:
        icon = "image"
        template = "portal/blocks/image.html"
        label = _("Image")
        group = MEDIA
        description = _("An image from the library or a register object, with caption and credit.")
        value_class = ImageValue
        preview_value = staticmethod(_image_preview)

    def clean(self, value):
        value = super().clean(value)
        image, obj = value.get("image"), value.get("register_object")
        errors = {}
        if image is not None and obj is not None:
            error = _("Choose an image from the library or a register object, not both.")
            errors["image"] = ValidationError(error)
            errors["register_object"] = ValidationError(error)
        elif image is None and obj is None:
            errors["image"] = ValidationError(
                _("Choose an image from the library or a register object.")
            )
        elif obj is not None and not obj.images.all():
            errors["register_object"] = ValidationError(
                _("This object has no photograph yet. Choose another object or an image.")
            )
        errors.update(require_alt_text(value.get("alt_text"), value.get("decorative")))
        raise_block_errors(errors)
        return value


# --- before and after -----------------------------------------------------------------------


class ComparisonImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=500,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    label = blocks.CharBlock(
        label=_("Label on the image"),
        max_length=60,
        help_text=_("What sets this image apart, such as a year: “1999”."),
    )

    class Meta:
        icon = "image"


class ComparisonValue(blocks.StructValue):
    @cached_property
    def sides(self):
        """``(name, side)`` for each side that still has its image, before first."""
        return [
            (name, side)
            for name, side in (("before", self.get("before")), ("after", self.get("after")))
            if side and side.get("image") is not None
        ]

    @property
    def is_complete(self):
        """Both images are there: the slider can compare them."""
        return len(self.sides) == 2


class ComparisonBlock(blocks.StructBlock):
    before = ComparisonImageBlock(label=_("Before"))
    after = ComparisonImageBlock(label=_("After"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=300)

    class Meta:
        icon = "sliders"
        template = "portal/blocks/comparison.html"
        label = _("Before and after")
        group = MEDIA
        description = _("Two images of the same place or object, compared with a slider.")
        value_class = ComparisonValue
        preview_value = staticmethod(_comparison_preview)


__all__ = ["ComparisonBlock", "ImageBlock"]
