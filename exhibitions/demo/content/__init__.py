"""The demo pages: two exhibitions with chapters, a story and a theme hub, in uk and en.

``SECTIONS`` are the index pages under each language's home page, with their pages;
``HOME`` is what the home pages feature.
"""

from ..spec import Obj, PageRef, PageSpec, T, block
from . import folk_art, pysanky, war

EXHIBITIONS = PageSpec(
    key="exhibitions",
    model="exhibitions.ExhibitionIndexPage",
    slug="exhibitions",
    title=T("Виставки й історії", "Exhibitions and stories"),
    fields={
        "introduction": T(
            "<p>Виставки з розділами й довгі історії про спадщину України та людей, які її "
            "бережуть.</p>",
            "<p>Exhibitions in chapters and long-form stories about Ukraine’s heritage and "
            "the people who keep it safe.</p>",
        )
    },
    children=[war.EXHIBITION, folk_art.EXHIBITION, pysanky.STORY],
)

THEMES = PageSpec(
    key="themes",
    model="themes.ThemeIndexPage",
    slug="themes",
    title=T("Теми", "Themes"),
    fields={
        "introduction": T(
            "<p>Добірки виставок, історій і предметів навколо однієї теми.</p>",
            "<p>Exhibitions, stories and objects gathered round one theme.</p>",
        )
    },
    children=[pysanky.THEME],
)

SECTIONS = [EXHIBITIONS, THEMES]

HOME = {
    "featured_pages": [
        PageRef("war"),
        PageRef("folk"),
        PageRef("story"),
        PageRef("theme-pysanky"),
    ],
    "featured_objects": [
        block("object", Obj(register_id))
        for register_id in (
            "demo-namu-001",
            "demo-chernihiv-006",
            "demo-kherson-001",
            "demo-honchar-002",
            "demo-folk-001",
            "demo-history-004",
            "demo-kherson-004",
            "demo-folk-003",
        )
    ],
}

__all__ = ["HOME", "SECTIONS"]
