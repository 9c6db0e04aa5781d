"""What a search result page shows: hits, facets with labels and links, paging, suggestions.

Every link keeps the rest of the search (query, other filters, sort), so a result page can be
shared and each facet value toggles on its own.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.models import HoldingMuseum, Material, ObjectStatus, ObjectType, Technique
from registry.models.objects import ALERT_STATUSES
from search.analysis import suggestions as query_suggestions
from search.engine import max_page, page_size
from search.models import FACETS, Kind, SearchDocument

FACET_LABELS = {
    "kind": gettext_lazy("Type of result"),
    "type": gettext_lazy("Object type"),
    "material": gettext_lazy("Material"),
    "technique": gettext_lazy("Technique"),
    "period": gettext_lazy("Period"),
    "museum": gettext_lazy("Museum"),
    "place": gettext_lazy("Place"),
    "status": gettext_lazy("Status"),
    "images": gettext_lazy("Photographs"),
    "model": gettext_lazy("3D model"),
}
#: Values a facet lists before the reader narrows the search (selected ones always show).
FACET_VALUES_SHOWN = 12
VOCABULARIES = {
    "type": ObjectType,
    "material": Material,
    "technique": Technique,
    "museum": HoldingMuseum,
}
ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number):
    result = ""
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        result += letters * count
    return result


def ordinal(number):
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def century_label(start_year):
    """«XIX століття» / "19th century" for 1800; BCE centuries for negative years."""
    bce = start_year < 0
    number = -start_year // 100 if bce else start_year // 100 + 1
    language = translation.get_language() or "uk"
    numeral = roman(number) if language.startswith("uk") else ordinal(number)
    if bce:
        return _("%(century)s century BCE") % {"century": numeral}
    return _("%(century)s century") % {"century": numeral}


def value_labels(name, values, language):
    """Labels of a facet's values in the reader's language."""
    values = set(values)
    if name == "kind":
        return {value: Kind(value).label for value in values if value in Kind.values}
    if name == "status":
        return {
            value: ObjectStatus(value).label for value in values if value in ObjectStatus.values
        }
    if name == "images":
        return {"1": _("With photographs"), "0": _("Without photographs")}
    if name == "model":
        return {"1": _("With a 3D model"), "0": _("Without a 3D model")}
    if name == "period":
        return {value: century_label(int(value)) for value in values}
    if name == "place":
        labels = place_labels(values, language)
        return {value: labels.get(value) or value for value in values}
    model = VOCABULARIES[name]
    pks = {int(value) for value in values if value.isdigit()}
    # One query: the counted rows and their translations into the reader's language.
    rows = model.objects.filter(
        Q(pk__in=pks)
        | Q(
            translation_key__in=model.objects.filter(pk__in=pks).values("translation_key"),
            locale__language_code=language,
        )
    ).values_list("pk", "translation_key", "name", "locale__language_code")
    sources, translated = {}, {}
    for pk, translation_key, term_name, row_language in rows:
        if pk in pks:
            sources[str(pk)] = (translation_key, term_name)
        if row_language == language:
            translated[translation_key] = term_name
    return {
        value: translated.get(translation_key, term_name)
        for value, (translation_key, term_name) in sources.items()
    }


def place_labels(places, language):
    """The label of each place in ``language``, read from one document per place.

    One indexed look-up per place (``search_doc_language_place``): a common place is shared
    by thousands of documents, and reading them all for a label would cost more than the
    search itself.
    """
    places = sorted(places)
    if not places:
        return {}
    table = SearchDocument._meta.db_table
    one = (
        f"SELECT * FROM (SELECT place, place_label FROM {table} "  # noqa: S608
        "WHERE language = %s AND place = %s LIMIT 1) p"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join([one] * len(places)),
            [param for place in places for param in (language, place)],
        )
        return dict(cursor.fetchall())


def _candidates(counts, selected):
    """The values a facet can show: the selected ones and those counted among the first."""
    if len(counts) <= FACET_VALUES_SHOWN:
        return set(counts)
    lowest = sorted(counts.values(), reverse=True)[FACET_VALUES_SHOWN - 1]
    return {value for value, count in counts.items() if count >= lowest} | set(selected)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    values: list
    selected_count: int
    clear_url: str | None


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    title_lang: str
    url: str
    summary: str
    summary_lang: str
    date_display: str
    museum_name: str
    place: str
    status: str
    status_label: str
    is_alert: bool
    image: object
    image_alt: str


@dataclass
class SearchPage:
    query: str
    total: int
    is_browse: bool
    degraded: bool
    hits: list
    facets: list
    year_from: int | None
    year_to: int | None
    active_filters: list
    clear_all_url: str | None
    sort: str
    sort_options: list
    pagination: dict
    suggestions: list
    hidden_params: list
    hidden_params_for_year_form: list = field(default_factory=list)


class Links:
    """Builds the URLs of a search page, each a variation on the current search."""

    def __init__(self, path, search):
        self.path = path
        self.search = search

    def params(self, *, filters=None, query=None, year=True, sort=True, page=None):
        search = self.search
        filters = search.filters if filters is None else filters
        params = []
        query = search.query if query is None else query
        if query:
            params.append(("q", query))
        for name in FACETS:
            params += [(name, value) for value in filters.get(name, ())]
        if year:
            if search.year_from is not None:
                params.append(("from", search.year_from))
            if search.year_to is not None:
                params.append(("to", search.year_to))
        if sort and search.sort != ("relevance" if search.query else "date"):
            params.append(("sort", search.sort))
        if page and page > 1:
            params.append(("page", page))
        return params

    def url(self, params):
        return f"{self.path}?{urlencode(params)}" if params else self.path

    def with_filters(self, filters, **kwargs):
        return self.url(self.params(filters=filters, **kwargs))

    def toggle(self, name, value):
        filters = {key: list(values) for key, values in self.search.filters.items()}
        values = filters.setdefault(name, [])
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        return self.with_filters(filters)

    def without_facet(self, name):
        filters = {key: values for key, values in self.search.filters.items() if key != name}
        return self.with_filters(filters)


def _facets(search, result, links):
    facets = []
    for name in FACETS:
        counts = dict(result.facets.get(name, {}))
        selected = search.filters.get(name, [])
        if name in ("images", "model"):
            # A yes-or-no facet offers "with …" only; "without" stays reachable by URL.
            counts = {value: count for value, count in counts.items() if value == "1"}
        for value in selected:
            counts.setdefault(value, 0)
        if not counts:
            continue
        # Places are many: their labels are looked up for the values that can be shown only
        # (ties at the cut included, since those are ordered by label).
        wanted = _candidates(counts, selected) if name == "place" else counts
        labels = value_labels(name, wanted, search.language)
        values = [
            FacetValue(
                value=value,
                label=labels.get(value, value),
                count=count,
                selected=value in selected,
                url=links.toggle(name, value),
            )
            for value, count in counts.items()
            if value in labels
        ]
        if name == "period":
            values.sort(key=lambda item: int(item.value))
        else:
            values.sort(key=lambda item: (-item.count, item.label.casefold()))
        shown = [item for item in values if item.selected]
        shown += [item for item in values if not item.selected][:FACET_VALUES_SHOWN]
        shown.sort(key=values.index)
        facets.append(
            Facet(
                name=name,
                label=str(FACET_LABELS[name]),
                values=shown,
                selected_count=len(selected),
                clear_url=links.without_facet(name) if selected else None,
            )
        )
    return facets


def _hits(ids):
    documents = (
        SearchDocument.objects.filter(pk__in=ids)
        .select_related("image")
        .defer("title_terms", "body_terms", "facet_tokens")
    )
    by_id = {document.pk: document for document in documents}
    hits = []
    for pk in ids:
        document = by_id.get(pk)
        if document is None:
            continue
        status = document.status
        show_status = status and status != ObjectStatus.IN_COLLECTION
        hits.append(
            Hit(
                kind=document.kind,
                kind_label=Kind(document.kind).label,
                title=document.title,
                title_lang=document.text_language,
                url=document.url,
                summary=document.summary,
                summary_lang=document.text_language,
                date_display=document.date_display,
                museum_name=document.museum_name,
                place=document.place_label,
                status=status,
                status_label=ObjectStatus(status).label if show_status else "",
                is_alert=status in ALERT_STATUSES,
                image=document.image,
                image_alt=document.image_alt,
            )
        )
    return hits


def _pagination(search, total, links):
    pages = max(1, math.ceil(total / page_size()))
    capped = pages > max_page()
    pages = min(pages, max_page())
    number = search.page
    shown = {1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)}
    page_links, previous = [], 0
    for page in sorted(shown):
        if page - previous > 1:
            page_links.append((None, None, False))
        page_links.append((page, links.url(links.params(page=page)), page == number))
        previous = page
    return {
        "number": number,
        "num_pages": pages,
        "capped": capped,
        "page_links": page_links if pages > 1 else [],
        "previous_url": links.url(links.params(page=number - 1)) if 1 < number <= pages else None,
        "next_url": links.url(links.params(page=number + 1)) if number < pages else None,
    }


def present(search, outcome, path):
    """The :class:`SearchPage` for ``search`` (a :class:`search.engine.SearchRequest`)."""
    result = outcome.result
    links = Links(path, search)
    facets = _facets(search, result, links)
    labels = {facet.name: {value.value: value.label for value in facet.values} for facet in facets}
    active = []
    for name in FACETS:
        for value in search.filters.get(name, ()):
            label = labels.get(name, {}).get(value, value)
            filters = {
                key: [v for v in values if (key, v) != (name, value)]
                for key, values in search.filters.items()
            }
            active.append((f"{FACET_LABELS[name]}: {label}", links.with_filters(filters)))
    if search.year_from is not None or search.year_to is not None:
        span = "–".join(
            str(year) if year is not None else "…" for year in (search.year_from, search.year_to)
        )
        active.append((_("Years: %(span)s") % {"span": span}, links.url(links.params(year=False))))
    suggestions = []
    if result.total == 0 and search.query:
        for text in query_suggestions(search.query):
            suggestions.append((text, links.url(links.params(query=text))))
    sort_options = [
        (
            value,
            label,
            links.url([*links.params(sort=False), ("sort", value)]),
            search.sort == value,
        )
        for value, label in (("relevance", _("Relevance")), ("date", _("Date")))
    ]
    hidden = [(name, value) for name, value in links.params(year=True, sort=True) if name != "q"]
    return SearchPage(
        query=search.query,
        total=result.total,
        is_browse=not search.query,
        degraded=outcome.degraded,
        hits=_hits(result.ids),
        facets=facets,
        year_from=search.year_from,
        year_to=search.year_to,
        active_filters=active,
        clear_all_url=links.url([("q", search.query)] if search.query else []) if active else None,
        sort=search.sort,
        sort_options=sort_options,
        pagination=_pagination(search, result.total, links),
        suggestions=suggestions,
        hidden_params=hidden,
        hidden_params_for_year_form=[
            pair for pair in links.params(year=False) if pair[0] not in ("page",)
        ],
    )
