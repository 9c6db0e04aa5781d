"""The stream of blocks that exhibitions, chapters, stories and theme hubs are written in."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import (
    CallToActionBlock,
    ComparisonBlock,
    ContentWarningBlock,
    EmbedMediaBlock,
    HeadingBlock,
    ImageBlock,
    MapBlock,
    MediaBlock,
    Model3DBlock,
    ObjectGridBlock,
    ParagraphBlock,
    QuoteBlock,
    RegisterObjectBlock,
    SourcesBlock,
    TimelineBlock,
)


class StoryStreamBlock(blocks.StreamBlock):
    """Every block a curator can tell a story with, grouped in the editor's block picker."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    register_object = RegisterObjectBlock()
    object_grid = ObjectGridBlock()
    image = ImageBlock()
    comparison = ComparisonBlock()
    quote = QuoteBlock()
    media = MediaBlock()
    embed = EmbedMediaBlock()
    model_3d = Model3DBlock()
    map = MapBlock()
    timeline = TimelineBlock()
    content_warning = ContentWarningBlock()
    sources = SourcesBlock()
    call_to_action = CallToActionBlock()


class CreditBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Role"), max_length=120, help_text=_("For example: Curator."))
    names = blocks.CharBlock(label=_("Names"), max_length=500)

    class Meta:
        icon = "user"
        label = _("Credit")
        template = "exhibitions/blocks/credit.html"


class CreditsBlock(blocks.StreamBlock):
    """Who made an exhibition or story: curators, authors, translators, photographers."""

    credit = CreditBlock()
