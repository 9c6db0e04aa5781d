"""A 3D pysanka as a binary glTF 2.0 file (GLB), written with the standard library and Pillow.

The shell is a surface of revolution (a lathe) with the register demo's egg profile; it
carries positions, normals and texture coordinates, and one material whose base colour is
the pysanka ornament drawn flat by ``registry.demo.drawing.pysanka`` (a JPEG inside the
file). The same seed gives the same ornament as :func:`draw_pysanka`, so the model's poster
can be that drawing.

GLB layout (glTF 2.0, section "GLB File Format Specification"): a 12-byte header (magic
``glTF``, version 2, total length), then a JSON chunk padded with spaces and a BIN chunk
padded with zeros, each chunk 4-byte aligned.
"""

import io
import json
import math
import random
import struct

from registry.demo.drawing.base import clouds, texture
from registry.demo.drawing.pysanka import PALETTES, Surface, _ornament, egg_r

MAGIC = b"glTF"
VERSION = 2
JSON_CHUNK = 0x4E4F534A  # "JSON"
BIN_CHUNK = 0x004E4942  # "BIN\0"
FLOAT, UNSIGNED_SHORT = 5126, 5123
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
LINEAR, LINEAR_MIPMAP_LINEAR, REPEAT, CLAMP_TO_EDGE = 9729, 9987, 10497, 33071
#: The egg is 6 cm tall, like the demo's pysanky; glTF units are metres.
HEIGHT_M = 0.06


def pysanka_texture(seed, style="rosettes_waves", width=1024):
    """The ornament of the pysanka drawn with ``seed``, flat, and the egg's aspect ratio.

    Consumes the random generator in the same order as ``draw_pysanka`` so the palette and
    the ornament match the drawing made from the same seed.
    """
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    aspect = rng.uniform(0.72, 0.78)
    rng.uniform(-0.3, 0.3)  # the drawing's turn
    palette = rng.choice(PALETTES)
    height = round(width / (math.pi * aspect))
    surface = Surface(width, height, aspect, palette[0], max(2, round(width / 300)))
    _ornament(surface, palette, style, rng)
    flat = texture(surface.image, clouds(surface.image.size, rng, cells=(60, 16, 3)), 0.2)
    return flat, aspect


def lathe(aspect, rings=48, segments=64):
    """Vertices (position, normal, uv) and triangle indices of the egg shell.

    The profile is parametrised by the polar angle ``phi`` (0 at the top pole), so the
    normals are smooth right up to the poles. The seam repeats its column of vertices
    with u = 1 so the texture wraps without a jump.
    """
    half = HEIGHT_M / 2
    positions, normals, uvs = [], [], []
    for i in range(rings + 1):
        phi = math.pi * i / rings
        y = -math.cos(phi)  # the drawing's coordinate: -1 at the top, 1 at the bottom
        r = egg_r(y, aspect)
        # d(r, height)/d(phi): the profile's tangent; its outward normal is (-dh, dr).
        dr = aspect * (math.cos(phi) * (1 - 0.17 * math.cos(phi)) + 0.17 * math.sin(phi) ** 2)
        dh = -math.sin(phi)
        n_r, n_h = -dh, dr
        length = math.hypot(n_r, n_h) or 1.0
        n_r, n_h = n_r / length, n_h / length
        for j in range(segments + 1):
            theta = 2 * math.pi * j / segments
            c, s = math.cos(theta), -math.sin(theta)
            positions.append((r * c * half, -y * half, r * s * half))
            normals.append((n_r * c, n_h, n_r * s))
            uvs.append((j / segments, (y + 1) / 2))
    indices = []
    row = segments + 1
    for i in range(rings):
        for j in range(segments):
            a, b = i * row + j, (i + 1) * row + j
            indices += [a, b, a + 1, a + 1, b, b + 1]
    return positions, normals, uvs, indices


def _pad(data, filler):
    return data + filler * (-len(data) % 4)


def _pack(fmt, rows):
    return b"".join(struct.pack(fmt, *row) for row in rows)


def pysanka_glb(seed, style="rosettes_waves", texture_width=1024):
    """The GLB bytes of a pysanka whose ornament matches ``draw_pysanka(Random(seed))``."""
    flat, aspect = pysanka_texture(seed, style, texture_width)
    picture = io.BytesIO()
    flat.save(picture, "JPEG", quality=85)
    positions, normals, uvs, indices = lathe(aspect)
    chunks = [
        (_pack("<3f", positions), ARRAY_BUFFER),
        (_pack("<3f", normals), ARRAY_BUFFER),
        (_pack("<2f", uvs), ARRAY_BUFFER),
        (struct.pack(f"<{len(indices)}H", *indices), ELEMENT_ARRAY_BUFFER),
        (picture.getvalue(), None),
    ]
    binary, views = b"", []
    for data, target in chunks:
        view = {"buffer": 0, "byteOffset": len(binary), "byteLength": len(data)}
        if target:
            view["target"] = target
        views.append(view)
        binary = _pad(binary + data, b"\0")
    xs, ys, zs = zip(*positions, strict=True)
    document = {
        "asset": {"version": "2.0", "generator": "heritage-portal demo (exhibitions.demo.gltf)"},
        "scene": 0,
        "scenes": [{"name": "Pysanka", "nodes": [0]}],
        "nodes": [{"name": "Pysanka", "mesh": 0}],
        "meshes": [
            {
                "name": "Pysanka",
                "primitives": [
                    {
                        "attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2},
                        "indices": 3,
                        "material": 0,
                    }
                ],
            }
        ],
        "materials": [
            {
                "name": "Waxed eggshell",
                "pbrMetallicRoughness": {
                    "baseColorTexture": {"index": 0},
                    "metallicFactor": 0.0,
                    "roughnessFactor": 0.45,
                },
            }
        ],
        "textures": [{"sampler": 0, "source": 0}],
        "images": [{"bufferView": 4, "mimeType": "image/jpeg"}],
        "samplers": [
            {
                "magFilter": LINEAR,
                "minFilter": LINEAR_MIPMAP_LINEAR,
                "wrapS": REPEAT,
                "wrapT": CLAMP_TO_EDGE,
            }
        ],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": FLOAT,
                "count": len(positions),
                "type": "VEC3",
                "min": [min(xs), min(ys), min(zs)],
                "max": [max(xs), max(ys), max(zs)],
            },
            {"bufferView": 1, "componentType": FLOAT, "count": len(normals), "type": "VEC3"},
            {"bufferView": 2, "componentType": FLOAT, "count": len(uvs), "type": "VEC2"},
            {
                "bufferView": 3,
                "componentType": UNSIGNED_SHORT,
                "count": len(indices),
                "type": "SCALAR",
            },
        ],
        "bufferViews": views,
        "buffers": [{"byteLength": len(binary)}],
    }
    content = _pad(json.dumps(document, separators=(",", ":")).encode(), b" ")
    total = 12 + 8 + len(content) + 8 + len(binary)
    return b"".join(
        [
            struct.pack("<4sII", MAGIC, VERSION, total),
            struct.pack("<II", len(content), JSON_CHUNK),
            content,
            struct.pack("<II", len(binary), BIN_CHUNK),
            binary,
        ]
    )


def read_glb(data):
    """Check the GLB container and return ``(document, binary)``; raises ``ValueError``.

    Checks the header (magic, version 2, declared length), that a JSON chunk comes first
    and a BIN chunk second, and that every chunk is 4-byte aligned.
    """
    if len(data) < 20 or len(data) % 4:
        raise ValueError("A GLB file is at least 20 bytes long and a multiple of 4.")
    magic, version, total = struct.unpack_from("<4sII", data, 0)
    if magic != MAGIC or version != VERSION or total != len(data):
        raise ValueError("The GLB header is not glTF version 2 with the file's length.")
    json_length, json_type = struct.unpack_from("<II", data, 12)
    if json_type != JSON_CHUNK or json_length % 4:
        raise ValueError("The first GLB chunk must be JSON, padded to 4 bytes.")
    document = json.loads(data[20 : 20 + json_length])
    offset = 20 + json_length
    bin_length, bin_type = struct.unpack_from("<II", data, offset)
    if bin_type != BIN_CHUNK or bin_length % 4 or offset + 8 + bin_length != total:
        raise ValueError("The second GLB chunk must be BIN, padded to 4 bytes.")
    return document, data[offset + 8 : offset + 8 + bin_length]
