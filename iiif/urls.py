"""IIIF addresses, outside the language prefixes: /iiif/3/… (and /iiif/2/… for older viewers).

Manifests and collections come first: their fixed words («manifests», «collections») must not
be read as image identifiers.
"""

from django.urls import include, path

app_name = "iiif"

urlpatterns = [
    path("", include("iiif.presentation.urls")),
    path("", include("iiif.image.urls")),
]
