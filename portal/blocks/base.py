"""What every block family shares: groups, safe rich text, links and alt-text rules."""

from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.rich_text import RichText
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

# Groups of the block picker, in the order editors meet them.
TEXT = _("Text")
COLLECTION = _("Collection")
MEDIA = _("Images and media")
PLACES_AND_TIME = _("Places and time")
NOTES_AND_LINKS = _("Notes, sources and links")

#: Rich text features for body text: no images inside paragraphs (images are blocks, with
#: alt text and credit) and no headings (headings are blocks, so they feed the contents).
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]
#: Features for short rich text: notes, citations, transcripts.
INLINE_FEATURES = ["bold", "italic", "link"]

SAFE_URL_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _link_id(value):
    return value if str(value).isdigit() else None


def _link_type(value):
    return value if value in {"page", "document"} else None


def _href(value):
    return check_url(value)


class _StoredRichTextWhitelister(Whitelister):
    """Cleans rich text in Wagtail's stored form (``<a linktype="page" id="3">``).

    Keeps the tags the portal's editor features produce and drops everything else: scripts,
    styles, event handlers, ``javascript:`` and ``data:`` links, inline images and iframes.
    """

    element_rules = {
        "[document]": allow_without_attributes,
        "p": allow_without_attributes,
        "br": allow_without_attributes,
        "b": allow_without_attributes,
        "strong": allow_without_attributes,
        "i": allow_without_attributes,
        "em": allow_without_attributes,
        "sup": allow_without_attributes,
        "sub": allow_without_attributes,
        "ol": allow_without_attributes,
        "ul": allow_without_attributes,
        "li": allow_without_attributes,
        "a": attribute_rule({"href": _href, "linktype": _link_type, "id": _link_id}),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in {"script", "style", "iframe", "object", "embed", "template", "svg"}:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)
        if tag.name == "a" and tag.parent is not None and not tag.attrs:
            tag.unwrap()


_whitelister = _StoredRichTextWhitelister()


@lru_cache(maxsize=4096)
def sanitize_rich_text(html):
    """Rich text in stored form with only the markup the portal's editors can make."""
    if not html:
        return ""
    return _whitelister.clean(html)


def safe_url(url):
    """``url`` when it is a web, mail or phone link (or a local path), else ``""``."""
    url = (url or "").strip()
    if url.startswith("/") and not url.startswith("//"):
        return url
    return url if url.lower().startswith(SAFE_URL_SCHEMES) and check_url(url) else ""


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text that is cleaned on the way in and on the way out.

    Text from the editor is already clean; text that arrives another way (an import, a
    translated PO file, a script) is cleaned before it is stored and before it is shown.
    """

    def to_python(self, value):
        return RichText(sanitize_rich_text(str(value or "")))

    def normalize(self, value):
        source = value.source if isinstance(value, RichText) else value
        return RichText(sanitize_rich_text(str(source or "")))

    def bulk_to_python(self, values):
        return [self.to_python(value) for value in values]

    def get_prep_value(self, value):
        source = value.source if isinstance(value, RichText) else value
        return sanitize_rich_text(str(source or ""))

    class Meta:
        icon = "pilcrow"


def require_alt_text(alt_text, decorative, *, image_given=True, field="alt_text"):
    """Errors for a struct block's image: alt text unless the editor marks it decorative.

    Returns a dict of field name to ``ValidationError`` for ``StructBlockValidationError``.
    """
    if image_given and not decorative and not (alt_text or "").strip():
        return {
            field: ValidationError(
                _("Describe the image for readers who cannot see it, or mark it as decorative.")
            )
        }
    return {}


def raise_block_errors(errors):
    """Raise ``StructBlockValidationError`` when ``errors`` is not empty."""
    if errors:
        raise StructBlockValidationError(block_errors=errors)


__all__ = [
    "COLLECTION",
    "INLINE_FEATURES",
    "MEDIA",
    "NOTES_AND_LINKS",
    "PARAGRAPH_FEATURES",
    "PLACES_AND_TIME",
    "TEXT",
    "SafeRichTextBlock",
    "raise_block_errors",
    "require_alt_text",
    "safe_url",
    "sanitize_rich_text",
]
