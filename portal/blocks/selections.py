"""Editor-chosen selections of register objects (home page, theme hubs)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .objects import RegisterObjectChooserBlock


class ObjectSelectionBlock(blocks.StreamBlock):
    """An ordered choice of register objects, shown as cards."""

    object = RegisterObjectChooserBlock(label=_("Object"))

    class Meta:
        icon = "form"


__all__ = ["ObjectSelectionBlock"]
