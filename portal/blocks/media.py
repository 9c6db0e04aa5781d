"""Audio, video, embedded media and 3D models, each with the text alternative it needs.

Files are Wagtail documents: the editor uploads the recording, its WebVTT captions and
chapters, or the glTF model, and the block checks that each file is what its field says.
WCAG 1.2.1 and 1.2.2 are validation rules here: audio needs a transcript and video needs
captions.
"""

import codecs
from functools import cached_property

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock

from .base import MEDIA, PARAGRAPH_FEATURES, SafeRichTextBlock, raise_block_errors, safe_url
from .objects import RegisterObjectChooserBlock, card_for
from .text import language_tag

AUDIO_EXTENSIONS = ("mp3", "m4a", "oga", "ogg", "wav")
VIDEO_EXTENSIONS = ("mp4", "webm", "ogv")
WEBVTT_EXTENSIONS = ("vtt",)
MODEL_EXTENSIONS = ("glb", "gltf")

#: What a WebVTT file starts with (after an optional byte order mark), followed by a space,
#: a tab, a line break or the end of the file.
WEBVTT_SIGNATURE = b"WEBVTT"


# --- file checks ----------------------------------------------------------------------------


def extension(document):
    """The document's file extension in lower case, without the dot."""
    return document.file_extension.lower() if document is not None else ""


def extension_list(extensions):
    return ", ".join(f".{ext}" for ext in extensions)


def is_webvtt(document):
    """Whether ``document`` is a .vtt file whose content starts with the WebVTT signature."""
    if extension(document) not in WEBVTT_EXTENSIONS:
        return False
    try:
        with document.file.open("rb") as file:
            head = file.read(len(codecs.BOM_UTF8) + len(WEBVTT_SIGNATURE) + 1)
    except OSError:  # the file is missing from storage: it cannot be a valid track either
        return False
    head = head.removeprefix(codecs.BOM_UTF8)
    after = head[len(WEBVTT_SIGNATURE) :]
    return head.startswith(WEBVTT_SIGNATURE) and after[:1] in (b"", b" ", b"\t", b"\r", b"\n")


def webvtt_error():
    return ValidationError(
        _("Choose a WebVTT file: a .vtt file whose first line starts with “WEBVTT”.")
    )


def has_text(rich_text):
    """Whether a rich text value has any words in it (``<p></p>`` has none)."""
    source = getattr(rich_text, "source", rich_text) or ""
    return bool(strip_tags(source).replace("&nbsp;", " ").strip())


def language_name(code):
    """The language's own name ("English", "українська") for a track label, else the code."""
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        base = code.split("-")[0]
        try:
            return translation.get_language_info(base)["name_local"]
        except KeyError:
            return code


# --- audio and video ------------------------------------------------------------------------


class MediaValue(blocks.StructValue):
    @property
    def is_video(self):
        return self.get("kind") == "video"

    @cached_property
    def captions_lang(self):
        """The captions' language: the editor's code, else the page's (the active language)."""
        return (
            language_tag(self.get("captions_language"))
            or translation.get_language()
            or settings.LANGUAGE_CODE
        )

    @cached_property
    def captions_label(self):
        return language_name(self.captions_lang)

    @cached_property
    def has_transcript(self):
        return has_text(self.get("transcript"))

    @cached_property
    def file_format(self):
        """The file's format for the download link, e.g. "MP3"."""
        return extension(self.get("file")).upper()


def _media_preview():
    return {
        "kind": "audio",
        "title": gettext("Memories of the evacuation, 1941"),
        "file": None,
        "poster": None,
        "captions": None,
        "captions_language": "",
        "chapters": None,
        "transcript": format_html(
            "<p>{}</p>",
            gettext(
                "We packed the embroidered towels in crates lined with newspaper and "
                "travelled east for eleven days."
            ),
        ),
        "credit": gettext("Oral history archive of the museum"),
    }


class MediaBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("audio", _("Audio")), ("video", _("Video"))],
        default="audio",
        label=_("Kind"),
    )
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    file = DocumentChooserBlock(
        label=_("File"),
        help_text=_("Audio: MP3, M4A, OGG or WAV. Video: MP4, WebM or OGV."),
    )
    poster = ImageChooserBlock(
        required=False,
        label=_("Poster image"),
        help_text=_("Video only: the still shown before the video plays."),
    )
    captions = DocumentChooserBlock(
        required=False,
        label=_("Captions"),
        help_text=_("A WebVTT (.vtt) file. Required for video."),
    )
    captions_language = blocks.CharBlock(
        required=False,
        max_length=35,
        label=_("Language of the captions"),
        help_text=_("A language code such as “uk” or “en”. Leave empty for the page's language."),
    )
    chapters = DocumentChooserBlock(
        required=False,
        label=_("Chapters"),
        help_text=_("A WebVTT (.vtt) file of chapters; readers can jump to each one."),
    )
    transcript = SafeRichTextBlock(
        features=PARAGRAPH_FEATURES,
        required=False,
        label=_("Transcript"),
        help_text=_("Everything that is said and heard. Required for audio."),
    )
    credit = blocks.CharBlock(required=False, max_length=255, label=_("Credit"))

    class Meta:
        icon = "media"
        template = "portal/blocks/media.html"
        value_class = MediaValue
        group = MEDIA
        label = _("Audio or video")
        description = _("An uploaded recording with captions, chapters and a transcript.")
        preview_value = staticmethod(_media_preview)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        is_video = value.get("kind") == "video"
        allowed = VIDEO_EXTENSIONS if is_video else AUDIO_EXTENSIONS
        if extension(value.get("file")) not in allowed:
            if is_video:
                message = _("Choose a video file; these formats play in browsers: %(formats)s.")
            else:
                message = _("Choose an audio file; these formats play in browsers: %(formats)s.")
            errors["file"] = ValidationError(message % {"formats": extension_list(allowed)})
        for name in ("captions", "chapters"):
            if value.get(name) is not None and not is_webvtt(value.get(name)):
                errors[name] = webvtt_error()
        raw_language = (value.get("captions_language") or "").strip()
        if raw_language and not language_tag(raw_language):
            errors["captions_language"] = ValidationError(
                _("Enter a language code such as “crh”, “uk” or “en-GB”.")
            )
        if is_video and value.get("captions") is None and "captions" not in errors:
            errors["captions"] = ValidationError(
                _("Add captions: readers who cannot hear the video need them.")
            )
        if not is_video and not has_text(value.get("transcript")):
            errors["transcript"] = ValidationError(
                _("Add a transcript: readers who cannot hear the recording need it.")
            )
        raise_block_errors(errors)
        return value


# --- embedded media -------------------------------------------------------------------------


class EmbedMediaValue(blocks.StructValue):
    @cached_property
    def url(self):
        embed = self.get("embed")
        return safe_url(embed.url) if embed is not None else ""

    @cached_property
    def fetched(self):
        """The fetched embed (a ``wagtail.embeds`` Embed), or ``None`` when it cannot be had."""
        value = self.get("embed")
        if value is None or not value.url:
            return None
        try:
            embed = embeds.get_embed(value.url, value.max_width, value.max_height)
        except EmbedException:
            return None
        return embed if embed.html else None

    @cached_property
    def html(self):
        """The provider's player, its frames titled for screen readers and loaded lazily.

        The HTML comes from Wagtail's embed finders (trusted oEmbed providers), as with
        Wagtail's own ``{% embed %}``.
        """
        if self.fetched is None:
            return ""
        soup = BeautifulSoup(self.fetched.html, "html.parser")
        for frame in soup.find_all("iframe"):
            if not frame.get("title"):
                frame["title"] = self.get("title") or ""
            frame["loading"] = "lazy"
        return mark_safe(str(soup))  # noqa: S308 - provider HTML from the embed finders

    @cached_property
    def aspect_ratio(self):
        """``"16 / 9"``-style ratio of a video player, for CSS ``aspect-ratio``; else ``""``."""
        embed = self.fetched
        if embed is None or embed.type != "video" or not (embed.width and embed.height):
            return ""
        return f"{int(embed.width)} / {int(embed.height)}"

    @cached_property
    def has_transcript(self):
        return has_text(self.get("transcript"))

    @property
    def provider(self):
        return self.fetched.provider_name if self.fetched is not None else ""


def _embed_preview():
    return {
        "embed": "https://vimeo.com/76979871",
        "title": gettext("A video from another website"),
        "transcript": "",
        "caption": gettext("Shown from the video platform; a link opens it there."),
    }


class EmbedMediaBlock(blocks.StructBlock):
    embed = EmbedBlock(
        label=_("Web address"),
        help_text=_("The address of the video or recording, e.g. on YouTube or Vimeo."),
    )
    title = blocks.CharBlock(
        max_length=200,
        label=_("Title"),
        help_text=_("Names the player for screen readers and the link if it cannot be shown."),
    )
    transcript = SafeRichTextBlock(
        features=PARAGRAPH_FEATURES, required=False, label=_("Transcript")
    )
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "media"
        template = "portal/blocks/embed.html"
        value_class = EmbedMediaValue
        group = MEDIA
        label = _("Embedded media")
        description = _("A video or recording from another website, with a transcript.")
        preview_value = staticmethod(_embed_preview)


# --- 3D model -------------------------------------------------------------------------------


class Model3DValue(blocks.StructValue):
    @cached_property
    def card(self):
        """The linked object's card, or ``None`` (no object, or it is unpublished)."""
        return card_for(self.get("register_object"))


def _model_3d_preview():
    return {
        "model": None,
        "poster": None,
        "alt_text": gettext("A painted wooden chest with flowers on the lid, turned slowly."),
        "description": gettext(
            "A dowry chest from Poltava region, scanned in 2023 before it was moved for "
            "safekeeping."
        ),
        "register_object": None,
        "credit": gettext("3D scan: museum digitisation team"),
    }


class Model3DBlock(blocks.StructBlock):
    model = DocumentChooserBlock(
        label=_("3D model"),
        help_text=_("A glTF model: a .glb file, or a .gltf file with everything embedded."),
    )
    poster = ImageChooserBlock(
        label=_("Poster image"),
        help_text=_("A still of the model, shown while it loads and when it cannot be shown."),
    )
    alt_text = blocks.CharBlock(
        max_length=255,
        label=_("Alternative text"),
        help_text=_("Describe the model for readers who cannot see it."),
    )
    description = blocks.TextBlock(required=False, label=_("Description"))
    register_object = RegisterObjectChooserBlock(required=False, label=_("Object in the register"))
    credit = blocks.CharBlock(required=False, max_length=255, label=_("Credit"))

    class Meta:
        icon = "pick"
        template = "portal/blocks/model_3d.html"
        value_class = Model3DValue
        group = MEDIA
        label = _("3D model")
        description = _("A 3D model that readers can turn and zoom, with a still and a text.")
        preview_value = staticmethod(_model_3d_preview)

    def clean(self, value):
        value = super().clean(value)
        if extension(value.get("model")) not in MODEL_EXTENSIONS:
            raise_block_errors(
                {
                    "model": ValidationError(
                        _("Choose a 3D model in glTF format: a .glb or .gltf file.")
                    )
                }
            )
        return value


__all__ = [
    "AUDIO_EXTENSIONS",
    "MODEL_EXTENSIONS",
    "VIDEO_EXTENSIONS",
    "EmbedMediaBlock",
    "MediaBlock",
    "Model3DBlock",
    "is_webvtt",
]
