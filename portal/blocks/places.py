"""A map of places: a list that always works, and a Leaflet map over it when scripts run.

The list is the block: every place with its name, coordinates in the reader's number
format, description and object link. The map (portal/static/portal/js/map.js) reads the
same places from a JSON island and adds a "Show on map" button to each list item.
"""

from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from registry.presenters import plain_number

from .base import PLACES_AND_TIME
from .objects import RegisterObjectChooserBlock, card_for

#: Decimal places shown for coordinates: four is about ten metres.
COORDINATE_DECIMALS = 4


def degrees(value):
    """The absolute value in degrees, in the reader's number format ("50,4501" in uk)."""
    return plain_number(Decimal(f"{abs(value):.{COORDINATE_DECIMALS}f}"))


class PlaceValue(blocks.StructValue):
    @cached_property
    def card(self):
        """The linked object's card, or ``None`` (no object, or it is unpublished)."""
        return card_for(self.get("register_object"))

    @property
    def latitude_text(self):
        latitude = self.get("latitude") or 0
        if latitude < 0:
            # Translators: a latitude south of the equator, e.g. "33.9° S".
            return gettext("%(degrees)s° S") % {"degrees": degrees(latitude)}
        # Translators: a latitude north of the equator, e.g. "50.45° N".
        return gettext("%(degrees)s° N") % {"degrees": degrees(latitude)}

    @property
    def longitude_text(self):
        longitude = self.get("longitude") or 0
        if longitude < 0:
            # Translators: a longitude west of Greenwich, e.g. "0.12° W".
            return gettext("%(degrees)s° W") % {"degrees": degrees(longitude)}
        # Translators: a longitude east of Greenwich, e.g. "30.52° E".
        return gettext("%(degrees)s° E") % {"degrees": degrees(longitude)}

    @property
    def coordinates_text(self):
        # Translators: latitude and longitude of a place. Where the decimal separator is a
        # comma, separate them with a semicolon: "50,45° пн. ш.; 30,52° сх. д.".
        return gettext("%(latitude)s, %(longitude)s") % {
            "latitude": self.latitude_text,
            "longitude": self.longitude_text,
        }


class PlaceBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, label=_("Name"))
    latitude = blocks.FloatBlock(
        min_value=-90,
        max_value=90,
        label=_("Latitude"),
        help_text=_("Decimal degrees, north positive: 50.4501 for Kyiv."),
    )
    longitude = blocks.FloatBlock(
        min_value=-180,
        max_value=180,
        label=_("Longitude"),
        help_text=_("Decimal degrees, east positive: 30.5234 for Kyiv."),
    )
    description = blocks.TextBlock(required=False, label=_("Description"))
    register_object = RegisterObjectChooserBlock(required=False, label=_("Object in the register"))

    class Meta:
        icon = "site"
        label = _("Place")
        value_class = PlaceValue


class MapValue(blocks.StructValue):
    @cached_property
    def map_data(self):
        """What map.js needs, for a ``<script type="application/json">`` island.

        Texts go in as data and map.js sets them as text, never as markup; only the tile
        attribution (a setting, not editors' content) is HTML.
        """
        places = []
        for place in self.get("places") or []:
            card = place.card
            places.append(
                {
                    "name": place.get("name") or "",
                    "lat": place.get("latitude"),
                    "lng": place.get("longitude"),
                    "coordinates": place.coordinates_text,
                    "description": place.get("description") or "",
                    "objectTitle": card.title.value if card else "",
                    "objectLang": card.title.lang if card else "",
                    "objectUrl": card.url if card else "",
                }
            )
        return {
            "tileUrl": getattr(settings, "MAP_TILE_URL", ""),
            "attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
            "maxZoom": getattr(settings, "MAP_TILE_MAX_ZOOM", 18),
            "icon": {
                "url": static("vendor/leaflet/images/marker-icon.png"),
                "retinaUrl": static("vendor/leaflet/images/marker-icon-2x.png"),
                "shadowUrl": static("vendor/leaflet/images/marker-shadow.png"),
            },
            "labels": {
                "backToList": gettext("Back to the list"),
                "closePopup": gettext("Close"),
                "zoomIn": gettext("Zoom in"),
                "zoomOut": gettext("Zoom out"),
                "object": gettext("In the collection:"),
            },
            "places": places,
        }


def _map_preview():
    return {
        "heading": gettext("Where the collection was kept"),
        "caption": gettext("Places the museum's objects passed through in 1941–1944."),
        "places": [
            {
                "name": gettext("Kyiv"),
                "latitude": 50.4501,
                "longitude": 30.5234,
                "description": gettext("The museum building, closed in July 1941."),
                "register_object": None,
            },
            {
                "name": gettext("Ufa"),
                "latitude": 54.7348,
                "longitude": 55.9579,
                "description": gettext("Crates stored in a school until 1944."),
                "register_object": None,
            },
        ],
    }


class MapBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=160, label=_("Heading"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))
    places = blocks.ListBlock(PlaceBlock(), min_num=1, label=_("Places"))

    class Meta:
        icon = "site"
        template = "portal/blocks/map.html"
        value_class = MapValue
        group = PLACES_AND_TIME
        label = _("Map")
        description = _("Places on a map, also listed with their coordinates.")
        preview_value = staticmethod(_map_preview)


__all__ = ["MapBlock", "PlaceBlock"]
