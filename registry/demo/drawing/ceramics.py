"""Ceramics: thrown vessels (a glechyk jug, a pot, a Trypillian vessel) and a relief stove tile.

A vessel is a profile turned round its axis: its decoration is drawn flat (longitude across,
height down), wrapped round the body with a mesh transform and lit like a cylinder.
Vessel styles: ``opishnia``, ``vasylkiv``, ``trypillia``, ``glazed``. Tile styles:
``flowerpot``, ``rosette``.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from .base import (
    backdrop,
    clouds,
    crackle,
    ellipse_box,
    emboss,
    grain,
    mix,
    place,
    shade,
    star,
    texture,
)

PROFILES = {
    # (height from the rim 0..1, radius relative to the height); "handle" marks a jug
    "jug": [
        (0.0, 0.15),
        (0.06, 0.13),
        (0.2, 0.16),
        (0.42, 0.3),
        (0.62, 0.34),
        (0.85, 0.26),
        (1.0, 0.19),
    ],
    "pot": [(0.0, 0.27), (0.07, 0.24), (0.2, 0.3), (0.45, 0.38), (0.75, 0.3), (1.0, 0.2)],
    "trypillia": [(0.0, 0.17), (0.08, 0.16), (0.2, 0.27), (0.42, 0.42), (0.7, 0.28), (1.0, 0.14)],
}
STYLES = {
    # style: (profile, body colour, ornament colours)
    "opishnia": ("jug", (222, 196, 160), [(128, 58, 34), (60, 104, 58), (196, 126, 46)]),
    "vasylkiv": ("jug", (236, 228, 210), [(40, 70, 140), (70, 120, 70), (214, 164, 52)]),
    "trypillia": ("trypillia", (200, 120, 72), [(46, 30, 24), (236, 214, 180), (150, 54, 34)]),
    "glazed": ("pot", (124, 70, 36), [(200, 156, 80), (70, 40, 24), (150, 100, 50)]),
}


def _radius(profile, t):
    """Smooth radius at height ``t`` (cosine interpolation between profile points)."""
    points = [profile[0], *profile, profile[-1]]
    for k in range(1, len(points) - 2):
        (t0, _r), (t1, _r1) = points[k], points[k + 1]
        if t0 <= t <= t1:
            f = (t - t0) / (t1 - t0)
            p0, p1, p2, p3 = (points[k + i][1] for i in (-1, 0, 1, 2))
            # Catmull-Rom: a smooth curve through every profile point.
            return 0.5 * (
                2 * p1
                + (-p0 + p2) * f
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f * f
                + (-p0 + 3 * p1 - 3 * p2 + p3) * f**3
            )
    return profile[-1][1]


def _wrap(flat, size, box, profile, turn, period):
    """Map a flat texture (longitude across, ``period`` pixels a turn) onto the body."""
    x0, top, height = box
    th = flat.height
    cols, rows = 40, 48
    max_r = max(r for _t, r in profile) * height
    mesh = []
    for j in range(rows):
        ya, yb = top + height * j / rows, top + height * (j + 1) / rows
        for i in range(cols):
            xa = x0 - max_r + 2 * max_r * i / cols
            xb = x0 - max_r + 2 * max_r * (i + 1) / cols

            def source(x, y):
                t = (y - top) / height
                r = max(_radius(profile, t) * height, 1e-6)
                theta = math.asin(max(-1.0, min(1.0, (x - x0) / r))) + turn
                return ((theta / (2 * math.pi) + 0.5) * period, t * th)

            quad = (*source(xa, ya), *source(xa, yb), *source(xb, yb), *source(xb, ya))
            mesh.append(((round(xa), round(ya), round(xb), round(yb)), quad))
    return flat.transform(size, Image.Transform.MESH, mesh, Image.Resampling.BICUBIC)


def _flower(draw, centre, size, colours, petals=6):
    cx, cy = centre
    for k in range(petals):
        a = 2 * math.pi * k / petals
        p = (cx + size * 0.55 * math.cos(a), cy + size * 0.55 * math.sin(a) * 0.9)
        draw.ellipse(
            ellipse_box(p, size * 0.36, size * 0.3),
            fill=colours[k % 2 + 1 if len(colours) > 2 else 0],
        )
    draw.ellipse(ellipse_box(centre, size * 0.3), fill=colours[0])


def _spiral(draw, centre, size, colour, width, turns=2.2, direction=1):
    cx, cy = centre
    points = []
    for i in range(80):
        a = i / 79 * turns * 2 * math.pi
        r = size * (1 - i / 90)
        points.append((cx + direction * r * math.cos(a), cy + r * math.sin(a)))
    draw.line(points, fill=colour, width=width, joint="curve")


def _decorate(flat, style, colours, rng):
    w, h = flat.size
    draw = ImageDraw.Draw(flat)
    unit = w / 24
    if style == "trypillia":
        dark, light, red = colours
        draw.rectangle((0, h * 0.18, w, h * 0.72), fill=shade((200, 120, 72), 1.05))
        for y in (h * 0.18, h * 0.72):
            draw.line([(0, y), (w, y)], fill=dark, width=round(unit * 0.18))
        lobes = 4
        for k in range(lobes * 2):
            x = w * (k + 0.5) / (lobes * 2)
            cy = h * (0.38 if k % 2 else 0.52)
            _spiral(
                draw, (x, cy), unit * 1.3, light, round(unit * 0.42), direction=1 if k % 2 else -1
            )
            _spiral(
                draw, (x, cy), unit * 1.3, dark, round(unit * 0.16), direction=1 if k % 2 else -1
            )
        for k in range(40):
            x = w * k / 40
            draw.line(
                [(x, h * 0.76), (x + unit * 0.4, h * 0.86)], fill=dark, width=round(unit * 0.1)
            )
        return
    line, green, ochre = colours
    for y in (h * 0.18, h * 0.21, h * 0.78):
        draw.line([(0, y), (w, y)], fill=line, width=round(unit * 0.1))
    wave = [
        (w * i / 240, h * 0.27 + h * 0.025 * math.sin(i / 240 * 16 * math.pi)) for i in range(241)
    ]
    draw.line(wave, fill=green, width=round(unit * 0.12))
    if style == "glazed":
        for y in (h * 0.45, h * 0.5):
            draw.line([(0, y), (w, y)], fill=shade(colours[0], 0.9), width=round(unit * 0.08))
        return
    count = 6
    for k in range(count):
        x = w * (k + 0.5) / count
        cy = h * 0.5
        for side in (-1, 1):
            leaf = [
                (x, cy),
                (x + side * unit * 1.2, cy - unit * 0.6),
                (x + side * unit * 2.0, cy + unit * 0.1),
                (x + side * unit * 1.0, cy + unit * 0.35),
            ]
            draw.polygon(leaf, fill=green)
            draw.line(
                [(x, cy), (x + side * unit * 1.8, cy)],
                fill=shade(green, 0.6),
                width=max(1, round(unit * 0.05)),
            )
        _flower(draw, (x, cy - unit * 0.2), unit * 1.0, [ochre, line, shade(ochre, 1.15)])
        for dx in (-1, 1):
            draw.ellipse(
                ellipse_box((x + w / count / 2 + dx * unit * 0.5, h * 0.56), unit * 0.14), fill=line
            )
    for k in range(48):
        x = w * (k + 0.5) / 48
        draw.ellipse(ellipse_box((x, h * 0.72), unit * 0.1), fill=ochre)


def _lighting(size):
    """Cylinder light across the longitude: key light from the left front, a glaze highlight."""
    w = size[0]
    profile = Image.new("L", (w, 1))
    spec = Image.new("L", (w, 1))
    for i in range(w):
        theta = (i / w - 0.5) * 2 * math.pi  # 0 faces the camera
        diffuse = max(0.0, math.cos(theta + 0.45))
        profile.putpixel((i, 0), round(255 * min(1.0, 0.32 + 0.78 * diffuse)))
        spec.putpixel((i, 0), round(200 * math.exp(-(((theta + 0.5) / 0.09) ** 2))))
    return profile.resize(size), spec.resize(size)


def draw_vessel(rng, size, view="main", style=None):
    w, h = size
    style = style or rng.choice(("opishnia", "vasylkiv", "glazed", "trypillia"))
    profile_name, body, colours = STYLES[style]
    profile = PROFILES[profile_name]
    height = h * 0.72
    top = h * 0.13
    cx = w * 0.5 - (w * 0.03 if profile_name == "jug" else 0)
    turn = rng.uniform(-0.3, 0.3) + (math.pi * 0.8 if view == "back" else 0)

    flat = Image.new("RGB", (1024, 512), body)
    _decorate(flat, style, colours, rng)
    flat = texture(flat, clouds(flat.size, rng, cells=(60, 20, 4)), 0.25)
    tiled = Image.new("RGB", (2048, 512))
    tiled.paste(flat, (0, 0))
    tiled.paste(flat, (1024, 0))
    paint = _wrap(tiled, size, (cx, top, height), profile, turn, 1024)
    light, spec = _lighting((2048, 512))
    light = _wrap(light.convert("RGB"), size, (cx, top, height), profile, 0, 2048)
    spec = _wrap(spec.convert("RGB"), size, (cx, top, height), profile, 0, 2048)
    paint = ImageChops.multiply(paint, light)
    if style != "trypillia":
        paint = ImageChops.screen(paint, spec)

    mask = Image.new("L", size, 0)
    left = [(cx - _radius(profile, t / 100) * height, top + height * t / 100) for t in range(101)]
    right = [(2 * cx - x, y) for x, y in reversed(left)]
    ImageDraw.Draw(mask).polygon(left + right, fill=255)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    if profile_name == "jug" and view != "back":
        r_top = _radius(profile, 0.12) * height
        ends = [
            (cx + r_top * 0.9, top + height * 0.1),
            (cx + height * 0.44, top + height * 0.08),
            (cx + height * 0.44, top + height * 0.32),
            (cx + height * 0.3, top + height * 0.47),
        ]
        handle = []
        for i in range(41):  # a cubic Bézier through the handle's control points
            f = i / 40
            handle.append(
                tuple(
                    (1 - f) ** 3 * a + 3 * (1 - f) ** 2 * f * b + 3 * (1 - f) * f**2 * c + f**3 * d
                    for a, b, c, d in zip(*ends, strict=True)
                )
            )
        draw.line(handle, fill=shade(body, 0.55), width=round(height * 0.06), joint="curve")
        draw.line(
            [(x - height * 0.01, y - height * 0.01) for x, y in handle],
            fill=shade(body, 0.85),
            width=round(height * 0.02),
            joint="curve",
        )
    layer.paste(paint, (0, 0), mask)
    rim = _radius(profile, 0) * height
    draw.ellipse(
        ellipse_box((cx, top), rim, rim * 0.22),
        fill=shade(body, 0.3),
        outline=shade(body, 0.9),
        width=max(2, round(height * 0.012)),
    )
    image = place(
        backdrop(size, rng, (222, 214, 200), (160, 150, 136)),
        layer,
        shadow_offset=(0.02, 0.012),
        opacity=0.45,
    )
    return grain(image, rng, 0.04)


def draw_tile(rng, size, view="main", style=None):
    w, h = size
    style = style or rng.choice(("flowerpot", "rosette"))
    side = h * 0.74
    x0, y0 = (w - side) / 2, (h - side) / 2
    x1, y1 = x0 + side, y0 + side
    rim = side * 0.09
    glaze = rng.choice([(236, 226, 198), (230, 220, 190)])
    green, ochre, brown = (58, 118, 72), (214, 158, 58), (122, 66, 36)
    colour = Image.new("RGB", size, (0, 0, 0))
    height = Image.new("L", size, 0)
    cd, hd = ImageDraw.Draw(colour), ImageDraw.Draw(height)
    cd.rectangle((x0, y0, x1, y1), fill=shade(green, 1.1))
    for k in range(8):  # the raised, bevelled frame
        inset = rim * k / 8
        hd.rectangle((x0 + inset, y0 + inset, x1 - inset, y1 - inset), fill=120 + k * 12)
    cd.rectangle((x0 + rim, y0 + rim, x1 - rim, y1 - rim), fill=glaze)
    hd.rectangle((x0 + rim, y0 + rim, x1 - rim, y1 - rim), fill=90)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    u = side / 20

    outline = max(2, round(side / 300))

    def shape(fn, *args, fill, raise_=60):
        getattr(cd, fn)(*args, fill=fill, outline=(70, 40, 24), width=outline)
        getattr(hd, fn)(*args, fill=90 + raise_)

    if style == "rosette":
        shape("polygon", star((cx, cy), u * 7.5, u * 4.2, 8), fill=green)
        shape("polygon", star((cx, cy), u * 4.8, u * 2.6, 8, math.pi / 8), fill=ochre, raise_=75)
        shape("ellipse", ellipse_box((cx, cy), u * 1.8), fill=brown, raise_=90)
        for k in range(4):
            a = math.pi / 4 + k * math.pi / 2
            shape(
                "ellipse",
                ellipse_box((cx + u * 7.6 * math.cos(a), cy + u * 7.6 * math.sin(a)), u * 0.9),
                fill=brown,
            )
    else:
        shape(
            "polygon",
            [
                (cx - u * 3, cy + u * 4),
                (cx + u * 3, cy + u * 4),
                (cx + u * 2, cy + u * 8),
                (cx - u * 2, cy + u * 8),
            ],
            fill=brown,
        )
        shape("rectangle", (cx - u * 3.6, cy + u * 3.2, cx + u * 3.6, cy + u * 4.2), fill=ochre)
        for dx, top_y in ((0, -7.5), (-4.5, -4), (4.5, -4)):
            hd.line(
                [(cx, cy + u * 3.2), (cx + dx * u, cy + top_y * u)], fill=140, width=round(u * 0.5)
            )
            cd.line(
                [(cx, cy + u * 3.2), (cx + dx * u, cy + top_y * u)],
                fill=green,
                width=round(u * 0.5),
            )
            for k in range(6):
                a = 2 * math.pi * k / 6
                p = (cx + dx * u + u * 1.1 * math.cos(a), cy + top_y * u + u * 1.1 * math.sin(a))
                shape(
                    "ellipse",
                    ellipse_box(p, u * 0.9),
                    fill=ochre if k % 2 else shade(ochre, 0.85),
                    raise_=70,
                )
            shape(
                "ellipse",
                ellipse_box((cx + dx * u, cy + top_y * u), u * 0.8),
                fill=brown,
                raise_=85,
            )
        for sy in (-1, 1):
            for sx in (-1, 1):
                leaf = [
                    (cx + sx * u * 1.2, cy + u * (0.5 + sy)),
                    (cx + sx * u * 4, cy + u * (-0.5 + sy * 1.5)),
                    (cx + sx * u * 2.4, cy + u * (1.4 + sy)),
                ]
                shape("polygon", leaf, fill=green)
    relief = emboss(height, light=(255, 250, 236), dark=(70, 54, 40), blur=side * 0.003)
    relief = ImageOps.autocontrast(relief, cutoff=0.5)
    tile = ImageChops.soft_light(colour, relief)
    tile = texture(tile, clouds(size, rng, cells=(60, 20, 4)), 0.12)
    gloss = Image.new("L", size, 0)
    ImageDraw.Draw(gloss).ellipse(
        ellipse_box((x0 + side * 0.3, y0 + side * 0.25), side * 0.2, side * 0.12), fill=80
    )
    gloss = gloss.filter(ImageFilter.GaussianBlur(side * 0.06))
    tile = ImageChops.screen(tile, Image.merge("RGB", (gloss, gloss, gloss)))
    layer = tile.convert("RGBA")
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rectangle((x0, y0, x1, y1), fill=255)
    layer.putalpha(mask)
    crackle(
        layer,
        rng,
        (x0 + rim, y0 + rim, x1 - rim, y1 - rim),
        count=int(30 * w / 1600),
        colour=(90, 70, 50, 40),
    )
    chips = ImageDraw.Draw(layer)
    for _ in range(rng.randint(1, 3)):
        corner = rng.choice(((x0, y0), (x1, y0), (x0, y1), (x1, y1)))
        r = side * rng.uniform(0.01, 0.025)
        chips.ellipse(ellipse_box(corner, r), fill=mix((196, 120, 80), (160, 90, 60), rng.random()))
    layer.putalpha(ImageChops.multiply(layer.getchannel("A"), mask))
    image = place(backdrop(size, rng, (120, 112, 104), (70, 64, 58)), layer, opacity=0.6)
    return grain(image, rng, 0.04)
