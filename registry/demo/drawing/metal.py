"""Struck and cast metal: coins (obverse and reverse side by side) and crosses.

Relief is modelled as a grey height map and lit with an emboss filter, then coloured as
silver, gold or bronze with wear and patina. Legends are abstract marks, not real letters.
Coin styles: ``metal/obverse+reverse`` with metal ``silver``, ``gold`` or ``bronze`` and
motifs ``ruler``, ``trident``, ``cross``, ``wheel``, ``wreath``; cross styles: ``pectoral``, ``altar``,
``enkolpion``.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from .base import backdrop, clouds, crop_detail, ellipse_box, emboss, grain, mix, place, texture

METALS = {
    "silver": ((236, 234, 226), (96, 96, 98)),
    "gold": ((250, 226, 150), (130, 92, 30)),
    "bronze": ((206, 160, 112), (70, 46, 30)),
}
GLYPHS = [
    [((0, -1), (0, 1))],
    [((0, -1), (0, 1)), ((-0.5, -1), (0.5, -1))],
    [((-0.5, 1), (0, -1)), ((0, -1), (0.5, 1))],
    [((-0.5, -1), (-0.5, 1)), ((-0.5, 0), (0.5, 0)), ((0.5, -1), (0.5, 1))],
    [((-0.5, -1), (0.5, 1)), ((0.5, -1), (-0.5, 1))],
    [((-0.5, 1), (-0.5, -1)), ((-0.5, -1), (0.5, 0)), ((0.5, 0), (-0.5, 1))],
]


def _legend(draw, centre, radius, rng, size, fill):
    """Letter-like marks round the rim; they suggest a legend without spelling one."""
    cx, cy = centre
    count = int(2 * math.pi * radius / (size * 1.5))
    start = rng.uniform(0, 2 * math.pi)
    for k in range(count - 3):
        a = start + 2 * math.pi * k / count
        glyph = rng.choice(GLYPHS)
        tangent, normal = (-math.sin(a), math.cos(a)), (math.cos(a), math.sin(a))
        for (x0, y0), (x1, y1) in glyph:
            p0 = (
                cx + radius * normal[0] + size * 0.5 * (x0 * tangent[0] - y0 * normal[0]),
                cy + radius * normal[1] + size * 0.5 * (x0 * tangent[1] - y0 * normal[1]),
            )
            p1 = (
                cx + radius * normal[0] + size * 0.5 * (x1 * tangent[0] - y1 * normal[0]),
                cy + radius * normal[1] + size * 0.5 * (x1 * tangent[1] - y1 * normal[1]),
            )
            draw.line([p0, p1], fill=fill, width=max(2, round(size * 0.16)))


def _ruler(draw, c, r):
    cx, cy = c
    draw.ellipse(ellipse_box((cx, cy - r * 0.28), r * 0.2, r * 0.24), fill=235)
    draw.ellipse(
        ellipse_box((cx, cy - r * 0.3), r * 0.3), outline=210, width=max(2, round(r * 0.04))
    )
    for k in range(5):
        draw.ellipse(ellipse_box((cx - r * 0.2 + k * r * 0.1, cy - r * 0.52), r * 0.04), fill=245)
    draw.polygon(
        [
            (cx - r * 0.5, cy + r * 0.55),
            (cx - r * 0.3, cy - r * 0.02),
            (cx + r * 0.3, cy - r * 0.02),
            (cx + r * 0.5, cy + r * 0.55),
        ],
        fill=225,
    )
    draw.line(
        [(cx + r * 0.35, cy - r * 0.3), (cx + r * 0.35, cy + r * 0.3)],
        fill=250,
        width=max(2, round(r * 0.05)),
    )
    draw.line(
        [(cx + r * 0.27, cy - r * 0.2), (cx + r * 0.43, cy - r * 0.2)],
        fill=250,
        width=max(2, round(r * 0.05)),
    )


def _trident(draw, c, r):
    cx, cy = c
    w = max(3, round(r * 0.08))
    draw.line([(cx, cy - r * 0.5), (cx, cy + r * 0.35)], fill=240, width=w)
    for side in (-1, 1):
        draw.line(
            [
                (cx + side * r * 0.4, cy - r * 0.5),
                (cx + side * r * 0.4, cy + r * 0.1),
                (cx + side * r * 0.1, cy + r * 0.35),
                (cx, cy + r * 0.35),
            ],
            fill=240,
            width=w,
            joint="curve",
        )
    draw.line([(cx - r * 0.15, cy + r * 0.5), (cx + r * 0.15, cy + r * 0.5)], fill=240, width=w)
    draw.ellipse(ellipse_box((cx, cy - r * 0.58), r * 0.06), fill=240)


def _cross_motif(draw, c, r):
    cx, cy = c
    w = max(3, round(r * 0.1))
    draw.line([(cx, cy - r * 0.5), (cx, cy + r * 0.4)], fill=240, width=w)
    draw.line([(cx - r * 0.35, cy - r * 0.15), (cx + r * 0.35, cy - r * 0.15)], fill=240, width=w)
    for k in range(3):
        y = cy + r * (0.45 + k * 0.09)
        draw.line(
            [(cx - r * (0.15 + k * 0.1), y), (cx + r * (0.15 + k * 0.1), y)],
            fill=230,
            width=max(2, round(r * 0.06)),
        )


def _wheel(draw, c, r):
    cx, cy = c
    w = max(3, round(r * 0.08))
    draw.ellipse(ellipse_box(c, r * 0.45), outline=240, width=w)
    draw.ellipse(ellipse_box(c, r * 0.1), fill=240)
    for k in range(4):
        a = math.pi / 4 + k * math.pi / 2
        draw.line(
            [(cx, cy), (cx + r * 0.45 * math.cos(a), cy + r * 0.45 * math.sin(a))],
            fill=235,
            width=w,
        )


def _wreath(draw, c, r):
    cx, cy = c
    for k in range(22):
        a = math.pi * (0.62 + 1.76 * k / 21)
        p = (cx + r * 0.42 * math.cos(a), cy - r * 0.42 * math.sin(a))
        draw.ellipse(ellipse_box(p, r * 0.07, r * 0.045), fill=235)
    draw.ellipse(ellipse_box(c, r * 0.08), fill=240)


MOTIFS = {
    "ruler": _ruler,
    "trident": _trident,
    "cross": _cross_motif,
    "wheel": _wheel,
    "wreath": _wreath,
}


def _coin_face(rng, diameter, motif, worn):
    size = (diameter, diameter)
    height = Image.new("L", size, 0)
    draw = ImageDraw.Draw(height)
    c, r = (diameter / 2, diameter / 2), diameter / 2
    edge = [
        (
            c[0] + r * (0.97 + rng.uniform(-0.025, 0.02)) * math.cos(a / 40 * math.pi),
            c[1] + r * (0.97 + rng.uniform(-0.025, 0.02)) * math.sin(a / 40 * math.pi),
        )
        for a in range(80)
    ]
    draw.polygon(edge, fill=120)
    mask = height.point(lambda v: 255 if v else 0).filter(ImageFilter.GaussianBlur(1))
    draw.ellipse(ellipse_box(c, r * 0.9), outline=200, width=max(2, round(r * 0.03)))
    for k in range(60):
        a = 2 * math.pi * k / 60
        draw.ellipse(
            ellipse_box((c[0] + r * 0.84 * math.cos(a), c[1] + r * 0.84 * math.sin(a)), r * 0.022),
            fill=210,
        )
    draw.ellipse(ellipse_box(c, r * 0.58), outline=190, width=max(2, round(r * 0.02)))
    _legend(draw, c, r * 0.71, rng, r * 0.14, 215)
    MOTIFS[motif](draw, c, r * 0.95)
    height = height.filter(ImageFilter.GaussianBlur(r * (0.012 if not worn else 0.025)))
    return height, mask


def _metal(height, mask, rng, metal):
    light, dark = METALS[metal]
    relief = ImageOps.autocontrast(emboss(height, blur=1).convert("L"), cutoff=1)
    base = ImageOps.colorize(relief, black=dark, white=light, mid=mix(dark, light, 0.6))
    sheen = Image.radial_gradient("L").resize(height.size).point(lambda v: max(0, 255 - v))
    base = ImageChops.soft_light(base, Image.merge("RGB", (sheen, sheen, sheen)))
    base = texture(base, clouds(height.size, rng, cells=(30, 8, 2)), 0.35)
    if metal == "bronze":
        patina = clouds(height.size, rng, cells=(60, 20, 6)).point(lambda v: 130 if v > 196 else 0)
        base.paste(
            (92, 126, 100), (0, 0), patina.filter(ImageFilter.GaussianBlur(height.width / 150))
        )
    layer = base.convert("RGBA")
    layer.putalpha(mask)
    return layer


def draw_coin(rng, size, view="main", style=None):
    w, h = size
    # style: "metal/obverse+reverse", e.g. "silver/ruler+trident"; parts may be left out.
    metal, _slash, faces = (style or "").partition("/")
    metal = metal or rng.choice(("silver", "silver", "gold", "bronze"))
    motifs = faces.split("+") if faces else rng.sample(["ruler", "trident", "cross"], 2)
    diameter = round(min(w * 0.42, h * 0.62))
    worn = rng.random() < 0.5
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    for k, motif in enumerate(motifs):
        height, mask = _coin_face(rng, diameter, motif, worn)
        face = _metal(height, mask, rng, metal).rotate(
            rng.uniform(-20, 20), resample=Image.Resampling.BICUBIC
        )
        x = round(w * (0.27 if k == 0 else 0.73) - diameter / 2)
        layer.alpha_composite(face, (x, round(h * 0.48 - diameter / 2)))
    image = place(
        backdrop(size, rng, (64, 70, 82), (30, 32, 38)),
        layer,
        shadow_offset=(0.006, 0.01),
        opacity=0.7,
    )
    image = grain(image, rng, 0.04)
    return crop_detail(image, rng, zoom=1.6) if view == "detail" else image


def _cross_shape(draw, c, arm, width, fill, style):
    cx, cy = c
    if style == "enkolpion":
        draw.rectangle((cx - width, cy - arm, cx + width, cy + arm), fill=fill)
        draw.rectangle((cx - arm * 0.8, cy - width, cx + arm * 0.8, cy + width), fill=fill)
        for p in ((cx, cy - arm), (cx, cy + arm), (cx - arm * 0.8, cy), (cx + arm * 0.8, cy)):
            draw.ellipse(ellipse_box(p, width * 1.05), fill=fill)
        return
    draw.rectangle((cx - width, cy - arm * 1.1, cx + width, cy + arm * 1.5), fill=fill)
    draw.rectangle((cx - arm, cy - width, cx + arm, cy + width), fill=fill)
    for p in ((cx, cy - arm * 1.1), (cx - arm, cy), (cx + arm, cy), (cx, cy + arm * 1.5)):
        for k in range(3):
            a = math.pi * 2 * k / 3 + math.atan2(p[1] - cy, p[0] - cx)
            draw.ellipse(
                ellipse_box(
                    (p[0] + width * 0.7 * math.cos(a), p[1] + width * 0.7 * math.sin(a)),
                    width * 0.62,
                ),
                fill=fill,
            )


def draw_cross(rng, size, view="main", style=None):
    w, h = size
    style = style or rng.choice(("pectoral", "altar", "enkolpion"))
    metal = "bronze" if style == "enkolpion" else rng.choice(("silver", "gold"))
    c = (w / 2, h * 0.46)
    arm, width = h * 0.26, h * 0.055
    height = Image.new("L", size, 0)
    draw = ImageDraw.Draw(height)
    _cross_shape(draw, c, arm, width, 150, style)
    mask = height.point(lambda v: 255 if v else 0)
    inner = Image.new("L", size, 0)
    _cross_shape(ImageDraw.Draw(inner), c, arm * 0.9, width * 0.7, 255, style)
    height.paste(120, (0, 0), inner)
    if style == "pectoral":
        draw.ellipse(
            ellipse_box((c[0], c[1] - arm * 1.35), width * 0.6),
            outline=200,
            width=round(width * 0.2),
        )
    draw.ellipse(ellipse_box(c, width * 0.9), fill=210)
    draw.ellipse(ellipse_box(c, width * 0.6), fill=150)
    cx, cy = c
    draw.ellipse(ellipse_box((cx, cy - arm * 0.55), width * 0.22), fill=230)
    draw.line([(cx, cy - arm * 0.45), (cx, cy + arm * 0.6)], fill=220, width=round(width * 0.3))
    draw.line(
        [(cx - arm * 0.55, cy - arm * 0.02), (cx + arm * 0.55, cy - arm * 0.02)],
        fill=215,
        width=round(width * 0.22),
    )
    for k in range(24):
        t = k / 23
        for x, y in (
            (cx - width * 0.75, cy - arm * 0.9 + arm * 2.2 * t),
            (cx + width * 0.75, cy - arm * 0.9 + arm * 2.2 * t),
        ):
            if y < cy + arm * 1.3:
                draw.ellipse(ellipse_box((x, y), width * 0.08), fill=200)
    mask = (
        mask.point(lambda v: v)
        if style != "pectoral"
        else ImageChops.lighter(mask, height.point(lambda v: 255 if v >= 200 else 0))
    )
    layer = _metal(
        height.filter(ImageFilter.GaussianBlur(h * 0.002)),
        mask.filter(ImageFilter.GaussianBlur(1)),
        rng,
        metal,
    )
    if style == "altar":
        gems = ImageDraw.Draw(layer)
        for p, colour in (
            ((cx, cy - arm * 1.1), (150, 20, 40)),
            ((cx - arm, cy), (30, 70, 140)),
            ((cx + arm, cy), (30, 70, 140)),
            ((cx, cy + arm * 1.5), (150, 20, 40)),
        ):
            gems.ellipse(
                ellipse_box(p, width * 0.35),
                fill=colour,
                outline=(230, 200, 120),
                width=round(width * 0.06),
            )
            gems.ellipse(
                ellipse_box((p[0] - width * 0.1, p[1] - width * 0.1), width * 0.08),
                fill=(250, 240, 240),
            )
    velvet = (
        backdrop(size, rng, (120, 30, 40), (50, 12, 20))
        if style == "altar"
        else backdrop(size, rng, (50, 56, 70), (22, 24, 30))
    )
    image = place(velvet, layer, shadow_offset=(0.01, 0.012), opacity=0.7)
    image = grain(image, rng, 0.04)
    return crop_detail(image, rng, zoom=2.0) if view == "detail" else image
