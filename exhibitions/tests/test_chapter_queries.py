"""A chapter of 30 blocks, 12 of them register objects, costs a pinned number of queries."""

import pytest

from exhibitions.tests.chapter_fixture import build_benchmark_chapters
from exhibitions.tests.factories import ExhibitionIndexPageFactory, translate
from portal.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapters(portal_site):
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    chapter, plain, objects = build_benchmark_chapters(index)
    translate(index, "en", title="Exhibitions")
    translate(chapter.get_parent().specific, "en", title="Measuring")
    chapter_en = translate(chapter, "en", title="Thirty blocks")
    return chapter, chapter_en, plain, objects


@pytest.mark.parametrize("language", ["uk", "en"])
def test_chapter_with_twelve_objects_needs_at_most_twenty_queries(
    client, chapters, django_assert_max_num_queries, language
):
    chapter, chapter_en, _plain, objects = chapters
    url = chapter.url if language == "uk" else chapter_en.url
    client.get(url)  # renditions are made on the first view
    with django_assert_max_num_queries(20):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for obj in objects:
        assert obj.title in html  # no English rows: the Ukrainian titles, marked lang="uk"


def test_query_count_does_not_grow_with_the_number_of_object_blocks(
    client, chapters, django_assert_max_num_queries
):
    """The plain peer page and the chapter differ by a constant, not per object."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    chapter, _chapter_en, plain, _objects = chapters
    client.get(chapter.url)
    client.get(plain.url)
    with CaptureQueriesContext(connection) as with_objects:
        client.get(chapter.url)
    with CaptureQueriesContext(connection) as without:
        client.get(plain.url)
    assert len(with_objects) - len(without) <= 8


def test_breadcrumbs_come_from_the_route_without_a_query(client, chapters):
    """The pages routing walked through are the breadcrumbs: the same trail as the tree's
    live ancestors, in both languages."""
    from bs4 import BeautifulSoup

    from portal.templatetags.portal_tags import page_ancestors

    chapter, chapter_en, _plain, _objects = chapters
    for page in (chapter, chapter_en):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        trail = [a["href"] for a in soup.select("nav.breadcrumbs a")]
        expected = [ancestor.url for ancestor in page.get_ancestors().filter(depth__gt=1).live()]
        assert trail == expected
        assert len(trail) == 3  # home, exhibitions, the exhibition
    # Not routed (a page read from the database): the tree is asked instead.
    assert [a.pk for a in page_ancestors(type(chapter).objects.get(pk=chapter.pk))] == [
        a.pk for a in chapter.get_ancestors().filter(depth__gt=1)
    ]
