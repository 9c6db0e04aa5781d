"""Deep zoom in a real browser (Debian's Chromium via Playwright): the viewer on an object
page and in a story's image block, fed by our IIIF image service; axe with the viewer open
in uk and en; every control by keyboard; the plain image without JavaScript; and the
object page's IIIF manifest link.

The pages come from ``tests/story_pages.py`` (``story_site`` in ``tests/conftest.py``):
the object page of NMIU-2001 (with photographs) and chapter one, whose wide image block
has deep zoom on.
"""

import json
import re
from io import BytesIO

import pytest

from tests.conftest import VIEWPORT
from tests.test_accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

OPENER = ".deep-zoom-open"
DIALOG = "dialog.deep-zoom"


def expect(locator):
    from playwright.sync_api import expect

    return expect(locator)


@pytest.fixture(scope="module")
def axe(launch_chromium):
    pytest.importorskip("axe_playwright_python")


def grid_png(width=1600, height=1200, squares=8):
    """A grid of coloured squares: every zoom and pan changes what the viewer shows."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    step_x, step_y = width // squares, height // squares
    for x in range(squares):
        for y in range(squares):
            colour = (x * 255 // squares, y * 255 // squares, (x + y) * 127 // squares)
            draw.rectangle([x * step_x, y * step_y, (x + 1) * step_x, (y + 1) * step_y], colour)
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def grid_object(story_site, django_db_blocker):
    """An object whose photograph is a large coloured grid (the story pages' photographs
    are small and of one colour), made before the browser starts; story_site removes it
    with everything else after the module."""
    from django.core.files.base import ContentFile
    from django.test import Client

    from portal.models import PortalImage
    from registry.tests import builders

    with django_db_blocker.unblock():
        image = PortalImage(title="grid", file=ContentFile(grid_png(), name="grid.png"))
        image.save()
        obj = builders.register_object("ZOOM-1", title="Кольорова сітка")
        builders.add_photo(obj, image=image, alt_text="Сітка з кольорових квадратів")
        english = builders.translate(obj, title="Colour grid")
        builders.add_photo(english, image=image, alt_text="A grid of coloured squares")
        paths = {language: f"/{language}/objects/ZOOM-1/" for language in ("uk", "en")}
        # Renditions are made now, not by the live server inside a test's transaction.
        client = Client()
        for path in paths.values():
            assert client.get(path).status_code == 200, path
    return paths


@pytest.fixture
def open_path(grid_object, site_server, story_browser):
    """``open_path(path)``: a fresh tab (reduced motion) on any path of the live server."""
    contexts = []

    def open_path(path):
        context = story_browser.new_context(
            viewport=VIEWPORT, reduced_motion="reduce", base_url=site_server.url
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        return page

    yield open_path
    for context in contexts:
        context.close()


def focused(page, selector):
    return page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector)


def press_until_focused(page, key, selector, limit=30):
    for _ in range(limit):
        page.keyboard.press(key)
        if focused(page, selector):
            return page.locator(":focus")
    pytest.fail(f"{selector} was not reached by {limit} presses of {key}.")


def open_viewer(page, opener=None):
    """Open the first deep-zoom image's viewer and wait until its tiles are drawn."""
    (opener or page.locator(OPENER).first).click()
    dialog = page.locator(DIALOG)
    expect(dialog).to_be_visible()
    expect(dialog).to_have_class(re.compile(r"\bdeep-zoom--ready\b"), timeout=15000)
    settle(page)
    return dialog


def settle(page):
    """Let OpenSeadragon fetch and draw what it needs (nothing animates: reduced motion)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def picture(page):
    """What the viewer shows, as an image (its canvas has no DOM state to read)."""
    from PIL import Image

    shot = page.locator(".deep-zoom__viewer").screenshot()
    return Image.open(BytesIO(shot)).convert("L")


#: Below this mean difference two pictures show the same view (the canvas's focus ring and
#: tile blending differ); every zoom or pan step of the grid changes far more.
SAME_VIEW = 3


def difference(first, second):
    """Mean absolute difference of two greyscale pictures, 0–255."""
    from PIL import ImageChops, ImageStat

    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0]


# --- without JavaScript ---------------------------------------------------------------------


@pytest.mark.parametrize("key", ["object", "chapter_1"])
def test_without_javascript_the_plain_image_and_full_size_link_stay(open_page, key):
    page = open_page(key, "uk", javascript=False)
    figure = page.locator("[data-deep-zoom]").first
    expect(figure.locator("img")).to_be_visible()
    assert page.locator(OPENER).count() == 0
    assert page.locator(DIALOG).count() == 0
    full_size = figure.locator(".photo__full-size, .image-block__full-size")
    response = page.request.get(full_size.get_attribute("href"))
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("image/")


# --- the viewer -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize("key", ["object", "chapter_1"])
def test_viewer_open_has_no_serious_wcag_violations(open_page, axe, key, language):
    """With the viewer open (tiles drawn), the page passes axe-core in both languages; the
    viewer is a labelled modal dialog with a labelled image region and keyboard help."""
    page = open_page(key, language)
    open_viewer(page)
    dialog = page.locator(DIALOG)
    expect(dialog).to_have_accessible_name(re.compile(r"\S"))
    expect(page.locator(".deep-zoom__viewer")).to_have_accessible_name(re.compile(r"\S"))
    expect(page.locator(".deep-zoom__help")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == language
    problems = blocking_violations(page)
    assert not problems, problems


def test_viewer_buttons_have_names_in_the_page_language(open_page):
    names = {}
    for language in ("uk", "en"):
        page = open_page("object", language)
        open_viewer(page)
        names[language] = [
            button.evaluate("(b) => b.textContent.trim()")
            for button in page.locator(f"{DIALOG} button:visible").all()
        ]
        assert len(names[language]) >= 4, names
    assert names["uk"] != names["en"]
    assert any("Zoom in" in name for name in names["en"])


def test_controls_work_by_keyboard(grid_object, open_path):
    """Tab reaches the opener; Enter opens the viewer with focus on the image; the arrow
    keys pan; Zoom in, Zoom out and Reset work from the keyboard with a visible focus
    ring; Esc closes the viewer and gives focus back to the opener."""
    page = open_path(grid_object["en"])
    page.locator("h1").focus()
    press_until_focused(page, "Tab", OPENER, limit=60)
    page.keyboard.press("Enter")
    dialog = page.locator(DIALOG)
    expect(dialog).to_have_class(re.compile(r"\bdeep-zoom--ready\b"), timeout=15000)
    settle(page)
    assert focused(page, ".deep-zoom__viewer *")  # OpenSeadragon's canvas takes the keys
    start = picture(page)

    page.keyboard.press("+")
    settle(page)
    zoomed_by_key = picture(page)
    assert difference(start, zoomed_by_key) > SAME_VIEW
    page.keyboard.press("ArrowRight")
    settle(page)
    assert difference(zoomed_by_key, picture(page)) > SAME_VIEW
    page.keyboard.press("0")
    settle(page)
    assert difference(start, picture(page)) < SAME_VIEW

    zoom_in = press_until_focused(page, "Shift+Tab", '[data-action="zoom-in"]')
    outline = zoom_in.evaluate("(b) => getComputedStyle(b).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    settle(page)
    zoomed = picture(page)
    assert difference(start, zoomed) > SAME_VIEW

    press_until_focused(page, "Tab", '[data-action="zoom-out"]')
    page.keyboard.press("Enter")
    settle(page)
    press_until_focused(page, "Tab", '[data-action="reset"]')
    page.keyboard.press("Space")
    settle(page)
    assert difference(start, picture(page)) < SAME_VIEW

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert focused(page, OPENER)


def test_an_image_service_failure_is_said_and_the_page_image_stays(open_page):
    page = open_page("object", "en")
    page.route("**/info.json", lambda route: route.fulfill(status=404, body="Not found."))
    page.locator(OPENER).first.click()
    dialog = page.locator(DIALOG)
    expect(dialog).to_have_class(re.compile(r"\bdeep-zoom--failed\b"), timeout=15000)
    expect(dialog.locator(".deep-zoom__status")).not_to_be_empty()
    dialog.locator('[data-action="close"]').click()
    expect(page.locator("[data-deep-zoom] img").first).to_be_visible()


def test_close_button_and_reopening(open_page):
    page = open_page("chapter_1", "uk")
    dialog = open_viewer(page)
    dialog.locator('[data-action="close"]').click()
    expect(dialog).to_be_hidden()
    open_viewer(page)
    expect(dialog).to_be_visible()


def test_full_screen_button_toggles_and_escape_leaves_it(open_page):
    page = open_page("object", "uk")
    dialog = open_viewer(page)
    button = dialog.locator('[data-action="full-screen"]')
    if not button.is_visible():
        pytest.skip("This Chromium offers no Fullscreen API.")
    button.click()
    page.wait_for_function("document.fullscreenElement !== null", timeout=5000)
    expect(button).to_have_attribute("aria-pressed", "true")
    button.click()
    page.wait_for_function("document.fullscreenElement === null", timeout=5000)
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(dialog).to_be_visible()


# --- the IIIF link --------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["uk", "en"])
def test_object_page_links_its_iiif_manifest(open_page, language):
    page = open_page("object", language)
    link = page.locator(".iiif-link__url")
    expect(link).to_be_visible()
    url = link.text_content().strip()
    assert url.endswith("/iiif/3/manifests/objects/NMIU-2001")
    assert link.get_attribute("href") == "/iiif/3/manifests/objects/NMIU-2001"
    expect(page.locator(".iiif-link__copy")).to_be_visible()
    response = page.request.get(url)
    assert response.ok
    assert response.headers["access-control-allow-origin"] == "*"
    manifest = json.loads(response.body())
    assert manifest["type"] == "Manifest"
    assert set(manifest["label"]) >= {"uk"}
