"""The demo exhibitions, story and theme hub that ``make run`` loads after the demo museum.

The module loads the demo museum (small pictures, one process) and the story demo twice,
inside a transaction that is rolled back afterwards, like registry/tests/test_demo.py.
"""

import pytest
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from exhibitions.blocks import StoryStreamBlock
from exhibitions.demo.gltf import read_glb
from exhibitions.demo.loader import load_story_demo
from exhibitions.demo.media import DOCUMENTS, document_bytes
from portal.models import HomePage, PortalImage
from registry.demo.loader import load_demo
from registry.models import RegisterObject

SCALE = 0.1
STREAM_FIELDS = ("body", "curated_objects")

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": PortalImage.objects.count(),
        "documents": get_document_model().objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo museum and the story demo loaded once (then the story demo again)."""
    target = tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(target_dir=target, scale=SCALE, workers=1, users=False)
        first = load_story_demo(target_dir=target / "stories", scale=SCALE)
        after_first = _counts()
        second = load_story_demo(target_dir=target / "stories", scale=SCALE)
        after_second = _counts()
        yield first, second, after_first, after_second
        transaction.set_rollback(True)


def demo_pages(result):
    """Every demo page as ``(spec key, language, page)``."""
    return [
        (key, language, page)
        for key, pages in result.pages.items()
        for language, page in pages.items()
    ]


def streams(page):
    for name in STREAM_FIELDS:
        if hasattr(page, name):
            yield getattr(page, name)


def test_the_demo_creates_two_exhibitions_a_story_and_a_theme_in_two_languages(demo):
    first, _second, _after, _again = demo
    kinds = {}
    for _key, language, page in demo_pages(first):
        kinds.setdefault(type(page).__name__, set()).add(language)

    assert first.pages_created == len(demo_pages(first))
    assert kinds == {
        "ExhibitionIndexPage": {"uk", "en"},
        "ExhibitionPage": {"uk", "en"},
        "ChapterPage": {"uk", "en"},
        "StoryPage": {"uk", "en"},
        "ThemeIndexPage": {"uk", "en"},
        "ThemePage": {"uk", "en"},
    }
    exhibitions = [
        page
        for _k, lang, page in demo_pages(first)
        if type(page).__name__ == "ExhibitionPage" and lang == "uk"
    ]
    assert len(exhibitions) >= 2
    assert all(len(exhibition.chapters()) >= 2 for exhibition in exhibitions)
    assert all(exhibition.hero_image_id and exhibition.credits for exhibition in exhibitions)


def test_every_story_block_type_is_used_at_least_once(demo):
    first, *_rest = demo
    used = set()
    for _key, _language, page in demo_pages(first):
        for stream in streams(page):
            used |= {child.block_type for child in stream}

    assert set(StoryStreamBlock.base_blocks) <= used


def test_blocks_use_their_variants_and_alert_objects(demo):
    """Grid and carousel, feature and card, library and object images, deep zoom, alerts."""
    first, *_rest = demo
    values = {}
    for _key, _language, page in demo_pages(first):
        for stream in streams(page):
            for child in stream.raw_data:
                values.setdefault(child["type"], []).append(child["value"])

    assert {grid["layout"] for grid in values["object_grid"]} == {"grid", "carousel"}
    assert {block["layout"] for block in values["register_object"]} == {"feature", "card"}
    assert any(image["image"] for image in values["image"])
    assert any(image["register_object"] for image in values["image"])
    assert any(image["deep_zoom"] for image in values["image"])
    assert any(media["kind"] == "audio" and media["transcript"] for media in values["media"])
    shown = [block["object"] for block in values["register_object"]]
    shown += [item["value"] for grid in values["object_grid"] for item in grid["objects"]]
    statuses = set(RegisterObject.objects.filter(pk__in=shown).values_list("status", flat=True))
    assert {"missing", "stolen", "destroyed", "moved_for_safekeeping"} <= statuses


def test_every_demo_page_renders_in_ukrainian_and_english(client, demo):
    first, *_rest = demo
    for key, language, page in demo_pages(first):
        url = page.get_url()
        response = client.get(url)
        assert url.startswith(f"/{language}/"), (key, url)
        assert response.status_code == 200, (key, language, url)
    for home in HomePage.objects.all():
        response = client.get(home.get_url())
        assert response.status_code == 200
        assert first.pages["war"][home.locale.language_code].title in response.content.decode()


def test_alert_statuses_show_on_the_blocks_of_the_losses_chapter(client, demo):
    """A missing object's block carries the register's public note, in the reader's language."""
    first, *_rest = demo
    english = client.get(first.pages["war-losses"]["en"].get_url()).content.decode()
    ukrainian = client.get(first.pages["war-losses"]["uk"].get_url()).content.decode()

    assert "The search continues." in english
    assert "Розшук триває." in ukrainian


def test_english_pages_are_translations_with_the_same_blocks(demo):
    first, *_rest = demo
    for key, pages in first.pages.items():
        source, english = pages["uk"], pages["en"]
        assert english.translation_key == source.translation_key, key
        assert english.locale.language_code == "en"
        assert english.title != source.title, key
        assert english.live and source.live
        for uk_stream, en_stream in zip(streams(source), streams(english), strict=True):
            assert [c.id for c in uk_stream] == [c.id for c in en_stream], key
            assert [c.block_type for c in uk_stream] == [c.block_type for c in en_stream], key


def test_the_demo_blocks_pass_the_editors_validation(demo):
    """Alt texts, transcripts, captions, links: what the admin would ask of an editor.

    Embeds are left out: checking them needs the network (the demo's embed is a link).
    """
    first, *_rest = demo
    for _key, _language, page in demo_pages(first):
        for stream in streams(page):
            for child in stream:
                if child.block_type != "embed":
                    child.block.clean(child.value)  # raises ValidationError


def test_a_second_run_changes_nothing(demo):
    first, second, after_first, after_second = demo

    assert first.changed
    assert first.images_created and first.documents_created and first.home_pages_updated == 2
    assert not second.changed
    assert second.pages_unchanged == len(demo_pages(first))
    assert after_second == after_first


def test_the_3d_pysanka_is_a_valid_glb_and_the_captions_are_webvtt():
    document, binary = read_glb(document_bytes("pysanka-glb"))
    primitive = document["meshes"][0]["primitives"][0]

    assert document["asset"]["version"] == "2.0"
    assert set(primitive["attributes"]) == {"POSITION", "NORMAL", "TEXCOORD_0"}
    assert document["images"][0]["mimeType"] == "image/jpeg"
    for view in document["bufferViews"]:
        assert view["byteOffset"] % 4 == 0
        assert view["byteOffset"] + view["byteLength"] <= len(binary)
    for key, spec in DOCUMENTS.items():
        if spec.filename.endswith(".vtt"):
            assert document_bytes(key).startswith(b"WEBVTT\n"), key
