"""Template helpers for register objects: thin wrappers around registry.views helpers."""

from django import template
from django.utils.html import format_html

from registry import views

register = template.Library()


@register.filter
def lang_attr(text):
    """` lang="uk"` for a Text that is not in the page's language, else nothing."""
    lang = getattr(text, "lang", "")
    return format_html(' lang="{}"', lang) if lang else ""


@register.filter
def rights_label(uri):
    """A human label for a rightsstatements.org or Creative Commons URI."""
    return views.rights_label(uri)


@register.simple_tag(takes_context=True)
def object_cards(context, objects):
    """Cards for source-language objects, in the reader's language (see views.object_cards)."""
    page = context.get("page")
    return views.object_cards(objects, locale=getattr(page, "locale", None))
