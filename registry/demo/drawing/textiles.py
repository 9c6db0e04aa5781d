"""Textiles: a rushnyk and a vyshyvanka in cross-stitch, and a woven kilim.

Cross-stitch motifs are grown on a grid with the eightfold symmetry of Ukrainian geometric
embroidery (rhombs, stars, "tree of life"), then stitched thread by thread.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .base import backdrop, clouds, grain, mix, noise, place, shade, texture

THREADS = {
    "red_black": [(176, 28, 34), (28, 24, 24), (176, 28, 34)],
    "red": [(182, 30, 36), (120, 18, 26), (206, 74, 40)],
    "blue_red": [(40, 64, 140), (178, 34, 38), (40, 64, 140)],
    "black_orange": [(30, 26, 26), (214, 112, 32), (164, 30, 34)],
    "white": [(250, 247, 238), (232, 226, 210), (250, 247, 238)],
}
LINEN = (234, 226, 206)


def diamond_motif(rng, n):
    """Cells {(x, y): colour} of a rhombic motif with eightfold symmetry, radius ``n``."""
    rings = sorted(rng.sample(range(2, n + 1), k=min(3, n - 1)))
    core = rng.randint(1, 2)
    density = rng.uniform(0.2, 0.4)
    octant = {}
    for x in range(n + 1):
        for y in range(x + 1):
            d = x + y
            if d > n:
                continue
            if d <= core:
                octant[(x, y)] = 2
            elif d in rings:
                octant[(x, y)] = rings.index(d) % 2
            elif y == 0 and d < n and rng.random() < 0.7:
                octant[(x, y)] = 1
            elif rng.random() < density and d < n - 1:
                octant[(x, y)] = rings.index(min(rings, key=lambda r, d=d: abs(r - d))) % 2
    cells = {}
    for (x, y), colour in octant.items():
        for a, b in ((x, y), (y, x)):
            for sx in (-1, 1):
                for sy in (-1, 1):
                    cells[(sx * a, sy * b)] = colour
    return cells


def tree_motif(rng, height):
    """A stylised tree of life: stem, paired branches ending in rhombs, a star on top."""
    cells = {}
    for y in range(height):
        cells[(0, -y)] = 1
    for x in range(-3, 4):
        for y in range(3):
            if abs(x) <= 3 - y:
                cells[(x, y)] = 0
    level = 3
    while level < height - 4:
        length = rng.randint(3, 5)
        for k in range(1, length + 1):
            for side in (-1, 1):
                cells[(side * k, -level - k)] = 1
        for side in (-1, 1):
            tip_x, tip_y = side * (length + 1), -level - length - 1
            for dx in range(-2, 3):
                for dy in range(-2, 3):
                    if abs(dx) + abs(dy) <= 2:
                        cells[(tip_x + dx, tip_y + dy)] = 0 if abs(dx) + abs(dy) == 2 else 2
        level += length + rng.randint(1, 3)
    top = -height
    for dx in range(-3, 4):
        for dy in range(-3, 4):
            if abs(dx) + abs(dy) <= 3 and (abs(dx) + abs(dy)) % 2 == 1 or (dx, dy) == (0, 0):
                cells[(dx, top + dy)] = 0
    return cells


def zigzag_band(length, height=4, phase=0):
    cells = {}
    for x in range(length):
        y = abs((x + phase) % (2 * height - 2) - (height - 1))
        cells[(x, y)] = 0
        if (x + phase) % (2 * height - 2) == height - 1:
            cells[(x, height)] = 1
    return cells


class Stitcher:
    """Renders cross stitches onto an RGBA layer, a cell at a time."""

    def __init__(self, layer, cell, threads):
        self.draw = ImageDraw.Draw(layer)
        self.cell, self.threads = cell, threads
        self.width = max(1, round(cell * 0.34))

    def stitch(self, x, y, colour):
        c, pad = self.cell, self.cell * 0.12
        x0, y0, x1, y1 = x + pad, y + pad, x + c - pad, y + c - pad
        under, over = shade(colour, 0.72), colour
        self.draw.line([(x0, y1), (x1, y0)], fill=under, width=self.width)
        self.draw.line([(x0, y0), (x1, y1)], fill=over, width=self.width)
        highlight = shade(colour, 1.25)
        self.draw.line(
            [(x0 + pad, y0 + pad * 0.4), (x1 - pad, y1 - pad * 1.6)],
            fill=highlight,
            width=max(1, self.width // 3),
        )

    def cells(self, cells, origin):
        ox, oy = origin
        for (cx, cy), colour in cells.items():
            self.stitch(ox + cx * self.cell, oy + cy * self.cell, self.threads[colour])


def linen(size, rng, colour=LINEN):
    """Plain-weave linen: warp and weft streaks, a slight cloudiness."""
    w, h = size
    image = Image.new("RGB", size, colour)
    warp = noise((w, max(2, h // 40)), rng).resize(size, Image.Resampling.BILINEAR)
    weft = noise((max(2, w // 40), h), rng).resize(size, Image.Resampling.BILINEAR)
    weave = ImageChops.add(warp, weft, scale=2)
    image = texture(image, weave, strength=0.18)
    return texture(image, clouds(size, rng, cells=(120, 40, 10)), strength=0.08)


def _folds(layer, rng, vertical=True, count=3, strength=0.16):
    """Soft folds across the cloth."""
    w, h = layer.size
    profile = Image.new("L", (256, 1))
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(count)]
    for i in range(256):
        v = sum(math.sin(i / 256 * math.pi * (k + 1.3) + p) for k, p in enumerate(phases)) / count
        profile.putpixel((i, 0), round(200 + 55 * max(-1, min(1, v * 1.4))))
    profile = profile.resize((w, h) if vertical else (h, w), Image.Resampling.BICUBIC)
    if not vertical:
        profile = profile.transpose(Image.Transpose.ROTATE_90)
    light = Image.merge("RGB", (profile, profile, profile))
    rgb = ImageChops.multiply(layer.convert("RGB"), light)
    rgb = Image.blend(layer.convert("RGB"), rgb, strength / 0.16 * 0.9)
    rgb.putalpha(layer.getchannel("A"))
    return rgb


def draw_rushnyk(rng, size, view="main", style=None):
    w, h = size
    threads = THREADS[style or rng.choice(("red_black", "red_black", "red", "black_orange"))]
    left, right, bottom = round(w * 0.2), round(w * 0.8), round(h * 0.86)
    cloth = linen((right - left, bottom), rng)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    layer.paste(cloth, (left, 0))
    cell = (right - left) / rng.choice((58, 62, 66))
    stitcher = Stitcher(layer, cell, threads)
    columns = int((right - left) / cell)
    x0 = left + (right - left - columns * cell) / 2

    # The main band: two or three motifs across the towel, framed by zigzag borders.
    band_top = h * 0.5
    stitcher.cells(zigzag_band(columns), (x0, band_top - 7 * cell))
    if rng.random() < 0.5:
        motif, motif_h = tree_motif(rng, rng.randint(24, 28)), None
        count = 2
    else:
        n = rng.randint(8, 10)
        motif, motif_h, count = diamond_motif(rng, n), n, 3 if columns >= 3 * (2 * n + 3) else 2
    step = columns / count
    for k in range(count):
        cx = x0 + (step * (k + 0.5)) * cell
        cy = band_top + (motif_h + 1) * cell if motif_h else band_top + 26 * cell
        stitcher.cells(motif, (round((cx - x0) / cell) * cell + x0, cy))
    lower = band_top + (2 * (motif_h or 13) + 4) * cell
    stitcher.cells(zigzag_band(columns, phase=3), (x0, lower))
    # Hemstitch holes and woven red stripes near the end.
    draw = ImageDraw.Draw(layer)
    for y in (lower + 7 * cell, bottom - 3 * cell):
        for i in range(columns * 2):
            draw.rectangle(
                (x0 + i * cell / 2, y, x0 + i * cell / 2 + cell * 0.22, y + cell * 0.5),
                fill=shade(LINEN, 0.7),
            )
    for y in (lower + 9 * cell, lower + 10.5 * cell):
        draw.rectangle((left, y, right, y + cell * 0.6), fill=threads[0])
    # A small band higher up.
    small = diamond_motif(rng, 4)
    for k in range(int(columns / 11)):
        stitcher.cells(small, (x0 + (5 + k * 11) * cell, h * 0.3))
    # Fringe.
    for i in range(round((right - left) / (cell * 0.5))):
        x = left + i * cell * 0.5 + cell * 0.25
        length = h * rng.uniform(0.05, 0.065)
        draw.line(
            [(x, bottom), (x + rng.uniform(-4, 4), bottom + length)],
            fill=shade(LINEN, rng.uniform(0.82, 0.95)),
            width=max(1, round(cell * 0.22)),
        )
    layer = _folds(layer, rng)
    image = place(backdrop(size, rng, (206, 200, 190), (160, 152, 140)), layer, blur=0.012)
    return grain(image, rng, 0.04)


def _shirt_outline(w, h):
    half = [
        (0.5, 0.13),
        (0.44, 0.13),
        (0.35, 0.17),
        (0.06, 0.3),
        (0.045, 0.33),
        (0.075, 0.45),
        (0.1, 0.455),
        (0.33, 0.4),
        (0.325, 0.93),
        (0.5, 0.945),
    ]
    right = [(1 - x, y) for x, y in reversed(half)]
    return [(x * w, y * h) for x, y in half + right]


def draw_vyshyvanka(rng, size, view="main", style=None):
    w, h = size
    threads = THREADS[style or rng.choice(("red_black", "blue_red", "black_orange", "red"))]
    outline = _shirt_outline(w, h)
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    ImageDraw.Draw(mask).ellipse((w * 0.45, h * 0.1, w * 0.55, h * 0.17), fill=0)
    cloth = linen(size, rng, colour=(238, 232, 216))
    embroidery = Image.new("RGBA", size, (0, 0, 0, 0))
    cell = w / 190
    n = rng.randint(4, 6)
    motif = diamond_motif(rng, n)
    step = 2 * n + 2

    def strip(count, rows=1):
        band = Image.new(
            "RGBA", (round(count * step * cell), round(rows * step * cell)), (0, 0, 0, 0)
        )
        stitcher = Stitcher(band, cell, threads)
        for row in range(rows):
            for k in range(count):
                stitcher.cells(motif, ((n + 1 + k * step) * cell, (n + 1 + row * step) * cell))
        return band

    # Sleeves: a band of motifs along each sleeve, and a zigzag cuff.
    along = strip(6)
    angle = math.degrees(math.atan2(0.095 * h, 0.265 * w))
    cuff = Image.new("RGBA", (round(6 * cell), round(34 * cell)), (0, 0, 0, 0))
    Stitcher(cuff, cell, threads).cells(
        {(y, x): c for (x, y), c in zigzag_band(34, 3).items()}, (cell, 0)
    )
    for side in (-1, 1):
        band = along.rotate(-side * angle, expand=True, resample=Image.Resampling.BICUBIC)
        cx, cy = w * (0.5 + side * 0.29), h * 0.33
        embroidery.alpha_composite(band, (round(cx - band.width / 2), round(cy - band.height / 2)))
        end = cuff.rotate(-side * angle, expand=True, resample=Image.Resampling.BICUBIC)
        cx, cy = w * (0.5 + side * 0.415), h * 0.385
        embroidery.alpha_composite(end, (round(cx - end.width / 2), round(cy - end.height / 2)))
    # Chest panels on both sides of the slit, and a band along the hem.
    chest = strip(5).rotate(90, expand=True)
    for dx in (-chest.width - cell * 1.5, cell * 1.5):
        embroidery.alpha_composite(chest, (round(w * 0.5 + dx), round(h * 0.18)))
    hem = strip(round(0.3 * w / (step * cell)))
    embroidery.alpha_composite(
        hem, (round(w / 2 - hem.width / 2), round(h * 0.93 - hem.height - cell * 3))
    )

    layer = cloth.convert("RGBA")
    layer.alpha_composite(embroidery)
    draw = ImageDraw.Draw(layer)
    draw.line(
        [(w / 2, h * 0.17), (w / 2, h * 0.36)], fill=(150, 140, 120), width=max(1, round(w / 500))
    )
    layer.putalpha(mask)
    layer = _folds(layer, rng, vertical=True, count=4, strength=0.1)
    image = place(
        backdrop(size, rng, (92, 86, 80), (52, 48, 44)),
        layer,
        shadow_offset=(0.006, 0.01),
        opacity=0.6,
    )
    return grain(image, rng, 0.04)


KILIM_PALETTES = [
    [(28, 22, 22), (150, 30, 34), (214, 160, 58), (60, 100, 70), (236, 226, 200)],
    [(140, 28, 32), (30, 24, 22), (226, 176, 70), (52, 76, 120), (236, 226, 200)],
    [(232, 222, 196), (150, 34, 36), (40, 32, 30), (200, 140, 50), (70, 104, 74)],
]


def _stepped_medallion(draw, centre, radius, colours, step=2):
    cx, cy = centre
    for k, colour in enumerate(colours):
        r = radius - k * step * 2
        if r <= 0:
            break
        outline = []
        for i in range(-r, r + 1):
            outline.append((cx + i, cy - (r - abs(i))))
        for i in range(r, -r - 1, -1):
            outline.append((cx + i, cy + (r - abs(i))))
        draw.polygon(outline, fill=colour)


def draw_kilim(rng, size, view="main", style=None):
    w, h = size
    palette = KILIM_PALETTES[int(style)] if style else rng.choice(KILIM_PALETTES)
    field, c1, c2, c3, c4 = palette
    cols, rows = 150, 96
    design = Image.new("RGB", (cols, rows), field)
    draw = ImageDraw.Draw(design)
    border = 9
    draw.rectangle((0, 0, cols - 1, rows - 1), fill=c1)
    draw.rectangle((border - 2, border - 2, cols - border + 1, rows - border + 1), fill=c2)
    draw.rectangle((border, border, cols - border - 1, rows - border - 1), fill=field)
    for x in range(0, cols, 8):
        _stepped_medallion(draw, (x + 4, border // 2), 3, [c4, c3])
        _stepped_medallion(draw, (x + 4, rows - 1 - border // 2), 3, [c4, c3])
    for y in range(8, rows - 8, 8):
        _stepped_medallion(draw, (border // 2, y + 4), 3, [c4, c3])
        _stepped_medallion(draw, (cols - 1 - border // 2, y + 4), 3, [c4, c3])
    count = rng.choice((2, 3))
    radius = min((cols - 2 * border) // (2 * count) - 2, rows // 2 - border - 3)
    inner = [c1, c4, c3, c2, c1, c4]
    rng.shuffle(inner)
    for k in range(count):
        cx = border + (cols - 2 * border) * (k + 0.5) / count
        _stepped_medallion(draw, (round(cx), rows // 2), radius, inner)
        for dy in (-1, 1):
            for dx in (-1, 1):
                _stepped_medallion(
                    draw,
                    (round(cx + dx * radius * 0.75), rows // 2 + dy * (radius * 0.75)),
                    4,
                    [c3, c4],
                )
    left, right, top, bottom = round(w * 0.12), round(w * 0.88), round(h * 0.16), round(h * 0.84)
    woven = design.resize((right - left, bottom - top), Image.Resampling.NEAREST)
    ribs = noise((right - left, max(2, (bottom - top) // 3)), rng).resize(woven.size)
    woven = texture(woven, ribs.filter(ImageFilter.GaussianBlur(0.8)), strength=0.35)
    woven = texture(woven, clouds(woven.size, rng), strength=0.12)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    layer.paste(woven, (left, top))
    draw = ImageDraw.Draw(layer)
    for y in range(top, bottom, max(2, round(h / 160))):
        for x0, x1 in ((left, left - w * 0.05), (right, right + w * 0.05)):
            draw.line(
                [(x0, y), (x1 + rng.uniform(-4, 4), y + rng.uniform(-3, 3))],
                fill=mix(c4, (200, 190, 170), 0.5),
                width=max(1, round(w / 700)),
            )
    layer = _folds(layer, rng, vertical=False, count=2, strength=0.06)
    image = place(backdrop(size, rng, (200, 194, 184), (150, 144, 134)), layer, blur=0.01)
    return grain(image, rng, 0.04)
