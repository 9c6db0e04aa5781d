"""Who may see an image through IIIF: the publication rule, in one place.

An image is served when it is attached to at least one published register object, or to no
register object at all (an editorial image, such as a story's). An image attached only to
unpublished objects does not exist as far as the public can tell: its 404 is the same as an
unknown identifier's. The presentation side (manifests) uses the same rule.
"""

import re

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from wagtail.images import get_image_model

#: What ``portal.images.new_iiif_identifier`` makes; anything else is unknown without a query.
IDENTIFIER = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def public_images():
    """Images the public may see, as a queryset."""
    from registry.models import ObjectImage

    attached = ObjectImage.objects.filter(image=OuterRef("pk"))
    published = attached.filter(register_object__published=True)
    return get_image_model().objects.filter(Q(~Exists(attached)) | Exists(published))


def is_public(image):
    return public_images().filter(pk=image.pk).exists()


def public_image(identifier):
    """The public image with this IIIF identifier, its pyramid row attached, or None.

    Every tile request starts here, so the query is compiled by the ORM once per process and
    database, then run as raw SQL: building and compiling the queryset cost more than
    running it.
    """
    if not IDENTIFIER.match(identifier):
        return None
    image = next(iter(_compiled("image").raw(identifier)), None)
    if image is not None:
        image.iiif_pyramid = next(iter(_compiled("pyramid").raw(image.pk)), None)
    return image


class _CompiledLookup:
    """A one-parameter ORM query, compiled once, run through Manager.raw()."""

    def __init__(self, model, queryset, sentinel):
        sql, params = queryset.query.sql_with_params()
        self.manager, self.sql, self.params = model._default_manager, sql, list(params)
        self.position = self.params.index(sentinel)

    def raw(self, value):
        params = list(self.params)
        params[self.position] = value
        return self.manager.raw(self.sql, params)


_lookups = {}


def _compiled(name):
    from django.db import connection

    from iiif.models import ImagePyramid

    key = (connection.alias, connection.vendor, name)
    if key not in _lookups:
        if name == "image":
            sentinel = "\x00identifier"
            queryset = public_images().filter(iiif_identifier=sentinel)
            _lookups[key] = _CompiledLookup(get_image_model(), queryset, sentinel)
        else:
            sentinel = -7_700_077
            queryset = ImagePyramid.objects.filter(image_id=sentinel)
            _lookups[key] = _CompiledLookup(ImagePyramid, queryset, sentinel)
    return _lookups[key]


def service_url(image, request, version=3):
    """The absolute id of an image's IIIF Image API service (3.0, or 2.1 with version=2)."""
    name = "iiif:image_base" if version == 3 else "iiif:image2_base"
    return request.build_absolute_uri(reverse(name, args=[image.iiif_identifier]))
