"""WCAG 2.1 A/AA checks with axe-core in a real browser (Debian's Chromium via Playwright).

Two sets of pages: the collection (home, listing, object pages, 404) against pytest-django's
live server with a small collection built by the registry's test builders; and the story
pages (home with its featured pages, exhibitions, exhibition, chapter, story, themes, theme,
object) of ``tests/story_pages.py``, which together use every story block, built once for the
module (``story_site`` in ``tests/conftest.py``). Set PORTAL_SCREENSHOTS=docs/screenshots to
also save screenshots of the collection pages checked (used to keep the design honest; see
docs/screenshots/; the story pages' screenshots there are not made here).
"""

import os
from io import BytesIO
from pathlib import Path

import pytest

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
VIEWPORTS = ({"width": 1280, "height": 900}, {"width": 390, "height": 844})

pytestmark = pytest.mark.browser


def artwork_png(width, height, seed):
    """A procedurally drawn 'icon' so screenshots look like a collection, not grey boxes."""
    from PIL import Image, ImageDraw

    palettes = [
        ((122, 30, 28), (214, 168, 72), (38, 52, 94)),
        ((36, 70, 60), (226, 196, 120), (120, 44, 30)),
        ((30, 44, 90), (236, 210, 150), (170, 60, 40)),
        ((90, 60, 30), (230, 200, 140), (40, 90, 110)),
    ]
    ground, gold, robe = palettes[seed % len(palettes)]
    image = Image.new("RGB", (width, height), ground)
    draw = ImageDraw.Draw(image)
    margin = width // 12
    draw.rectangle([margin, margin, width - margin, height - margin], fill=gold)
    inner = margin * 2
    draw.rectangle([inner, inner, width - inner, height - inner], fill=(246, 232, 200))
    cx, top = width // 2, height // 4
    radius = width // 6
    draw.ellipse([cx - radius, top - radius, cx + radius, top + radius], fill=gold)
    draw.ellipse(
        [cx - radius // 2, top - radius // 2, cx + radius // 2, top + radius // 2],
        fill=(222, 180, 140),
    )
    draw.polygon(
        [
            (cx, top + radius // 2),
            (width - inner - margin, height - inner),
            (inner + margin, height - inner),
        ],
        fill=robe,
    )
    for step in range(0, width - 2 * inner, max(8, width // 24)):
        draw.rectangle(
            [inner + step, height - inner - 10, inner + step + 4, height - inner - 4], fill=gold
        )
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def build_collection():
    from django.core.files.base import ContentFile

    from portal.models import PortalImage
    from registry.models import ObjectStatus
    from registry.tests import builders

    def picture(seed, width=600, height=800):
        image = PortalImage(
            title=f"picture {seed}",
            file=ContentFile(artwork_png(width, height, seed), name="p.png"),
        )
        image.save()
        return image

    stolen = builders.full_object("NHMU-1001", related_ids=["NHMU-1002"])
    stolen.status = ObjectStatus.STOLEN
    stolen.status_date = "2022-03-14"
    stolen.status_note = "Викрадено з експозиції під час окупації міста."
    stolen.save()
    stolen.get_translations().update(
        status=ObjectStatus.STOLEN,
        status_date="2022-03-14",
        status_note="Stolen from the display during the occupation of the town.",
    )
    for photo, seed in zip(stolen.images.all(), (0, 1), strict=True):
        photo.image = picture(seed)
        photo.save()
    for translated in stolen.get_translations():
        for photo, seed in zip(translated.images.all(), (0, 1), strict=True):
            photo.image = picture(seed)
            photo.save()
    titles = [
        ("Рушник весільний", "Wedding rushnyk", ObjectStatus.IN_COLLECTION),
        ("Глечик з розписом", "Painted jug", ObjectStatus.ON_LOAN),
        ("Козацька шабля", None, ObjectStatus.MISSING),
        ("Писанка з Гуцульщини", "Hutsul pysanka", ObjectStatus.SAFEKEEPING),
        ("Портрет гетьмана", None, ObjectStatus.DESTROYED),
        ("Кахля з левом", "Stove tile with a lion", ObjectStatus.DAMAGED),
        ("Свита полтавська", "Poltava svyta coat", ObjectStatus.RETURNED),
    ]
    museum = stolen.holder
    for index, (title, english, status) in enumerate(titles, start=2):
        obj = builders.register_object(
            f"NHMU-{1000 + index}",
            title=title,
            status=status,
            holder=museum,
            object_type=stolen.object_type,
            date_display="XIX ст.",
        )
        if index % 3:
            builders.add_photo(obj, image=picture(index, 640, 480), alt_text=title)
        if english:
            builders.translate(obj, title=english, date_display="19th century")
    machine_translated(
        builders.register_object(
            "NHMU-1010",
            title="Вишита сорочка",
            description="Полотняна сорочка з вишивкою хрестиком.",
            holder=museum,
            object_type=stolen.object_type,
        )
    )


def machine_translated(obj):
    """An English translation of ``obj`` made by a machine translator, not reviewed yet: the
    page shows the machine translation notice."""
    from wagtail.models import Locale
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    english = Locale.objects.get(language_code="en")
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    translation = Translation.objects.create(source=source, target_locale=english)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            context_id=segment.context_id,
            locale=english,
            data=f"[MT] {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name="Fake",
        )
    translation.save_target()


@pytest.fixture
def collection(live_server, portal_site):
    """The collection, built before the browser starts: Playwright's sync API runs an event
    loop in this thread, and Django refuses database calls from inside one."""
    build_collection()
    return live_server


@pytest.fixture(scope="module")
def axe(launch_chromium):
    pytest.importorskip("axe_playwright_python")


@pytest.fixture
def browser_page(collection, launch_chromium, axe):
    with launch_chromium() as browser:
        yield browser.new_page(viewport=VIEWPORTS[0])


def blocking_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.response["testEngine"]["name"] == "axe-core"
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def save_screenshot(page, name):
    folder = os.environ.get("PORTAL_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    # Lazy images load only near the viewport: pass over the page once first.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    # Kept small for the repository: halved, 256 colours.
    from PIL import Image

    shot = Image.open(BytesIO(page.screenshot(full_page=True)))
    if shot.width > 800:
        shot = shot.resize((shot.width // 2, shot.height // 2), Image.Resampling.LANCZOS)
    shot = shot.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    shot.save(Path(folder) / f"{name}.png", optimize=True)


PAGES = [
    ("home", "/{lang}/"),
    ("listing", "/{lang}/objects/"),
    ("object", "/{lang}/objects/NHMU-1001/"),
    ("object-fallback", "/{lang}/objects/NHMU-1004/"),
    ("object-machine-translated", "/{lang}/objects/NHMU-1010/"),
    ("home-from-untranslated", "/{lang}/?untranslated=1"),
    ("not-found", "/{lang}/objects/NO-SUCH-OBJECT/"),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_have_no_serious_wcag_violations(collection, browser_page):
    """Home (also with the switcher's "not translated" notice), listing, object (translated,
    fallback, machine translated) and 404 pages in uk and en pass axe-core with no serious or
    critical WCAG 2.1 A/AA violation, on a wide and a phone viewport."""
    live_server = collection
    failures = {}
    for viewport in VIEWPORTS:
        browser_page.set_viewport_size(viewport)
        for name, template in PAGES:
            for lang in ("uk", "en"):
                browser_page.goto(live_server.url + template.format(lang=lang))
                browser_page.wait_for_load_state("load")
                if name == "object-machine-translated" and lang == "en":
                    notice = browser_page.locator(".notice--machine-translation")
                    assert notice.is_visible(), "the machine translation notice is missing"
                problems = blocking_violations(browser_page)
                if problems:
                    failures[f"{template.format(lang=lang)} @ {viewport['width']}px"] = problems
                if viewport["width"] == 1280 and name in ("object", "listing"):
                    save_screenshot(browser_page, f"{name}-{lang}")
                elif (name, lang, viewport["width"]) in (
                    ("home", "uk", 1280),
                    ("object", "uk", 390),
                ):
                    suffix = "-phone" if viewport["width"] == 390 else ""
                    save_screenshot(browser_page, f"{name}-{lang}{suffix}")
    assert not failures, failures


# --- exhibitions, stories and themes --------------------------------------------------------

STORY_PAGES = [
    "home",
    "exhibitions",
    "exhibition",
    "chapter_1",
    "chapter_2",
    "story",
    "themes",
    "theme",
    "object",
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize("key", STORY_PAGES)
def test_story_pages_have_no_serious_wcag_violations(open_page, axe, key, language):
    """Every page type of exhibitions, stories and themes, with every story block on them,
    passes axe-core with no serious or critical WCAG 2.1 A/AA violation, wide and on a phone."""
    page = open_page(key, language, reduced_motion="no-preference")
    failures = {}
    for viewport in VIEWPORTS:
        page.set_viewport_size(viewport)
        problems = blocking_violations(page)
        if problems:
            failures[f"{page.url} @ {viewport['width']}px"] = problems
    assert not failures, failures


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["uk", "en"])
def test_story_with_its_widgets_open_has_no_serious_wcag_violations(open_page, axe, language):
    """The states scripts make: a map popup open, the slider moved, the carousel scrolled,
    the transcripts open and the audio's chapter list built from its WebVTT file."""
    page = open_page("story", language)
    page.locator(".media-block__chapter-list li").first.wait_for()
    page.locator(".map-block__show").first.click()
    page.locator(".map-popup__name").wait_for()
    page.locator(".comparison__input").fill("30")
    page.locator("[data-carousel-next]").click()
    for summary in page.locator("details > summary").all():
        summary.click()
    problems = blocking_violations(page)
    assert not problems, problems
