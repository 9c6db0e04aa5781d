"""Easel paintings in gilded frames: landscapes of the Dnipro, the steppe and villages,
and Cossack-era portraits, finished with brushwork, varnish and craquelure.

Landscape styles: ``summer``, ``evening``, ``winter``, ``steppe``, ``sunflowers``, ``river``.
Portrait styles: ``cossack``, ``woman``, ``man``.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from .base import (
    SUPERSAMPLE,
    backdrop,
    clouds,
    crackle,
    ellipse_box,
    grain,
    jitter,
    place,
    shade,
    texture,
    vertical_gradient,
)
from .scenery import SKIES, landscape


def _portrait(rng, size, style):
    w, h = size
    background = rng.choice([(58, 52, 40), (44, 50, 46), (70, 44, 36)])
    image = vertical_gradient(size, shade(background, 1.3), shade(background, 0.7))
    draw = ImageDraw.Draw(image)
    cx, head_y, head = w * 0.5, h * 0.36, w * 0.15
    if rng.random() < 0.5:
        draw.polygon(
            [(0, 0), (w * 0.45, 0), (w * 0.1, h * 0.5), (0, h * 0.6)],
            fill=shade((140, 30, 30), 0.8),
        )
    if style == "cossack":
        shield = (w * 0.16, h * 0.12)
        draw.polygon(
            [
                (shield[0] - w * 0.06, shield[1] - h * 0.04),
                (shield[0] + w * 0.06, shield[1] - h * 0.04),
                (shield[0] + w * 0.06, shield[1] + h * 0.02),
                (shield[0], shield[1] + h * 0.06),
                (shield[0] - w * 0.06, shield[1] + h * 0.02),
            ],
            fill=(70, 90, 140),
            outline=(200, 164, 80),
            width=4,
        )
        draw.line(
            [(shield[0], shield[1] - h * 0.03), (shield[0], shield[1] + h * 0.04)],
            fill=(220, 196, 120),
            width=6,
        )
        draw.line(
            [
                (shield[0] - w * 0.03, shield[1] - h * 0.01),
                (shield[0] + w * 0.03, shield[1] - h * 0.01),
            ],
            fill=(220, 196, 120),
            width=6,
        )
        for k in range(3):
            draw.line(
                [(w * 0.28, h * (0.09 + k * 0.025)), (w * 0.5, h * (0.09 + k * 0.025))],
                fill=(200, 180, 140),
                width=3,
            )
    coat = {"cossack": (150, 34, 30), "woman": (40, 50, 66), "man": (36, 40, 44)}[style]
    draw.polygon(
        [
            (cx - w * 0.42, h),
            (cx - w * 0.3, h * 0.58),
            (cx - w * 0.08, h * 0.5),
            (cx + w * 0.08, h * 0.5),
            (cx + w * 0.3, h * 0.58),
            (cx + w * 0.42, h),
        ],
        fill=coat,
    )
    draw.polygon(
        [(cx - w * 0.07, h * 0.5), (cx + w * 0.07, h * 0.5), (cx, h * 0.66)],
        fill=(230, 226, 214) if style != "cossack" else (60, 90, 140),
    )
    if style == "cossack":
        for k in range(6):
            draw.ellipse(ellipse_box((cx, h * (0.6 + k * 0.06)), w * 0.012), fill=(220, 180, 80))
        draw.rectangle((cx - w * 0.36, h * 0.88, cx + w * 0.36, h * 0.93), fill=(60, 100, 80))
    skin = (212, 166, 130)
    draw.rectangle(
        (cx - head * 0.35, head_y + head * 0.8, cx + head * 0.35, h * 0.52), fill=shade(skin, 0.85)
    )
    draw.ellipse(ellipse_box((cx, head_y), head * 0.82, head * 1.08), fill=skin)
    draw.ellipse(
        ellipse_box((cx + head * 0.22, head_y - head * 0.1), head * 0.35, head * 0.5),
        fill=shade(skin, 1.12),
    )
    for side in (-1, 1):
        draw.ellipse(
            ellipse_box((cx + side * head * 0.32, head_y - head * 0.05), head * 0.13, head * 0.07),
            fill=(60, 44, 36),
        )
        draw.arc(
            ellipse_box((cx + side * head * 0.32, head_y - head * 0.18), head * 0.2, head * 0.08),
            200,
            340,
            fill=(70, 50, 36),
            width=5,
        )
    draw.line(
        [
            (cx, head_y - head * 0.05),
            (cx - head * 0.06, head_y + head * 0.3),
            (cx + head * 0.06, head_y + head * 0.32),
        ],
        fill=shade(skin, 0.75),
        width=5,
    )
    if style == "cossack":
        for side in (-1, 1):
            draw.line(
                [
                    (cx, head_y + head * 0.45),
                    (cx + side * head * 0.4, head_y + head * 0.55),
                    (cx + side * head * 0.55, head_y + head * 0.95),
                ],
                fill=(60, 44, 34),
                width=round(head * 0.1),
                joint="curve",
            )
        draw.rectangle(
            (cx - head * 0.9, head_y - head * 1.55, cx + head * 0.9, head_y - head * 0.6),
            fill=(50, 40, 34),
        )
        draw.ellipse(
            (cx - head * 0.7, head_y - head * 1.85, cx + head * 0.7, head_y - head * 1.25),
            fill=(150, 34, 30),
        )
    elif style == "woman":
        draw.ellipse(
            ellipse_box((cx, head_y - head * 0.75), head * 0.9, head * 0.55), fill=(176, 40, 40)
        )
        draw.arc(
            ellipse_box((cx, head_y - head * 0.7), head * 0.85, head * 0.5),
            180,
            360,
            fill=(220, 180, 80),
            width=8,
        )
        draw.ellipse(
            ellipse_box((cx, head_y + head * 0.45), head * 0.12, head * 0.05), fill=(170, 70, 60)
        )
        for row in range(3):
            for k in range(15):
                a = math.pi * (0.15 + 0.7 * k / 14)
                p = (
                    cx + head * (1.0 + row * 0.18) * math.cos(a),
                    h * 0.48 + head * (0.3 + row * 0.15) * math.sin(a),
                )
                draw.ellipse(
                    ellipse_box(p, head * 0.06), fill=(196, 36, 36) if row < 2 else (220, 180, 80)
                )
    else:
        draw.chord(
            ellipse_box((cx, head_y - head * 0.55), head * 0.85, head * 0.6),
            180,
            360,
            fill=(70, 52, 40),
        )
        draw.line(
            [(cx - head * 0.2, head_y + head * 0.5), (cx + head * 0.2, head_y + head * 0.5)],
            fill=(150, 80, 70),
            width=5,
        )
    return image


def _brushwork(image, rng, strokes=3500, length=0.018):
    """Short translucent strokes in the colours beneath them: a painterly surface."""
    w, h = image.size
    small = image.resize((max(1, w // 8), max(1, h // 8)))
    overlay = image.copy()
    draw = ImageDraw.Draw(overlay)
    for _ in range(strokes):
        x, y = rng.uniform(0, w - 1), rng.uniform(0, h - 1)
        sx = min(int(x * small.width / w), small.width - 1)
        sy = min(int(y * small.height / h), small.height - 1)
        colour = jitter(rng, small.getpixel((sx, sy)), 10)
        angle = rng.uniform(-0.5, 0.5) + (0 if y < h * 0.5 else rng.uniform(-1, 1))
        d = w * length * rng.uniform(0.5, 1.2)
        draw.line(
            [(x, y), (x + d * math.cos(angle), y + d * math.sin(angle))],
            fill=colour,
            width=max(2, round(w / 300)),
        )
    return Image.blend(image.filter(ImageFilter.GaussianBlur(w / 800)), overlay, 0.55)


def _frame(size, rng, inner_box):
    """A carved and gilded frame around ``inner_box``."""
    w, h = size
    x0, y0, x1, y1 = inner_box
    depth = (x1 - x0) * 0.09
    ox0, oy0, ox1, oy1 = x0 - depth, y0 - depth, x1 + depth, y1 + depth
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    gold = (186, 142, 64)
    sides = [
        ([(ox0, oy0), (ox1, oy0), (x1, y0), (x0, y0)], 1.15),
        ([(ox0, oy0), (x0, y0), (x0, y1), (ox0, oy1)], 1.05),
        ([(ox1, oy0), (ox1, oy1), (x1, y1), (x1, y0)], 0.72),
        ([(ox0, oy1), (x0, y1), (x1, y1), (ox1, oy1)], 0.62),
    ]
    for polygon, light in sides:
        draw.polygon(polygon, fill=shade(gold, light))
    for k in range(1, 4):
        t = k / 4
        ring = (ox0 + depth * t, oy0 + depth * t, ox1 - depth * t, oy1 - depth * t)
        draw.rectangle(
            ring, outline=shade(gold, 0.55 + 0.25 * (k % 2)), width=max(1, round(depth * 0.04))
        )
    for i in range(60):
        for (ax, ay), (bx, by) in (((ox0, oy0), (ox1, oy0)), ((ox0, oy1), (ox1, oy1))):
            p = (
                ax + (bx - ax) * (i + 0.5) / 60,
                ay + (by - ay) * (i + 0.5) / 60 + (depth * 0.5 if ay == oy0 else -depth * 0.5),
            )
            draw.ellipse(
                ellipse_box(p, depth * 0.09), fill=shade(gold, 1.25), outline=shade(gold, 0.6)
            )
    layer = texture(layer, clouds(size, rng, cells=(20, 6, 2)), 0.35)
    return layer


def draw_painting(rng, size, view="main", style=None, portrait=False):
    w, h = size
    s = SUPERSAMPLE
    if portrait:
        style = style or rng.choice(("cossack", "woman", "man"))
        inner = (round(w * 0.2), round(h * 0.17), round(w * 0.8), round(h * 0.83))
    else:
        style = style or rng.choice(tuple(SKIES))
        inner = (round(w * 0.15), round(h * 0.17), round(w * 0.85), round(h * 0.83))
    cw, ch = inner[2] - inner[0], inner[3] - inner[1]
    paint = (
        _portrait(rng, (cw * s, ch * s), style)
        if portrait
        else landscape(rng, (cw * s, ch * s), style)
    )
    paint = paint.resize((cw, ch), Image.Resampling.LANCZOS)
    paint = _brushwork(paint, rng, strokes=int(3000 * cw / 1000))
    paint = texture(paint, clouds(paint.size, rng, cells=(3, 2, 1)), 0.1)
    varnish = ImageOps.colorize(
        clouds(paint.size, rng, cells=(300, 100, 30)), black=(236, 216, 180), white=(255, 250, 236)
    )
    paint = ImageChops.multiply(paint, varnish).convert("RGBA")
    if portrait:
        crackle(paint, rng, (0, 0, cw, ch), count=int(40 * cw / 1000), colour=(30, 24, 18, 30))
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    layer.paste(paint, inner[:2])
    layer.alpha_composite(_frame(size, rng, inner))
    image = place(backdrop(size, rng, (170, 162, 150), (110, 104, 96)), layer, opacity=0.55)
    return grain(image, rng, 0.04)


def draw_landscape(rng, size, view="main", style=None):
    return draw_painting(rng, size, view, style, portrait=False)


def draw_portrait(rng, size, view="main", style=None):
    return draw_painting(rng, size, view, style, portrait=True)
