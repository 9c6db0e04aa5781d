"""IIIF Presentation API 3.0: manifests for objects, collections for exhibitions and museums.

Included before the Image API's patterns (``iiif/urls.py``), so «manifests» and
«collections» are never read as image identifiers.
"""

from django.urls import path

import registry.urls  # noqa: F401  (registers the register_id path converter)

from . import views

urlpatterns = [
    path(
        "3/manifests/objects/<register_id:register_id>",
        views.object_manifest,
        name="object_manifest",
    ),
    path("3/collections/portal", views.portal_collection, name="portal_collection"),
    path("3/collections/museums/<slug:code>", views.museum_collection, name="museum_collection"),
    path(
        "3/collections/museums/<slug:code>/<int:number>",
        views.museum_collection_part,
        name="museum_collection_part",
    ),
    path(
        "3/collections/exhibitions/<uuid:translation_key>",
        views.exhibition_collection,
        name="exhibition_collection",
    ),
]
