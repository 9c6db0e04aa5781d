"""A reader's search: from the request's parameters to a page of results with facets.

:func:`parse` turns the query string into a :class:`ParsedQuery` or refuses it with
:class:`BadSearch` (a 400 with the reason); :func:`run` asks the search service when one is
configured and the database otherwise, or when the service fails; :mod:`search.presenters`
turns the result into what the template shows.
"""

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from registry.models import ObjectStatus
from search.analysis import clean_query, query_terms
from search.backends import (
    BackendResult,
    BackendUnavailable,
    ParsedQuery,
    database_backend,
    service_backend,
)
from search.models import FACETS, Kind

logger = logging.getLogger(__name__)

#: Values a reader may select in one facet, and characters in one value.
MAX_VALUES_PER_FACET = 20
MAX_VALUE_CHARS = 300
#: Years a reader may ask for (negative: BCE).
YEAR_RANGE = (-100_000, 3_000)
NUMBER = re.compile(r"^-?[0-9]{1,6}$")
ID = re.compile(r"^[0-9]{1,18}$")
CENTURY = re.compile(r"^-?[0-9]{1,6}00$|^0$")
SORTS = ("relevance", "date")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class BadSearch(ValueError):
    """A search the portal cannot run; the message says why, in the reader's language."""


def _valid(name, value):
    if name in ("type", "material", "technique", "museum"):
        return bool(ID.match(value))
    if name == "period":
        return bool(CENTURY.match(value))
    if name == "kind":
        return value in Kind.values
    if name == "status":
        return value in ObjectStatus.values
    if name in ("images", "model"):
        return value in ("0", "1")
    if name == "place":
        return bool(value.strip()) and not CONTROL.search(value)
    return False


def _year(params, name):
    value = params.get(name, "").strip()
    if not value:
        return None
    if not NUMBER.match(value) or not YEAR_RANGE[0] <= int(value) <= YEAR_RANGE[1]:
        raise BadSearch(
            _("The year “%(value)s” is not a year the portal can search for.")
            % {"value": value[:20]}
        )
    return int(value)


def page_size():
    return getattr(settings, "PORTAL_SEARCH_PER_PAGE", 20)


def max_page():
    return getattr(settings, "PORTAL_SEARCH_MAX_PAGE", 50)


@dataclass
class SearchRequest:
    """What the reader asked for, as read from the URL."""

    language: str
    raw_query: str = ""
    query: str = ""
    filters: dict = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1

    @property
    def parsed(self):
        return ParsedQuery(
            language=self.language,
            words=tuple(query_terms(self.query)),
            filters={name: frozenset(values) for name, values in self.filters.items()},
            year_from=self.year_from,
            year_to=self.year_to,
            sort=self.sort,
            offset=(self.page - 1) * page_size(),
            limit=page_size(),
            facets=FACETS,
        )


def parse(params, language):
    """Read a search from a QueryDict; raises :class:`BadSearch` for what cannot be run."""
    raw = params.get("q", "")
    request = SearchRequest(language=language, raw_query=raw, query=clean_query(raw))
    for name in FACETS:
        values = [value for value in params.getlist(name) if value != ""]
        if not values:
            continue
        if len(values) > MAX_VALUES_PER_FACET:
            raise BadSearch(_("Too many values are selected in one filter."))
        for value in values:
            if len(value) > MAX_VALUE_CHARS or not _valid(name, value):
                raise BadSearch(
                    _("“%(value)s” is not a value of the filter “%(name)s”.")
                    % {"value": CONTROL.sub("", value)[:40], "name": name}
                )
        request.filters[name] = list(dict.fromkeys(values))
    request.year_from = _year(params, "from")
    request.year_to = _year(params, "to")
    if (
        request.year_from is not None
        and request.year_to is not None
        and request.year_from > request.year_to
    ):
        request.year_from, request.year_to = request.year_to, request.year_from
    sort = params.get("sort", "") or ("relevance" if request.query else "date")
    if sort not in SORTS:
        raise BadSearch(_("Results can be sorted by relevance or by date only."))
    request.sort = sort
    page = params.get("page", "1") or "1"
    if not page.isascii() or not page.isdigit() or len(page) > 9 or int(page) < 1:
        raise BadSearch(
            _("“%(value)s” is not a page number.") % {"value": CONTROL.sub("", page)[:20]}
        )
    request.page = int(page)
    if request.page > max_page():
        raise BadSearch(
            _("Only the first %(count)d pages of results are shown: narrow the search instead.")
            % {"count": max_page()}
        )
    return request


@dataclass
class Outcome:
    result: object
    #: True when the search service failed and the database answered instead.
    degraded: bool = False


def run(parsed):
    """Search with the service if configured, else (or if it fails) with the database."""
    service = service_backend()
    if service is not None:
        try:
            return Outcome(service.search(parsed))
        except BackendUnavailable:
            logger.warning("The search service is unavailable; the database answers.")
            return Outcome(database_backend().search(parsed), degraded=True)
    return Outcome(database_backend().search(parsed))


def execute(search):
    """Run a :class:`SearchRequest`; a query of stopwords only («the of») finds nothing."""
    parsed = search.parsed
    if search.query and not parsed.words:
        return Outcome(BackendResult(ids=[], total=0, facets={}))
    return run(parsed)


def autocomplete(language, words, prefix, limit):
    service = service_backend()
    if service is not None:
        try:
            return service.autocomplete(language, words, prefix, limit)
        except BackendUnavailable:
            logger.warning("The search service is unavailable; the database suggests.")
    return database_backend().autocomplete(language, words, prefix, limit)
