"""A timeline of dated events, in year order, each optionally linked to a register object."""

from functools import cached_property

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import PLACES_AND_TIME
from .objects import RegisterObjectChooserBlock, card_for


class EventValue(blocks.StructValue):
    @cached_property
    def card(self):
        """The linked object's card, or ``None`` (no object, or it is unpublished)."""
        return card_for(self.get("register_object"))

    @property
    def datetime(self):
        """The year for ``<time datetime>``: HTML's year format has four digits or more and
        no era, so years before 1 CE get no machine-readable date."""
        year = self.get("year")
        if year is None or not 1 <= year <= 9999:
            return ""
        return f"{year:04d}"


class EventBlock(blocks.StructBlock):
    date_label = blocks.CharBlock(
        max_length=80,
        label=_("Date"),
        help_text=_("As readers should see it, e.g. “Spring 1942” or “about 1900”."),
    )
    year = blocks.IntegerBlock(
        label=_("Year"),
        help_text=_("Orders the events; a negative number for a year before the Common Era."),
    )
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    register_object = RegisterObjectChooserBlock(required=False, label=_("Object in the register"))

    class Meta:
        icon = "date"
        label = _("Event")
        value_class = EventValue


class TimelineValue(blocks.StructValue):
    @cached_property
    def sorted_events(self):
        """The events by year; events of the same year keep the editor's order."""
        return sorted(self.get("events") or [], key=lambda event: event.get("year") or 0)


def _timeline_preview():
    return {
        "heading": gettext("The journey of the collection"),
        "events": [
            {
                "date_label": gettext("July 1941"),
                "year": 1941,
                "title": gettext("Packed and sent east"),
                "text": gettext("Staff packed the most valuable objects in a few days."),
                "register_object": None,
            },
            {
                "date_label": gettext("Autumn 1944"),
                "year": 1944,
                "title": gettext("Back in Kyiv"),
                "text": gettext("The crates return; some objects are missing."),
                "register_object": None,
            },
        ],
    }


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=160, label=_("Heading"))
    events = blocks.ListBlock(EventBlock(), min_num=1, label=_("Events"))

    class Meta:
        icon = "date"
        template = "portal/blocks/timeline.html"
        value_class = TimelineValue
        group = PLACES_AND_TIME
        label = _("Timeline")
        description = _("Dated events in order, each of which may link to an object.")
        preview_value = staticmethod(_timeline_preview)


__all__ = ["EventBlock", "TimelineBlock"]
