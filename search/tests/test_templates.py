"""The search page's templates, rendered from hand-built contexts shaped like the view's.

``search.views.search_page`` renders ``search/search.html`` with ``query``,
``raw_query_too_long`` and ``page`` (a SearchPage of hits, facets, pagination …; see
search.presenters). These tests fill the presenter's dataclasses by hand, so
the templates are pinned on their own: results with filters, no results, browsing, the
degraded notice, capped pages, both languages, escaping, and the header's search box.
"""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation

from search import presenters
from search.presenters import FacetValue

pytestmark = pytest.mark.django_db


# --- the view's context, by hand -------------------------------------------------------------
# The presenter's own dataclasses, filled by hand: the templates are tested on their own, and a
# change of shape in search.presenters shows up here.

HIT_DEFAULTS = {
    "title_lang": "",
    "summary": "",
    "summary_lang": "",
    "date_display": "",
    "museum_name": "",
    "place": "",
    "status": "",
    "status_label": "",
    "is_alert": False,
    "image": None,
    "image_alt": "",
}


def hit(kind, kind_label, title, url, **fields):
    return presenters.Hit(
        kind=kind, kind_label=kind_label, title=title, url=url, **{**HIT_DEFAULTS, **fields}
    )


def facet(name, label, values, selected_count=None, clear_url=None):
    if selected_count is None:
        selected_count = sum(value.selected for value in values)
    return presenters.Facet(name, label, values, selected_count, clear_url)


def pagination(
    number=1, num_pages=1, capped=False, page_links=(), previous_url=None, next_url=None
):
    return {
        "number": number,
        "num_pages": num_pages,
        "capped": capped,
        "page_links": list(page_links),
        "previous_url": previous_url,
        "next_url": next_url,
    }


def search_page(total, **fields):
    defaults = {
        "query": "",
        "is_browse": False,
        "degraded": False,
        "hits": [],
        "facets": [],
        "year_from": None,
        "year_to": None,
        "active_filters": [],
        "clear_all_url": None,
        "sort": "relevance",
        "sort_options": [],
        "pagination": pagination(),
        "suggestions": [],
        "hidden_params": [],
        "hidden_params_for_year_form": [],
    }
    return presenters.SearchPage(total=total, **{**defaults, **fields})


def search_url(language, **params):
    with translation.override(language):
        base = reverse("search:search")
    return f"{base}?{urlencode(params)}" if params else base


def sort_options(language, params, selected="relevance"):
    labels = {"relevance": "Relevance", "date": "Date"}
    return [
        (value, label, search_url(language, **params, sort=value), value == selected)
        for value, label in labels.items()
    ]


def results_page(language="en", *, query="ікона", degraded=False):
    """Page 2 of 3 for ``query`` with kind=object and material=wood selected, years 1700–1900."""

    def url(**extra):
        return search_url(language, q=query, **extra)

    kinds = facet(
        "kind",
        "Kind",
        [
            FacetValue("object", "Objects", 40, True, url(material="wood")),
            FacetValue("story", "Stories", 2, False, url(kind="story", material="wood")),
        ],
        selected_count=1,
        clear_url=url(material="wood"),
    )
    # Eleven materials: the first eight are shown, the rest behind "Show 3 more"; the selected
    # one is among those three.
    names = [
        "metal",
        "glass",
        "paper",
        "textile",
        "bone",
        "clay",
        "stone",
        "leather",
        "amber",
        "silver",
        "wood",
    ]
    materials = facet(
        "material",
        "Material",
        [
            FacetValue(name, name.title(), 50 - index, name == "wood", url(kind="object"))
            for index, name in enumerate(names)
        ],
        selected_count=1,
        clear_url=url(kind="object"),
    )
    period = facet(
        "period",
        "Period",
        [FacetValue("1800", "19th century", 12, False, url(kind="object", period="1800"))],
    )
    hits = [
        hit(
            "object",
            "Object",
            "Ікона «Богородиця Одигітрія»",
            "/en/objects/NHMU-1/",
            title_lang="uk",
            summary="Ікона з церкви в селі Кам'янка.",
            summary_lang="uk",
            date_display="18th century",
            museum_name="National Art Museum of Ukraine",
            place="Kamianka",
            status="stolen",
            status_label="Stolen",
            is_alert=True,
        ),
        hit(
            "object",
            "Object",
            "Icon of Saint Nicholas",
            "/en/objects/NHMU-2/",
            summary="An icon painted on a lime board.",
            date_display="1790",
            status="in_collection",
            status_label="In the collection",
        ),
        hit(
            "story",
            "Story",
            "How icons were painted",
            "/en/stories/how-icons-were-painted/",
            summary="Boards, gesso and egg tempera.",
        ),
    ]
    return search_page(
        total=41,
        degraded=degraded,
        hits=hits,
        facets=[kinds, materials, period],
        year_from=1700,
        year_to=1900,
        hidden_params_for_year_form=[("q", query), ("kind", "object"), ("material", "wood")],
        query=query,
        active_filters=[
            ("Objects", url(material="wood")),
            ("Wood", url(kind="object")),
            ("1700–1900", url(kind="object", material="wood")),
        ],
        clear_all_url=url(),
        sort_options=sort_options(language, {"q": query, "kind": "object"}),
        pagination=pagination(
            number=2,
            num_pages=3,
            page_links=[
                (1, url(kind="object"), False),
                (2, url(kind="object", page=2), True),
                (3, url(kind="object", page=3), False),
            ],
            previous_url=url(kind="object"),
            next_url=url(kind="object", page=3),
        ),
        hidden_params=[("kind", "object"), ("material", "wood"), ("from", "1700"), ("to", "1900")],
    )


def no_results_page(language="en", query="ікнoа"):
    def url(**extra):
        return search_url(language, q=query, **extra)

    return search_page(
        total=0,
        query=query,
        active_filters=[("Textile", url())],
        clear_all_url=url(),
        facets=[facet("material", "Material", [FacetValue("textile", "Textile", 0, True, url())])],
        suggestions=[
            ("ikona", search_url(language, q="ikona")),
            ("ікона", search_url(language, q="ікона")),
        ],
        hidden_params=[("material", "textile")],
    )


def browse_page(language="en"):
    return search_page(
        total=1234,
        is_browse=True,
        hits=[hit("theme", "Theme", "Embroidery", "/en/themes/embroidery/")],
        facets=[
            facet(
                "kind",
                "Kind",
                [FacetValue("object", "Objects", 1200, False, search_url(language, kind="object"))],
            )
        ],
        sort_options=sort_options(language, {}),
        pagination=pagination(
            number=1,
            num_pages=52,
            page_links=[
                (1, search_url(language), True),
                (2, search_url(language, page=2), False),
                (None, None, False),
                (52, search_url(language, page=52), False),
            ],
            next_url=search_url(language, page=2),
        ),
    )


def capped_page(language="en"):
    page = browse_page(language)
    page.is_browse = False
    page.query = "ікона"
    page.pagination = pagination(
        number=50,
        num_pages=50,
        capped=True,
        page_links=[
            (1, search_url(language, q="ікона"), False),
            (None, None, False),
            (49, search_url(language, q="ікона", page=49), False),
            (50, search_url(language, q="ікона", page=50), True),
        ],
        previous_url=search_url(language, q="ікона", page=49),
    )
    return page


# --- rendering -------------------------------------------------------------------------------


@pytest.fixture
def render_html(portal_site):
    """``render_html(page, language, query=…)``: the search page's HTML, rendered for a
    request to the search URL (so the header knows it is on the search page)."""

    def render_html(page, language="en", *, query="", raw_query_too_long=False):
        with translation.override(language):
            path = reverse("search:search")
            request = RequestFactory().get(path, {"q": query} if query else {})
            request.resolver_match = resolve(path)
            request.user = AnonymousUser()
            return render_to_string(
                "search/search.html",
                {"query": query, "raw_query_too_long": raw_query_too_long, "page": page},
                request=request,
            )

    return render_html


@pytest.fixture
def render(render_html):
    """``render(page, language, query=…)``: the search page as BeautifulSoup."""
    return lambda *args, **kwargs: BeautifulSoup(render_html(*args, **kwargs), "html.parser")


def text(element):
    return " ".join(element.get_text().split())


# --- results with filters selected ------------------------------------------------------------


def test_results_are_typed_cards_with_title_link_summary_and_details(render):
    """Each hit: kind label, title linking to the item, summary, date, museum and place."""
    soup = render(results_page(), query="ікона")
    hits = soup.select("ul.hits > li.hit")
    assert len(hits) == 3
    first = hits[0]
    link = first.select_one("h3.hit__title a")
    assert link["href"] == "/en/objects/NHMU-1/"
    assert text(link) == "Ікона «Богородиця Одигітрія»"
    assert text(first.select_one(".hit__kind")) == "Object"
    assert text(first.select_one(".hit__summary")) == "Ікона з церкви в селі Кам'янка."
    meta = text(first.select_one(".hit__meta"))
    assert "18th century" in meta and "National Art Museum of Ukraine" in meta
    assert "Kamianka" in meta
    assert text(hits[2].select_one(".hit__kind")) == "Story"
    assert hits[2].select_one(".hit__meta") is None  # no empty line for a story without dates


def test_texts_in_another_language_carry_their_lang(render):
    """A Ukrainian title and summary on an English page say lang="uk"; English ones don't."""
    soup = render(results_page(), query="ікона")
    first, second = soup.select("li.hit")[:2]
    assert first.select_one(".hit__link")["lang"] == "uk"
    assert first.select_one(".hit__summary")["lang"] == "uk"
    assert not second.select_one(".hit__link").has_attr("lang")
    assert not second.select_one(".hit__summary").has_attr("lang")


def test_alert_hits_are_marked_and_show_their_status(render):
    """A stolen object's card is an alert and shows its status badge; others show theirs plainly."""
    soup = render(results_page(), query="ікона")
    first, second, story = soup.select("li.hit")
    assert "hit--alert" in first["class"]
    assert text(first.select_one(".hit__status .badge")) == "Stolen"
    assert "hit--alert" not in second["class"]
    assert text(second.select_one(".hit__status .badge")) == "In the collection"
    assert story.select_one(".hit__status") is None


def test_thumbnails_use_the_alt_text_or_are_decorative(render):
    """A hit's image is a square thumbnail with its alt text, or alt="" when decorative; a hit
    without an image gets a placeholder hidden from assistive technology."""
    from registry.tests.builders import portal_image

    page = results_page()
    page.hits[0].image = portal_image("icon")
    page.hits[0].image_alt = "Богородиця з немовлям, ікона в срібному окладі"
    page.hits[1].image = portal_image("board")
    page.hits[1].image_alt = ""
    soup = render(page, query="ікона")
    first, second, third = soup.select("li.hit")
    image = first.select_one("img.hit__image")
    assert image["alt"] == "Богородиця з немовлям, ікона в срібному окладі"
    assert image["width"] == image["height"]  # cropped square (a small file is not enlarged)
    assert image["loading"] == "lazy"
    assert second.select_one("img.hit__image")["alt"] == ""
    assert third.select_one("img") is None
    assert third.select_one(".hit__placeholder")["aria-hidden"] == "true"


def test_result_count_is_a_polite_status_with_the_query_and_page(render):
    """The count is announced (role=status), names the query and says which page this is."""
    soup = render(results_page(), query="ікона")
    status = soup.select_one(".search-results [role=status]")
    assert text(status) == "41 results for “ікона”. Page 2 of 3."
    region = soup.select_one("section.search-results")
    title = soup.select_one("#" + region["aria-labelledby"])
    assert text(title) == "Results"


def test_facets_are_lists_of_links_with_counts_and_a_clear_selected_state(render):
    """Each facet is a headed list of links with counts; a selected value says, to screen
    readers too, that following it removes the filter; a facet with a selection can be cleared."""
    page = results_page()
    soup = render(page, query="ікона")
    facets = soup.select(".search-filters .facet")
    assert [text(facet.select_one("h3")) for facet in facets] == ["Kind", "Material", "Period"]
    kind = facets[0]
    links = kind.select("a.facet__link")
    assert text(links[0]) == "Remove filter: Objects (40)"
    assert "facet__link--selected" in links[0]["class"]
    assert links[0]["href"] == page.facets[0].values[0].url
    assert text(links[1]) == "Stories (2)"
    assert "facet__link--selected" not in links[1]["class"]
    clear = kind.select_one("a.facet__clear")
    assert clear["href"] == page.facets[0].clear_url
    assert text(clear) == "Clear Kind"
    assert facets[2].select_one("a.facet__clear") is None  # nothing selected: nothing to clear
    assert all("nofollow" in link["rel"] for link in soup.select("a.facet__link"))


def test_long_facets_show_eight_values_and_the_rest_behind_a_disclosure(render_html):
    """Eleven materials: eight links, then "Show 3 more", open because a value inside is
    selected; "open" is written once however many are."""
    page = results_page()
    page.facets[1].values[-2].selected = True  # two selected values behind "Show more"
    html = render_html(page, query="ікона")
    assert '<details class="facet__more" open>' in html
    soup = BeautifulSoup(html, "html.parser")
    material = soup.select(".facet")[1]
    assert len(material.select(":scope > ul.facet__values > li")) == 8
    more = material.select_one("details.facet__more")
    assert text(more.summary) == "Show 3 more: Material"
    assert more.has_attr("open")
    assert len(more.select("a.facet__link")) == 3


def test_long_facet_disclosure_stays_closed_without_a_hidden_selection(render):
    page = results_page()
    for value in page.facets[1].values:
        value.selected = False
    soup = render(page, query="ікона")
    assert not soup.select_one("details.facet__more").has_attr("open")


def test_filters_sit_behind_a_disclosure_that_counts_the_selection(render):
    """The filters panel (for narrow screens) is a <details> whose summary says how many
    filters are on; without scripts it starts closed."""
    soup = render(results_page(), query="ікона")
    panel = soup.select_one("[data-search-filters]")
    assert panel.name == "section"
    assert text(soup.select_one("#" + panel["aria-labelledby"])) == "Refine results"
    disclosure = panel.select_one("details.search-filters__disclosure")
    assert not disclosure.has_attr("open")
    assert text(disclosure.summary) == "Show filters 3 selected"


def test_year_range_is_a_get_form_that_keeps_the_other_parameters(render):
    """From/To inputs with labels, filled with the current years, and the other parameters as
    hidden inputs, so applying years keeps the words and filters."""
    soup = render(results_page(), query="ікона")
    form = soup.select_one("form.year-range")
    assert form["method"] == "get" and form["action"] == "/en/search/"
    assert text(form.legend) == "Years"
    year_from = form.select_one("input[name=from]")
    assert year_from["value"] == "1700" and year_from["type"] == "number"
    assert text(form.select_one(f"label[for={year_from['id']}]")) == "From"
    assert form.select_one("input[name=to]")["value"] == "1900"
    hidden = [(i["name"], i["value"]) for i in form.select("input[type=hidden]")]
    assert hidden == [("q", "ікона"), ("kind", "object"), ("material", "wood")]


def test_year_zero_is_shown_and_missing_years_are_empty(render):
    page = results_page()
    page.year_from, page.year_to = 0, None
    soup = render(page, query="ікона")
    assert soup.select_one(".year-range input[name=from]")["value"] == "0"
    assert soup.select_one(".year-range input[name=to]")["value"] == ""


def test_active_filters_are_chips_that_remove_them_and_clear_all_keeps_the_query(render):
    page = results_page()
    soup = render(page, query="ікона")
    chips = soup.select(".active-filters a.chip")
    assert [text(chip) for chip in chips] == [
        "Remove filter: Objects",
        "Remove filter: Wood",
        "Remove filter: 1700–1900",
    ]
    assert [chip["href"] for chip in chips] == [url for _, url in page.active_filters]
    clear = soup.select_one(".active-filters a.active-filters__clear")
    assert clear["href"] == "/en/search/?q=%D1%96%D0%BA%D0%BE%D0%BD%D0%B0"
    assert text(clear) == "Clear all filters"


def test_sort_links_mark_the_current_order(render):
    soup = render(results_page(), query="ікона")
    group = soup.select_one(".search-sort")
    assert group["role"] == "group"
    assert text(soup.select_one("#" + group["aria-labelledby"])) == "Sort by"
    links = group.select("a")
    assert [text(link) for link in links] == ["Relevance", "Date"]
    assert links[0]["aria-current"] == "true"
    assert not links[1].has_attr("aria-current")
    assert "sort=date" in links[1]["href"]


def test_search_form_is_labelled_and_keeps_the_filters(render):
    """The page's search box: a labelled type=search input with the query, a submit button,
    the current filters as hidden inputs and a sentence saying they are kept."""
    soup = render(results_page(), query="ікона")
    form = soup.select_one("main form.search-form")
    assert form["role"] == "search" and form["method"] == "get"
    assert form["action"] == "/en/search/"
    box = form.select_one("input[name=q]")
    assert box["type"] == "search" and box["value"] == "ікона"
    assert form.select_one(f"label[for={box['id']}]") is not None
    assert text(form.select_one(f"#{box['aria-describedby']}")).startswith("The search keeps")
    assert text(form.select_one("button[type=submit]")) == "Search"
    hidden = [(i["name"], i["value"]) for i in form.select("input[type=hidden]")]
    assert hidden == [("kind", "object"), ("material", "wood"), ("from", "1700"), ("to", "1900")]


def test_search_boxes_get_their_suggestion_strings_from_the_page(render):
    """The combobox script reads the suggest URL and every string, plurals rendered one by one,
    from data attributes; the input is not a combobox until the script makes it one."""
    soup = render(results_page(), query="ікона")
    box = soup.select_one("#search-q")
    assert box["data-suggest"] == "/en/search/suggest/"
    assert box["data-suggest-label"] == "Suggestions"
    assert box["data-suggest-none"] == "No suggestions"
    counts = box["data-suggest-counts"].split("|")
    assert counts == ["1 suggestion"] + [f"{n} suggestions" for n in range(2, 9)]
    assert not box.has_attr("role")
    assert box["autocomplete"] == "off"


def test_pagination_links_pages_and_marks_the_current_one(render):
    soup = render(results_page(), query="ікона")
    nav = soup.select_one("nav.search-pagination")
    assert nav["aria-label"] == "Pages of results"
    current = nav.select_one("[aria-current=page]")
    assert text(current) == "Page 2"
    assert "prev" in nav.select_one("a.pagination__step[rel~=prev]")["rel"]
    assert nav.select_one("a[rel~=next]")["href"].endswith("page=3")
    assert soup.select_one(".search-pagination__capped") is None


def test_page_title_names_the_query_and_the_page(render):
    soup = render(results_page(), query="ікона")
    assert text(soup.title).startswith("“ікона” — Search — page 2 — ")
    assert soup.select_one("meta[name=robots]")["content"] == "noindex, follow"
    assert text(soup.select_one(".breadcrumbs [aria-current=page]")) == "Search"


# --- no results ------------------------------------------------------------------------------


def test_no_results_offer_suggestions_and_removing_filters(render):
    """Zero hits: the count says so, alternative queries are links, removing filters is
    suggested (with the chips and a "clear all"), and there is no list or pagination."""
    page = no_results_page()
    soup = render(page, query="ікнoа")
    assert text(soup.select_one("[role=status]")) == "0 results for “ікнoа”."
    assert soup.select_one("ul.hits") is None
    assert soup.select_one("nav.pagination") is None
    help_ = soup.select_one(".no-results")
    assert text(help_.select_one("h3")) == "Nothing matches your search"
    suggestions = help_.select("a.no-results__suggestion")
    assert [(text(a), a["href"]) for a in suggestions] == page.suggestions
    assert "Remove one of your filters" in text(help_)
    clear = [a for a in help_.select("a") if text(a) == "Clear all filters"]
    assert clear and clear[0]["href"] == "/en/search/?q=%D1%96%D0%BA%D0%BDo%D0%B0"
    assert [text(chip) for chip in soup.select(".active-filters a.chip")] == [
        "Remove filter: Textile"
    ]
    assert soup.select_one(".search-sort") is None  # nothing to sort


def test_no_results_without_filters_or_suggestions_still_help(render):
    page = search_page(total=0)
    soup = render(page, query="zzzz")
    help_ = soup.select_one(".no-results")
    assert help_.select_one(".no-results__suggestions") is None
    assert "Remove one of your filters" not in text(help_)
    assert "Check the spelling" in text(help_)
    assert help_.select_one("a")["href"] == "/en/objects/"
    assert soup.select_one("[data-search-filters]") is None  # no facets, no empty panel


# --- browsing, degraded mode, long queries, capped pages -------------------------------------


def test_browse_page_invites_exploring_without_a_query(render):
    soup = render(browse_page())
    status = text(soup.select_one("[role=status]"))
    assert (
        status == "1,234 items to explore: objects, exhibitions, stories and themes. Page 1 of 52."
    )
    assert "“" not in text(soup.title)
    assert text(soup.title).startswith("Search — ")
    assert soup.select_one("#search-q")["value"] == ""
    assert soup.select_one(".active-filters") is None
    assert soup.select_one(".pagination__gap").get_text() == "…"


def test_filters_without_words_count_results_not_items_to_explore(render):
    """No words but a filter: the count is of results, and the filter can be removed."""
    page = browse_page()
    page.active_filters = [("Kind: Objects", search_url("en"))]
    page.clear_all_url = search_url("en")
    soup = render(page)
    assert text(soup.select_one("[role=status]")) == "1,234 results. Page 1 of 52."
    assert soup.select_one(".active-filters a.active-filters__clear")["href"] == "/en/search/"


def test_one_result_is_singular(render):
    page = search_page(total=1, hits=[hit("theme", "Theme", "Embroidery", "/en/themes/e/")])
    soup = render(page, query="вишивка")
    assert text(soup.select_one("[role=status]")) == "1 result for “вишивка”."


def test_degraded_notice_only_when_the_search_service_is_down(render):
    soup = render(results_page(degraded=True), query="ікона")
    notice = soup.select_one(".search-notice--degraded")
    assert notice is not None and "not available" in text(notice)
    assert soup.select("li.hit")  # results are still shown
    soup = render(results_page(), query="ікона")
    assert soup.select_one(".search-notice--degraded") is None


def test_shortened_query_is_explained(render):
    soup = render(results_page(), query="ікона", raw_query_too_long=True)
    assert "only its beginning was used" in text(soup.select_one(".search-notice"))


def test_capped_pagination_says_deep_pages_are_not_shown(render):
    soup = render(capped_page(), query="ікона")
    note = soup.select_one(".search-pagination__capped")
    assert text(note) == (
        "Only the first 50 pages of results can be shown. "
        "Add a word or a filter to narrow the search and reach the rest."
    )
    nav = soup.select_one("nav.search-pagination")
    assert nav.select_one("a[rel~=next]") is None
    assert text(nav.select_one("[aria-current=page]")) == "Page 50"


# --- languages and escaping ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["uk", "en"])
def test_page_is_in_the_readers_language_with_its_urls(render, language):
    """The same context renders in Ukrainian and English: html lang, the forms' actions and
    the suggest URL all carry the language prefix."""
    soup = render(results_page(language), language, query="ікона")
    assert soup.html["lang"] == language
    assert soup.select_one("form.search-form")["action"] == f"/{language}/search/"
    assert soup.select_one("form.year-range")["action"] == f"/{language}/search/"
    assert soup.select_one("#search-q")["data-suggest"] == f"/{language}/search/suggest/"
    counts = soup.select_one("#search-q")["data-suggest-counts"].split("|")
    assert len(counts) == 8 and all(str(n) in c for n, c in enumerate(counts, start=1))


def test_ukrainian_page_uses_ukrainian_strings(render):
    """Strings the catalogue already has come out in Ukrainian (the rest as soon as the
    catalogue is updated: every string is marked for translation)."""
    soup = render(results_page("uk"), "uk", query="ікона")
    assert text(soup.select_one(".breadcrumbs a")) == "Головна"
    with translation.override("uk"):
        from django.utils.translation import gettext

        assert text(soup.select_one("h1")) == gettext("Search")


def test_query_and_texts_are_escaped(render):
    """A query or a title with markup is shown as text, never as HTML."""
    evil = '<script>alert("x")</script>'
    page = results_page(query=evil)
    page.hits[0].title = evil
    soup = render(page, query=evil)
    html = str(soup)
    assert "<script>alert" not in html
    assert soup.select_one("#search-q")["value"] == evil
    assert evil in text(soup.select_one("[role=status]"))
    assert text(soup.select_one(".hit__link")) == evil


# --- the header's search box -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["uk", "en"])
def test_header_has_a_search_box_on_other_pages(client, portal_site, language):
    """Every page's header has a labelled search form to /<lang>/search/ with suggestions."""
    soup = BeautifulSoup(client.get(f"/{language}/objects/").content, "html.parser")
    form = soup.select_one("header.site-header form.site-search")
    assert form["role"] == "search" and form["method"] == "get"
    assert form["action"] == f"/{language}/search/"
    box = form.select_one("input[name=q]")
    assert box["type"] == "search"
    assert soup.select_one(f"label[for={box['id']}]") is not None
    assert box["data-suggest"] == f"/{language}/search/suggest/"
    button = form.select_one("button[type=submit]")
    assert text(button) and button.select_one("svg")["aria-hidden"] == "true"
    assert soup.select_one('script[src$="search/autocomplete.js"]')["type"] == "module"


def test_header_search_box_is_left_out_on_the_search_page(render):
    """On the search page its own box (which keeps the filters) is the only one."""
    soup = render(results_page(), query="ікона")
    assert soup.select_one("header form.site-search") is None
    assert len(soup.select("form[role=search]")) == 1
    assert len(soup.select('script[src$="search/autocomplete.js"]')) == 1
