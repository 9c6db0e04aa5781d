from django.conf import settings


def portal(request):
    """Site-wide values every public template needs."""
    return {
        "PORTAL_SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "CONTENT_LANGUAGES": settings.CONTENT_LANGUAGES,
    }
