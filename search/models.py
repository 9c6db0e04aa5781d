"""The readers' search index: one denormalised document per published item and language.

Reader search does not go through Wagtail's search backend (which stays for the admin). Every
published register object and every live exhibition, chapter, story and theme has one
:class:`SearchDocument` per configured language, holding what a result shows, its facet
values and its text already analysed by :mod:`search.analysis`. The database backends search
it directly (FTS5 on SQLite, a weighted tsvector on PostgreSQL, both created by this app's
migrations); Elasticsearch/OpenSearch keep a replica of the same documents. Restricted data
never gets here: documents are built from public fields only (see :mod:`search.documents`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    OBJECT = "object", _("Object")
    EXHIBITION = "exhibition", _("Exhibition")
    CHAPTER = "chapter", _("Chapter")
    STORY = "story", _("Story")
    THEME = "theme", _("Theme")


#: Facets stored in a column of the document (one value each), by URL parameter.
COLUMN_FACETS = {
    "kind": "kind",
    "type": "object_type",
    "museum": "museum",
    "place": "place",
    "status": "status",
    "images": "has_images",
    "model": "has_model",
}
#: Facets with several values per document, stored in the document's ``facet_tokens`` as
#: ``"facet:value"`` strings (``"material:12"``, ``"period:1700"``).
MULTI_FACETS = ("material", "technique", "period")
FACETS = (*COLUMN_FACETS, *MULTI_FACETS)


class SearchDocument(models.Model):
    key = models.CharField(max_length=100)
    language = models.CharField(max_length=15)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=500)
    #: Language of the shown title and summary when it is not ``language`` (a fallback).
    text_language = models.CharField(max_length=15, blank=True)
    summary = models.CharField(max_length=400, blank=True)
    url = models.CharField(max_length=500)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    image = models.ForeignKey(
        "portal.PortalImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(max_length=500, blank=True)
    date_display = models.CharField(max_length=200, blank=True)
    date_earliest = models.IntegerField(null=True, blank=True)
    date_latest = models.IntegerField(null=True, blank=True)
    sort_date = models.IntegerField(null=True, blank=True)
    # Facets with one value: strings, as they appear in URLs ("" when the item has none).
    object_type = models.CharField(max_length=20, blank=True)
    museum = models.CharField(max_length=20, blank=True)
    museum_name = models.CharField(max_length=300, blank=True)
    place = models.CharField(max_length=300, blank=True)
    place_label = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=32, blank=True)
    has_images = models.CharField(max_length=1, default="0")
    has_model = models.CharField(max_length=1, default="0")
    #: Values of the many-valued facets, ``"facet:value"`` (see :func:`facet_token`): the
    #: database backend counts and filters them from the matched documents themselves.
    facet_tokens = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="unique_search_document")
        ]
        indexes = [
            models.Index(fields=["language", "sort_date"], name="search_doc_language_date"),
            models.Index(fields=["language", "kind"], name="search_doc_language_kind"),
            models.Index(fields=["language", "place"], name="search_doc_language_place"),
        ]

    def __str__(self):
        return f"{self.key} [{self.language}]"

    def as_data(self):
        """The document as every backend receives it (see docs/search.md)."""
        facets = {name: [getattr(self, column)] for name, column in COLUMN_FACETS.items()}
        for name in MULTI_FACETS:
            facets[name] = []
        for facet, value in map(split_facet_token, self.facet_tokens or ()):
            facets[facet].append(value)
        return {
            "id": self.pk,
            "key": self.key,
            "language": self.language,
            "kind": self.kind,
            "title_terms": self.title_terms,
            "body_terms": self.body_terms,
            "date_earliest": self.date_earliest,
            "date_latest": self.date_latest,
            "sort_date": self.sort_date,
            "facets": {name: [v for v in values if v != ""] for name, values in facets.items()},
        }


def facet_token(facet, value):
    """How a value of a many-valued facet is stored: ``"material:12"``."""
    return f"{facet}:{value}"


def split_facet_token(token):
    facet, _colon, value = token.partition(":")
    return facet, value
