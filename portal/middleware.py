"""Django's LocaleMiddleware, minus its redirects for machine interfaces.

On a 404 without a language prefix, LocaleMiddleware redirects to the same path under the
default language when that path would resolve, and with Wagtail's catch-all route almost any
path would. IIIF clients must get the 404 itself (with its CORS headers), never a 302 to
/uk/iiif/…, and IIIF responses do not vary by the reader's language.
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

#: Paths outside the language prefixes whose responses LocaleMiddleware leaves alone.
UNTRANSLATED_PREFIXES = ("/iiif/",)


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNTRANSLATED_PREFIXES):
            return response
        return super().process_response(request, response)
