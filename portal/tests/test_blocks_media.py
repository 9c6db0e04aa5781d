"""Audio, video, embedded media and 3D model blocks: rendering, validation, escaping."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils.translation import override
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

from portal.blocks.media import EmbedMediaBlock, MediaBlock, Model3DBlock, is_webvtt
from registry.tests import builders

pytestmark = pytest.mark.django_db

INJECTED = '<script>alert("x")</script><img src=x onerror="alert(1)">'
CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:04.000\nWe packed the icons first.\n"
CHAPTERS = b"WEBVTT\n\n00:00.000 --> 01:00.000\nPacking\n\n01:00.000 --> 02:00.000\nThe train\n"
PLAYER_HTML = '<iframe src="https://player.example.org/v/1" width="640" height="360"></iframe>'


def document(name, content=b"\x00\x01"):
    doc = get_document_model()(title=name, file=ContentFile(content, name=name))
    doc.save()
    return doc


def media_value(**fields):
    raw = {
        "kind": "audio",
        "title": "Спогади про евакуацію",
        "file": None,
        "poster": None,
        "captions": None,
        "captions_language": "",
        "chapters": None,
        "transcript": "",
        "credit": "",
    }
    raw.update(fields)
    return MediaBlock().to_python(raw)


def render(block, value):
    return block.render(value, context={"page": None})


def assert_escaped(html):
    assert "<script>" not in html
    assert 'onerror="alert' not in html
    assert "&lt;script&gt;" in html


def block_errors(block, value):
    with pytest.raises(StructBlockValidationError) as info:
        block.clean(value)
    return info.value.block_errors


# --- audio and video: rendering ------------------------------------------------------------


def test_audio_without_optional_parts_renders_player_and_transcript():
    audio = document("memories.mp3")
    value = media_value(file=audio.pk, transcript="<p>Ми пакували рушники.</p>")
    with override("en"):
        html = render(MediaBlock(), value)
    assert "<audio" in html
    assert f'<source src="{audio.url}" type="audio/mpeg">' in html
    assert "<track" not in html
    assert "data-media-chapters" not in html
    assert "<summary>Transcript</summary>" in html
    assert "Ми пакували рушники." in html
    assert "Download (MP3)" in html
    assert "media-block__credit" not in html


def test_video_with_every_part_renders_poster_captions_chapters_and_credit():
    video = document("interview.mp4")
    captions = document("interview.vtt", CAPTIONS)
    chapters = document("chapters.vtt", CHAPTERS)
    poster = builders.portal_image("still")
    value = media_value(
        kind="video",
        file=video.pk,
        poster=poster.pk,
        captions=captions.pk,
        captions_language="en",
        chapters=chapters.pk,
        transcript="<p>Interview text.</p>",
        credit="Oral history archive",
    )
    with override("en"):
        html = render(MediaBlock(), value)
    assert "<video" in html
    assert 'poster="/' in html
    assert 'type="video/mp4"' in html
    assert (
        f'<track kind="captions" src="{captions.url}" srclang="en" label="English" default>' in html
    )
    assert f'<track kind="chapters" src="{chapters.url}" srclang="en"' in html
    assert 'role="group" aria-label="Chapters" data-media-chapters hidden' in html
    assert "Oral history archive" in html
    assert "Interview text." in html


def test_captions_language_defaults_to_the_page_language():
    value = media_value(
        kind="video",
        file=document("talk.webm").pk,
        captions=document("talk.vtt", CAPTIONS).pk,
    )
    with override("uk"):
        html = render(MediaBlock(), value)
    assert 'srclang="uk" label="Українська"' in html


def test_media_without_a_file_still_shows_title_and_transcript():
    value = media_value(transcript="<p>Текст</p>")
    html = render(MediaBlock(), value)
    assert "<audio" not in html
    assert "Спогади про евакуацію" in html
    assert "Текст" in html


def test_media_text_fields_are_escaped_and_transcript_sanitised():
    value = media_value(
        file=document("a.mp3").pk,
        title=INJECTED,
        credit=INJECTED,
        captions_language='en" onload="x',
        captions=document("a.vtt", CAPTIONS).pk,
        transcript='<p>Text<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>',
    )
    html = render(MediaBlock(), value)
    assert_escaped(html)
    assert "javascript:" not in html
    assert 'onload="x' not in html


# --- audio and video: validation -----------------------------------------------------------


def test_valid_audio_and_video_pass_validation():
    audio = media_value(file=document("a.mp3").pk, transcript="<p>Words</p>")
    MediaBlock().clean(audio)
    video = media_value(
        kind="video",
        file=document("v.mp4").pk,
        captions=document("v.vtt", b"\xef\xbb\xbfWEBVTT - with a BOM\n").pk,
        chapters=document("c.vtt", CHAPTERS).pk,
    )
    MediaBlock().clean(video)


@pytest.mark.parametrize(
    ("kind", "filename"),
    [("audio", "film.mp4"), ("audio", "notes.pdf"), ("video", "song.mp3"), ("video", "x.glb")],
)
def test_file_extension_must_match_kind(kind, filename):
    value = media_value(
        kind=kind,
        file=document(filename).pk,
        captions=document("c.vtt", CAPTIONS).pk,
        transcript="<p>Words</p>",
    )
    errors = block_errors(MediaBlock(), value)
    assert set(errors) == {"file"}


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("c.vtt", b"1\n00:00:00,000 --> 00:00:04,000\nAn SRT file\n"),
        ("c.vtt", b"WEBVTTX\n"),
        ("c.vtt", b""),
        ("c.srt", CAPTIONS),
    ],
)
def test_captions_and_chapters_must_be_webvtt(filename, content):
    bad = document(filename, content)
    assert not is_webvtt(bad)
    value = media_value(kind="video", file=document("v.mp4").pk, captions=bad.pk, chapters=bad.pk)
    errors = block_errors(MediaBlock(), value)
    assert set(errors) == {"captions", "chapters"}
    with override("en"):
        assert "WEBVTT" in errors["captions"].messages[0]


def test_video_needs_captions():
    value = media_value(kind="video", file=document("v.mp4").pk, transcript="<p>Text</p>")
    errors = block_errors(MediaBlock(), value)
    assert set(errors) == {"captions"}


@pytest.mark.parametrize("transcript", ["", "<p></p>", "<p> &nbsp; </p>"])
def test_audio_needs_a_transcript(transcript):
    value = media_value(file=document("a.mp3").pk, transcript=transcript)
    errors = block_errors(MediaBlock(), value)
    assert set(errors) == {"transcript"}


def test_captions_language_must_be_a_language_code():
    value = media_value(
        file=document("a.mp3").pk, transcript="<p>Text</p>", captions_language="English!"
    )
    errors = block_errors(MediaBlock(), value)
    assert set(errors) == {"captions_language"}


# --- embedded media ------------------------------------------------------------------------


class FailingFinder(EmbedFinder):
    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        raise EmbedNotFoundException


class PlayerFinder(EmbedFinder):
    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Provider title",
            "author_name": "",
            "provider_name": "Example Video",
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": PLAYER_HTML,
        }


failing_embeds = override_settings(WAGTAILEMBEDS_FINDERS=[{"class": f"{__name__}.FailingFinder"}])
working_embeds = override_settings(WAGTAILEMBEDS_FINDERS=[{"class": f"{__name__}.PlayerFinder"}])


def embed_value(**fields):
    raw = {
        "embed": "https://video.example.org/watch/1",
        "title": "Інтерв'ю з реставраторкою",
        "transcript": "",
        "caption": "",
    }
    raw.update(fields)
    return EmbedMediaBlock().to_python(raw)


@failing_embeds
def test_embed_that_cannot_be_fetched_renders_a_plain_link():
    html = render(EmbedMediaBlock(), embed_value())
    assert '<a href="https://video.example.org/watch/1">Інтерв&#x27;ю з реставраторкою</a>' in html
    assert "<iframe" not in html


@failing_embeds
def test_failed_embed_with_an_unsafe_address_shows_the_title_without_a_link():
    html = render(EmbedMediaBlock(), embed_value(embed="javascript:alert(1)"))
    assert "javascript:" not in html
    assert "Інтерв&#x27;ю з реставраторкою" in html


@working_embeds
def test_embed_renders_the_player_titled_lazy_and_in_proportion():
    value = embed_value(caption="Записано у 2023 році", transcript="<p>Слова</p>")
    with override("en"):
        html = render(EmbedMediaBlock(), value)
    assert 'title="Інтерв\'ю з реставраторкою"' in html
    assert 'loading="lazy"' in html
    assert 'style="aspect-ratio: 640 / 360"' in html
    assert "Open on Example Video" in html
    assert "Записано у 2023 році" in html
    assert "<summary>Transcript</summary>" in html


@working_embeds
def test_embed_without_optional_parts_has_no_transcript():
    html = render(EmbedMediaBlock(), embed_value())
    assert "<iframe" in html
    assert "<details" not in html


@failing_embeds
def test_embed_text_fields_are_escaped():
    value = embed_value(title=INJECTED, caption=INJECTED, transcript=f"<p>Text {INJECTED}</p>")
    html = render(EmbedMediaBlock(), value)
    assert_escaped(html)
    assert "<img" not in html


# --- 3D model ------------------------------------------------------------------------------


def model_value(**fields):
    raw = {
        "model": None,
        "poster": None,
        "alt_text": "Розписна скриня",
        "description": "",
        "register_object": None,
        "credit": "",
    }
    raw.update(fields)
    return Model3DBlock().to_python(raw)


def test_model_renders_model_viewer_with_poster_fallback():
    model = document("chest.glb")
    poster = builders.portal_image("chest")
    value = model_value(model=model.pk, poster=poster.pk, description="Скриня з Полтавщини.")
    with override("en"):
        html = render(Model3DBlock(), value)
    assert f'<model-viewer class="model-3d__viewer" src="{model.url}" alt="Розписна скриня"' in html
    assert "camera-controls" in html
    # Without JavaScript the poster (with the alt text) and description are what shows.
    assert 'alt="Розписна скриня"' in html.split("<model-viewer", 1)[1]
    assert 'slot="poster"' in html
    assert "Скриня з Полтавщини." in html
    assert "In the collection:" not in html


def test_model_links_its_published_object():
    obj = builders.register_object(title="Скриня весільна")
    value = model_value(
        model=document("chest.glb").pk,
        poster=builders.portal_image().pk,
        register_object=obj.pk,
        credit="Скан: музей",
    )
    with override("en"):
        html = render(Model3DBlock(), value)
    assert "In the collection:" in html
    assert "Скриня весільна" in html
    assert obj.register_id in html
    assert "Скан: музей" in html


def test_model_with_unpublished_object_shows_nothing_of_it():
    obj = builders.register_object(title="Прихована скриня", published=False)
    value = model_value(
        model=document("chest.glb").pk, poster=builders.portal_image().pk, register_object=obj.pk
    )
    html = render(Model3DBlock(), value)
    assert "Прихована скриня" not in html
    assert obj.register_id not in html


@pytest.mark.parametrize("filename", ["chest.obj", "chest.stl", "chest.glb.zip", "chest.pdf"])
def test_model_must_be_gltf(filename):
    value = model_value(model=document(filename).pk, poster=builders.portal_image().pk)
    errors = block_errors(Model3DBlock(), value)
    assert set(errors) == {"model"}


@pytest.mark.parametrize("filename", ["chest.glb", "chest.gltf"])
def test_gltf_models_pass_validation(filename):
    value = model_value(model=document(filename).pk, poster=builders.portal_image().pk)
    Model3DBlock().clean(value)


def test_model_text_fields_are_escaped():
    value = model_value(
        model=document("chest.glb").pk,
        poster=builders.portal_image().pk,
        alt_text=INJECTED,
        description=INJECTED,
        credit=INJECTED,
    )
    html = render(Model3DBlock(), value)
    assert_escaped(html)
    assert "<img src=x" not in html


# --- previews ------------------------------------------------------------------------------


@failing_embeds
@pytest.mark.parametrize("block_class", [MediaBlock, EmbedMediaBlock, Model3DBlock])
def test_preview_value_renders(block_class):
    block = block_class()
    with override("en"):
        html = render(block, block.get_preview_value())
    assert html.strip().startswith("<figure")
    assert block.meta.description
    assert block.meta.group
