"""Model fields shared by the portal's page types."""

from django.db import models
from django.utils.module_loading import import_string
from wagtail.fields import StreamField


class StreamBlockField(StreamField):
    """A StreamField whose StreamBlock is named by its import path.

    Wagtail freezes a StreamField's whole block tree into every migration, so changing a block
    means a migration that nothing in the database needs. This field deconstructs to the
    path of its StreamBlock instead: block definitions stay in ``blocks.py`` and out of
    migrations (see docs/architecture.md).
    """

    def __init__(self, block_path, **kwargs):
        self.block_path = block_path
        kwargs.pop("block_lookup", None)
        super().__init__(import_string(block_path)(), **kwargs)

    def deconstruct(self):
        name, _path, _args, kwargs = models.Field.deconstruct(self)
        return name, "portal.fields.StreamBlockField", [self.block_path], kwargs
