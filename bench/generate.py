"""Generate a deterministic register export in the exchange format (docs/import-format.md).

    python bench/generate.py --count 100000            # -> bench/out/register-100000.csv

Records look like the Electronic Register of the Museum Fund: fourteen real holding museums,
two-level object types from icons to Scythian gold, Ukrainian and English titles,
descriptions, makers, materials, techniques, dimensions, inscriptions, every status with
its public note, and a restricted storage location. No images. Row ``i`` depends only on
the seed and ``i``, so the first N rows of any file are the file of N rows.
"""

import argparse
import csv
import hashlib
import random
import re
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
SEED = 2022

COLUMNS = [
    "register_id",
    "inventory_number",
    "holder",
    "holder_name",
    "holder_name_en",
    "holder_place",
    "holder_place_en",
    "holder_latitude",
    "holder_longitude",
    "object_type",
    "object_type_en",
    "title_uk",
    "title_en",
    "description_uk",
    "description_en",
    "maker",
    "maker_en",
    "date_display",
    "date_display_en",
    "date_earliest",
    "date_latest",
    "materials",
    "materials_en",
    "techniques",
    "techniques_en",
    "dimensions",
    "inscriptions",
    "inscriptions_en",
    "distinguishing_features",
    "distinguishing_features_en",
    "subject",
    "subject_en",
    "place_of_origin",
    "place_of_origin_en",
    "status",
    "status_date",
    "status_note",
    "status_note_en",
    "rights",
    "credit_line",
    "credit_line_en",
    "related",
    "published",
    "storage_location",
    "evacuation_location",
    "evacuation_date",
]

# code, name (uk, en), place (uk, en), latitude, longitude
MUSEUMS = [
    ("nhmu", "Національний художній музей України", "National Art Museum of Ukraine", "Київ", "Kyiv", "50.449700", "30.529700"),
    ("lvivgallery", "Львівська національна галерея мистецтв імені Б. Г. Возницького", "Borys Voznytskyi Lviv National Art Gallery", "Львів", "Lviv", "49.838600", "24.023300"),
    ("kharkiv-art", "Харківський художній музей", "Kharkiv Art Museum", "Харків", "Kharkiv", "49.998000", "36.230400"),
    ("nmiu", "Національний музей історії України", "National Museum of the History of Ukraine", "Київ", "Kyiv", "50.455600", "30.517100"),
    ("odesa-fine-arts", "Одеський художній музей", "Odesa Fine Arts Museum", "Одеса", "Odesa", "46.488000", "30.733000"),
    ("chernihiv-tarnovsky", "Чернігівський історичний музей імені В. В. Тарновського", "Chernihiv Historical Museum named after V. V. Tarnovsky", "Чернігів", "Chernihiv", "51.494000", "31.301000"),
    ("kherson-art", "Херсонський художній музей імені О. Шовкуненка", "Kherson Art Museum named after O. Shovkunenko", "Херсон", "Kherson", "46.635400", "32.616900"),
    ("melitopol-local", "Мелітопольський краєзнавчий музей", "Melitopol Museum of Local History", "Мелітополь", "Melitopol", "46.848900", "35.367500"),
    ("poltava-local", "Полтавський краєзнавчий музей імені Василя Кричевського", "Vasyl Krychevskyi Poltava Museum of Local History", "Полтава", "Poltava", "49.588300", "34.551400"),
    ("honchar", "Національний центр народної культури «Музей Івана Гончара»", "Ivan Honchar Museum, National Centre of Folk Culture", "Київ", "Kyiv", "50.433900", "30.558000"),
    ("nmudm", "Національний музей українського народного декоративного мистецтва", "National Museum of Ukrainian Folk Decorative Art", "Київ", "Kyiv", "50.434700", "30.557200"),
    ("dnipro-yavornytsky", "Дніпровський національний історичний музей імені Д. І. Яворницького", "Dmytro Yavornytsky National Historical Museum of Dnipro", "Дніпро", "Dnipro", "48.459000", "35.064000"),
    ("mariupol-local", "Маріупольський краєзнавчий музей", "Mariupol Museum of Local History", "Маріуполь", "Mariupol", "47.097100", "37.543400"),
    ("ivankiv-local", "Іванківський історико-краєзнавчий музей", "Ivankiv Museum of History and Local Lore", "Іванків", "Ivankiv", "50.937000", "29.896000"),
]  # fmt: skip

REGIONS = [
    ("Полтавщина", "Poltava region"),
    ("Поділля", "Podillia"),
    ("Гуцульщина", "Hutsul region"),
    ("Київщина", "Kyiv region"),
    ("Чернігівщина", "Chernihiv region"),
    ("Слобожанщина", "Slobozhanshchyna"),
    ("Буковина", "Bukovyna"),
    ("Волинь", "Volhynia"),
    ("Бойківщина", "Boikivshchyna"),
    ("Таврія", "Tavria"),
    ("Приазов'я", "Azov Sea region"),
    ("Закарпаття", "Transcarpathia"),
]

SAINTS = [
    ("Богородиця Одигітрія", "Virgin Hodegetria"),
    ("Покрова Пресвятої Богородиці", "Protection of the Mother of God"),
    ("Святий Миколай Чудотворець", "Saint Nicholas the Wonderworker"),
    ("Святий Георгій Змієборець", "Saint George and the Dragon"),
    ("Христос Пантократор", "Christ Pantocrator"),
    ("Різдво Христове", "Nativity of Christ"),
    ("Святі Борис і Гліб", "Saints Borys and Hlib"),
    ("Архангел Михаїл", "Archangel Michael"),
    ("Свята Варвара", "Saint Barbara"),
    ("Деісус", "Deesis"),
]

SITTERS = [
    ("невідомої жінки в очіпку", "an unknown woman in an ochipok headdress"),
    ("козацького старшини", "a Cossack officer"),
    ("полковника Григорія Галагана", "Colonel Hryhorii Halahan"),
    ("дружини художника", "the artist's wife"),
    ("поміщика з родиною", "a landowner with his family"),
    ("молодого священника", "a young priest"),
    ("гетьмана Івана Мазепи", "Hetman Ivan Mazepa"),
    ("дівчини з квітами", "a girl with flowers"),
    ("старого кобзаря", "an old kobzar"),
]

LANDSCAPES = [
    ("Захід сонця над Дніпром", "Sunset over the Dnipro"),
    ("Зимовий вечір у селі", "Winter evening in a village"),
    ("Карпатські полонини", "Carpathian mountain meadows"),
    ("Вишневий садок", "Cherry orchard"),
    ("Степ після дощу", "The steppe after rain"),
    ("Вітряки над ставом", "Windmills above a pond"),
    ("Місячна ніч на Україні", "Moonlit night in Ukraine"),
    ("Осінь у Качанівці", "Autumn at Kachanivka"),
]

MOTIFS = [
    ("дерево життя", "tree of life"),
    ("барвінок", "periwinkle"),
    ("калина", "guelder rose"),
    ("виноград", "grapevine"),
    ("сорок клинців", "forty wedges"),
    ("безконечник", "endless line"),
    ("оленчики", "little stags"),
    ("зірка-ружа", "star rose"),
    ("півники", "roosters"),
    ("берегиня", "the protectress"),
]

BEASTS = [
    ("Звір у червоних чоботях", "Beast in red boots"),
    ("Синій лев", "Blue lion"),
    ("Квіти виросли коло Чорнобиля", "Flowers grew near Chornobyl"),
    ("Кіт у квітах", "Cat among flowers"),
    ("Чаплі на болоті", "Herons in a marsh"),
    ("Букет у вазі", "Bouquet in a vase"),
]

RULERS = [
    ("Сигізмунда III", "of Sigismund III"),
    ("Яна Казимира", "of John II Casimir"),
    ("Петра I", "of Peter I"),
    ("Катерини II", "of Catherine II"),
    ("Карла VI", "of Charles VI"),
]

DOCUMENT_AUTHORS = [
    ("гетьмана Івана Мазепи", "of Hetman Ivan Mazepa"),
    ("гетьмана Івана Скоропадського", "of Hetman Ivan Skoropadskyi"),
    ("гетьмана Данила Апостола", "of Hetman Danylo Apostol"),
    ("полковника Павла Полуботка", "of Colonel Pavlo Polubotok"),
    ("Генеральної військової канцелярії", "of the General Military Chancellery"),
]

CITIES = [
    ("Київ", "Kyiv"),
    ("Львів", "Lviv"),
    ("Харків", "Kharkiv"),
    ("Одеса", "Odesa"),
    ("Чернігів", "Chernihiv"),
    ("Полтава", "Poltava"),
    ("Херсон", "Kherson"),
    ("Мелітополь", "Melitopol"),
    ("Маріуполь", "Mariupol"),
    ("Дніпро", "Dnipro"),
    ("Кам'янець-Подільський", "Kamianets-Podilskyi"),
    ("Батурин", "Baturyn"),
    ("Опішня", "Opishnia"),
    ("Косів", "Kosiv"),
    ("Петриківка", "Petrykivka"),
]

# Makers: name, role, dates (uk), then the same in English.
PAINTERS = [
    (("Дмитро Левицький", "художник", "1735–1822"), ("Dmytro Levytskyi", "painter", "1735–1822")),
    (("Володимир Боровиковський", "художник", "1757–1825"), ("Volodymyr Borovykovskyi", "painter", "1757–1825")),
    (("Тарас Шевченко", "художник", "1814–1861"), ("Taras Shevchenko", "painter", "1814–1861")),
    (("Микола Пимоненко", "художник", "1862–1912"), ("Mykola Pymonenko", "painter", "1862–1912")),
    (("Олександр Мурашко", "художник", "1875–1919"), ("Oleksandr Murashko", "painter", "1875–1919")),
    (("Іван Труш", "художник", "1869–1941"), ("Ivan Trush", "painter", "1869–1941")),
    (("Олекса Новаківський", "художник", "1872–1935"), ("Oleksa Novakivskyi", "painter", "1872–1935")),
    (("Архип Куїнджі", "художник", "1842–1910"), ("Arkhyp Kuindzhi", "painter", "1842–1910")),
    (("Сергій Васильківський", "художник", "1854–1917"), ("Serhii Vasylkivskyi", "painter", "1854–1917")),
]  # fmt: skip
FOLK_PAINTERS = [
    (("Марія Приймаченко", "художниця", "1908–1997"), ("Maria Prymachenko", "painter", "1908–1997")),
    (("Катерина Білокур", "художниця", "1900–1961"), ("Kateryna Bilokur", "painter", "1900–1961")),
    (("Тетяна Пата", "майстриня петриківського розпису", "1884–1976"), ("Tetiana Pata", "Petrykivka painter", "1884–1976")),
    (("Ганна Собачко-Шостак", "художниця", "1883–1965"), ("Hanna Sobachko-Shostak", "painter", "1883–1965")),
]  # fmt: skip
GRAPHIC_ARTISTS = [
    (("Георгій Нарбут", "графік", "1886–1920"), ("Heorhii Narbut", "graphic artist", "1886–1920")),
    (("Олена Кульчицька", "графікиня", "1877–1967"), ("Olena Kulchytska", "graphic artist", "1877–1967")),
    (("Василь Касіян", "графік", "1896–1976"), ("Vasyl Kasiian", "graphic artist", "1896–1976")),
    (("Олександр Тарасевич", "гравер", "бл. 1640–1727"), ("Oleksandr Tarasevych", "engraver", "c. 1640–1727")),
]  # fmt: skip
ANONYMOUS = {
    "icon": (("Невідомий іконописець", "іконописець", ""), ("Unknown icon painter", "icon painter", "")),
    "embroidery": (("Невідома майстриня", "вишивальниця", ""), ("Unknown craftswoman", "embroiderer", "")),
    "potter": (("Невідомий гончар", "гончар", ""), ("Unknown potter", "potter", "")),
    "smith": (("Невідомий зброяр", "зброяр", ""), ("Unknown armourer", "armourer", "")),
    "jeweller": (("Невідомий ювелір", "ювелір", ""), ("Unknown goldsmith", "goldsmith", "")),
    "scribe": (("Невідомий писар", "писар", ""), ("Unknown scribe", "scribe", "")),
    "mint": (("Монетний двір", "карбування", ""), ("Mint", "minting", "")),
    "pysanka": (("Невідома писанкарка", "писанкарка", ""), ("Unknown pysanka maker", "pysanka maker", "")),
    "photographer": (("Невідомий фотограф", "фотограф", ""), ("Unknown photographer", "photographer", "")),
}  # fmt: skip
POTTERS = [
    (("Олександра Селюченко", "гончарка", "1908–1987"), ("Oleksandra Seliuchenko", "potter", "1908–1987")),
    (("Гаврило Пошивайло", "гончар", "1909–1998"), ("Havrylo Poshyvailo", "potter", "1909–1998")),
    (("Олександр Бахметьєв", "кахляр", "1894–1975"), ("Oleksandr Bakhmetiev", "tile maker", "1894–1975")),
]  # fmt: skip
PHOTOGRAPHERS = [
    (("Данило Щербаківський", "фотограф", "1877–1927"), ("Danylo Shcherbakivskyi", "photographer", "1877–1927")),
    (("Йосип Кордиш", "фотограф", "1848–1900"), ("Yosyp Kordysh", "photographer", "1848–1900")),
]  # fmt: skip


def _century(year):
    return (abs(year) - 1) // 100 + 1


def _ordinal(number):
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _century_uk(year):
    return f"{_roman(_century(year))} ст." + (" до н. е." if year < 0 else "")


def _century_en(year):
    return f"{_ordinal(_century(year))} century" + (" BCE" if year < 0 else "")


def _centuries(earliest, latest):
    """A period in centuries, in Ukrainian and English: XVII–XVIII ст., 17th–18th century."""
    if _century_uk(earliest) == _century_uk(latest):
        return _century_uk(earliest), _century_en(earliest)
    if (earliest < 0) == (latest < 0):
        return (
            f"{_roman(_century(earliest))}–{_century_uk(latest)}",
            f"{_ordinal(_century(earliest))}–{_century_en(latest)}",
        )
    return (
        f"{_century_uk(earliest)} – {_century_uk(latest)}",
        f"{_century_en(earliest)} – {_century_en(latest)} CE",
    )


def _roman(number):
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


# Each kind: object type (uk, en), inventory prefix, title maker, materials, techniques,
# dimensions (name, low, high, unit), years, makers.
def _icon(rng):
    saint = rng.choice(SAINTS)
    return f"Ікона «{saint[0]}»", f"Icon “{saint[1]}”", saint


def _portrait(rng):
    sitter = rng.choice(SITTERS)
    return f"Портрет {sitter[0]}", f"Portrait of {sitter[1]}", sitter


def _landscape(rng):
    view = rng.choice(LANDSCAPES)
    return view[0], view[1], view


def _folk_painting(rng):
    beast = rng.choice(BEASTS)
    return f"Декоративний розпис «{beast[0]}»", f"Decorative painting “{beast[1]}”", beast


def _towel(rng):
    region, motif = rng.choice(REGIONS), rng.choice(MOTIFS)
    return (
        f"Рушник весільний із мотивом «{motif[0]}», {region[0]}",
        f"Wedding rushnyk with the “{motif[1]}” motif, {region[1]}",
        motif,
    )


def _shirt(rng):
    region, motif = rng.choice(REGIONS), rng.choice(MOTIFS)
    return (
        f"Сорочка жіноча вишита, {region[0]}",
        f"Woman's embroidered shirt, {region[1]}",
        motif,
    )


def _jug(rng):
    motif = rng.choice(MOTIFS)
    return f"Глечик мальований із мотивом «{motif[0]}»", f"Painted jug with “{motif[1]}”", motif


def _tile(rng):
    motif = rng.choice(MOTIFS)
    return f"Кахля з мотивом «{motif[0]}»", f"Stove tile with “{motif[1]}”", motif


def _amphora(rng):
    whole = rng.random() < 0.6
    return (
        ("Амфора", "Amphora", ("амфора", "amphora"))
        if whole
        else ("Фрагмент амфори з клеймом", "Stamped amphora fragment", ("клеймо", "stamp"))
    )


def _plaque(rng):
    beast = rng.choice([("оленя", "a stag"), ("пантери", "a panther"), ("грифона", "a griffin")])
    return (
        f"Бляшка-аплікація із зображенням {beast[0]}",
        f"Appliqué plaque with {beast[1]}",
        beast,
    )


def _coin(rng):
    ruler = rng.choice(RULERS)
    return f"Монета, срібний гріш {ruler[0]}", f"Coin, silver grosz {ruler[1]}", ruler


def _sabre(rng):
    return "Шабля козацька", "Cossack sabre", ("шабля", "sabre")


def _engraving(rng):
    subject = rng.choice(SAINTS + LANDSCAPES)
    return f"Гравюра «{subject[0]}»", f"Engraving “{subject[1]}”", subject


def _pysanka(rng):
    motif = rng.choice(MOTIFS)
    return f"Писанка з мотивом «{motif[0]}»", f"Pysanka with the “{motif[1]}” motif", motif


def _charter(rng):
    author = rng.choice(DOCUMENT_AUTHORS)
    return f"Універсал {author[0]}", f"Universal {author[1]}", author


def _photograph(rng):
    city = rng.choice(CITIES)
    return f"Фотографія «Вулиця в місті {city[0]}»", f"Photograph “A street in {city[1]}”", city


KINDS = [
    # weight, (broad uk, en), (narrow uk, en), prefix, title, materials, techniques, dims, years, makers
    (9, ("Живопис", "Painting"), ("Ікона", "Icon"), "І", _icon,
     [("дерево", "wood"), ("левкас", "gesso"), ("темпера", "tempera"), ("сусальне золото", "gold leaf")],
     [("темперний живопис", "tempera painting"), ("золочення", "gilding")],
     [("height", 20, 120, "cm"), ("width", 15, 90, "cm"), ("depth", 2, 5, "cm")], (1550, 1900),
     [ANONYMOUS["icon"]]),
    (8, ("Живопис", "Painting"), ("Портрет", "Portrait"), "Ж", _portrait,
     [("полотно", "canvas"), ("олія", "oil paint")], [("олійний живопис", "oil painting")],
     [("height", 40, 180, "cm"), ("width", 30, 140, "cm")], (1700, 1930), PAINTERS),
    (7, ("Живопис", "Painting"), ("Пейзаж", "Landscape"), "Ж", _landscape,
     [("полотно", "canvas"), ("олія", "oil paint"), ("картон", "cardboard")],
     [("олійний живопис", "oil painting")],
     [("height", 30, 150, "cm"), ("width", 40, 200, "cm")], (1820, 1940), PAINTERS),
    (5, ("Живопис", "Painting"), ("Народний декоративний розпис", "Folk decorative painting"),
     "НД", _folk_painting, [("папір", "paper"), ("гуаш", "gouache")],
     [("петриківський розпис", "Petrykivka painting")],
     [("height", 30, 90, "cm"), ("width", 40, 120, "cm")], (1930, 1990), FOLK_PAINTERS),
    (10, ("Текстиль", "Textiles"), ("Рушник", "Rushnyk (ritual towel)"), "Т", _towel,
     [("льон", "linen"), ("бавовняні нитки", "cotton thread"), ("вовняні нитки", "wool thread")],
     [("вишивка хрестиком", "cross-stitch embroidery"), ("вишивка гладдю", "satin-stitch embroidery"), ("ткацтво", "weaving")],
     [("length", 150, 400, "cm"), ("width", 28, 45, "cm")], (1800, 1960), [ANONYMOUS["embroidery"]]),
    (8, ("Текстиль", "Textiles"), ("Сорочка", "Embroidered shirt"), "Т", _shirt,
     [("льон", "linen"), ("конопляне полотно", "hemp cloth"), ("бавовняні нитки", "cotton thread")],
     [("вишивка хрестиком", "cross-stitch embroidery"), ("вишивка низзю", "back-stitch embroidery")],
     [("length", 90, 140, "cm")], (1850, 1950), [ANONYMOUS["embroidery"]]),
    (8, ("Кераміка", "Ceramics"), ("Глечик", "Jug"), "К", _jug,
     [("глина", "clay"), ("ангоб", "engobe"), ("полива", "glaze")],
     [("гончарство", "wheel throwing"), ("розпис ангобами", "engobe painting")],
     [("height", 15, 40, "cm"), ("diameter", 10, 30, "cm")], (1850, 1970),
     [ANONYMOUS["potter"], *POTTERS]),
    (4, ("Кераміка", "Ceramics"), ("Кахля", "Stove tile"), "К", _tile,
     [("глина", "clay"), ("полива", "glaze")], [("рельєфне формування", "relief moulding")],
     [("height", 18, 25, "cm"), ("width", 18, 25, "cm"), ("thickness", 1, 3, "cm")],
     (1600, 1850), [ANONYMOUS["potter"]]),
    (6, ("Археологія", "Archaeology"), ("Амфора", "Amphora"), "А", _amphora,
     [("кераміка", "ceramic")], [("гончарство", "wheel throwing")],
     [("height", 10, 90, "cm"), ("diameter", 8, 40, "cm")], (-500, 300), [ANONYMOUS["potter"]]),
    (3, ("Археологія", "Archaeology"), ("Скіфське золото", "Scythian gold"), "А", _plaque,
     [("золото", "gold")], [("карбування", "repoussé"), ("лиття", "casting")],
     [("height", 2, 9, "cm"), ("width", 2, 9, "cm"), ("weight", 3, 60, "g")], (-600, -250),
     [ANONYMOUS["jeweller"]]),
    (9, ("Нумізматика", "Numismatics"), ("Монета", "Coin"), "Н", _coin,
     [("срібло", "silver")], [("карбування монет", "coin striking")],
     [("diameter", 15, 30, "mm"), ("weight", 1, 8, "g")], (1580, 1780), [ANONYMOUS["mint"]]),
    (4, ("Зброя", "Arms"), ("Шабля", "Sabre"), "З", _sabre,
     [("сталь", "steel"), ("латунь", "brass"), ("дерево", "wood"), ("шкіра", "leather")],
     [("кування", "forging"), ("гравіювання", "engraving")],
     [("length", 80, 100, "cm"), ("weight", 1, 2, "kg")], (1650, 1800), [ANONYMOUS["smith"]]),
    (5, ("Графіка", "Graphic art"), ("Гравюра", "Engraving"), "Г", _engraving,
     [("папір", "paper"), ("чорнило", "ink")],
     [("офорт", "etching"), ("ксилографія", "woodcut"), ("мідьорит", "copper engraving")],
     [("height", 10, 60, "cm"), ("width", 8, 45, "cm")], (1620, 1930), GRAPHIC_ARTISTS),
    (7, ("Етнографія", "Ethnography"), ("Писанка", "Pysanka"), "Е", _pysanka,
     [("яєчна шкаралупа", "eggshell"), ("бджолиний віск", "beeswax"), ("природні барвники", "natural dyes")],
     [("розпис воском", "wax-resist dyeing")],
     [("height", 5, 7, "cm"), ("diameter", 4, 5, "cm")], (1880, 2000), [ANONYMOUS["pysanka"]]),
    (3, ("Документи", "Documents"), ("Універсал", "Universal (decree)"), "Д", _charter,
     [("папір", "paper"), ("чорнило", "ink"), ("віск", "wax")],
     [("рукопис", "manuscript"), ("печатка", "sealing")],
     [("height", 30, 45, "cm"), ("width", 20, 35, "cm")], (1660, 1760), [ANONYMOUS["scribe"]]),
    (4, ("Фотографія", "Photography"), ("Фотовідбиток", "Photographic print"), "Ф", _photograph,
     [("фотопапір", "photographic paper")], [("срібно-желатиновий друк", "gelatin silver print"), ("альбуміновий друк", "albumen print")],
     [("height", 9, 30, "cm"), ("width", 6, 40, "cm")], (1860, 1940), [ANONYMOUS["photographer"], *PHOTOGRAPHERS]),
]  # fmt: skip
KIND_WEIGHTS = [kind[0] for kind in KINDS]

STATUSES = [
    # status, weight, notes (uk, en)
    ("in_collection", 70, [("", "")]),
    ("moved_for_safekeeping", 10, [
        ("Евакуйовано в безпечне місце на час воєнного стану.", "Evacuated to a safe place for the duration of martial law."),
        ("Тимчасово переміщено до захищеного сховища.", "Temporarily moved to a protected store."),
    ]),
    ("on_loan", 5, [("Експонується на виставці за кордоном.", "On display at an exhibition abroad.")]),
    ("damaged", 6, [
        ("Пошкоджено внаслідок ракетного удару по будівлі музею.", "Damaged when a missile struck the museum building."),
        ("Пошкоджено уламками скла під час обстрілу.", "Damaged by broken glass during shelling."),
    ]),
    ("destroyed", 2, [("Знищено внаслідок пожежі після обстрілу.", "Destroyed in a fire after shelling.")]),
    ("missing", 3, [("Місцезнаходження невідоме після деокупації міста.", "Whereabouts unknown since the city was liberated.")]),
    ("stolen", 2, [
        ("Вивезено окупантами з експозиції музею.", "Removed from the museum's display by the occupying forces."),
        ("Викрадено зі сховища; розшукується Інтерполом.", "Stolen from the store; sought by INTERPOL."),
    ]),
    ("returned", 2, [("Повернуто до музею після розшуку.", "Returned to the museum after a search.")]),
]  # fmt: skip
STATUS_WEIGHTS = [status[1] for status in STATUSES]

RIGHTS = [
    "https://creativecommons.org/publicdomain/mark/1.0/",
    "https://creativecommons.org/licenses/by/4.0/",
    "http://rightsstatements.org/vocab/InC/1.0/",
    "https://creativecommons.org/publicdomain/zero/1.0/",
]

CONDITIONS = [
    ("Стан задовільний.", "Condition fair."),
    ("Стан добрий, реставровано у 1987 році.", "Good condition, restored in 1987."),
    ("Потребує консервації: осипання фарбового шару.", "Needs conservation: flaking paint layer."),
    (
        "Втрати по краях, сліди давньої реставрації.",
        "Losses along the edges, traces of an old restoration.",
    ),
]

FEATURES = [
    ("Тріщина у верхньому лівому куті.", "A crack in the upper left corner."),
    ("Пляма від вологи на звороті.", "A water stain on the back."),
    ("На звороті інвентарний номер чорнилом.", "Inventory number in ink on the back."),
    ("Відсутній фрагмент нижнього краю.", "A piece of the lower edge is missing."),
    ("Сліди кріплення на зворотному боці.", "Mounting marks on the reverse."),
]

PROVENANCE = [
    ("Надійшло з колекції Богдана та Варвари Ханенків.", "Came from the collection of Bohdan and Varvara Khanenko."),
    ("Надійшло до музею у {year} році.", "Entered the museum in {year}."),
    ("Придбано в приватного колекціонера у {year} році.", "Bought from a private collector in {year}."),
    ("Передано з Державного музейного фонду у {year} році.", "Transferred from the State Museum Fund in {year}."),
    ("Дар родини власника.", "A gift from the owner's family."),
]  # fmt: skip


def _years(rng, years, maker):
    """Earliest and latest year: within the kind's range and the maker's working life."""
    low, high = years
    life = [int(year) for year in re.findall(r"\d{4}", maker[2])]
    if len(life) == 2 and max(low, life[0] + 16) <= min(high, life[1]):
        low, high = max(low, life[0] + 16), min(high, life[1])
    earliest = rng.randint(low, high) or 1  # there is no year 0
    span = rng.choice([0, 0, 9, 24, 49, 99])
    return earliest, min(earliest + span, high) or 1, span


def _dimension(rng, name, low, high, unit):
    value = rng.uniform(low, high)
    text = f"{value:.0f}" if unit in ("mm", "g") else f"{value:.1f}"
    return f"{name}={text} {unit}"


def make_row(index, seed=SEED):
    """The register record number ``index`` (1-based), as a dict of exchange-format columns."""
    rng = random.Random(seed * 10_000_019 + index)
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    _weight, broad, narrow, prefix, title_of, materials, techniques, dims, years, makers = kind
    museum = MUSEUMS[rng.randrange(len(MUSEUMS))]
    title_uk, title_en, subject = title_of(rng)
    origin = rng.choice(CITIES)
    maker_uk, maker_en = rng.choice(makers)
    earliest, latest, span = _years(rng, years, maker_uk)
    if span >= 49 or earliest < 0:
        date_uk, date_en = _centuries(earliest, latest)
    elif span:
        date_uk, date_en = f"{earliest}–{latest} рр.", f"{earliest}–{latest}"
    else:
        date_uk, date_en = f"{earliest} р.", str(earliest)

    chosen_materials = rng.sample(materials, rng.randint(1, len(materials)))
    chosen_techniques = rng.sample(techniques, rng.randint(1, len(techniques)))
    status, _w, notes = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
    note_uk, note_en = rng.choice(notes)
    condition = rng.choice(CONDITIONS)
    provenance = rng.choice(PROVENANCE)
    acquired = rng.randint(1920, 2020)

    description_uk = (
        f"{narrow[0]} з фондів музею, {date_uk.rstrip('.')}. "
        f"{provenance[0].format(year=acquired)} "
        f"{condition[0]}"
    )
    description_en = (
        f"{narrow[1]} from the museum's collection, {date_en.rstrip('.')}. "
        f"{provenance[1].format(year=acquired)} {condition[1]}"
    )
    inscriptions_uk = inscriptions_en = ""
    if rng.random() < 0.2 and maker_uk[2]:
        initials_uk = maker_uk[0].split()[-1]
        initials_en = maker_en[0].split()[-1]
        inscriptions_uk = f"signature: {maker_uk[0][0]}. {initials_uk}"
        inscriptions_en = f"Signature of {maker_en[0][0]}. {initials_en}"
    elif rng.random() < 0.1:
        inscriptions_uk = f"inscription: {subject[0].capitalize()}"
        inscriptions_en = f"Reads “{subject[1]}”"
    feature = rng.choice(FEATURES) if rng.random() < 0.4 else ("", "")
    status_date = ""
    if status != "in_collection":
        status_date = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    safekeeping = status == "moved_for_safekeeping"
    related = ""
    if index > 1 and rng.random() < 0.05:
        related = f"pair:UA-MF-{rng.randint(1, index - 1):08d}"

    return {
        "register_id": f"UA-MF-{index:08d}",
        "inventory_number": f"{prefix}-{rng.randint(1, 25000)}",
        "holder": museum[0],
        "holder_name": museum[1],
        "holder_name_en": museum[2],
        "holder_place": museum[3],
        "holder_place_en": museum[4],
        "holder_latitude": museum[5],
        "holder_longitude": museum[6],
        "object_type": f"{broad[0]} > {narrow[0]}",
        "object_type_en": f"{broad[1]} > {narrow[1]}",
        "title_uk": title_uk,
        "title_en": title_en,
        "description_uk": description_uk,
        "description_en": description_en,
        "maker": "; ".join(part for part in maker_uk if part),
        "maker_en": "; ".join(part for part in maker_en if part),
        "date_display": date_uk,
        "date_display_en": date_en,
        "date_earliest": str(earliest),
        "date_latest": str(latest),
        "materials": "|".join(uk for uk, _en in chosen_materials),
        "materials_en": "|".join(en for _uk, en in chosen_materials),
        "techniques": "|".join(uk for uk, _en in chosen_techniques),
        "techniques_en": "|".join(en for _uk, en in chosen_techniques),
        "dimensions": "|".join(_dimension(rng, *dim) for dim in dims),
        "inscriptions": inscriptions_uk,
        "inscriptions_en": inscriptions_en,
        "distinguishing_features": feature[0],
        "distinguishing_features_en": feature[1],
        "subject": subject[0],
        "subject_en": subject[1],
        "place_of_origin": origin[0],
        "place_of_origin_en": origin[1],
        "status": status,
        "status_date": status_date,
        "status_note": note_uk,
        "status_note_en": note_en,
        "rights": rng.choice(RIGHTS),
        "credit_line": f"{museum[1]}, {prefix}-{acquired}",
        "credit_line_en": f"{museum[2]}, {prefix}-{acquired}",
        "related": related,
        "published": "false" if rng.random() < 0.01 else "true",
        "storage_location": (
            f"Фондосховище № {rng.randint(1, 9)}, стелаж {rng.randint(1, 60)}, "
            f"полиця {rng.randint(1, 8)}"
        ),
        "evacuation_location": f"Об'єкт Е-{rng.randint(100, 999)}" if safekeeping else "",
        "evacuation_date": f"2022-{rng.randint(2, 6):02d}-{rng.randint(1, 28):02d}"
        if safekeeping
        else "",
    }


def generate(path, count, seed=SEED):
    """Write ``count`` records to ``path`` as CSV (streamed: memory does not grow)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        for index in range(1, count + 1):
            writer.writerow(make_row(index, seed))
    partial.replace(path)
    return path


def generator_version():
    """Changes whenever this file does, so stale generated files are never reused."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


def default_path(count):
    return OUT_DIR / f"register-{count}-{generator_version()}.csv"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path)
    options = parser.parse_args(argv)
    path = generate(options.out or default_path(options.count), options.count, options.seed)
    print(f"{options.count} records -> {path}")


if __name__ == "__main__":
    sys.exit(main())
