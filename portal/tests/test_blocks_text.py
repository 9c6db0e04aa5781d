"""Text blocks: headings, paragraphs, quotes, content warnings, sources and calls to action."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils.translation import override
from wagtail.models import Page

from portal.blocks.base import INLINE_FEATURES, NOTES_AND_LINKS, PARAGRAPH_FEATURES, TEXT
from portal.blocks.text import (
    CallToActionBlock,
    ContentWarningBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
    SourcesBlock,
)
from portal.models import HomePage

PAYLOAD = (
    '</script><script>alert("x")</script><img src=x onerror="alert(1)"> " onmouseover="alert(2)'
)
RICH_PAYLOAD = (
    '<p>Before<script>alert("x")</script><a href="javascript:alert(1)" onclick="alert(2)">'
    'a link</a><img src="x" onerror="alert(3)"><iframe src="https://evil.example/"></iframe>'
    '<b onmouseover="alert(4)">bold</b></p>'
)
JS_URL = "javascript:alert(3)"

ALL_BLOCKS = [
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
    ContentWarningBlock,
    SourcesBlock,
    CallToActionBlock,
]


def render(block, raw, **context):
    """Render raw stream data (as stored) the way a page does, in English."""
    with override("en"):
        return str(block.render(block.to_python(raw), context={"page": None, **context}))


def block_errors(block, raw):
    """The messages of each child block that fails validation."""
    with override("en"):
        with pytest.raises(ValidationError) as caught:
            block.clean(block.to_python(raw))
        return {name: error.messages for name, error in caught.value.block_errors.items()}


def assert_inert(html):
    """No script, no event handler, no javascript: URL and no frame in ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "iframe", "object", "embed"])
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            if name in {"href", "src", "action", "formaction"}:
                assert not str(value).strip().lower().startswith("javascript:"), element
    assert "<script" not in html


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


# --- every block ----------------------------------------------------------------------------


@pytest.mark.parametrize("block_class", ALL_BLOCKS)
def test_every_text_block_declares_what_the_editor_and_the_picker_need(block_class):
    """Icon, template, preview, description, group and label are set on every block."""
    block = block_class()
    assert block.meta.icon
    assert block.meta.template.startswith("portal/blocks/")
    assert block.get_description()
    assert block.meta.group in {TEXT, NOTES_AND_LINKS}
    assert block.label
    assert block.is_previewable or hasattr(block.meta, "preview_value")


@pytest.mark.django_db
@pytest.mark.parametrize("block_class", ALL_BLOCKS)
@pytest.mark.parametrize("language", ["uk", "en"])
def test_preview_value_of_every_text_block_renders(block_class, language):
    """The block picker's example renders, with text, in each admin language."""
    block = block_class()
    with override(language):
        html = str(block.render(block.get_preview_value(), context={"page": None}))
    assert text_of(html)


# --- heading --------------------------------------------------------------------------------


def test_heading_renders_as_a_section_heading_with_an_anchor():
    html = render(HeadingBlock(), {"text": "Objects moved for safekeeping", "level": "h2"})
    heading = BeautifulSoup(html, "html.parser").find("h2")
    assert heading["id"] == "objects-moved-for-safekeeping"
    assert heading.get_text() == "Objects moved for safekeeping"


def test_heading_renders_a_subheading_at_h3():
    html = render(HeadingBlock(), {"text": "The icons", "level": "h3"})
    assert BeautifulSoup(html, "html.parser").find("h3")["id"] == "the-icons"


def test_heading_anchor_keeps_cyrillic_and_is_stable():
    """Anchors are slugs in the text's own script, the same on every render."""
    block = HeadingBlock()
    value = block.to_python({"text": "Евакуація 2022 року", "level": "h2"})
    assert value.anchor == "евакуація-2022-року"
    assert block.to_python({"text": "Евакуація 2022 року"}).anchor == value.anchor


def test_heading_anchor_of_punctuation_only_text_is_not_empty():
    assert HeadingBlock().to_python({"text": "…!?", "level": "h2"}).anchor == "section"


def test_heading_level_from_raw_data_is_limited_to_h2_and_h3():
    html = render(HeadingBlock(), {"text": "Title", "level": "script"})
    assert "<h2" in html
    assert "<script" not in html


def test_heading_text_is_escaped():
    html = render(HeadingBlock(), {"text": PAYLOAD, "level": "h2"})
    assert_inert(html)
    assert 'alert("x")' in text_of(html)


# --- paragraph ------------------------------------------------------------------------------


def test_paragraph_renders_its_rich_text():
    html = render(ParagraphBlock(), "<p>Moved in <b>March</b> 2022.</p><ul><li>Icons</li></ul>")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("b").get_text() == "March"
    assert soup.find("li").get_text() == "Icons"


def test_paragraph_allows_the_paragraph_features():
    assert ParagraphBlock().features == PARAGRAPH_FEATURES


def test_empty_paragraph_renders_nothing():
    assert render(ParagraphBlock(), "").strip() == ""


def test_paragraph_removes_scripts_handlers_and_javascript_links():
    html = render(ParagraphBlock(), RICH_PAYLOAD)
    assert_inert(html)
    assert "alert" not in html
    assert "bold" in html
    assert "a link" in html


# --- quote ----------------------------------------------------------------------------------


def test_quote_renders_with_attribution_source_and_language():
    html = render(
        QuoteBlock(),
        {
            "quote": "Ana yurt — bizim yurt.",
            "attribution": "A weaver from Bakhchysarai",
            "source": "Oral history, 2019",
            "language": "crh",
        },
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("blockquote")["lang"] == "crh"
    assert soup.find("figcaption").find("cite").get_text() == "Oral history, 2019"
    assert "A weaver from Bakhchysarai" in soup.find("figcaption").get_text()


def test_quote_without_its_optional_parts_has_no_caption_and_no_lang():
    html = render(QuoteBlock(), {"quote": "We carried the icons out."})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("blockquote").get_text(strip=True) == "We carried the icons out."
    assert soup.find("figcaption") is None
    assert not soup.find(attrs={"lang": True})


def test_quote_with_only_an_attribution_has_no_cite():
    html = render(QuoteBlock(), {"quote": "Words.", "attribution": "A keeper"})
    soup = BeautifulSoup(html, "html.parser")
    assert "A keeper" in soup.find("figcaption").get_text()
    assert soup.find("cite") is None


def test_quote_language_must_be_a_language_code():
    errors = block_errors(QuoteBlock(), {"quote": "Words.", "language": 'en" onclick="x'})
    assert errors["language"] == ["Enter a language code such as “crh”, “uk” or “en-GB”."]


def test_quote_with_a_valid_language_code_is_valid():
    value = QuoteBlock().clean(QuoteBlock().to_python({"quote": "Words.", "language": "en-GB"}))
    assert value.lang == "en-GB"


def test_quote_fields_are_escaped_and_a_bad_language_is_not_rendered():
    html = render(
        QuoteBlock(),
        {"quote": PAYLOAD, "attribution": PAYLOAD, "source": PAYLOAD, "language": PAYLOAD},
    )
    assert_inert(html)
    assert not BeautifulSoup(html, "html.parser").find(attrs={"lang": True})


# --- content warning ------------------------------------------------------------------------


def test_content_warning_without_a_title_shows_the_default_title():
    html = render(ContentWarningBlock(), {"title": "", "text": "Photographs of destruction."})
    soup = BeautifulSoup(html, "html.parser")
    note = soup.find("aside")
    assert note["role"] == "note"
    assert "Content warning" in note.get_text()
    assert "Photographs of destruction." in note.get_text()


def test_content_warning_shows_its_own_title():
    html = render(ContentWarningBlock(), {"title": "Before you read on", "text": "War."})
    assert "Before you read on" in html
    assert "Content warning" not in html


def test_content_warning_text_is_escaped():
    html = render(ContentWarningBlock(), {"title": PAYLOAD, "text": PAYLOAD})
    assert_inert(html)


# --- sources --------------------------------------------------------------------------------


def test_sources_render_as_an_ordered_list_with_links_and_dates():
    html = render(
        SourcesBlock(),
        {
            "heading": "Literature",
            "items": [
                {
                    "citation": "<p>Register of damaged heritage, <i>2023</i>.</p>",
                    "url": "https://mkip.gov.ua/",
                    "accessed": "2024-03-01",
                },
                {"citation": "<p>Interview, Kyiv, 2023.</p>", "url": "", "accessed": None},
            ],
        },
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h2").get_text() == "Literature"
    items = soup.find("ol").find_all("li", recursive=False)
    assert len(items) == 2
    assert items[0].find("a")["href"] == "https://mkip.gov.ua/"
    assert items[0].find("time")["datetime"] == "2024-03-01"
    assert items[0].find("i").get_text() == "2023"
    assert items[1].find("a") is None
    assert items[1].find("time") is None


def test_sources_without_a_heading_are_headed_sources():
    html = render(SourcesBlock(), {"heading": "", "items": [{"citation": "<p>A book.</p>"}]})
    assert BeautifulSoup(html, "html.parser").find("h2").get_text() == "Sources"


def test_sources_without_items_render_nothing():
    assert render(SourcesBlock(), {"heading": "Sources", "items": []}).strip() == ""


def test_sources_need_at_least_one_item():
    with override("en"), pytest.raises(ValidationError):
        SourcesBlock().clean(SourcesBlock().to_python({"heading": "", "items": []}))


def test_sources_citation_allows_only_inline_features():
    assert SourcesBlock().child_blocks["items"].child_block.child_blocks["citation"].features == (
        INLINE_FEATURES
    )


def test_source_with_a_javascript_url_is_refused_and_not_rendered():
    raw = {"heading": "", "items": [{"citation": "<p>A book.</p>", "url": JS_URL}]}
    with override("en"), pytest.raises(ValidationError):
        SourcesBlock().clean(SourcesBlock().to_python(raw))
    html = render(SourcesBlock(), raw)
    assert_inert(html)
    assert "javascript" not in html


def test_sources_text_and_citations_are_made_safe():
    html = render(
        SourcesBlock(),
        {
            "heading": PAYLOAD,
            "items": [{"citation": RICH_PAYLOAD, "url": JS_URL, "accessed": None}],
        },
    )
    assert_inert(html)
    assert "a link" in html


# --- call to action -------------------------------------------------------------------------


def test_call_to_action_links_to_a_web_address():
    html = render(
        CallToActionBlock(),
        {
            "heading": "Help us find what was lost",
            "text": "Tell the museum.\n\nEvery sighting counts.",
            "link_page": None,
            "link_url": "https://example.org/report",
            "label": "Report an object",
        },
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h2").get_text() == "Help us find what was lost"
    assert len(soup.find(class_="cta__text").find_all("p")) == 2
    link = soup.find("a")
    assert link["href"] == "https://example.org/report"
    assert link.get_text() == "Report an object"


def test_call_to_action_without_text_has_no_text():
    html = render(
        CallToActionBlock(),
        {"heading": "Visit", "link_url": "https://example.org/", "label": "Plan a visit"},
    )
    assert BeautifulSoup(html, "html.parser").find(class_="cta__text") is None
    assert "Plan a visit" in html


@pytest.mark.django_db
def test_call_to_action_links_to_the_page_in_the_readers_language(portal_site):
    home_uk = HomePage.objects.get(locale__language_code="uk")
    home_en = HomePage.objects.get(locale__language_code="en")
    raw = {"heading": "Read on", "link_page": home_uk.pk, "link_url": "", "label": "Home"}
    html = render(CallToActionBlock(), raw)
    assert BeautifulSoup(html, "html.parser").find("a")["href"] == home_en.url
    with override("uk"):
        block = CallToActionBlock()
        assert block.to_python(raw).url == home_uk.url


@pytest.mark.django_db
def test_call_to_action_to_an_unpublished_page_renders_nothing(portal_site):
    home = HomePage.objects.get(locale__language_code="en")
    Page.objects.filter(pk=home.pk).update(live=False)
    raw = {"heading": "Read on", "link_page": home.pk, "link_url": "", "label": "Home"}
    assert render(CallToActionBlock(), raw).strip() == ""


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_link(portal_site):
    home = HomePage.objects.get(locale__language_code="uk")
    block = CallToActionBlock()
    neither = block_errors(block, {"heading": "Go", "label": "Go"})
    assert neither == {"link_page": ["Choose a page or enter a web address."]}
    both = block_errors(
        block,
        {"heading": "Go", "label": "Go", "link_page": home.pk, "link_url": "https://a.example/"},
    )
    assert both["link_url"] == ["Choose a page or enter a web address, not both."]
    with override("en"):
        value = block.clean(block.to_python({"heading": "Go", "label": "Go", "link_page": home.pk}))
    assert value.url


def test_call_to_action_refuses_a_javascript_url_and_does_not_render_it():
    raw = {"heading": "Go", "label": "Go", "link_url": JS_URL}
    assert "link_url" in block_errors(CallToActionBlock(), raw)
    assert render(CallToActionBlock(), raw).strip() == ""


def test_call_to_action_text_fields_are_escaped():
    html = render(
        CallToActionBlock(),
        {"heading": PAYLOAD, "text": PAYLOAD, "label": PAYLOAD, "link_url": "https://a.example/"},
    )
    assert_inert(html)
    assert 'alert("x")' in text_of(html)


def test_sources_accessed_date_is_a_date():
    value = SourcesBlock().to_python(
        {"items": [{"citation": "<p>A.</p>", "url": "", "accessed": "2024-03-01"}]}
    )
    assert value["items"][0]["accessed"] == datetime.date(2024, 3, 1)


def test_hidden_call_to_action_is_explained_to_editors_in_preview_only():
    request = RequestFactory().get("/")
    request.is_preview = True
    raw = {"heading": "Go", "label": "Go", "link_url": JS_URL}
    html = render(CallToActionBlock(), raw, request=request)
    assert "This call to action is not shown" in html
    assert_inert(html)
