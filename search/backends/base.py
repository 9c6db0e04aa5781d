"""What every readers' search backend takes and gives back.

Backends receive text already analysed by :mod:`search.analysis`, as lists of terms, so the
database backends and Elasticsearch/OpenSearch agree on what matches; they differ only in how
they rank. Facet counts are disjunctive: the counts of one facet apply the query and every
other facet's filter but not its own, so a reader can widen a choice within a facet.
"""

import re
from dataclasses import dataclass, field

#: What a term may contain in every backend: letters and digits. Apostrophes and hyphens
#: are dropped on both sides, so «п'ять» is stored and asked for as «пять».
NOT_TERM_CHARACTERS = re.compile(r"[\W_]+")


def clean_term(term):
    return NOT_TERM_CHARACTERS.sub("", term)


def clean_terms(terms):
    """Terms as backends store them: cleaned, empty ones dropped, order kept."""
    return [cleaned for cleaned in map(clean_term, terms) if cleaned]


class BackendUnavailable(Exception):
    """The search service cannot be reached or did not answer in time."""


@dataclass(frozen=True)
class ParsedQuery:
    language: str
    #: One set of alternatives per query word: every word must match, any alternative will.
    words: tuple = ()
    #: Facet name -> selected values: AND across facets, OR within one.
    filters: dict = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20
    #: Facets to count.
    facets: tuple = ()

    @property
    def is_browse(self):
        return not self.words


@dataclass
class BackendResult:
    ids: list
    total: int
    #: Facet name -> {value: count}.
    facets: dict = field(default_factory=dict)


class SearchBackend:
    """The interface; see docs/search.md for what each method promises."""

    #: True for backends that keep a replica of the database's documents elsewhere.
    is_replica = False

    def search(self, query):
        raise NotImplementedError

    def autocomplete(self, language, words, prefix, limit):
        raise NotImplementedError

    def index(self, documents):
        raise NotImplementedError

    def delete(self, ids):
        raise NotImplementedError

    def rebuild(self, documents):
        raise NotImplementedError
