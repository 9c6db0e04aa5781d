"""Django's LocaleMiddleware, minus two of its redirects.

On a 404 without a language prefix, LocaleMiddleware redirects to the same path under the
default language when that path would resolve, and with Wagtail's catch-all route almost any
path would. Two kinds of 404 must stay 404s:

- machine interfaces outside the language prefixes (IIIF): clients need the 404 itself, with
  its CORS headers, and the responses do not vary by the reader's language;
- a prefix that is a language the portal does not publish (``/fr/…`` while French is not a
  content language): that address does not exist, it is not a Ukrainian page called "fr".
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

#: Paths outside the language prefixes whose responses LocaleMiddleware leaves alone.
UNTRANSLATED_PREFIXES = ("/iiif/",)


def unpublished_language_prefix(path):
    """The path's first segment if it is a language code the portal does not publish."""
    first = path.lstrip("/").split("/", 1)[0].lower()
    if first in LANG_INFO and first not in dict(settings.LANGUAGES):
        return first
    return None


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNTRANSLATED_PREFIXES):
            return response
        if response.status_code == 404 and unpublished_language_prefix(request.path_info):
            return response
        return super().process_response(request, response)
