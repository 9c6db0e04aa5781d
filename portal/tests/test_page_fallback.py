"""A translated page whose parts nobody has translated yet shows them in Ukrainian, marked
``lang="uk"``, and says so; translated parts are not marked."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibitions.tests.factories import ExhibitionIndexPageFactory, StoryPageFactory, translate
from portal.models import HomePage

pytestmark = pytest.mark.django_db

NOTE = "Parts of this page have not been translated yet"


@pytest.fixture
def story(portal_site):
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    translate(index, "en")
    return StoryPageFactory(
        parent=index,
        title="Писанки Поділля",
        slug="pysanky",
        summary="Розповідь про писанки.",
        body=[
            {"type": "heading", "value": {"text": "Звідки писанки", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Перший абзац.</p>"},
            {"type": "paragraph", "value": "<p>Другий абзац.</p>"},
            {"type": "paragraph", "value": "<p>1863</p>"},
        ],
    )


def english(story, translate_all):
    """An English translation; with ``translate_all`` every part, else the first paragraph
    and the title only (the rest is the Ukrainian text wagtail-localize carries over)."""
    fields = {"title": "Pysanky of Podillia"}
    page = translate(story, "en", **fields)
    body = page.body.raw_data
    body[1]["value"] = "<p>The first paragraph.</p>"
    if translate_all:
        body[0]["value"] = {"text": "Where pysanky come from", "level": "h2"}
        body[2]["value"] = "<p>The second paragraph.</p>"
        page.summary = "A story of pysanky."
    page.body = body
    page.save_revision().publish()
    return page


def soup(client, page):
    return BeautifulSoup(client.get(page.url).content, "html.parser")


def test_untranslated_parts_are_marked_ukrainian_with_a_note(client, story):
    html = soup(client, english(story, translate_all=False))
    assert html.html["lang"] == "en"
    assert not html.select_one("h1.story-header__title").has_attr("lang")  # translated
    assert html.select_one(".story-header__summary")["lang"] == "uk"
    blocks = html.select(".stream__block")
    assert [block.get("lang") for block in blocks] == ["uk", None, "uk", None]
    # «1863» has no words to translate: the same in both languages, never marked.
    assert NOTE in html.select_one(".notice--language").get_text()


def test_a_fully_translated_page_has_no_marks_and_no_note(client, story):
    html = soup(client, english(story, translate_all=True))
    assert not html.select(".stream__block[lang]")
    assert not html.select_one(".story-header__summary").has_attr("lang")
    assert not html.select(".notice--language")


def test_the_ukrainian_source_is_never_marked(client, story):
    english(story, translate_all=False)
    html = soup(client, story)
    assert not html.select("[lang=uk].stream__block")
    assert not html.select(".notice--language")


def test_marking_reads_no_more_than_the_switcher_already_did(client, story):
    """The source page comes from the translations the language switcher reads anyway."""
    page = english(story, translate_all=False)
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(page.url)
    translation_reads = [q for q in queries.captured_queries if "exhibitions_storypage" in q["sql"]]
    assert len(translation_reads) <= 2  # routing to the story, and its live translations
