"""The search page and the search box in a real browser (Debian's Chromium via Playwright):
axe-core on the page's states in uk and en, wide and on a phone; the suggestions combobox by
keyboard; filters by their links; the filters' disclosure on a phone; the forms without
scripts.

The data are the story pages of ``tests/story_pages.py`` (seven objects, exhibitions, chapters,
a story and a theme in uk and en), built once for the module by ``story_site`` and indexed by
``search_site`` below. Set PORTAL_SCREENSHOTS=docs/screenshots to also save screenshots of the
search page.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import VIEWPORT
from tests.test_accessibility import VIEWPORTS, blocking_violations, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 390, "height": 844}

#: Page states axe checks, by name: the path after the language prefix.
STATES = {
    # Words and a filter: results, facets with a selection, chips, sort.
    "results": "search/?q=кераміка&kind=object",
    # Nothing found, with a filter to remove.
    "no-results": "search/?q=zzqxw&kind=story",
    # No words: everything, newest first, with the facets.
    "browse": "search/",
}


def expect(locator):
    from playwright.sync_api import expect

    return expect(locator)


def search_path(language, state):
    return f"/{language}/{STATES[state]}"


@pytest.fixture(scope="module")
def search_site(story_site, django_db_blocker):
    """The story site with the readers' index rebuilt, every image's thumbnails made and
    every page state rendered once (each must answer 200): the server must not write while a
    test's transaction is open, and suggestions can show any image as the reader types."""
    from django.test import Client

    from portal.models import PortalImage
    from search import indexing

    with django_db_blocker.unblock():
        indexing.rebuild()
        for image in PortalImage.objects.all():
            for spec in ("fill-96x96", "fill-160x160"):
                image.get_rendition(spec)
        client = Client()
        for language in ("uk", "en"):
            for state in STATES:
                path = search_path(language, state)
                status = client.get(path).status_code
                if status != 200:
                    pytest.fail(f"{path} answered {status}.")
            # The suggestions' thumbnails too.
            assert client.get(f"/{language}/search/suggest/", {"q": "пис"}).status_code == 200
    return story_site


@pytest.fixture
def open_search(search_site, site_server, story_browser):
    """``open_search(path)``: a fresh browser tab on ``path`` (reduced motion)."""
    contexts = []

    def open_search(path, *, javascript=True, viewport=None):
        context = story_browser.new_context(
            viewport=viewport or VIEWPORT,
            java_script_enabled=javascript,
            reduced_motion="reduce",
            base_url=site_server.url,
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        return page

    yield open_search
    for context in contexts:
        context.close()


def query_of(url):
    return parse_qs(urlsplit(url).query)


# --- accessibility ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize("state", list(STATES))
def test_search_page_has_no_serious_wcag_violations(open_search, language, state):
    """Results with facets, no results and browsing pass axe-core (no serious or critical
    WCAG 2.1 A/AA violation) in uk and en, at 1280 and 390 px."""
    page = open_search(search_path(language, state))
    expect(page.locator(".search-results [role=status]")).to_be_visible()
    if state == "results":
        expect(page.locator("li.hit").first).to_be_visible()
        expect(page.locator(".facet__link--selected").first).to_be_attached()
    failures = {}
    for viewport in VIEWPORTS:
        page.set_viewport_size(viewport)
        problems = blocking_violations(page)
        if problems:
            failures[f"{page.url} @ {viewport['width']}px"] = problems
        if language == "uk" and state != "browse":
            suffix = "-phone" if viewport["width"] == PHONE["width"] else ""
            save_screenshot(page, f"search-{state}-{language}{suffix}")
    assert not failures, failures


@pytest.mark.parametrize("language", ["uk", "en"])
def test_open_suggestions_and_open_filters_have_no_serious_wcag_violations(open_search, language):
    """The states scripts make: the suggestion list open with one highlighted, and the
    filters' disclosure opened on a phone."""
    page = open_search(search_path(language, "results"), viewport=PHONE)
    page.locator(".search-filters__toggle").click()
    expect(page.locator(".facet").first).to_be_visible()
    box = page.locator("#search-q")
    box.fill("")
    box.press_sequentially("пис")
    expect(page.locator("#search-q-suggestions [role=option]").first).to_be_visible()
    # The list settles (no suggestion request left in flight) before a highlighted option is
    # checked: a late response redraws the list, and axe cannot read a node it has replaced.
    page.wait_for_load_state("networkidle")
    box.press("ArrowDown")
    expect(page.locator("#search-q-suggestions [role=option]").first).to_have_attribute(
        "aria-selected", "true"
    )
    problems = blocking_violations(page)
    assert not problems, problems


# --- the suggestions combobox ----------------------------------------------------------------


def test_suggestions_combobox_by_keyboard(open_search):
    """Typing in the header's box lists suggestions (an ARIA 1.2 combobox: role, expanded,
    controls, active descendant, a count in a live region); Down highlights, Escape closes and
    keeps the words, Down opens again, Enter goes to the highlighted suggestion's page."""
    page = open_search("/uk/objects/")
    box = page.locator("header #site-search-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_accessible_name(re.compile(r"\S"))
    listbox_id = box.get_attribute("aria-controls")
    listbox = page.locator(f"#{listbox_id}")
    expect(listbox).to_have_attribute("role", "listbox")
    expect(listbox).to_be_hidden()

    box.focus()
    page.keyboard.type("писан")
    options = listbox.locator("[role=option]")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    count = options.count()
    assert 1 <= count <= 8
    titles = [title.casefold() for title in options.locator(".combobox__title").all_inner_texts()]
    assert all("писан" in title for title in titles), titles
    status = page.locator("header .combobox [role=status]")
    counts = box.get_attribute("data-suggest-counts").split("|")
    expect(status).to_contain_text(counts[count - 1])
    assert box.get_attribute("aria-activedescendant") is None

    page.keyboard.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(box).to_be_focused()
    if count > 1:
        page.keyboard.press("ArrowDown")
        expect(box).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
        expect(first).to_have_attribute("aria-selected", "false")
        page.keyboard.press("End")
        expect(box).to_have_attribute("aria-activedescendant", options.last.get_attribute("id"))
        page.keyboard.press("Home")
        expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))

    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("писан")

    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(first).to_have_attribute("aria-selected", "true")
    target = first.get_attribute("data-url")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == target


def test_enter_without_a_highlighted_suggestion_submits_the_search(open_search):
    """Enter with the list open but nothing highlighted searches for the words typed."""
    page = open_search("/en/objects/")
    box = page.locator("header #site-search-q")
    box.focus()
    page.keyboard.type("писанка")
    expect(page.locator("#site-search-q-suggestions [role=option]").first).to_be_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/en/search/"
    assert query_of(page.url)["q"] == ["писанка"]
    expect(page.locator("li.hit").first).to_be_visible()
    expect(page.locator("#search-q")).to_have_value("писанка")


def test_a_suggestion_opens_with_a_click(open_search):
    page = open_search("/en/search/")
    box = page.locator("#search-q")
    box.press_sequentially("кахл")
    option = page.locator("#search-q-suggestions [role=option]").first
    expect(option).to_be_visible()
    target = option.get_attribute("data-url")
    with page.expect_navigation():
        option.click()
    assert urlsplit(page.url).path == target


def test_no_suggestions_for_unknown_words_and_the_list_stays_closed(open_search):
    page = open_search("/uk/search/")
    box = page.locator("#search-q")
    box.press_sequentially("zzqxw")
    status = page.locator(".search-form .combobox [role=status]")
    expect(status).to_have_text(box.get_attribute("data-suggest-none"))
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#search-q-suggestions")).to_be_hidden()


# --- filters ---------------------------------------------------------------------------------


def test_facet_links_add_and_remove_a_filter(open_search):
    """Following a facet value adds it to the URL, marks it selected, narrows the count to
    the value's count and shows a chip; the chip removes it again."""
    page = open_search("/uk/search/?q=кераміка")
    status = page.locator(".search-results [role=status]")
    before = status.inner_text()
    kind = page.locator(".facet").filter(has=page.locator("#facet-kind-title"))
    link = kind.locator("a.facet__link:not(.facet__link--selected)").first
    value_count = int(link.locator(".facet__count").inner_text().strip("() "))
    label = link.locator(".facet__label").inner_text()
    with page.expect_navigation():
        link.click()
    assert "kind" in query_of(page.url) and query_of(page.url)["q"] == ["кераміка"]
    selected = page.locator(".facet__link--selected")
    expect(selected).to_have_count(1)
    expect(selected).to_contain_text(label)
    assert status.inner_text() != before
    assert re.match(rf"^{value_count}\b", status.inner_text())
    hits = page.locator("li.hit")
    expect(hits).to_have_count(min(value_count, hits.count()))
    chip = page.locator(".active-filters a.chip")
    expect(chip).to_have_count(1)
    expect(chip).to_contain_text(label)

    with page.expect_navigation():
        chip.click()
    assert "kind" not in query_of(page.url)
    expect(page.locator(".facet__link--selected")).to_have_count(0)
    expect(status).to_have_text(before)


def test_filters_sit_behind_a_disclosure_on_a_phone_and_stay_open_across_pages(open_search):
    """At 390 px the filters start closed behind "Show filters"; opened, they stay open on the
    page a facet link leads to. At 1280 px they are open beside the results, no button."""
    page = open_search("/uk/search/?q=кераміка", viewport=PHONE)
    toggle = page.locator(".search-filters__toggle")
    facets = page.locator(".facet")
    expect(toggle).to_be_visible()
    expect(facets.first).to_be_hidden()
    toggle.click()
    expect(facets.first).to_be_visible()
    with page.expect_navigation():
        facets.first.locator("a.facet__link").first.click()
    expect(page.locator(".facet").first).to_be_visible()

    page.set_viewport_size(VIEWPORT)
    expect(toggle).to_be_hidden()
    expect(page.locator(".facet").first).to_be_visible()
    filters = page.locator(".search-filters").bounding_box()
    results = page.locator(".search-results").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"], "the filters are not beside the results"


def test_year_range_form_keeps_the_words_and_filters(open_search):
    page = open_search("/en/search/?q=кераміка&kind=object")
    page.locator("#search-year-from").fill("1900")
    with page.expect_navigation():
        page.locator("#search-year-to").press("Enter")
    params = query_of(page.url)
    assert params["q"] == ["кераміка"] and params["kind"] == ["object"]
    assert params["from"] == ["1900"]
    expect(page.locator("#search-year-from")).to_have_value("1900")


def test_sort_by_date_is_a_link_that_marks_itself_current(open_search):
    page = open_search("/uk/search/?q=кераміка")
    by_date = page.locator(".search-sort a").nth(1)
    with page.expect_navigation():
        by_date.click()
    assert query_of(page.url)["sort"] == ["date"]
    expect(page.locator(".search-sort a").nth(1)).to_have_attribute("aria-current", "true")


# --- without scripts -------------------------------------------------------------------------


def test_search_works_without_javascript(open_search):
    """Scripts off: the header box is a plain search field that submits; the filters open
    from their disclosure; facet links work."""
    page = open_search("/uk/objects/", javascript=False)
    box = page.locator("header input[name=q]")
    assert box.get_attribute("role") is None
    box.fill("кераміка")
    with page.expect_navigation():
        box.press("Enter")
    assert query_of(page.url)["q"] == ["кераміка"]
    expect(page.locator("li.hit").first).to_be_visible()
    page.locator(".search-filters__toggle").click()
    with page.expect_navigation():
        page.locator("a.facet__link").first.click()
    expect(page.locator(".facet__link--selected")).to_have_count(1)
