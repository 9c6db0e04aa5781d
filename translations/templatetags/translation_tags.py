"""Template tags telling readers who translated what they read."""

from django import template
from django.conf import settings
from django.utils import translation

from translations.provenance import machine_provenance

register = template.Library()


@register.simple_tag
def machine_translation(item):
    """The unreviewed machine translation in ``item`` (a page or object row), or ``None``.

    Text read in the source language is the original, so it costs no query there.
    """
    if item is None or translation.get_language() == settings.LANGUAGE_CODE:
        return None
    return machine_provenance(item)
