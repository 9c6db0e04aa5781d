import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

from iiif.image.wsgi import TileFastPath  # noqa: E402 (needs the settings module set)

# Public IIIF image requests answered from the derivative cache without Django's middleware;
# everything else goes to Django (docs/iiif.md).
application = TileFastPath(get_wsgi_application())
