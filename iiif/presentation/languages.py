"""IIIF language maps (``{"uk": ["…"], "en": ["…"]}``) from the portal's languages.

A value goes under a language only when it is written in that language: the presenters
mark text that falls back to the Ukrainian source (:class:`registry.presenters.Text` with
``lang``), and such text is left out of the other language's entry, so a viewer reading
English either gets English or falls back to the Ukrainian entry by itself.
"""

from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.html import escape

#: The language map key for values in no language (identifiers, numbers).
NO_LANGUAGE = "none"


def content_languages():
    """Language codes of the portal's content, the source (Ukrainian) first."""
    return tuple(code for code, _name in settings.CONTENT_LANGUAGES)


def plain(value):
    """``value`` as IIIF plain text.

    IIIF reads a value that starts with ``<`` and ends with ``>`` as HTML; such register
    text is escaped inside a ``<span>`` so that viewers show it as it was written.
    """
    value = str(value).strip()
    if value.startswith("<") and value.endswith(">"):
        return f"<span>{escape(value)}</span>"
    return value


def none_map(*values):
    """A language map for values that belong to no language."""
    values = [plain(value) for value in values if value]
    return {NO_LANGUAGE: values} if values else {}


@lru_cache(maxsize=256)
def _translated(message, languages):
    result = {}
    for code in languages:
        with translation.override(code):
            result[code] = [translation.gettext(message)]
    return result


def message_map(message):
    """A fixed UI string (a msgid marked with ``gettext_noop``) in every content language."""
    return {
        code: list(values) for code, values in _translated(message, content_languages()).items()
    }


def lazy_map(text):
    """A lazily translated string (a choice label, the site name) in every content language."""
    result = {}
    for code in content_languages():
        with translation.override(code):
            result[code] = [plain(text)]
    return result


def text_map(views, read):
    """A language map from one view of the object per language (source first).

    ``read(view)`` returns the view's :class:`~registry.presenters.Text` values, evaluated
    with the view's language active (labels of choices and numbers follow it). A language
    gets an entry only when none of its values falls back to another language; the source
    language always does.
    """
    source = settings.LANGUAGE_CODE
    result = {}
    for view in views:
        with translation.override(view.language):
            texts = [text for text in read(view) if text]
        if not texts:
            continue
        if view.language != source and any(
            text.lang and text.lang != view.language for text in texts
        ):
            continue
        result[view.language] = [plain(text.value) for text in texts]
    return result
