"""How the demo pages are written down: one structure, texts in both languages.

A page is a :class:`PageSpec` whose values may hold ``T(uk, en)`` pairs and references to
things that exist only in the database (register objects, images, documents, other demo
pages). :func:`localize` turns a value into raw StreamField JSON for one language, with the
same block ids in every language, so an English page is the Ukrainian page's translation
block by block.
"""

import uuid
from dataclasses import dataclass, field

LANGUAGES = ("uk", "en")
#: Block ids are derived from the page key and the block's position: stable across runs
#: and the same in both languages.
BLOCK_NAMESPACE = uuid.UUID("5b0c7c1e-2f7e-4d55-9d0e-5d3c6e1a9f42")


@dataclass(frozen=True)
class T:
    """A text in Ukrainian and English."""

    uk: str
    en: str

    def __getitem__(self, language):
        return self.uk if language == "uk" else self.en


@dataclass(frozen=True)
class Obj:
    """A register object of the demo museum, by register ID (resolved to its source row)."""

    register_id: str


@dataclass(frozen=True)
class Img:
    """A picture of ``exhibitions.demo.media.PICTURES``, by key."""

    key: str


@dataclass(frozen=True)
class Doc:
    """A file of ``exhibitions.demo.media.DOCUMENTS``, by key."""

    key: str


@dataclass(frozen=True)
class PageRef:
    """Another demo page, by its spec key: in each language, that page's translation."""

    key: str


@dataclass
class PageSpec:
    key: str
    model: str  # "app_label.ModelName"
    slug: str
    title: T
    fields: dict = field(default_factory=dict)
    children: list = field(default_factory=list)


def block(type_, value):
    return {"type": type_, "value": value}


def items(values):
    """A ListBlock value: its items get stable ids when the stream is localized."""
    return {"__list__": list(values)}


def localize(value, language, resolve, id_prefix):
    """``value`` for ``language`` with references resolved by ``resolve(ref, language)``.

    Stream children (dicts with ``type`` and ``value``) and list items get ids derived from
    ``id_prefix`` and their position.
    """
    if isinstance(value, T):
        return value[language]
    if isinstance(value, Obj | Img | Doc | PageRef):
        return resolve(value, language)
    if isinstance(value, dict) and "__list__" in value:
        return [
            {
                "type": "item",
                "value": localize(item, language, resolve, f"{id_prefix}.{index}"),
                "id": stable_id(f"{id_prefix}.{index}"),
            }
            for index, item in enumerate(value["__list__"])
        ]
    if isinstance(value, dict):
        return {
            key: localize(item, language, resolve, f"{id_prefix}.{key}")
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [
            localize_child(item, language, resolve, f"{id_prefix}.{index}")
            for index, item in enumerate(value)
        ]
    return value


def localize_child(item, language, resolve, id_prefix):
    if isinstance(item, dict) and set(item) == {"type", "value"}:
        return {
            "type": item["type"],
            "value": localize(item["value"], language, resolve, id_prefix),
            "id": stable_id(id_prefix),
        }
    return localize(item, language, resolve, id_prefix)


def stable_id(name):
    return str(uuid.uuid5(BLOCK_NAMESPACE, name))


def walk(spec):
    """``spec`` and its descendants, parents first."""
    yield spec
    for child in spec.children:
        yield from walk(child)


def references(value, kind):
    """Every reference of type ``kind`` inside ``value``."""
    if isinstance(value, kind):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from references(item, kind)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from references(item, kind)


def block_types(value):
    """The stream block type names used in ``value`` (a page's stream)."""
    return {item["type"] for item in value if isinstance(item, dict) and "type" in item}


# --- shorthands for the content modules ---------------------------------------------------

EMPTY = T("", "")


def heading(text, level="h2"):
    return block("heading", {"text": text, "level": level})


def paragraph(html):
    return block("paragraph", html)


def register_object(register_id, note=EMPTY, layout="feature"):
    return block("register_object", {"object": Obj(register_id), "note": note, "layout": layout})


def object_grid(register_ids, heading=EMPTY, introduction=EMPTY, layout="grid"):
    return block(
        "object_grid",
        {
            "heading": heading,
            "introduction": introduction,
            "objects": items(Obj(register_id) for register_id in register_ids),
            "layout": layout,
        },
    )


def quote(text, attribution=EMPTY, source=EMPTY, language=EMPTY):
    return block(
        "quote",
        {"quote": text, "attribution": attribution, "source": source, "language": language},
    )


def sources(*entries, heading=EMPTY):
    """``entries``: ``(citation, url)`` pairs; the citation is inline rich text."""
    return block(
        "sources",
        {
            "heading": heading,
            "items": items(
                {"citation": citation, "url": url, "accessed": None} for citation, url in entries
            ),
        },
    )


def call_to_action(heading, label, text=EMPTY, page=None, url=""):
    return block(
        "call_to_action",
        {"heading": heading, "text": text, "link_page": page, "link_url": url, "label": label},
    )


def place(name, latitude, longitude, description=EMPTY, register_id=None):
    return {
        "name": name,
        "latitude": latitude,
        "longitude": longitude,
        "description": description,
        "register_object": Obj(register_id) if register_id else None,
    }


def event(date_label, year, title, text=EMPTY, register_id=None):
    return {
        "date_label": date_label,
        "year": year,
        "title": title,
        "text": text,
        "register_object": Obj(register_id) if register_id else None,
    }


def credits(*pairs):
    return [block("credit", {"role": role, "names": names}) for role, names in pairs]
