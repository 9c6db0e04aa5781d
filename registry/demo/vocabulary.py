"""Holding museums, object types, materials and techniques of the demo museum (uk, en).

The museums are real Ukrainian museums, named so the demo looks like the register it stands
for; every object attributed to them is fictional (see docs/demo.md). Coordinates are
approximate; those of the Ivan Honchar Museum, the Museum of Ukrainian Folk Decorative Art
and the National Museum of the History of Ukraine come from Wikidata.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Museum:
    name: tuple
    place: tuple
    latitude: float
    longitude: float


MUSEUMS = {
    "namu": Museum(
        ("Національний художній музей України", "National Art Museum of Ukraine"),
        ("Київ", "Kyiv"),
        50.449300,
        30.530600,
    ),
    "honchar": Museum(
        ("Національний центр народної культури «Музей Івана Гончара»", "Ivan Honchar Museum"),
        ("Київ", "Kyiv"),
        50.432194,
        30.557750,
    ),
    "folk-art": Museum(
        (
            "Національний музей українського народного декоративного мистецтва",
            "National Museum of Ukrainian Folk Decorative Art",
        ),
        ("Київ", "Kyiv"),
        50.434322,
        30.557013,
    ),
    "history": Museum(
        ("Національний музей історії України", "National Museum of the History of Ukraine"),
        ("Київ", "Kyiv"),
        50.458333,
        30.516111,
    ),
    "lviv": Museum(
        (
            "Національний музей у Львові імені Андрея Шептицького",
            "Andrey Sheptytsky National Museum in Lviv",
        ),
        ("Львів", "Lviv"),
        49.843200,
        24.028600,
    ),
    "chernihiv": Museum(
        (
            "Чернігівський історичний музей імені В. В. Тарновського",
            "V. Tarnovsky Chernihiv Historical Museum",
        ),
        ("Чернігів", "Chernihiv"),
        51.492900,
        31.306200,
    ),
    "kharkiv-art": Museum(
        ("Харківський художній музей", "Kharkiv Art Museum"),
        ("Харків", "Kharkiv"),
        49.998400,
        36.238000,
    ),
    "kherson-art": Museum(
        (
            "Херсонський обласний художній музей імені Олексія Шовкуненка",
            "Oleksii Shovkunenko Kherson Regional Art Museum",
        ),
        ("Херсон", "Kherson"),
        46.638500,
        32.614500,
    ),
}


@dataclass(frozen=True)
class ObjectType:
    uk: tuple  # (broad, narrow)
    en: tuple
    drawer: str  # registry.demo.drawing.DRAWERS key
    portrait: bool  # 1200×1600 rather than 1600×1200
    inventory_prefix: str


TYPES = {
    "icon": ObjectType(("Живопис", "Ікона"), ("Painting", "Icon"), "icon", True, "Ж"),
    "portrait": ObjectType(("Живопис", "Портрет"), ("Painting", "Portrait"), "portrait", True, "Ж"),
    "landscape": ObjectType(
        ("Живопис", "Пейзаж"), ("Painting", "Landscape"), "landscape", False, "Ж"
    ),
    "pysanka": ObjectType(
        ("Декоративно-ужиткове мистецтво", "Писанка"),
        ("Decorative art", "Pysanka"),
        "pysanka",
        True,
        "ДУ",
    ),
    "petrykivka": ObjectType(
        ("Декоративно-ужиткове мистецтво", "Декоративний розпис"),
        ("Decorative art", "Decorative painting"),
        "petrykivka",
        False,
        "ДУ",
    ),
    "rushnyk": ObjectType(("Текстиль", "Рушник"), ("Textiles", "Rushnyk"), "rushnyk", True, "Т"),
    "vyshyvanka": ObjectType(
        ("Текстиль", "Вишиванка"), ("Textiles", "Embroidered shirt"), "vyshyvanka", False, "Т"
    ),
    "kilim": ObjectType(("Текстиль", "Килим"), ("Textiles", "Kilim"), "kilim", False, "Т"),
    "jug": ObjectType(("Кераміка", "Глечик"), ("Ceramics", "Jug"), "vessel", True, "К"),
    "pot": ObjectType(("Кераміка", "Горщик"), ("Ceramics", "Pot"), "vessel", True, "К"),
    "tile": ObjectType(("Кераміка", "Кахля"), ("Ceramics", "Stove tile"), "tile", False, "К"),
    "vessel": ObjectType(
        ("Археологія", "Посудина"), ("Archaeology", "Vessel"), "vessel", True, "А"
    ),
    "coin": ObjectType(("Археологія", "Монета"), ("Archaeology", "Coin"), "coin", False, "Н"),
    "cross": ObjectType(("Металопластика", "Хрест"), ("Metalwork", "Cross"), "cross", True, "М"),
    "engraving": ObjectType(
        ("Графіка", "Гравюра"), ("Graphic art", "Engraving"), "engraving", False, "Г"
    ),
    "book": ObjectType(
        ("Книжкові пам’ятки", "Стародрук"),
        ("Rare books", "Early printed book"),
        "book",
        False,
        "КН",
    ),
    "manuscript": ObjectType(
        ("Книжкові пам’ятки", "Рукописна книга"),
        ("Rare books", "Manuscript book"),
        "book",
        False,
        "КН",
    ),
}

MATERIALS = {
    "lime": ("липова дошка", "lime-wood panel"),
    "wood": ("дерево", "wood"),
    "gesso": ("левкас", "gesso"),
    "tempera": ("яєчна темпера", "egg tempera"),
    "gold_leaf": ("сусальне золото", "gold leaf"),
    "canvas": ("полотно", "canvas"),
    "oil": ("олійні фарби", "oil paint"),
    "egg": ("куряче яйце", "hen’s egg"),
    "beeswax": ("бджолиний віск", "beeswax"),
    "aniline": ("анілінові барвники", "aniline dyes"),
    "plant_dyes": ("рослинні барвники", "plant dyes"),
    "linen": ("лляне полотно", "linen"),
    "hemp": ("конопляне полотно", "hemp cloth"),
    "cotton": ("бавовняні нитки", "cotton thread"),
    "wool": ("вовна", "wool"),
    "clay": ("глина", "clay"),
    "engobe": ("ангоб", "engobe"),
    "glaze": ("полива", "glaze"),
    "mineral_paint": ("мінеральні фарби", "mineral paints"),
    "silver": ("срібло", "silver"),
    "gold": ("золото", "gold"),
    "bronze": ("бронза", "bronze"),
    "glass": ("скло", "glass"),
    "paper": ("папір", "paper"),
    "rag_paper": ("ганчір’яний папір", "rag paper"),
    "printing_ink": ("друкарська фарба", "printing ink"),
    "iron_gall": ("залізо-галове чорнило", "iron-gall ink"),
    "cinnabar": ("кіновар", "cinnabar"),
    "leather": ("шкіра", "leather"),
    "gouache": ("гуаш", "gouache"),
}

TECHNIQUES = {
    "tempera_painting": ("темперний живопис", "tempera painting"),
    "gilding": ("золочення", "gilding"),
    "oil_painting": ("олійний живопис", "oil painting"),
    "wax_resist": ("писання воском", "wax-resist decoration"),
    "cross_stitch": ("вишивка хрестиком", "cross-stitch embroidery"),
    "satin_stitch": ("вишивка гладдю", "satin-stitch embroidery"),
    "openwork": ("мережка", "drawn-thread work"),
    "kilim_weaving": (
        "ручне ткацтво на вертикальному верстаті",
        "tapestry weaving on an upright loom",
    ),
    "wheel_throwing": ("гончарство на крузі", "wheel throwing"),
    "hand_building": ("ліплення", "hand building"),
    "slip_trailing": ("ріжкування", "slip trailing"),
    "engobe_painting": ("розпис ангобами", "slip painting"),
    "glazing": ("поливання", "glazing"),
    "moulding": ("формування в матриці", "press moulding"),
    "burnishing": ("лощення", "burnishing"),
    "striking": ("карбування", "striking"),
    "casting": ("лиття", "casting"),
    "chasing": ("чеканка", "chasing"),
    "filigree": ("філігрань", "filigree"),
    "engraving": ("гравіювання", "engraving"),
    "copper_engraving": ("гравюра на міді", "copper engraving"),
    "etching": ("офорт", "etching"),
    "woodcut": ("гравюра на дереві", "woodcut"),
    "letterpress": ("високий друк", "letterpress printing"),
    "handwriting": ("письмо півуставом", "semi-uncial script"),
    "brush_painting": ("розпис пензлем", "brush painting"),
}

PUBLIC_DOMAIN = "https://creativecommons.org/publicdomain/mark/1.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
IN_COPYRIGHT_EDU = "http://rightsstatements.org/vocab/InC-EDU/1.0/"
NOT_EVALUATED = "http://rightsstatements.org/vocab/CNE/1.0/"
