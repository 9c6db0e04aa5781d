"""Template helpers for register objects, wrapping registry.presenters and registry.rights."""

from django import template
from django.utils.html import format_html

from registry import presenters, rights

register = template.Library()


@register.filter
def lang_attr(text):
    """` lang="uk"` for a Text that is not in the page's language, else nothing."""
    lang = getattr(text, "lang", "")
    return format_html(' lang="{}"', lang) if lang else ""


@register.filter
def rights_label(uri):
    """A human label for a rightsstatements.org or Creative Commons URI."""
    return rights.rights_label(uri)


@register.simple_tag(takes_context=True)
def object_cards(context, objects):
    """Cards for source-language objects in the reader's language (presenters.object_cards)."""
    page = context.get("page")
    return presenters.object_cards(objects, locale=getattr(page, "locale", None))
