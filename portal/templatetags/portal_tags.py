"""Site-wide template helpers: language switcher, hreflang alternates, canonical link."""

import re
from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import number_format
from wagtail.models import Page

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    #: True when the link leads to this very content in that language (not a fallback home).
    is_alternate: bool
    #: True when the content has no translation in that language and the link leads to the
    #: language's home instead, which then says so (see UNTRANSLATED_PARAMETER).
    is_fallback: bool = False


@dataclass(frozen=True)
class LanguageLinks:
    links: list
    canonical_url: str = ""
    x_default_url: str = ""
    alternates: list = field(default_factory=list)


#: The query parameter of a language's home page reached from a page with no translation in
#: that language; the home page then tells the reader why they are there.
UNTRANSLATED_PARAMETER = "untranslated"


def home_url(language_code):
    """The home page of a content language, e.g. ``/en/``."""
    with translation.override(language_code):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return f"/{language_code}/"


def live_translations(page):
    """The page's live translations, itself included, read once per page object: the
    switcher's links and the untranslated parts of a page share them."""
    cached = page.__dict__.get("_portal_live_translations")
    if cached is None:
        cached = list(page.get_translations(inclusive=True).live().select_related("locale"))
        page._portal_live_translations = cached
    return cached


def page_urls(page, request):
    """URLs of a Wagtail page's live translations, keyed by language code."""
    urls = {}
    for translated in live_translations(page):
        url = translated.get_url(request)
        if url:
            urls[translated.locale.language_code] = url
    return urls


def build_language_links(request, urls, x_default="", content=False):
    """Links for every content language: to ``urls[code]`` where the content exists in it,
    else to that language's home page — with a notice there when ``content`` is a page that
    has no translation in that language."""
    current = translation.get_language()

    def fallback(code):
        url = home_url(code)
        return f"{url}?{UNTRANSLATED_PARAMETER}=1" if content else url

    def absolute(url):
        return request.build_absolute_uri(url) if request is not None and url else url

    links = [
        LanguageLink(
            code=code,
            name=name,
            url=urls.get(code) or fallback(code),
            is_current=code == current,
            is_alternate=code in urls,
            is_fallback=content and code not in urls,
        )
        for code, name in settings.CONTENT_LANGUAGES
    ]
    alternates = [
        LanguageLink(link.code, link.name, absolute(link.url), link.is_current, True)
        for link in links
        if link.is_alternate
    ]
    return LanguageLinks(
        links=links,
        canonical_url=absolute(urls.get(current, "")),
        x_default_url=absolute(x_default) if alternates else "",
        alternates=alternates,
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's links, keeping the reader on the same object or page.

    Views pass ``alternate_urls`` ({code: path}) and ``x_default_url``; Wagtail pages use
    their live translations; any other page links to each language's home.
    """
    request = context.get("request")
    if context.get("alternate_urls"):
        return build_language_links(
            request, context["alternate_urls"], context.get("x_default_url", "")
        )
    page = context.get("page")
    if isinstance(page, Page) and request is not None:
        urls = page_urls(page, request)
        # A language's home is the root of its tree; "/" sends readers to theirs.
        x_default = "/" if page.depth <= 2 else urls.get(settings.LANGUAGE_CODE, "")
        return build_language_links(request, urls, x_default, content=True)
    return build_language_links(request, {})


@register.simple_tag(takes_context=True)
def reached_untranslated(context):
    """Whether the reader came to this home page from a page that has no translation in its
    language (the switcher's fallback link)."""
    request = context.get("request")
    return request is not None and request.GET.get(UNTRANSLATED_PARAMETER) == "1"


#: Blocks of pure prose: one whose stored value is the same as in the source page is text
#: wagtail-localize carried over untranslated. Objects, images, maps and the like render in
#: the reader's language whatever their stored value, so they never count.
PROSE_BLOCKS = frozenset({"paragraph", "heading", "quote", "content_warning"})
LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class UntranslatedParts:
    """What of a translated page still shows the source language's text."""

    language: str = ""
    title: bool = False
    summary: bool = False
    blocks: frozenset = frozenset()

    def __bool__(self):
        return self.title or self.summary or bool(self.blocks)


TAG_RE = re.compile(r"<[^>]*>")
#: Keys of a block's stored value that hold settings, not words for readers.
SETTING_KEYS = frozenset({"level", "style", "kind", "anchor", "language", "lang"})


def _has_letters(value):
    """Whether a stored value (text, HTML or a block's dict) has any words for readers: a
    number alone is the same in every language."""
    if isinstance(value, dict):
        return any(_has_letters(v) for k, v in value.items() if k not in SETTING_KEYS)
    if isinstance(value, list | tuple):
        return any(_has_letters(v) for v in value)
    return isinstance(value, str) and bool(LETTER_RE.search(TAG_RE.sub(" ", value)))


@register.simple_tag
def untranslated_parts(page):
    """The parts of a translated page whose text is still the source language's (wagtail-
    localize fills strings nobody translated with the source text): its title, summary and
    prose blocks, so templates mark them ``lang="uk"`` and tell the reader. No query when the
    switcher has read the page's translations already."""
    source_code = settings.LANGUAGE_CODE
    if not isinstance(page, Page):
        return UntranslatedParts()
    source = next(
        (p for p in live_translations(page) if p.locale.language_code == source_code), None
    )
    if source is None or source.pk == page.pk:
        return UntranslatedParts()

    def same(name):
        value = getattr(page, name, None)
        return bool(value) and _has_letters(value) and value == getattr(source, name, None)

    blocks = set()
    body, source_body = getattr(page, "body", None), getattr(source, "body", None)
    if body is not None and source_body is not None:
        original = {item.get("id"): item for item in source_body.raw_data}
        for item in body.raw_data:
            twin = original.get(item.get("id"))
            if (
                item.get("type") in PROSE_BLOCKS
                and twin is not None
                and twin.get("value") == item.get("value")
                and _has_letters(item.get("value"))
            ):
                blocks.add(item["id"])
    return UntranslatedParts(
        language=source_code,
        title=same("title"),
        summary=same("summary"),
        blocks=frozenset(blocks),
    )


@register.filter
def grouped(value):
    """A whole number with the reader's language's thousands separator: ``12 345`` in
    Ukrainian (a no-break space), ``12,345`` in English. Not for identifiers or URLs."""
    try:
        return number_format(int(value), force_grouping=True)
    except (TypeError, ValueError):
        return value


#: Open Graph locales (language_TERRITORY) of the content languages we know.
OG_LOCALES = {"uk": "uk_UA", "en": "en_GB", "pl": "pl_PL", "de": "de_DE", "fr": "fr_FR"}


@register.filter
def og_locale(language_code):
    """An Open Graph locale for a language code, e.g. ``uk`` → ``uk_UA``."""
    return OG_LOCALES.get(language_code, language_code)


@register.filter
def richtext_safe(value):
    """A page's RichTextField, cleaned of markup its editor cannot make, then expanded."""
    from wagtail.rich_text import RichText

    from portal.blocks.base import sanitize_rich_text

    return RichText(sanitize_rich_text(value or "")).__html__()


@register.simple_tag
def page_ancestors(page):
    """A page's live ancestors below the tree root, from the home page down.

    Routing a request walks down the tree and leaves each page's parent on it
    (``_cached_parent_obj``, as Wagtail's and treebeard's own routing do); when that chain
    reaches the home page no query is needed. Otherwise one query.
    """
    chain, current = [], page
    while current.depth > 2:
        parent = current.__dict__.get("_cached_parent_obj")
        if parent is None:
            return page.get_ancestors().filter(depth__gt=1).live()
        chain.append(parent)
        current = parent
    return [ancestor for ancestor in reversed(chain) if ancestor.live]


@register.simple_tag
def stream_block_types(*streams):
    """The block types used in ``streams``: which scripts and styles a page needs."""
    return {child.block_type for stream in streams if stream for child in stream}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu in the reader's language, each item with its ``aria-current`` value.

    ``"page"`` marks the page itself, ``"true"`` a page inside its section.
    """
    from portal.menus import menu_items

    request = context.get("request")
    if request is None:
        return []
    current = context.get("page")
    path = getattr(current, "path", "") or ""
    items = []
    for item in menu_items(request, translation.get_language() or settings.LANGUAGE_CODE):
        state = ""
        if current is not None and getattr(current, "pk", None) == item.pk:
            state = "page"
        elif path.startswith(item.path):
            state = "true"
        items.append((item, state))
    return items
