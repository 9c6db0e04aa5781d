"""The exchange format's columns: which exist, which carry a language, which are restricted.

Column names are built at run time from ``settings.CONTENT_LANGUAGES``: every language field
``x`` has the Ukrainian columns ``x`` and ``x_uk`` and one ``x_<code>`` per other content
language.
"""

from dataclasses import dataclass

from django.conf import settings

#: Single-line texts of the object, one value per language.
OBJECT_LINES = ("title", "date_display", "place_of_origin", "credit_line")
#: Long texts of the object (line breaks and tabs allowed), one value per language.
OBJECT_LONG_TEXTS = ("description", "distinguishing_features", "subject", "status_note")
#: Every text of an object row, in the order the writer inserts them.
OBJECT_TEXTS = OBJECT_LINES + OBJECT_LONG_TEXTS
#: Multi-valued texts of the object, parallel lists per language.
OBJECT_LISTS = ("maker", "inscriptions", "images_alt", "images_caption")
#: Labels of vocabulary terms and museum names: they name shared rows, not object text.
VOCABULARY_FIELDS = ("object_type", "materials", "techniques")
MUSEUM_TEXTS = ("holder_name", "holder_place")
LANGUAGE_FIELDS = OBJECT_LINES + OBJECT_LONG_TEXTS + OBJECT_LISTS + VOCABULARY_FIELDS + MUSEUM_TEXTS
#: Fields whose value in another language makes a translation of the object.
TRANSLATION_FIELDS = frozenset(OBJECT_LINES + OBJECT_LONG_TEXTS + OBJECT_LISTS)
#: Fields with one language-neutral value.
NEUTRAL_FIELDS = (
    "register_id",
    "inventory_number",
    "holder",
    "holder_latitude",
    "holder_longitude",
    "date_earliest",
    "date_latest",
    "dimensions",
    "status",
    "status_date",
    "rights",
    "published",
    "images",
    "related",
)
#: Restricted fields: they go to RestrictedObjectData and nowhere else.
RESTRICTED_FIELDS = ("storage_location", "evacuation_location", "evacuation_date")
#: ``restricted_<name>`` columns go to RestrictedObjectData.extra[<name>].
RESTRICTED_PREFIX = "restricted_"
#: Fields whose cells hold several ``|``-separated values.
LIST_FIELDS = frozenset(OBJECT_LISTS + VOCABULARY_FIELDS[1:] + ("dimensions", "images", "related"))


def source_language():
    return settings.LANGUAGE_CODE


def content_languages():
    """Codes of the content languages, the source language first."""
    return [code for code, _name in settings.CONTENT_LANGUAGES]


@dataclass(frozen=True)
class Column:
    field: str
    language: str | None = None
    restricted_name: str | None = None


class Columns:
    """Resolves column names of the exchange format to fields and languages."""

    def __init__(self):
        self.source = source_language()
        self.languages = content_languages()
        self.translations = [code for code in self.languages if code != self.source]
        self._columns = {name: Column(name) for name in NEUTRAL_FIELDS + RESTRICTED_FIELDS}
        for field in LANGUAGE_FIELDS:
            self._columns[field] = Column(field, self.source)
            for code in self.languages:
                self._columns[f"{field}_{code}"] = Column(field, code)

    def get(self, name):
        """The Column for a name, or None when the format has no such column."""
        column = self._columns.get(name)
        if column is None and name.startswith(RESTRICTED_PREFIX) and len(name) > 11:
            column = Column("restricted", restricted_name=name[len(RESTRICTED_PREFIX) :])
        return column

    def __contains__(self, name):
        return self.get(name) is not None

    def names(self):
        return list(self._columns)
