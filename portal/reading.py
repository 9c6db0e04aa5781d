"""Reading time and contents of long-form pages, from their StreamField content."""

import math
import re

#: Words a reader reads in a minute: a conservative figure for Ukrainian and English prose.
WORDS_PER_MINUTE = 180
#: Seconds a reader spends with each image, object, map, timeline or model.
SECONDS_PER_VISUAL = 10
VISUAL_BLOCKS = frozenset(
    {"image", "comparison", "register_object", "object_grid", "map", "timeline", "model_3d"}
)
#: Blocks whose words are counted: text the editor wrote. Object cards, captions and media
#: are counted as a pause each (VISUAL_BLOCKS), without loading what they show.
TEXT_BLOCKS = frozenset(
    {"paragraph", "heading", "quote", "content_warning", "sources", "call_to_action", "timeline"}
)
WORD_RE = re.compile(r"\w+", re.UNICODE)
TAG_RE = re.compile(r"<[^>]+>")


def count_words(text):
    return len(WORD_RE.findall(TAG_RE.sub(" ", text or "")))


def stream_reading_seconds(stream):
    """Seconds to read a StreamField value: its words plus a pause per visual block."""
    seconds = 0.0
    for child in stream or ():
        words = sum(
            count_words(str(part)) for part in child.block.get_searchable_content(child.value)
        )
        seconds += words * 60 / WORDS_PER_MINUTE
        if child.block_type in VISUAL_BLOCKS:
            seconds += SECONDS_PER_VISUAL
    return seconds


def reading_minutes(*streams, extra_text=""):
    """Whole minutes (at least one) to read ``streams`` and ``extra_text``."""
    seconds = sum(stream_reading_seconds(stream) for stream in streams)
    seconds += count_words(extra_text) * 60 / WORDS_PER_MINUTE
    return max(1, math.ceil(seconds / 60))


def stream_contents(stream):
    """The section headings of a stream, as (anchor, text) pairs, for a contents list."""
    contents = []
    for child in stream or ():
        if child.block_type == "heading" and child.value.get("level") == "h2":
            contents.append((child.value.anchor, child.value.get("text")))
    return contents
