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
#: Blocks whose words are counted: prose the editor wrote, read from the stored data without
#: touching the database. Objects, images and media count as a pause each (VISUAL_BLOCKS),
#: so an exhibition's reading time never loads its chapters' objects.
TEXT_BLOCKS = frozenset({"paragraph", "heading", "quote", "content_warning", "sources"})
WORD_RE = re.compile(r"\w+", re.UNICODE)
TAG_RE = re.compile(r"<[^>]+>")


def count_words(text):
    return len(WORD_RE.findall(TAG_RE.sub(" ", text or "")))


def stream_reading_seconds(stream):
    """Seconds to read a StreamField value: its words plus a pause per visual block."""
    if not stream:
        return 0.0
    child_blocks = stream.stream_block.child_blocks
    seconds = 0.0
    for item in stream.raw_data:
        block_type = item["type"]
        if block_type in TEXT_BLOCKS and block_type in child_blocks:
            block = child_blocks[block_type]
            content = block.get_searchable_content(block.to_python(item["value"]))
            seconds += sum(count_words(str(part)) for part in content) * 60 / WORDS_PER_MINUTE
        elif block_type in VISUAL_BLOCKS:
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
