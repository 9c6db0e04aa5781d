"""Shared helpers for the demo museum's procedural images.

Everything here is deterministic: randomness comes only from the ``random.Random`` instance
a drawer is given, and noise is built from its bytes, never from Pillow's own generators.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

#: Shapes are drawn this many times larger than the result, then scaled down (anti-aliasing).
SUPERSAMPLE = 2


def mix(a, b, t):
    """Blend two RGB tuples; t=0 gives a, t=1 gives b."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def shade(colour, factor):
    """Darken (factor < 1) or lighten (factor > 1) an RGB tuple."""
    if factor <= 1:
        return mix((0, 0, 0), colour, factor)
    return mix(colour, (255, 255, 255), min(factor - 1, 1))


def jitter(rng, colour, amount=12):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def canvas(size, colour=(0, 0, 0, 0)):
    """A transparent RGBA layer at supersampled size."""
    w, h = size
    return Image.new("RGBA", (w * SUPERSAMPLE, h * SUPERSAMPLE), colour)


def finish(layer, size):
    """Scale a supersampled layer down to ``size``."""
    return layer.resize(size, Image.Resampling.LANCZOS)


def noise(size, rng, cell=1, blur=0.0):
    """Seeded uniform noise in mode L; ``cell`` > 1 gives a cloudy, smoothed texture."""
    w, h = size
    sw, sh = max(2, math.ceil(w / cell)), max(2, math.ceil(h / cell))
    image = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
    if cell > 1:
        image = image.resize((w, h), Image.Resampling.BICUBIC)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    return image


def clouds(size, rng, cells=(64, 16, 4), weights=(0.55, 0.3, 0.15)):
    """Several octaves of smoothed noise, auto-contrasted: paper, gold leaf, glaze, wood."""
    w, h = size
    total = None
    for cell, weight in zip(cells, weights, strict=True):
        cell_px = max(1, round(cell * w / 1600))
        # Upscaled octaves are smooth already; only pixel-sized noise needs softening.
        octave = noise(size, rng, cell=cell_px, blur=0.6 if cell_px == 1 else 0)
        octave = octave.point(lambda v, k=weight: round(v * k))
        total = octave if total is None else ImageChops.add(total, octave)
    return ImageOps.autocontrast(total, cutoff=1)


def texture(base, tex, strength=0.25):
    """Modulate an RGB(A) image by a grey texture centred on mid grey (soft light)."""
    amount = strength
    tex = tex.point(lambda v: round(128 + (v - 128) * amount))
    tex = tex.convert("RGB").resize(base.size)
    if base.mode == "RGBA":
        alpha = base.getchannel("A")
        out = ImageChops.soft_light(base.convert("RGB"), tex)
        out.putalpha(alpha)
        return out
    return ImageChops.soft_light(base, tex)


def grain(image, rng, amount=0.08):
    """Fine photographic grain over the whole picture."""
    return texture(image, noise(image.size, rng, blur=0.5), strength=amount * 4)


def soft_blur(image, radius):
    """A wide Gaussian blur, computed at a quarter of the size (same look, far faster)."""
    small = image.resize((max(1, image.width // 4), max(1, image.height // 4)))
    small = small.filter(ImageFilter.GaussianBlur(radius / 4))
    return small.resize(image.size, Image.Resampling.BICUBIC)


def vertical_gradient(size, top, bottom):
    w, h = size
    mask = Image.linear_gradient("L").resize((w, h))
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def horizontal_gradient(size, left, right):
    w, h = size
    mask = Image.linear_gradient("L").transpose(Image.Transpose.TRANSPOSE).resize((w, h))
    return Image.composite(Image.new("RGB", size, right), Image.new("RGB", size, left), mask)


def vignette(image, strength=0.45, colour=(0, 0, 0)):
    """Darken the corners like a studio photograph."""
    mask = Image.radial_gradient("L").resize(image.size)
    mask = mask.point(lambda v: round(max(0, v - 60) * strength * 255 / 195))
    return Image.composite(Image.new(image.mode, image.size, colour), image, mask)


def backdrop(size, rng, top=(222, 218, 210), bottom=(168, 162, 152)):
    """A seamless studio backdrop: soft vertical gradient, vignette and a little texture."""
    image = vertical_gradient(size, top, bottom)
    image = texture(image, clouds(size, rng, cells=(200, 60, 20)), strength=0.06)
    return vignette(image, 0.35)


def place(background, layer, shadow_offset=(0.012, 0.02), blur=0.018, opacity=0.5):
    """Paste an RGBA layer onto the backdrop with a soft cast shadow."""
    w, h = background.size
    if layer.size != background.size:
        layer = layer.resize(background.size, Image.Resampling.LANCZOS)
    alpha = layer.getchannel("A")
    dx, dy = round(shadow_offset[0] * w), round(shadow_offset[1] * h)
    shadow = Image.new("L", (w, h), 0)
    shadow.paste(alpha, (dx, dy))
    shadow = shadow.filter(ImageFilter.GaussianBlur(max(1, blur * w)))
    shadow = shadow.point(lambda v: round(v * opacity))
    background.paste((28, 22, 18), (0, 0), shadow)
    background.paste(layer, (0, 0), layer)
    return background


def scaled(points, factor):
    return [(x * factor, y * factor) for x, y in points]


def rotate_points(points, angle, centre):
    cx, cy = centre
    c, s = math.cos(angle), math.sin(angle)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def star(centre, outer, inner, points=8, rotation=0.0):
    """A star polygon: the eight-pointed star is everywhere in Ukrainian ornament."""
    cx, cy = centre
    vertices = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = rotation + math.pi * i / points - math.pi / 2
        vertices.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return vertices


def ellipse_box(centre, rx, ry=None):
    cx, cy = centre
    ry = rx if ry is None else ry
    return (cx - rx, cy - ry, cx + rx, cy + ry)


def crackle(layer, rng, box, count=60, colour=(40, 30, 20, 70), width=1):
    """Fine craquelure: short random-walk cracks inside ``box``."""
    draw = ImageDraw.Draw(layer)
    x0, y0, x1, y1 = box
    for _ in range(count):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        angle = rng.uniform(0, 2 * math.pi)
        points = [(x, y)]
        for _step in range(rng.randint(3, 8)):
            angle += rng.uniform(-0.45, 0.45)
            length = rng.uniform(0.003, 0.01) * (x1 - x0)
            x = min(max(x + length * math.cos(angle), x0), x1)
            y = min(max(y + length * math.sin(angle), y0), y1)
            points.append((x, y))
        draw.line(points, fill=colour, width=width, joint="curve")


def emboss(height, light=(235, 225, 200), dark=(60, 45, 30), blur=1.2):
    """Light a grey height map from the upper left: raised parts catch the light."""
    height = height.filter(ImageFilter.GaussianBlur(blur))
    relief = height.filter(ImageFilter.EMBOSS)
    return ImageOps.colorize(relief, black=dark, white=light, mid=mix(dark, light, 0.5))


def crop_detail(image, rng, zoom=2.2):
    """A detail view: an off-centre crop of the main picture, enlarged back to full size."""
    w, h = image.size
    cw, ch = round(w / zoom), round(h / zoom)
    x = round((w - cw) * rng.uniform(0.3, 0.7))
    y = round((h - ch) * rng.uniform(0.25, 0.6))
    detail = image.crop((x, y, x + cw, y + ch)).resize((w, h), Image.Resampling.BICUBIC)
    return detail.filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=2))
