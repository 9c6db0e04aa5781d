"""An icon on a wooden board: gold ground, painted margins, haloed figures, old varnish.

Styles: ``virgin`` (Mother of God with the Child), ``oranta`` (with raised hands under a
veil, as in the Protection), ``elder`` (a bearded saint with a book) and ``young`` (a young
saint or archangel, with wings for ``angel``).
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
    mix,
    place,
    shade,
    soft_blur,
    star,
    texture,
)

GOLD = (204, 160, 72)
FLESH = (198, 148, 96)
SANKIR = (92, 70, 44)
MAPHORIA = [(112, 30, 30), (96, 36, 30), (120, 44, 36)]
ROBES = [(150, 40, 34), (46, 84, 70), (48, 66, 110), (112, 30, 30)]
MARGINS = [(150, 38, 30), (44, 82, 62), (178, 132, 62), (40, 56, 92)]


def _face(draw, centre, fw, young=True, beard=False, tilt=0.0):
    cx, cy = centre
    fh = fw * 1.3
    draw.ellipse(ellipse_box((cx, cy), fw * 0.55, fh * 0.55), fill=SANKIR)
    draw.ellipse(ellipse_box((cx + tilt * fw, cy), fw * 0.5, fh * 0.5), fill=FLESH)
    eye_y = cy - fh * 0.05
    for side in (-1, 1):
        ex = cx + tilt * fw + side * fw * 0.2
        draw.arc(
            ellipse_box((ex, eye_y - fh * 0.06), fw * 0.15, fh * 0.07),
            200,
            340,
            fill=SANKIR,
            width=max(2, round(fw * 0.03)),
        )
        draw.ellipse(ellipse_box((ex, eye_y), fw * 0.11, fh * 0.04), fill=(240, 228, 200))
        draw.ellipse(ellipse_box((ex, eye_y), fw * 0.045), fill=(40, 26, 20))
    nx = cx + tilt * fw
    draw.line(
        [(nx, eye_y), (nx - fw * 0.04, cy + fh * 0.16), (nx + fw * 0.05, cy + fh * 0.18)],
        fill=SANKIR,
        width=max(2, round(fw * 0.03)),
    )
    draw.ellipse(ellipse_box((nx, cy + fh * 0.28), fw * 0.09, fh * 0.03), fill=(150, 52, 40))
    if beard:
        draw.chord(
            ellipse_box((cx + tilt * fw, cy + fh * 0.3), fw * 0.55, fh * 0.4),
            0,
            180,
            fill=(226, 222, 210),
            outline=SANKIR,
        )
        draw.line(
            [
                (nx - fw * 0.25, cy + fh * 0.24),
                (nx, cy + fh * 0.2),
                (nx + fw * 0.25, cy + fh * 0.24),
            ],
            fill=(226, 222, 210),
            width=round(fw * 0.06),
        )
    if not young and not beard:
        draw.arc(
            ellipse_box((cx, cy - fh * 0.32), fw * 0.3, fh * 0.05), 200, 340, fill=SANKIR, width=2
        )


def _halo(draw, centre, radius, cross=False):
    draw.ellipse(
        ellipse_box(centre, radius),
        fill=shade(GOLD, 1.06),
        outline=(120, 60, 30),
        width=max(2, round(radius * 0.025)),
    )
    draw.ellipse(
        ellipse_box(centre, radius * 0.9),
        outline=(150, 96, 40),
        width=max(1, round(radius * 0.012)),
    )
    for k in range(48):
        a = 2 * math.pi * k / 48
        p = (centre[0] + radius * 0.95 * math.cos(a), centre[1] + radius * 0.95 * math.sin(a))
        draw.ellipse(ellipse_box(p, radius * 0.018), fill=(150, 100, 40))
    if cross:
        cx, cy = centre
        for a in (-90, 0, 180):
            r = math.radians(a)
            p0 = (cx + radius * 0.5 * math.cos(r), cy + radius * 0.5 * math.sin(r))
            p1 = (cx + radius * 0.95 * math.cos(r), cy + radius * 0.95 * math.sin(r))
            draw.line([p0, p1], fill=(160, 40, 30), width=round(radius * 0.2))


def _robe(draw, head, width, bottom, colour, trim=True):
    """A maphorion or cloak: a bell from the head down to the bottom of the field."""
    cx, cy = head
    shoulder = cy + width * 0.55
    outline = [
        (cx - width * 0.3, cy - width * 0.2),
        (cx - width * 0.42, cy + width * 0.2),
        (cx - width * 1.05, shoulder + width * 0.3),
        (cx - width * 1.35, bottom),
        (cx + width * 1.35, bottom),
        (cx + width * 1.05, shoulder + width * 0.3),
        (cx + width * 0.42, cy + width * 0.2),
        (cx + width * 0.3, cy - width * 0.2),
    ]
    draw.polygon(outline, fill=colour)
    draw.ellipse(ellipse_box((cx, cy - width * 0.04), width * 0.42, width * 0.5), fill=colour)
    dark = shade(colour, 0.62)
    for k in range(6):
        top_x = cx + width * (-0.7 + 0.28 * k)
        bottom_x = cx + width * (-0.95 + 0.38 * k)
        middle = ((top_x + bottom_x) / 2 + width * 0.06, (shoulder + bottom) / 2)
        draw.line(
            [(top_x, shoulder + width * 0.2), middle, (bottom_x, bottom)],
            fill=dark,
            width=round(width * 0.022),
            joint="curve",
        )
    if trim:
        draw.arc(
            ellipse_box((cx, cy), width * 0.36, width * 0.44),
            0,
            360,
            fill=GOLD,
            width=round(width * 0.03),
        )
        draw.line(
            [
                (cx - width * 1.35, bottom - width * 0.05),
                (cx + width * 1.35, bottom - width * 0.05),
            ],
            fill=GOLD,
            width=round(width * 0.04),
        )
        for p in (
            (cx, cy - width * 0.38),
            (cx - width * 0.62, shoulder + width * 0.15),
            (cx + width * 0.62, shoulder + width * 0.15),
        ):
            draw.polygon(star(p, width * 0.07, width * 0.03, 8), fill=GOLD)


def _figure(draw, box, style, rng):
    x0, y0, x1, y1 = box
    fw = (x1 - x0) * 0.21
    head = ((x0 + x1) / 2, y0 + (y1 - y0) * 0.25)
    robe = rng.choice(MAPHORIA if style in ("virgin", "oranta") else ROBES)
    if style == "angel":
        for side in (-1, 1):
            wing = [
                (head[0] + side * fw * 0.6, head[1] + fw * 0.8),
                (head[0] + side * fw * 2.6, head[1] - fw * 1.2),
                (head[0] + side * fw * 2.3, head[1] + fw * 1.2),
                (head[0] + side * fw * 1.4, head[1] + fw * 3.2),
            ]
            draw.polygon(wing, fill=(176, 120, 60), outline=(110, 60, 30))
            for k in range(1, 5):
                draw.line(
                    [wing[0], mix(wing[1], wing[3], k / 5)],
                    fill=(120, 70, 36),
                    width=max(2, round(fw * 0.03)),
                )
    _halo(draw, (head[0], head[1] - fw * 0.05), fw * 1.05)
    if style == "oranta":
        veil = ellipse_box((head[0], head[1] + fw * 0.2), fw * 2.5, fw * 1.9)
        draw.arc(veil, 195, 345, fill=(170, 40, 34), width=round(fw * 0.12))
        draw.arc(veil, 195, 345, fill=GOLD, width=round(fw * 0.02))
    if style in ("virgin", "oranta"):
        draw.ellipse(ellipse_box(head, fw * 0.62, fw * 0.74), fill=(40, 70, 110))
        _robe(draw, head, fw * 1.6, y1, robe)
        _face(draw, head, fw, young=True, tilt=-0.06 if style == "virgin" else 0)
        if style == "virgin":
            child = (head[0] - fw * 0.95, head[1] + fw * 1.45)
            _halo(draw, child, fw * 0.6, cross=True)
            draw.polygon(
                [
                    (child[0] - fw * 0.5, child[1] + fw * 0.3),
                    (child[0] + fw * 0.55, child[1] + fw * 0.3),
                    (child[0] + fw * 0.7, child[1] + fw * 1.9),
                    (child[0] - fw * 0.6, child[1] + fw * 1.9),
                ],
                fill=(196, 132, 56),
            )
            for k in range(4):
                draw.line(
                    [
                        (child[0] - fw * 0.3 + k * fw * 0.2, child[1] + fw * 0.5),
                        (child[0] - fw * 0.2 + k * fw * 0.2, child[1] + fw * 1.8),
                    ],
                    fill=GOLD,
                    width=2,
                )
            _face(draw, child, fw * 0.55, young=True, tilt=0.05)
        else:
            cx, cy, u = head[0], head[1], fw * 1.6
            for side in (-1, 1):
                sleeve = [
                    (cx + side * u * 0.55, cy + u * 0.62),
                    (cx + side * u * 1.05, cy + u * 0.9),
                    (cx + side * u * 1.3, cy + u * 0.15),
                    (cx + side * u * 1.08, cy - u * 0.02),
                ]
                draw.polygon(sleeve, fill=shade(robe, 0.9), outline=shade(robe, 0.6))
                hand = (cx + side * u * 1.2, cy - u * 0.12)
                draw.ellipse(
                    ellipse_box(hand, u * 0.1, u * 0.17), fill=FLESH, outline=SANKIR, width=2
                )
    else:
        _robe(draw, head, fw * 1.4, y1, robe, trim=style != "elder")
        if style == "elder":
            stole = [
                (head[0] - fw * 0.9, head[1] + fw * 1.1),
                (head[0] + fw * 0.9, head[1] + fw * 1.1),
                (head[0] + fw * 0.3, y1),
                (head[0] - fw * 0.3, y1),
            ]
            draw.polygon(stole, fill=(232, 226, 212))
            for k in range(3):
                cy = head[1] + fw * (1.6 + k * 0.9)
                draw.line(
                    [(head[0] - fw * 0.18, cy), (head[0] + fw * 0.18, cy)],
                    fill=(30, 26, 24),
                    width=round(fw * 0.08),
                )
                draw.line(
                    [(head[0], cy - fw * 0.18), (head[0], cy + fw * 0.18)],
                    fill=(30, 26, 24),
                    width=round(fw * 0.08),
                )
            book = ellipse_box((head[0] - fw * 1.0, head[1] + fw * 2.4), fw * 0.45, fw * 0.6)
            draw.rectangle(book, fill=(150, 40, 34), outline=GOLD, width=round(fw * 0.06))
            draw.ellipse(
                ellipse_box((head[0] - fw * 1.0, head[1] + fw * 2.4), fw * 0.12), fill=GOLD
            )
        else:
            draw.line(
                [(head[0] + fw * 1.2, head[1] - fw * 0.5), (head[0] + fw * 0.6, y1)],
                fill=(120, 60, 30),
                width=round(fw * 0.07),
            )
        draw.ellipse(
            ellipse_box((head[0], head[1] - fw * 0.15), fw * 0.6, fw * 0.62),
            fill=(74, 48, 30) if style != "elder" else (200, 190, 176),
        )
        _face(draw, head, fw, young=style != "elder", beard=style == "elder")


def _board_back(size, rng, box):
    """The back of the board: planks, two battens and an old paper label."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    x0, y0, x1, y1 = box
    wood = texture(
        Image.new("RGB", (x1 - x0, y1 - y0), (128, 88, 54)),
        clouds((x1 - x0, y1 - y0), rng, cells=(120, 40, 10)),
        0.3,
    )
    grain_width = max(2, (x1 - x0) // 6)
    streaks = Image.frombytes("L", (grain_width, 6), rng.randbytes(grain_width * 6))
    streaks = streaks.resize(wood.size, Image.Resampling.BICUBIC).filter(
        ImageFilter.GaussianBlur(1.5)
    )
    wood = texture(wood, streaks, 0.35)
    layer.paste(wood, (x0, y0))
    draw = ImageDraw.Draw(layer)
    for k in range(1, 3):
        x = x0 + (x1 - x0) * k / 3
        draw.line([(x, y0), (x, y1)], fill=(70, 44, 26), width=3)
    for y in (y0 + (y1 - y0) * 0.18, y0 + (y1 - y0) * 0.78):
        draw.polygon(
            [(x0 - 6, y), (x1 + 6, y - 8), (x1 + 6, y + 50), (x0 - 6, y + 44)],
            fill=(98, 64, 38),
            outline=(60, 38, 22),
        )
    lx, ly = x0 + (x1 - x0) * 0.55, y0 + (y1 - y0) * 0.4
    draw.rectangle((lx, ly, lx + (x1 - x0) * 0.28, ly + (y1 - y0) * 0.1), fill=(222, 206, 170))
    for k in range(3):
        draw.line(
            [(lx + 12, ly + 20 + k * 22), (lx + (x1 - x0) * 0.2, ly + 20 + k * 22)],
            fill=(90, 80, 70),
            width=3,
        )
    return layer


def draw_icon(rng, size, view="main", style=None):
    w, h = size
    style = style or rng.choice(("virgin", "elder", "young", "virgin", "oranta", "angel"))
    if view == "back":
        box = (round(w * 0.14), round(h * 0.07), round(w * 0.86), round(h * 0.93))
        layer = _board_back(size, rng, box)
        image = place(backdrop(size, rng, (88, 80, 72), (48, 44, 40)), layer, opacity=0.6)
        return grain(image, rng, 0.05)
    s = SUPERSAMPLE
    big = (w * s, h * s)
    bx0, by0, bx1, by1 = w * 0.14 * s, h * 0.07 * s, w * 0.86 * s, h * 0.93 * s
    margin = (bx1 - bx0) * 0.075
    fx0, fy0, fx1, fy1 = bx0 + margin, by0 + margin, bx1 - margin, by1 - margin
    layer = Image.new("RGBA", big, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    margin_colour = rng.choice(MARGINS)
    draw.rounded_rectangle((bx0, by0, bx1, by1), radius=margin * 0.3, fill=margin_colour)
    draw.rectangle(
        (fx0 - 6 * s, fy0 - 6 * s, fx1 + 6 * s, fy1 + 6 * s), fill=shade(margin_colour, 0.6)
    )
    field = Image.new("L", big, 0)
    fd = ImageDraw.Draw(field)
    arched = rng.random() < 0.5
    if arched:
        r = (fx1 - fx0) / 2
        fd.rectangle((fx0, fy0 + r * 0.6, fx1, fy1), fill=255)
        fd.pieslice((fx0, fy0, fx1, fy0 + r * 1.2), 180, 360, fill=255)
    else:
        fd.rectangle((fx0, fy0, fx1, fy1), fill=255)
    gold = texture(Image.new("RGB", big, GOLD), clouds(big, rng, cells=(90, 24, 4)), 0.3)
    sheets = ImageDraw.Draw(gold)
    step = (fx1 - fx0) / 5
    for k in range(12):
        sheets.line([(fx0, fy0 + k * step), (fx1, fy0 + k * step)], fill=shade(GOLD, 0.92), width=s)
        sheets.line([(fx0 + k * step, fy0), (fx0 + k * step, fy1)], fill=shade(GOLD, 0.92), width=s)
    layer.paste(gold, (0, 0), field)
    for k in range(40):
        for y in (by0 + margin / 2, by1 - margin / 2):
            x = bx0 + margin + (bx1 - bx0 - 2 * margin) * (k + 0.5) / 40
            draw.ellipse(ellipse_box((x, y), margin * 0.09), fill=GOLD)
    _figure(draw, (fx0, fy0 + (fx1 - fx0) * 0.06, fx1, fy1), style, rng)
    layer = layer.resize(size, Image.Resampling.LANCZOS)
    layer = texture(layer, clouds(size, rng, cells=(30, 8, 2)), 0.12)
    # Old varnish: warm and darker towards the edges; craquelure; a few small losses.
    alpha = layer.getchannel("A")
    varnish = ImageOps.colorize(
        soft_blur(alpha, w * 0.12), black=(90, 66, 40), white=(255, 244, 220)
    )
    rgb = ImageChops.multiply(layer.convert("RGB"), varnish)
    rgb = rgb.convert("RGBA")
    rgb.putalpha(alpha)
    crackle(
        rgb,
        rng,
        (w * 0.16, h * 0.09, w * 0.84, h * 0.91),
        count=int(90 * w / 1200),
        colour=(60, 40, 24, 60),
    )
    losses = ImageDraw.Draw(rgb)
    for _ in range(rng.randint(2, 6)):
        x, y = rng.uniform(w * 0.16, w * 0.84), rng.uniform(h * 0.1, h * 0.9)
        points = [
            (x + rng.uniform(-1, 1) * w * 0.012, y + rng.uniform(-1, 1) * w * 0.012)
            for _ in range(6)
        ]
        losses.polygon(points, fill=(226, 214, 190))
    rgb = rgb.filter(ImageFilter.SMOOTH)
    image = place(backdrop(size, rng, (88, 80, 72), (48, 44, 40)), rgb, opacity=0.6)
    return grain(image, rng, 0.04)
