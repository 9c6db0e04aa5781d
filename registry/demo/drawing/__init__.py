"""Procedural pictures of the demo objects, drawn with Pillow.

Each drawer takes a seeded ``random.Random``, the output size, a view (``main``, ``back``
or ``detail``) and an optional style, and returns an RGB image. The same seed, size, view
and style always give the same pixels, so re-importing the demo changes nothing.
"""

from .base import crop_detail
from .ceramics import draw_tile, draw_vessel
from .icons import draw_icon
from .metal import draw_coin, draw_cross
from .paintings import draw_landscape, draw_portrait
from .paper import draw_book, draw_engraving, draw_petrykivka
from .pysanka import draw_pysanka
from .textiles import draw_kilim, draw_rushnyk, draw_vyshyvanka

DRAWERS = {
    "book": draw_book,
    "coin": draw_coin,
    "cross": draw_cross,
    "engraving": draw_engraving,
    "icon": draw_icon,
    "kilim": draw_kilim,
    "landscape": draw_landscape,
    "petrykivka": draw_petrykivka,
    "portrait": draw_portrait,
    "pysanka": draw_pysanka,
    "rushnyk": draw_rushnyk,
    "tile": draw_tile,
    "vessel": draw_vessel,
    "vyshyvanka": draw_vyshyvanka,
}
#: Drawers that draw a real reverse view; the others show a detail of the front instead.
DRAWS_BACK = frozenset({"icon", "pysanka", "vessel"})

__all__ = ["DRAWERS", "DRAWS_BACK", "crop_detail"]
