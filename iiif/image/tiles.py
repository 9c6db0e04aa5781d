"""Stored pyramid tiles served as they are: a JPEG tile of the TIFF is already the answer.

Most deep-zoom requests ask for exactly one 256-pixel tile of one pyramid level, which libvips
wrote as a JPEG when it built the pyramid (iiif.image.pyramids). Decoding that tile and
encoding it again costs most of a cold request and gains nothing, so when a request's box on
its level is exactly one whole stored tile, its bytes are read from the TIFF and made into a
complete JPEG: the tile is an *abbreviated* JPEG stream whose quantisation and Huffman
tables live once per level in the TIFF's JPEGTables tag, so those tables are spliced in, with
the marker telling decoders the colour space (JFIF for YCbCr and grey, Adobe with transform 0
for RGB). The pixels are the stored tile's, so the quality is the pyramid's
(IIIF_PYRAMID_QUALITY), not IIIF_JPEG_QUALITY.

Only the standard library reads the TIFF (classic and BigTIFF, either byte order). The index
of each file — per page: size, tile size, offsets, byte counts and the JPEG header to splice
— is parsed once and kept in a small per-process LRU keyed by the file's identity (device,
inode, size, modification time), so a rebuilt pyramid is parsed again. Anything this module
does not recognise (another compression, planar data, 16 bits…) is not served from here:
the caller renders it as before.
"""

import os
import struct
import threading
from collections import OrderedDict
from dataclasses import dataclass

WIDTH, LENGTH, BITS, COMPRESSION, PHOTOMETRIC = 256, 257, 258, 259, 262
SAMPLES, PLANAR, TILE_WIDTH, TILE_LENGTH = 277, 284, 322, 323
TILE_OFFSETS, TILE_BYTE_COUNTS, JPEG_TABLES = 324, 325, 347
JPEG = 7
GREY, RGB, YCBCR = 1, 2, 6

SOI, EOI = b"\xff\xd8", b"\xff\xd9"
#: APP0 JFIF 1.01, no density, no thumbnail: YCbCr (or grey) samples.
JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
#: APP14 Adobe, transform 0: the three components are R, G, B as they are.
ADOBE_RGB = b"\xff\xee\x00\x0eAdobe\x00\x64\x00\x00\x00\x00\x00"

# TIFF field types: struct code of one value.
_TYPES = {1: "B", 2: "B", 3: "H", 4: "I", 7: "B", 13: "I", 16: "Q", 18: "Q"}
_INDEX_FILES = 64


class NotATiff(ValueError):
    pass


@dataclass(frozen=True)
class Page:
    """One pyramid level: what is needed to cut a JPEG tile out of the file."""

    width: int
    height: int
    tile_width: int
    tile_height: int
    offsets: tuple
    byte_counts: tuple
    #: SOI, the colour-space marker and the level's tables: the tile's stream follows.
    header: bytes

    def tile(self, left, top, width, height):
        """The number of the stored tile that is exactly this box, or None."""
        if (width, height) != (self.tile_width, self.tile_height):
            return None
        if left % width or top % height or left + width > self.width or top + height > self.height:
            return None  # not aligned, or an edge tile padded beyond the level
        across = -(-self.width // self.tile_width)
        number = top // height * across + left // width
        return number if number < len(self.offsets) else None


def _read_exact(handle, offset, size):
    data = os.pread(handle, size, offset)
    if len(data) != size:
        raise NotATiff("truncated")
    return data


def _parse(handle):
    """Every page of the TIFF open as ``handle``: a tuple of Page, or None for unusable ones."""
    head = _read_exact(handle, 0, 16)
    order = {b"II": "<", b"MM": ">"}.get(head[:2])
    if order is None:
        raise NotATiff("no byte order")
    (magic,) = struct.unpack(order + "H", head[2:4])
    if magic == 42:
        big, (first,) = False, struct.unpack(order + "I", head[4:8])
    elif magic == 43:
        big, (first,) = True, struct.unpack(order + "Q", head[8:16])
    else:
        raise NotATiff("not a TIFF")
    count_code, entry_size, offset_code = ("Q", 20, "Q") if big else ("H", 12, "I")
    inline = 8 if big else 4
    pages, seen, position = [], set(), first
    while position and position not in seen and len(pages) < 64:
        seen.add(position)
        count_size = struct.calcsize(count_code)
        (count,) = struct.unpack(order + count_code, _read_exact(handle, position, count_size))
        table = _read_exact(handle, position + count_size, count * entry_size + inline)
        fields = {}
        for start in range(0, count * entry_size, entry_size):
            entry = table[start : start + entry_size]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            (number,) = struct.unpack(order + offset_code, entry[4 : 4 + inline])
            code = _TYPES.get(kind)
            if code is None:
                continue
            size = struct.calcsize(code) * number
            raw = entry[4 + inline :]
            if size > inline:
                (where,) = struct.unpack(order + offset_code, raw)
                raw = _read_exact(handle, where, size)
            fields[tag] = (
                raw[:size]
                if kind in (2, 7)
                else struct.unpack(f"{order}{number}{code}", raw[:size])
            )
        pages.append(_page(fields))
        (position,) = struct.unpack(order + offset_code, table[count * entry_size :])
    return tuple(pages)


def _page(fields):
    """A Page when the fields describe 8-bit chunky JPEG tiles we can splice, else None."""

    def one(tag, default=None):
        value = fields.get(tag)
        return value[0] if value else default

    photometric, samples = one(PHOTOMETRIC), one(SAMPLES, 1)
    marker = {(YCBCR, 3): JFIF, (RGB, 3): ADOBE_RGB, (GREY, 1): JFIF}.get((photometric, samples))
    usable = (
        marker is not None
        and one(COMPRESSION) == JPEG
        and set(fields.get(BITS, (8,))) == {8}
        and one(PLANAR, 1) == 1
        and TILE_WIDTH in fields
        and TILE_OFFSETS in fields
        and len(fields[TILE_OFFSETS]) == len(fields.get(TILE_BYTE_COUNTS, ()))
    )
    if not usable:
        return None
    tables = fields.get(JPEG_TABLES, SOI + EOI)
    if not (tables.startswith(SOI) and tables.endswith(EOI)):
        return None
    return Page(
        width=one(WIDTH),
        height=one(LENGTH),
        tile_width=one(TILE_WIDTH),
        tile_height=one(TILE_LENGTH),
        offsets=fields[TILE_OFFSETS],
        byte_counts=fields[TILE_BYTE_COUNTS],
        header=SOI + marker + tables[2:-2],
    )


_indexes = OrderedDict()
_lock = threading.Lock()


def _pages(path, handle):
    stat = os.fstat(handle)
    key = (path, stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    with _lock:
        if key in _indexes:
            _indexes.move_to_end(key)
            return _indexes[key]
    try:
        pages = _parse(handle)
    except (NotATiff, struct.error):
        pages = ()
    with _lock:
        _indexes[key] = pages
        while len(_indexes) > _INDEX_FILES:
            _indexes.popitem(last=False)
    return pages


def stored_jpeg(path, page, box, size):
    """A complete JPEG of the tile at ``box`` (left, top, width, height) of page ``page``.

    None unless ``box`` is one whole stored tile shown at its own ``size`` and the file is a
    TIFF of JPEG tiles this module can splice. The path may vanish (a replaced pyramid):
    that is None too, and the caller renders.
    """
    if tuple(size) != tuple(box[2:]):
        return None
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        pages = _pages(path, handle)
        level = pages[page] if page < len(pages) else None
        number = level.tile(*box) if level is not None else None
        if number is None:
            return None
        data = os.pread(handle, level.byte_counts[number], level.offsets[number])
    finally:
        os.close(handle)
    if not data.startswith(SOI) or len(data) != level.byte_counts[number]:
        return None
    return level.header + data[2:]
