"""Pages in readers' search: live and public only, in every language, kept in step."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from exhibitions.tests.factories import (
    ExhibitionIndexPageFactory,
    StoryPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    translate,
)
from portal.models import HomePage
from search import indexing
from search.documents import live_page_keys
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(portal_site):
    home = HomePage.objects.get(locale__language_code="uk")
    stories = ExhibitionIndexPageFactory(parent=home)
    translate(stories, "en", title="Exhibitions")
    themes = ThemeIndexPageFactory(parent=home)
    public = StoryPageFactory(
        parent=stories, title="Вишиванка з Полтавщини", summary="Про сорочки."
    )
    translate(public, "en", title="An Embroidered Shirt from Poltava", summary="About shirts.")
    draft = StoryPageFactory(parent=stories, title="Вишиванка чернетка", live=False)
    private = StoryPageFactory(parent=stories, title="Вишиванка для своїх")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    untranslated = ThemePageFactory(parent=themes, title="Вишиті рушники", summary="Тема.")
    return {"public": public, "draft": draft, "private": private, "theme": untranslated}


def titles(language, query):
    response = Client().get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [(hit.kind, hit.title, hit.url) for hit in response.context["page"].hits]


def test_only_live_public_pages_are_found_in_the_readers_language(pages):
    indexing.index_pages(live_page_keys())
    indexing.rebuild_service()
    found = titles("uk", "вишиванки")
    assert found == [("story", "Вишиванка з Полтавщини", pages["public"].get_url())]
    english = titles("en", "embroidered shirt")
    assert [title for _kind, title, _url in english] == ["An Embroidered Shirt from Poltava"]
    assert english[0][2].startswith("/en/")
    # The English reader finds the story by its Ukrainian words too.
    assert [title for _kind, title, _url in titles("en", "вишиванка")] == [
        "An Embroidered Shirt from Poltava"
    ]
    # A theme without an English translation is found in English, in Ukrainian, marked so.
    theme = SearchDocument.objects.get(key__startswith="page:", language="en", kind="theme")
    assert (theme.title, theme.text_language) == ("Вишиті рушники", "uk")
    assert not SearchDocument.objects.filter(
        title__in=["Вишиванка чернетка", "Вишиванка для своїх"]
    ).exists()


def test_publishing_unpublishing_and_restricting_update_the_index(
    pages, django_capture_on_commit_callbacks
):
    public = pages["public"]
    indexing.index_pages(live_page_keys())
    indexing.rebuild_service()
    key = f"page:{public.translation_key}"
    assert SearchDocument.objects.filter(key=key).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        public.unpublish()
    # The English translation is still live: English readers find it, Ukrainian ones not.
    assert list(SearchDocument.objects.filter(key=key).values_list("language", flat=True)) == ["en"]
    with django_capture_on_commit_callbacks(execute=True):
        pages["draft"].save_revision().publish()
    assert titles("uk", "чернетка") == [("story", "Вишиванка чернетка", pages["draft"].get_url())]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=pages["draft"], restriction_type="login")
    assert titles("uk", "чернетка") == []
