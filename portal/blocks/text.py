"""Text blocks: headings, paragraphs, quotes, content warnings, sources and calls to action."""

import datetime
import re
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks.base import (
    INLINE_FEATURES,
    NOTES_AND_LINKS,
    PARAGRAPH_FEATURES,
    TEXT,
    SafeRichTextBlock,
    raise_block_errors,
    safe_url,
)

HEADING_LEVELS = ("h2", "h3")

#: A BCP 47 language tag in the common shape: "uk", "crh", "en-GB", "crh-Latn", "sr-Latn-RS".
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def language_tag(value):
    """``value`` stripped when it looks like a BCP 47 language tag, else ``""``."""
    value = (value or "").strip()
    return value if LANGUAGE_TAG.match(value) else ""


def web_address_error():
    return ValidationError(
        _("Enter a web address that starts with https:// or http://, or a mail or phone link.")
    )


# --- heading --------------------------------------------------------------------------------


class HeadingValue(blocks.StructValue):
    @property
    def tag(self):
        """The heading element; only the levels editors can choose reach the template."""
        level = self.get("level")
        return level if level in HEADING_LEVELS else HEADING_LEVELS[0]

    @property
    def anchor(self):
        """A stable slug of the text (letters of any script kept) for ``id`` and contents."""
        return slugify(self.get("text") or "", allow_unicode=True) or "section"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        help_text=_("Section headings appear in the page's list of contents."),
    )

    class Meta:
        icon = "title"
        template = "portal/blocks/heading.html"
        label = _("Heading")
        group = TEXT
        description = _("A heading that starts a new section of the text.")
        value_class = HeadingValue
        preview_value = {"text": _("Objects moved for safekeeping"), "level": "h2"}


# --- paragraph ------------------------------------------------------------------------------


class ParagraphBlock(SafeRichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "portal/blocks/paragraph.html"
        label = _("Paragraph")
        group = TEXT
        description = _("Running text with emphasis, lists and links.")
        preview_value = format_lazy(
            "<p>{}</p>",
            _(
                "In the spring of 2022 museum staff packed thousands of objects in a few "
                "days and moved them to safer places."
            ),
        )


# --- quote ----------------------------------------------------------------------------------


class QuoteValue(blocks.StructValue):
    @property
    def lang(self):
        """The quote's language for ``lang=""``, only when it is a valid language tag."""
        return language_tag(self.get("language"))


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, help_text=_("Who said or wrote it.")
    )
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        help_text=_("The work or occasion the quote comes from."),
    )
    language = blocks.CharBlock(
        label=_("Language of the quote"),
        required=False,
        max_length=35,
        help_text=_(
            "Only when the quote is in another language than the page: a language code "
            "such as “crh”, “uk” or “en”."
        ),
    )

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote.html"
        label = _("Quote")
        group = TEXT
        description = _("A quotation with the name of the person and the work it comes from.")
        value_class = QuoteValue
        preview_value = {
            "quote": _("We carried the icons out wrapped in our own coats."),
            "attribution": _("A museum keeper"),
            "source": _("Interview, 2023"),
            "language": "",
        }

    def clean(self, value):
        value = super().clean(value)
        if (value.get("language") or "").strip() and not value.lang:
            raise_block_errors(
                {
                    "language": ValidationError(
                        _("Enter a language code such as “crh”, “uk” or “en-GB”.")
                    )
                }
            )
        return value


# --- content warning ------------------------------------------------------------------------


class ContentWarningValue(blocks.StructValue):
    @property
    def title_text(self):
        return (self.get("title") or "").strip() or _("Content warning")


class ContentWarningBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        help_text=_("Leave empty to show “Content warning”."),
    )
    text = blocks.TextBlock(
        label=_("Text"), help_text=_("What follows, so that readers can choose to read on.")
    )

    class Meta:
        icon = "warning"
        template = "portal/blocks/content_warning.html"
        label = _("Content warning")
        group = NOTES_AND_LINKS
        description = _("A note that warns readers of distressing images or descriptions.")
        value_class = ContentWarningValue
        preview_value = {
            "title": "",
            "text": _("This chapter shows photographs of museums destroyed by shelling."),
        }


# --- sources --------------------------------------------------------------------------------


class SourceValue(blocks.StructValue):
    @property
    def href(self):
        return safe_url(self.get("url"))


class SourceBlock(blocks.StructBlock):
    citation = SafeRichTextBlock(label=_("Citation"), features=INLINE_FEATURES)
    url = blocks.URLBlock(label=_("Web address"), required=False)
    accessed = blocks.DateBlock(
        label=_("Accessed on"),
        required=False,
        help_text=_("When the web address was last checked."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Source")
        value_class = SourceValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and not value.href:
            raise_block_errors({"url": web_address_error()})
        return value


class SourcesValue(blocks.StructValue):
    @property
    def heading_text(self):
        return (self.get("heading") or "").strip() or _("Sources")


class SourcesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, help_text=_("Leave empty to show “Sources”.")
    )
    items = blocks.ListBlock(SourceBlock(), label=_("Sources"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "portal/blocks/sources.html"
        label = _("Sources")
        group = NOTES_AND_LINKS
        description = _("A numbered list of the sources and literature the text draws on.")
        value_class = SourcesValue
        preview_value = {
            "heading": "",
            "items": [
                {
                    "citation": format_lazy(
                        "<p>{}</p>",
                        _("Ministry of Culture of Ukraine. Register of damaged heritage, 2023."),
                    ),
                    "url": "https://mkip.gov.ua/",
                    "accessed": datetime.date(2024, 3, 1),
                },
                {
                    "citation": format_lazy(
                        "<p>{}</p>",
                        _("Interview with a museum keeper, Kyiv, 12 May 2023."),
                    ),
                    "url": "",
                    "accessed": None,
                },
            ],
        }


# --- call to action -------------------------------------------------------------------------


class CallToActionValue(blocks.StructValue):
    @cached_property
    def url(self):
        """The linked page in the reader's language (when live), or the safe web address."""
        page = self.get("link_page")
        if page is not None:
            page = page.localized
            return (page.url or "") if page.live else ""
        return safe_url(self.get("link_url"))


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=160)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_page = blocks.PageChooserBlock(
        label=_("Page"), required=False, help_text=_("A page of the portal to link to…")
    )
    link_url = blocks.URLBlock(
        label=_("Web address"), required=False, help_text=_("…or a web address elsewhere.")
    )
    label = blocks.CharBlock(
        label=_("Button text"), max_length=80, help_text=_("Say where the link goes.")
    )

    class Meta:
        icon = "arrow-right-full"
        template = "portal/blocks/call_to_action.html"
        label = _("Call to action")
        group = NOTES_AND_LINKS
        description = _("A highlighted invitation with one link: to visit, donate or read on.")
        value_class = CallToActionValue
        preview_value = {
            "heading": _("Help us find what was lost"),
            "text": _("If you have seen an object from the register, tell the museum."),
            "link_page": None,
            "link_url": "https://example.org/report",
            "label": _("Report an object"),
        }

    def clean(self, value):
        value = super().clean(value)
        page, url = value.get("link_page"), value.get("link_url")
        if page is not None and url:
            error = _("Choose a page or enter a web address, not both.")
            raise_block_errors(
                {"link_page": ValidationError(error), "link_url": ValidationError(error)}
            )
        if page is None and not url:
            raise_block_errors(
                {"link_page": ValidationError(_("Choose a page or enter a web address."))}
            )
        if url and not safe_url(url):
            raise_block_errors({"link_url": web_address_error()})
        return value


__all__ = [
    "CallToActionBlock",
    "ContentWarningBlock",
    "HeadingBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "SourcesBlock",
]
