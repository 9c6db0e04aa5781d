"""Exhibitions, chapters and stories: what readers get on each page type, in uk and en."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from exhibitions.models import ExhibitionPage, StoryPage
from exhibitions.tests.factories import (
    ChapterPageFactory,
    ExhibitionIndexPageFactory,
    ExhibitionPageFactory,
    StoryPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    translate,
)
from portal.models import HomePage
from portal.reading import reading_minutes
from registry.tests.builders import portal_image

pytestmark = pytest.mark.django_db

WORDS = " ".join(["слово"] * 530)  # with the heading: under three minutes at 180 a minute


@pytest.fixture
def homes(portal_site):
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


@pytest.fixture
def exhibition(homes):
    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    exhibition = ExhibitionPageFactory(
        parent=index,
        title="Врятовані скарби",
        slug="vriatovani",
        body=[
            {"type": "heading", "value": {"text": "Як усе почалося", "level": "h2"}},
            {"type": "paragraph", "value": f"<p>{WORDS}</p>"},
        ],
    )
    chapters = [
        ChapterPageFactory(parent=exhibition, title=f"Розділ {n}", slug=f"rozdil-{n}")
        for n in (1, 2, 3)
    ]
    return index, exhibition, chapters


def test_exhibition_lists_its_chapters_in_order_with_reading_time_and_credits(client, exhibition):
    _index, page, _chapters = exhibition
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Розділ 1") < html.index("Розділ 2") < html.index("Розділ 3")
    assert "Olena Kovalenko" in html
    # Three minutes of landing text, three short chapters: four minutes in all.
    assert 'class="story-header__reading">4 ' in html
    assert 'href="#' in html  # contents from the section heading


def test_chapter_has_previous_next_and_its_place_in_the_exhibition(client, exhibition):
    _index, page, chapters = exhibition
    with translation.override("en"):
        html = client.get(chapters[1].url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'href="{chapters[0].url}" rel="prev"' in html
    assert f'href="{chapters[2].url}" rel="next"' in html
    assert page.title in html
    last = client.get(chapters[2].url).content.decode()
    assert 'rel="next"' not in last
    assert f'href="{page.url}"' in last  # back to the exhibition


def test_draft_chapters_are_not_listed_or_linked(client, exhibition):
    _index, page, chapters = exhibition
    draft = ChapterPageFactory(parent=page, title="Чернетка", slug="chernetka", live=False)
    assert "Чернетка" not in client.get(page.url).content.decode()
    assert "Чернетка" not in client.get(chapters[2].url).content.decode()
    assert client.get(f"{page.url}{draft.slug}/").status_code == 404


def test_reading_time_counts_words_and_visual_blocks(exhibition):
    _index, page, chapters = exhibition
    assert reading_minutes(page.body) == 3
    assert page.reading_minutes() == 4
    assert reading_minutes() == 1


def test_story_page_renders_author_contents_and_credits_in_both_languages(client, homes):
    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    story = StoryPageFactory(
        parent=index,
        title="Писанки регіонів",
        slug="pysanky",
        body=[
            {"type": "heading", "value": {"text": "Поділля", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Текст.</p>"},
        ],
    )
    index_en = translate(index, "en", title="Exhibitions", slug="exhibitions")
    story_en = translate(story, "en", title="Pysanky of the regions", slug="pysanky")
    uk = client.get(story.url).content.decode()
    en = client.get(story_en.url).content.decode()
    assert '<html lang="uk"' in uk and '<html lang="en"' in en
    assert "Iryna Shevchenko" in uk
    assert "Поділля" in uk
    assert "Pysanky of the regions" in en
    assert "Story" in en and "Історія" in uk
    # The language switcher leads to the same story in the other language.
    assert f'href="{story_en.url}"' in uk
    assert index_en.url in en  # breadcrumb to the English index


def test_theme_hub_groups_live_pages_in_the_readers_language_and_published_objects(client, homes):
    from registry.tests.builders import register_object

    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    exhibition = ExhibitionPageFactory(parent=index, title="Кримськотатарський орнамент")
    draft = StoryPageFactory(parent=index, title="Чернетка історії", live=False)
    shown = register_object(title="Килим")
    hidden = register_object(title="Прихований предмет", published=False)
    themes = ThemeIndexPageFactory(parent=homes["uk"])
    theme = ThemePageFactory(
        parent=themes,
        title="Кримські татари",
        curated_objects=[
            {"type": "object", "value": shown.pk},
            {"type": "object", "value": hidden.pk},
        ],
    )
    theme.featured_pages.create(page=exhibition)
    theme.featured_pages.create(page=draft)
    theme.save_revision().publish()
    html = client.get(theme.url).content.decode()
    assert "Кримськотатарський орнамент" in html
    assert "Чернетка історії" not in html
    assert "Килим" in html
    assert "Прихований предмет" not in html
    assert "Кримські татари" in client.get(themes.url).content.decode()


def test_home_page_features_pages_in_the_readers_language(client, homes):
    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    exhibition = ExhibitionPageFactory(parent=index, title="Врятовані скарби")
    translate(index, "en", title="Exhibitions")
    translate(exhibition, "en", title="Rescued treasures")
    for home in homes.values():
        home.featured_pages.create(page=exhibition)
        home.save_revision().publish()
    assert "Врятовані скарби" in client.get("/uk/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Rescued treasures" in en and "Врятовані скарби" not in en


def test_main_menu_links_exhibitions_and_themes(client, homes):
    ExhibitionIndexPageFactory(parent=homes["uk"], title="Виставки")
    ThemeIndexPageFactory(parent=homes["uk"], title="Теми")
    html = client.get("/uk/").content.decode()
    assert 'href="/uk/exhibitions/"' in html and 'href="/uk/themes/"' in html


def test_a_hero_image_needs_alternative_text(homes):
    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    story = StoryPageFactory(parent=index)
    story.hero_image = portal_image()
    story.hero_alt_text = " "
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "hero_alt_text" in error.value.message_dict


def test_page_fields_are_escaped(client, homes):
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    index = ExhibitionIndexPageFactory(
        parent=homes["uk"],
        introduction=f'<p>Вступ <a href="javascript:alert(3)">x</a>{payload}</p>',
    )
    exhibition = ExhibitionPageFactory(
        parent=index,
        title=f"Title {payload}",
        summary=payload,
        credits=[{"type": "credit", "value": {"role": payload, "names": payload}}],
    )
    story = StoryPageFactory(parent=index, author=payload, summary=payload)
    for page in (index, exhibition, story):
        html = client.get(page.url).content.decode()
        assert "<script>alert(1)" not in html
        assert 'onerror="alert(2)"' not in html
        assert "javascript:alert" not in html


@pytest.mark.parametrize(
    "build",
    ["index", "exhibition", "chapter", "story", "theme_index", "theme"],
)
def test_every_page_type_has_a_working_preview(homes, build, admin_user):
    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    exhibition = ExhibitionPageFactory(parent=index)
    themes = ThemeIndexPageFactory(parent=homes["uk"])
    pages = {
        "index": index,
        "exhibition": exhibition,
        "chapter": ChapterPageFactory(parent=exhibition),
        "story": StoryPageFactory(parent=index),
        "theme_index": themes,
        "theme": ThemePageFactory(parent=themes),
    }
    page = pages[build]
    request = RequestFactory().get("/")
    request.user = admin_user
    response = page.make_preview_request(request, page.default_preview_mode)
    assert response.status_code == 200


def test_source_and_translation_share_a_translation_key(homes):
    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    story = StoryPageFactory(parent=index)
    translate(index, "en")
    story_en = translate(story, "en", title="English")
    assert story_en.translation_key == story.translation_key
    assert story_en.locale == Locale.objects.get(language_code="en")
    assert isinstance(story_en, StoryPage) and not isinstance(story_en, ExhibitionPage)
