"""The story blocks, shared by every editorial page type; one module per block family.

Feature apps compose their StreamBlocks from these (see exhibitions/blocks.py).
"""

from .base import SafeRichTextBlock
from .images import ComparisonBlock, ImageBlock
from .media import EmbedMediaBlock, MediaBlock, Model3DBlock
from .objects import ObjectGridBlock, RegisterObjectBlock, RegisterObjectChooserBlock
from .places import MapBlock
from .text import (
    CallToActionBlock,
    ContentWarningBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
    SourcesBlock,
)
from .timeline import TimelineBlock

__all__ = [
    "CallToActionBlock",
    "ComparisonBlock",
    "ContentWarningBlock",
    "EmbedMediaBlock",
    "HeadingBlock",
    "ImageBlock",
    "MapBlock",
    "MediaBlock",
    "Model3DBlock",
    "ObjectGridBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "RegisterObjectBlock",
    "RegisterObjectChooserBlock",
    "SafeRichTextBlock",
    "SourcesBlock",
    "TimelineBlock",
]
