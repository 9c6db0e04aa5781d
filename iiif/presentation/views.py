"""Presentation API 3.0 views: each builds a document; :func:`~.http.iiif_view` sends it."""

from . import collections, manifests
from .http import iiif_view


@iiif_view
def object_manifest(request, register_id):
    return manifests.cached_manifest(register_id, request)


@iiif_view
def portal_collection(request):
    return collections.portal_collection(request)


@iiif_view
def museum_collection(request, code):
    return collections.museum_collection(request, code)


@iiif_view
def museum_collection_part(request, code, number):
    return collections.museum_part(request, code, number)


@iiif_view
def exhibition_collection(request, translation_key):
    return collections.exhibition_collection(request, translation_key)
