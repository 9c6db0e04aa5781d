"""A demo object as written in the collection modules, and its exchange-format record.

Collection modules describe each object compactly (texts as ``(uk, en)`` pairs, vocabulary
by key); :func:`exchange_record` turns one into a JSON Lines record of the register
exchange format (docs/import-format.md), the same input a museum's export would be.
"""

import hashlib
from dataclasses import dataclass

from .vocabulary import MATERIALS, MUSEUMS, PUBLIC_DOMAIN, TECHNIQUES, TYPES

REGISTER_ID_PREFIX = "demo-"

#: What each kind of picture shows, for alt texts: (uk, en).
VIEW_TEXT = {
    "main": ("загальний вигляд", "general view"),
    "detail": ("фрагмент", "detail"),
    "back": ("зворот", "reverse"),
}
#: How the drawing represents the object, for alt texts: (uk, en).
DRAWN_AS = {
    "icon": (
        "ікона на дошці із золотим тлом і постаттю в німбі",
        "an icon panel with a gold ground and a haloed figure",
    ),
    "portrait": ("портрет у золоченій рамі", "a portrait in a gilded frame"),
    "landscape": ("пейзаж у золоченій рамі", "a landscape painting in a gilded frame"),
    "pysanka": ("писанка з геометричним орнаментом", "a pysanka with geometric ornament"),
    "petrykivka": (
        "декоративний розпис із квітами та калиною",
        "a decorative painting of flowers and viburnum",
    ),
    "rushnyk": (
        "кінець рушника з вишитим орнаментом і китицями",
        "the end of a rushnyk with embroidered ornament and fringe",
    ),
    "vyshyvanka": ("розкладена вишита сорочка", "an embroidered shirt laid flat"),
    "kilim": ("килим із ромбічними медальйонами", "a kilim with rhomb medallions"),
    "vessel": ("розписна керамічна посудина", "a painted ceramic vessel"),
    "tile": ("полив’яна кахля з рельєфним орнаментом", "a glazed stove tile with relief ornament"),
    "coin": ("аверс і реверс монети", "the obverse and reverse of a coin"),
    "cross": ("металевий хрест", "a metal cross"),
    "engraving": ("гравюра на аркуші паперу", "an engraving on a sheet of paper"),
    "book": ("розгорнута стара книга", "an open early book"),
}
DEMO_MARK = ("демонстраційний запис", "demo record")
ILLUSTRATION = (
    "ілюстрація, створена програмно для демонстрації",
    "illustration drawn by the portal for the demo",
)


@dataclass(frozen=True)
class DemoObject:
    """One fictional object; every text is a ``(uk, en)`` pair."""

    id: str
    holder: str
    type: str
    title: tuple
    description: tuple
    date: tuple  # (uk, en, earliest, latest)
    makers: tuple = ()  # ((name_uk, name_en, role_uk, role_en, dates), …)
    materials: tuple = ()
    techniques: tuple = ()
    dimensions: tuple = ()  # ("height=52.5 cm", …)
    inscriptions: tuple = ()  # ((kind, transcription, (uk, en) translation, (uk, en) position), …)
    features: tuple = ("", "")
    subject: tuple = ("", "")
    origin: tuple = ("", "")
    status: str = "in_collection"
    status_date: str = ""
    note: tuple = ("", "")
    rights: str = PUBLIC_DOMAIN
    images: tuple = ("main",)
    style: str = ""
    related: tuple = ()
    published: bool = True

    @property
    def register_id(self):
        return REGISTER_ID_PREFIX + self.id

    def image_name(self, index):
        extension = "png" if self.type in ("engraving",) else "jpg"
        return f"{self.register_id}-{index + 1}.{extension}"


def _number(text, modulo):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % modulo


def inventory_number(obj):
    return f"ДЕМО-{TYPES[obj.type].inventory_prefix}-{1000 + _number(obj.id, 9000)}"


def storage_location(obj):
    """A fictional store, rack and shelf: restricted data, never shown in public."""
    n = _number(obj.id + ":store", 10**6)
    return (
        f"Фондосховище {n % 7 + 1}, кімната {n // 7 % 30 + 1}, "
        f"шафа {n // 210 % 40 + 1}, полиця {n // 8400 % 6 + 1} (вигадане демонстраційне місце)"
    )


def evacuation_location(obj):
    n = _number(obj.id + ":evacuation", 10**4)
    return f"Захищене сховище «Демо-{n % 90 + 10}», контейнер {n // 90 % 60 + 1} (вигадане)"


def _pair(value, index):
    return value[index] if value else ""


def _alt(obj, view, lang):
    i = 0 if lang == "uk" else 1
    drawn = DRAWN_AS[TYPES[obj.type].drawer][i]
    return f"{obj.title[i]} — {VIEW_TEXT[view][i]}: {drawn} ({ILLUSTRATION[i]})"


def exchange_record(obj):
    """The JSON Lines record for ``obj`` (a dict ready for ``json.dumps``)."""
    museum = MUSEUMS[obj.holder]
    kind = TYPES[obj.type]
    record = {
        "register_id": obj.register_id,
        "inventory_number": inventory_number(obj),
        "holder": obj.holder,
        "holder_name": museum.name[0],
        "holder_name_en": museum.name[1],
        "holder_place": museum.place[0],
        "holder_place_en": museum.place[1],
        "holder_latitude": museum.latitude,
        "holder_longitude": museum.longitude,
        "object_type": list(kind.uk),
        "object_type_en": list(kind.en),
        "title_uk": obj.title[0],
        "title_en": obj.title[1],
        "description_uk": obj.description[0],
        "description_en": obj.description[1],
        "date_display": obj.date[0],
        "date_display_en": obj.date[1],
        "date_earliest": obj.date[2],
        "date_latest": obj.date[3],
        "materials": [MATERIALS[key][0] for key in obj.materials],
        "materials_en": [MATERIALS[key][1] for key in obj.materials],
        "techniques": [TECHNIQUES[key][0] for key in obj.techniques],
        "techniques_en": [TECHNIQUES[key][1] for key in obj.techniques],
        "dimensions": list(obj.dimensions),
        "maker": [{"name": m[0], "role": m[2], "dates": m[4]} for m in obj.makers],
        "maker_en": [{"name": m[1], "role": m[3], "dates": m[4]} for m in obj.makers],
        "inscriptions": [
            {"kind": kind_, "transcription": text, "translation": tr[0], "position": pos[0]}
            for kind_, text, tr, pos in obj.inscriptions
        ],
        "inscriptions_en": [
            {"translation": tr[1], "position": pos[1]} for _k, _t, tr, pos in obj.inscriptions
        ],
        "distinguishing_features": obj.features[0],
        "distinguishing_features_en": obj.features[1],
        "subject": obj.subject[0],
        "subject_en": obj.subject[1],
        "place_of_origin": obj.origin[0],
        "place_of_origin_en": obj.origin[1],
        "status": obj.status,
        "status_date": obj.status_date,
        "status_note": obj.note[0],
        "status_note_en": obj.note[1],
        "rights": obj.rights,
        "credit_line": f"{museum.name[0]} · {DEMO_MARK[0]}",
        "credit_line_en": f"{museum.name[1]} · {DEMO_MARK[1]}",
        "images": [
            {
                "path": obj.image_name(index),
                "alt": _alt(obj, view, "uk"),
                "alt_en": _alt(obj, view, "en"),
                "caption": VIEW_TEXT[view][0].capitalize(),
                "caption_en": VIEW_TEXT[view][1].capitalize(),
            }
            for index, view in enumerate(obj.images)
        ],
        "related": list(obj.related),
        "published": obj.published,
        "storage_location": storage_location(obj),
    }
    if obj.status == "moved_for_safekeeping":
        record["evacuation_location"] = evacuation_location(obj)
        record["evacuation_date"] = obj.status_date
    # Leave out empty values rather than sending empty strings and lists.
    return {key: value for key, value in record.items() if value not in ("", [], None)}
