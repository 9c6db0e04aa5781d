"""Stories in a real browser (Debian's Chromium via Playwright): the before/after slider, the
map and its list of places, the object carousel, chapter navigation and the language switcher,
by keyboard and with JavaScript on and off.

The pages come from ``tests/story_pages.py``, built once for the module (``story_site`` in
``tests/conftest.py``); each test opens them in a fresh browser tab, with reduced motion
(nothing animates, positions can be read at once) unless it says otherwise.
"""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

#: Where the comparison's divider sits (0–1 across the images) and how much of the "after"
#: image is clipped away from the left (the percentage in its ``clip-path: inset()``).
COMPARISON_STATE = """(root) => {
    const stage = root.querySelector(".comparison__stage").getBoundingClientRect();
    const divider = root.querySelector(".comparison__divider").getBoundingClientRect();
    const after = root.querySelector(".comparison__side--after .comparison__image");
    const clip = getComputedStyle(after).clipPath.match(/^inset\\(0px 0px 0px ([\\d.]+)%\\)$/);
    return {
        divider: (divider.left + divider.width / 2 - stage.left) / stage.width,
        clip: clip ? Number(clip[1]) : null,
    };
}"""


def expect(locator):
    from playwright.sync_api import expect

    return expect(locator)


def playwright_timeout():
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    return PlaywrightTimeoutError


def focused(page, selector):
    return page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector)


def tab_to(page, selector, *, start=None, limit=100):
    """Press Tab until ``selector`` has focus: it is reachable by keyboard.

    ``start``: a focusable element shortly before it to put focus on first (tabbing from
    the top of a long story takes a hundred presses); else tabbing starts where focus is.
    """
    if start is not None:
        page.locator(start).focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return page.locator(":focus")
    pytest.fail(f"{selector} was not reached by {limit} presses of Tab.")


def settle(page):
    """Wait until the page has stopped scrolling (smooth scrolling, without reduced motion)."""
    page.evaluate(
        """() => new Promise((resolve) => {
            let last = null;
            const check = () => {
                if (window.scrollY === last) {
                    resolve();
                } else {
                    last = window.scrollY;
                    setTimeout(check, 100);
                }
            };
            check();
        })"""
    )


def comparison_at(comparison, percent):
    """The comparison's state once its divider and clip have reached ``percent`` (even the
    shortest transition takes a frame); fails with the state it is in otherwise."""
    wanted = f"""(root) => {{
        const state = ({COMPARISON_STATE})(root);
        return Math.abs(state.divider - {percent / 100}) < 0.01 && state.clip === {percent};
    }}"""
    try:
        comparison.page.wait_for_function(wanted, arg=comparison.element_handle(), timeout=2000)
    except playwright_timeout():
        pytest.fail(f"Not at {percent}%: {comparison.evaluate(COMPARISON_STATE)}")
    return comparison.evaluate(COMPARISON_STATE)


# --- (a) before/after comparison ------------------------------------------------------------


def test_comparison_slider_moves_the_divider_by_keyboard(open_page, story_site):
    """Tab reaches the slider; ArrowRight, End and Home move the value, the divider and the
    clip of the "after" image together, and the value is announced with both labels."""
    page = open_page("story", "uk")
    comparison = page.locator("[data-comparison]")
    slider = comparison.locator("input[type=range]")
    expect(comparison).to_have_class(re.compile(r"\bcomparison--enhanced\b"))
    expect(slider).to_be_visible()
    before, after = story_site.comparison_labels["uk"]
    expect(slider).to_have_accessible_name(re.compile(f"{before}.*{after}"))

    tab_to(page, ".comparison__input", start=".stream__block--paragraph a >> nth=0")
    start = comparison_at(comparison, 50)
    assert slider.input_value() == "50"

    page.keyboard.press("ArrowRight")
    assert slider.input_value() == "51"
    assert comparison_at(comparison, 51)["divider"] > start["divider"]
    valuetext = slider.get_attribute("aria-valuetext")
    assert before in valuetext and after in valuetext and "51" in valuetext

    page.keyboard.press("End")
    assert slider.input_value() == "100"
    assert comparison_at(comparison, 100)["divider"] == pytest.approx(1, abs=0.01)

    page.keyboard.press("Home")
    assert slider.input_value() == "0"
    assert comparison_at(comparison, 0)["divider"] == pytest.approx(0, abs=0.01)
    assert focused(page, ".comparison__input")


def test_comparison_without_javascript_shows_both_images_side_by_side(open_page, story_site):
    """With scripts off there is no slider: both images and their labels are shown whole,
    next to each other."""
    page = open_page("story", "en", javascript=False)
    comparison = page.locator(".comparison")
    comparison.scroll_into_view_if_needed()
    before = comparison.locator(".comparison__side--before")
    after = comparison.locator(".comparison__side--after")
    for side, label in zip((before, after), story_site.comparison_labels["en"], strict=True):
        expect(side.locator("img")).to_be_visible()
        expect(side.locator(".comparison__label")).to_have_text(label)
        assert side.locator("img").evaluate("(img) => getComputedStyle(img).clipPath") == "none"
    expect(comparison.locator(".comparison__control")).to_be_hidden()
    left, right = before.bounding_box(), after.bounding_box()
    assert left["x"] + left["width"] <= right["x"], "the images overlap"


# --- (b) the map and its list of places -----------------------------------------------------


def test_map_places_are_listed_and_readable_without_javascript(open_page, story_site):
    """The list alternative is the block: every place with its name and coordinates, and
    no map or "Show on map" buttons that would do nothing."""
    page = open_page("story", "uk", javascript=False)
    places = page.locator(".map-block__places > li")
    expect(places).to_have_count(len(story_site.places["uk"]))
    for index, name in enumerate(story_site.places["uk"]):
        place = places.nth(index)
        expect(place.get_by_role("heading", level=3)).to_have_text(name)
        expect(place.locator(".map-block__coordinates")).to_have_text(re.compile(r"\d+,\d+°"))
        expect(place.get_by_role("button")).to_have_count(0)  # hidden buttons are not buttons
    expect(page.locator("[data-map-canvas]")).to_be_hidden()
    # The first place links to its object in the register.
    expect(places.first.get_by_role("link")).to_have_attribute("href", "/uk/objects/NMIU-2001/")


@pytest.mark.parametrize(
    ("how", "motion"),
    [
        ("click", "no-preference"),
        ("keyboard", "no-preference"),
        pytest.param("keyboard", "reduce"),
    ],
)
def test_show_on_map_opens_the_places_popup_and_moves_focus_into_it(
    open_page, story_site, how, motion
):
    """With scripts, the list stays and each place gets a "Show on map" button that opens
    its popup and puts focus on its name; "Back to the list" returns focus to the button,
    and Escape closes the popup with focus on the place's marker."""
    page = open_page("story", "en", reduced_motion=motion)
    expect(page.locator(".map-block .leaflet-container")).to_be_visible()
    expect(page.locator(".map-block__places > li")).to_have_count(len(story_site.places["en"]))
    expect(page.locator(".map-block__places")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(len(story_site.places["en"]))
    name = story_site.places["en"][1]
    button = page.locator(".map-block__place").nth(1).get_by_role("button")
    # (The hidden ": Kosiv" makes Chromium's name "Show on map : Kosiv"; either reads well.)
    expect(button).to_have_accessible_name(re.compile(rf"^Show on map\s*:\s*{name}$"))
    if how == "click":
        button.click()
    else:
        tab_to(page, '.map-block__show[data-map-show="1"]', start=".map-block__object a")
        settle(page)
        page.keyboard.press("Enter")

    popup = page.locator(".leaflet-popup")
    expect(popup).to_have_count(1)
    expect(popup.locator(".map-popup__name")).to_have_text(name)
    expect(popup.locator(".map-popup__name")).to_be_focused(timeout=3000)
    settle(page)
    expect(popup).to_be_in_viewport()

    if how == "click":
        popup.get_by_role("button", name="Back to the list").click()
    else:
        tab_to(page, ".map-popup__back", limit=3)
        page.keyboard.press("Enter")
    expect(button).to_be_focused()

    # Another place's button moves the popup there; Escape closes it, focus on the marker.
    other = story_site.places["en"][2]
    page.locator(".map-block__place").nth(2).get_by_role("button").click()
    other_name = page.locator(".map-popup__name", has_text=other)
    expect(other_name).to_be_focused()
    expect(page.locator(".map-popup__name", has_text=name)).to_have_count(0)  # one at a time
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    expect(page.locator(f'.leaflet-marker-icon[alt="{other}"]')).to_be_focused()


# --- (c) the language switcher --------------------------------------------------------------


def test_language_switcher_leads_to_the_same_story_in_english_and_back(open_page, story_site):
    page = open_page("story", "uk")
    switcher = page.locator("nav.language-switcher")
    expect(switcher.locator('a[lang="uk"]')).to_have_attribute("aria-current", "true")

    switcher.locator('a[hreflang="en"]').click()
    page.wait_for_url(f"**{story_site.url('story', 'en')}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(story_site.titles["story"]["en"])

    switcher.locator('a[hreflang="uk"]').click()
    page.wait_for_url(f"**{story_site.url('story', 'uk')}")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text(story_site.titles["story"]["uk"])


def test_language_switcher_on_an_untranslated_page_leads_to_the_english_home(open_page, story_site):
    page = open_page("untranslated", "uk")
    link = page.locator('.language-switcher a[hreflang="en"]')
    expect(link).to_have_attribute("rel", "nofollow")  # not an alternate of this page
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{story_site.url('home', 'en')}?untranslated=1")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("body")).to_have_class(re.compile(r"\bpage-home\b"))
    expect(page.locator(".notice--untranslated")).to_contain_text("has not been translated")


# --- (d) the object carousel ----------------------------------------------------------------


def test_carousel_buttons_move_the_cards_by_keyboard(open_page, story_site):
    """Previous and Next are reached with Tab and pressed with Enter or Space; each press
    moves the list by a card, and each button says when there is nothing more its way."""
    page = open_page("story", "uk")
    carousel = page.locator("[data-carousel]")
    track = carousel.locator(".carousel__track")
    expect(track.locator(":scope > li")).to_have_count(story_site.carousel_size)
    previous = carousel.locator("button[data-carousel-prev]")
    following = carousel.locator("button[data-carousel-next]")
    expect(following).to_be_visible()
    expect(previous).to_have_attribute("aria-disabled", "true")
    expect(following).to_have_attribute("aria-disabled", "false")

    def first_card():
        """The index of the first card whose left edge is inside the list's box."""
        return track.evaluate(
            """(track) => {
                const left = track.getBoundingClientRect().left;
                return [...track.children].findIndex(
                    (card) => card.getBoundingClientRect().left >= left - 1
                );
            }"""
        )

    def press(key):
        before = track.evaluate("(track) => track.scrollLeft")
        page.keyboard.press(key)
        page.wait_for_function(
            "([track, before]) => track.scrollLeft !== before",
            arg=[track.element_handle(), before],
            timeout=2000,
        )
        return first_card()

    # Tabbing through the cards' links scrolls the list along on the way to the buttons.
    tab_to(page, "[data-carousel-next]", start=".carousel__track")
    page.keyboard.press("Shift+Tab")
    assert focused(page, "[data-carousel-prev]")
    shown = first_card()
    assert shown > 0
    for _ in range(story_site.carousel_size):
        now = press("Enter")
        assert now < shown, "Previous did not move the list back"
        shown = now
        if shown == 0:
            break
    assert shown == 0
    expect(previous).to_have_attribute("aria-disabled", "true")

    page.keyboard.press("Tab")
    assert focused(page, "[data-carousel-next]")
    assert press("Enter") == 1
    assert press("Space") == 2
    expect(previous).to_have_attribute("aria-disabled", "false")

    # Home and End on the focused list jump to the first and the last card.
    track.focus()
    page.keyboard.press("End")
    expect(following).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Home")
    expect(previous).to_have_attribute("aria-disabled", "true")
    assert first_card() == 0


def test_carousel_without_javascript_is_a_scrollable_list_without_buttons(open_page, story_site):
    page = open_page("story", "uk", javascript=False)
    track = page.locator(".carousel__track")
    expect(track.locator(":scope > li")).to_have_count(story_site.carousel_size)
    expect(page.locator("[data-carousel-controls]")).to_be_hidden()
    assert track.evaluate("(track) => track.scrollWidth > track.clientWidth")
    assert track.get_attribute("tabindex") == "0"  # it can be scrolled by keyboard


# --- (e) chapter navigation -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["uk", "en"])
def test_chapter_navigation_leads_through_the_exhibition(open_page, story_site, language):
    """From the exhibition to chapter 1, on to chapter 2, back to chapter 1, and from the
    last chapter back to the exhibition."""
    urls, titles = story_site.urls, story_site.titles
    page = open_page("exhibition", language)
    page.locator(".chapter-list a.button").click()
    page.wait_for_url(f"**{urls['chapter_1'][language]}")
    expect(page.get_by_role("heading", level=1)).to_have_text(titles["chapter_1"][language])
    expect(page.locator('a[rel="prev"]')).to_have_count(0)

    nav = page.locator("nav.chapter-nav")
    next_link = nav.locator('a[rel="next"]')
    expect(next_link).to_contain_text(titles["chapter_2"][language])
    next_link.focus()
    page.keyboard.press("Enter")  # by keyboard
    page.wait_for_url(f"**{urls['chapter_2'][language]}")
    expect(page.get_by_role("heading", level=1)).to_have_text(titles["chapter_2"][language])

    nav.locator('a[rel="prev"]').click()
    page.wait_for_url(f"**{urls['chapter_1'][language]}")
    nav.locator('a[rel="next"]').click()
    page.wait_for_url(f"**{urls['chapter_2'][language]}")

    back = nav.locator("a.chapter-nav__link--next")
    expect(back).to_contain_text(titles["exhibition"][language])
    back.click()
    page.wait_for_url(f"**{urls['exhibition'][language]}")
    expect(page.get_by_role("heading", level=1)).to_have_text(titles["exhibition"][language])
