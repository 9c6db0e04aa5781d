from django.conf import settings
from django.utils.translation import get_language, gettext_lazy, override

#: The portal's name when PORTAL_SITE_NAME keeps its default; shown in the reader's language.
DEFAULT_SITE_NAME = gettext_lazy("Heritage of Ukraine")


def site_name():
    """The configured site name; the default one is translated for each reader."""
    name = settings.WAGTAIL_SITE_NAME
    with override(settings.LANGUAGE_CODE):
        default_in_source = str(DEFAULT_SITE_NAME)
    return str(DEFAULT_SITE_NAME) if name == default_in_source else name


def portal(request):
    """Site-wide values every public template needs."""
    return {
        "PORTAL_SITE_NAME": site_name(),
        "CONTENT_LANGUAGES": settings.CONTENT_LANGUAGES,
        "SOURCE_LANGUAGE": settings.LANGUAGE_CODE,
        "CURRENT_LANGUAGE": get_language(),
    }
