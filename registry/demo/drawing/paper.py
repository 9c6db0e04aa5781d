"""Works on paper: an engraving in hatching, an open early book, a Petrykivka painting.

An engraving is a tonal composition turned into lines: each layer of hatching is cut only
where the tone is darker than its threshold, as an engraver would deepen the shadows.
Engraving styles: ``city``, ``mills``, ``saint``. Book styles: ``print``, ``manuscript``.
Petrykivka styles: ``black``, ``white``.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from .base import backdrop, clouds, ellipse_box, grain, jitter, mix, place, shade, texture

PAPER = (236, 226, 200)
INK = (34, 28, 24)


def paper(size, rng, colour=PAPER, foxing=True):
    sheet = texture(Image.new("RGB", size, colour), clouds(size, rng, cells=(160, 40, 6)), 0.14)
    if foxing:
        spots = Image.new("L", size, 0)
        draw = ImageDraw.Draw(spots)
        for _ in range(rng.randint(6, 18)):
            p = (rng.uniform(0, size[0]), rng.uniform(0, size[1]))
            draw.ellipse(
                ellipse_box(p, size[0] * rng.uniform(0.002, 0.01)), fill=rng.randint(30, 90)
            )
        sheet.paste((170, 120, 70), (0, 0), spots.filter(ImageFilter.GaussianBlur(size[0] / 400)))
    return sheet


def _tone(size, rng, style):
    """The engraver's drawing: a grey composition, dark where the plate will hold ink."""
    w, h = size
    tone = Image.linear_gradient("L").resize(size).point(lambda v: 185 + v // 5)
    draw = ImageDraw.Draw(tone)
    if style == "saint":
        draw.rectangle((0, 0, w, h), fill=150)
        draw.rectangle((w * 0.2, h * 0.1, w * 0.8, h), fill=235)
        draw.pieslice((w * 0.2, -h * 0.05, w * 0.8, h * 0.3), 180, 360, fill=235)
        draw.ellipse(ellipse_box((w * 0.5, h * 0.3), w * 0.13), fill=250)
        draw.ellipse(ellipse_box((w * 0.5, h * 0.31), w * 0.07, w * 0.09), fill=200)
        draw.polygon(
            [
                (w * 0.3, h),
                (w * 0.36, h * 0.45),
                (w * 0.5, h * 0.4),
                (w * 0.64, h * 0.45),
                (w * 0.7, h),
            ],
            fill=90,
        )
        draw.polygon(
            [(w * 0.44, h * 0.5), (w * 0.56, h * 0.5), (w * 0.6, h), (w * 0.4, h)], fill=170
        )
        draw.rectangle((w * 0.36, h * 0.6, w * 0.46, h * 0.74), fill=40)
        return tone.filter(ImageFilter.GaussianBlur(w / 300))
    horizon = h * 0.62
    hills = [(0, horizon)]
    for k in range(13):
        hills.append((w * (k + 1) / 13, horizon - h * rng.uniform(0.0, 0.08)))
    draw.polygon([*hills, (w, h), (0, h)], fill=175)
    draw.rectangle((0, h * 0.8, w, h), fill=135)
    for _ in range(12):
        x, y = rng.uniform(0, w), rng.uniform(0.82, 0.98) * h
        draw.ellipse(ellipse_box((x, y), w * rng.uniform(0.02, 0.06), h * 0.01), fill=80)
    if style == "city":
        for k in range(rng.randint(4, 6)):
            x = w * (0.1 + 0.8 * k / 5) + rng.uniform(-20, 20)
            base, body = horizon - h * 0.02, h * rng.uniform(0.12, 0.2)
            draw.rectangle((x - w * 0.03, base - body, x + w * 0.03, base + h * 0.05), fill=200)
            draw.rectangle((x - w * 0.03, base - body, x - w * 0.005, base + h * 0.05), fill=120)
            if k % 2:
                draw.ellipse(
                    (x - w * 0.03, base - body - h * 0.07, x + w * 0.03, base - body + h * 0.01),
                    fill=70,
                )
                draw.line(
                    [(x, base - body - h * 0.07), (x, base - body - h * 0.11)], fill=40, width=3
                )
            else:
                draw.polygon(
                    [
                        (x - w * 0.035, base - body),
                        (x, base - body - h * 0.1),
                        (x + w * 0.035, base - body),
                    ],
                    fill=60,
                )
        draw.rectangle((0, horizon + h * 0.03, w, horizon + h * 0.06), fill=90)
    else:
        for k in range(3):
            x, y = w * (0.2 + 0.3 * k), horizon - h * 0.02
            s = h * 0.09
            draw.polygon(
                [
                    (x - s * 0.3, y + s * 0.2),
                    (x + s * 0.3, y + s * 0.2),
                    (x + s * 0.2, y - s),
                    (x - s * 0.2, y - s),
                ],
                fill=70,
            )
            for j in range(4):
                a = math.pi / 4 + j * math.pi / 2 + 0.15 * k
                draw.line(
                    [(x, y - s), (x + s * 1.1 * math.cos(a), y - s + s * 1.1 * math.sin(a))],
                    fill=40,
                    width=max(3, round(s * 0.12)),
                )
    for _ in range(4):
        cx, cy = rng.uniform(0, w), rng.uniform(0.08, 0.35) * h
        draw.ellipse(ellipse_box((cx, cy), w * 0.1, h * 0.04), fill=250)
    return tone.filter(ImageFilter.GaussianBlur(w / 250))


def _hatch(size, spacing, angle, width, rng):
    w, h = size
    diagonal = math.hypot(w, h)
    layer = Image.new("L", size, 255)
    draw = ImageDraw.Draw(layer)
    ca, sa = math.cos(angle), math.sin(angle)
    n = int(diagonal / spacing) + 2
    for i in range(-n, n):
        offset = i * spacing + rng.uniform(-0.15, 0.15) * spacing
        cx, cy = w / 2 - sa * offset, h / 2 + ca * offset
        draw.line(
            [(cx - ca * diagonal, cy - sa * diagonal), (cx + ca * diagonal, cy + sa * diagonal)],
            fill=0,
            width=width,
        )
    return layer


def draw_engraving(rng, size, view="main", style=None):
    w, h = size
    style = style or rng.choice(("city", "mills", "saint"))
    portrait = h > w
    sheet = paper(size, rng)
    pw, ph = (round(w * 0.62), round(h * 0.56)) if portrait else (round(w * 0.66), round(h * 0.6))
    px, py = (w - pw) // 2, round(h * 0.14)
    tone = _tone((pw, ph), rng, style)
    spacing = max(3, round(pw / 170))
    ink = Image.new("L", (pw, ph), 255)
    for threshold, angle in (
        (215, 0.0),
        (165, math.pi / 4),
        (115, -math.pi / 4),
        (70, math.pi / 2),
    ):
        lines = _hatch(
            (pw, ph), spacing, angle + rng.uniform(-0.05, 0.05), max(1, spacing // 3), rng
        )
        mask = tone.point(lambda v, t=threshold: 255 if v < t else 0)
        ink = ImageChops.darker(ink, Image.composite(lines, Image.new("L", (pw, ph), 255), mask))
    edges = tone.filter(ImageFilter.FIND_EDGES).point(lambda v: 0 if v > 6 else 255)
    ink = ImageChops.darker(ink, edges)
    border = ImageDraw.Draw(ink)
    border.rectangle((0, 0, pw - 1, ph - 1), outline=0, width=max(2, spacing // 2))
    plate = Image.new("L", size, 0)
    plate.paste(ImageOps.invert(ink), (px, py))
    plate = plate.filter(ImageFilter.GaussianBlur(0.6))
    sheet.paste(INK, (0, 0), plate)
    draw = ImageDraw.Draw(sheet)
    margin = w * 0.025
    draw.rectangle(
        (px - margin, py - margin, px + pw + margin, py + ph + margin),
        outline=shade(PAPER, 0.85),
        width=3,
    )
    for k in range(rng.randint(12, 20)):
        x = w / 2 - pw * 0.3 + pw * 0.6 * k / 20
        draw.line(
            [(x, py + ph + h * 0.05), (x + rng.uniform(4, 10), py + ph + h * 0.05)],
            fill=INK,
            width=max(2, round(h / 260)),
        )
    layer = sheet.convert("RGBA")
    inset = round(min(w, h) * 0.06)
    frame = Image.new("L", size, 0)
    ImageDraw.Draw(frame).rectangle((inset, inset, w - inset, h - inset), fill=255)
    layer.putalpha(frame)
    image = place(
        backdrop(size, rng, (120, 116, 110), (76, 72, 68)), layer, blur=0.006, opacity=0.5
    )
    return grain(image, rng, 0.03)


def _text_block(draw, box, rng, line_height, colour, rubric=(168, 40, 30), initial=True):
    x0, y0, x1, y1 = box
    y, first = y0, True
    if initial:
        size = line_height * 3.2
        draw.rectangle((x0, y0, x0 + size, y0 + size), fill=rubric)
        draw.rectangle(
            (x0 + size * 0.15, y0 + size * 0.15, x0 + size * 0.85, y0 + size * 0.85),
            outline=(236, 210, 140),
            width=max(2, round(size / 20)),
        )
        draw.line(
            [
                (x0 + size * 0.3, y0 + size * 0.75),
                (x0 + size * 0.5, y0 + size * 0.25),
                (x0 + size * 0.7, y0 + size * 0.75),
            ],
            fill=(236, 210, 140),
            width=max(2, round(size / 12)),
        )
    while y + line_height < y1:
        x = x0 + (line_height * 3.6 if initial and y < y0 + line_height * 3.2 else 0)
        while x < x1 - line_height:
            word = min(line_height * rng.uniform(0.8, 3.2), x1 - x)
            draw.rectangle(
                (x, y + line_height * 0.3, x + word, y + line_height * 0.72),
                fill=rubric if first else jitter(rng, colour, 8),
            )
            x += word + line_height * 0.45
        first = False
        y += line_height


def draw_book(rng, size, view="main", style=None):
    w, h = size
    style = style or rng.choice(("print", "manuscript"))
    cover = (96, 54, 34) if style == "print" else (70, 44, 30)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    x0, y0, x1, y1 = w * 0.08, h * 0.12, w * 0.92, h * 0.9
    draw.rounded_rectangle((x0, y0, x1, y1), radius=w * 0.01, fill=cover)
    for k in range(6):
        inset = w * 0.004 * k
        draw.rectangle(
            (
                x0 + w * 0.015 + inset,
                y0 + h * 0.02 + inset,
                x1 - w * 0.015 - inset,
                y1 - h * 0.02 - inset,
            ),
            outline=shade(PAPER, 0.8 - k * 0.04),
            width=2,
        )
    page_box = (
        round(x0 + w * 0.035),
        round(y0 + h * 0.035),
        round(x1 - w * 0.035),
        round(y1 - h * 0.035),
    )
    pw, ph = page_box[2] - page_box[0], page_box[3] - page_box[1]
    pages = paper((pw, ph), rng, colour=(232, 220, 190) if style == "print" else (226, 210, 176))
    pd = ImageDraw.Draw(pages)
    line = ph / 34
    ink = INK if style == "print" else (62, 40, 28)
    for side in (0, 1):
        left = side * pw / 2 + pw * 0.08
        right = left + pw / 2 - pw * 0.14
        top = ph * 0.1
        if side == 1 or rng.random() < 0.5:
            band = (left, top, right, top + line * 2.5)
            pd.rectangle(band, outline=ink, width=2)
            for k in range(int((right - left) / (line * 1.2))):
                cx = left + line * 0.6 + k * line * 1.2
                pd.ellipse(ellipse_box((cx, top + line * 1.25), line * 0.45), outline=ink, width=2)
                pd.line(
                    [(cx - line * 0.6, top + line * 0.4), (cx + line * 0.6, top + line * 2.1)],
                    fill=ink,
                    width=2,
                )
            top += line * 3.4
        _text_block(
            pd,
            (left, top, right, ph * 0.9),
            rng,
            line,
            ink,
            initial=side == 1 or style == "manuscript",
        )
        pd.line(
            [
                (left + (right - left) / 2 - 20, ph * 0.94),
                (left + (right - left) / 2 + 20, ph * 0.94),
            ],
            fill=ink,
            width=3,
        )
    row = Image.new("L", (256, 1))
    for i in range(256):
        x = i / 255  # 0 at the outer edge of the left page, 1 at the gutter
        row.putpixel((i, 0), round(255 * (1 - 0.35 * x**8 - 0.1 * (1 - x) ** 10)))
    half = row.resize((pw // 2, ph), Image.Resampling.BILINEAR)
    fold = Image.new("L", (pw, ph), 255)
    fold.paste(half, (0, 0))
    fold.paste(half.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (pw - pw // 2, 0))
    pages = ImageChops.multiply(pages, Image.merge("RGB", (fold, fold, fold)))
    layer.paste(pages, page_box[:2])
    draw.line([(w / 2, page_box[1]), (w / 2, page_box[3])], fill=(120, 100, 80), width=3)
    image = place(backdrop(size, rng, (72, 66, 60), (36, 32, 30)), layer, opacity=0.7)
    return grain(image, rng, 0.04)


def _teardrop(draw, base, tip, width, colour, light=None):
    """A Petrykivka brushstroke: a round press of the brush pulled out to a point."""
    bx, by = base
    tx, ty = tip
    angle = math.atan2(ty - by, tx - bx)
    length = math.hypot(tx - bx, ty - by)
    points = []
    for i in range(40):
        t = i / 39 * 2 * math.pi
        x = (1 - math.cos(t)) / 2 * length
        y = math.sin(t) * width * (1 - (1 - math.cos(t)) / 2) ** 1.4
        points.append(
            (
                bx + x * math.cos(angle) - y * math.sin(angle),
                by + x * math.sin(angle) + y * math.cos(angle),
            )
        )
    draw.polygon(points, fill=colour)
    if light:
        draw.ellipse(
            ellipse_box(
                (bx + width * 0.3 * math.cos(angle), by + width * 0.3 * math.sin(angle)),
                width * 0.35,
            ),
            fill=light,
        )


def draw_petrykivka(rng, size, view="main", style=None):
    w, h = size
    style = style or rng.choice(("black", "white"))
    ground = (24, 22, 22) if style == "black" else (240, 232, 214)
    sheet = paper(size, rng, colour=ground, foxing=style == "white")
    draw = ImageDraw.Draw(sheet)
    green, dark_green = (70, 140, 60), (30, 80, 40)
    reds = [(200, 36, 30), (230, 110, 30), (240, 190, 50), (150, 30, 60)]
    base = (w * 0.5, h * 0.9)
    heads = [
        (w * 0.5, h * 0.3, w * 0.11),
        (w * 0.27, h * 0.45, w * 0.075),
        (w * 0.73, h * 0.45, w * 0.075),
    ]
    stems = []
    for k, (fx, fy, _r) in enumerate(heads):
        bend = (w * (0.5 + (0.1 if k == 0 else (k * 2 - 3) * -0.04)), (base[1] + fy) / 2)
        stem = [
            tuple(
                (1 - t) ** 2 * a + 2 * (1 - t) * t * b + t**2 * c
                for a, b, c in zip(base, bend, (fx, fy), strict=True)
            )
            for t in (i / 30 for i in range(31))
        ]
        draw.line(stem, fill=dark_green, width=round(w * 0.007), joint="curve")
        stems.append(stem)
    for stem in stems:
        for k in range(4, 27, 5):
            x, y = stem[k]
            for side in (-1, 1):
                length = w * rng.uniform(0.06, 0.09)
                a = -math.pi / 2 + side * rng.uniform(0.7, 1.2)
                tip = (x + length * math.cos(a), y + length * math.sin(a))
                _teardrop(draw, (x, y), tip, w * 0.016, green, shade(green, 1.35))
    for k, (fx, fy, r) in enumerate(heads):
        petals = rng.choice((11, 13, 15))
        colour = reds[(k + rng.randint(0, 3)) % len(reds)]
        for j in range(petals):
            a = 2 * math.pi * j / petals
            outer = (fx + r * math.cos(a), fy + r * math.sin(a))
            inner = (fx + r * 0.3 * math.cos(a), fy + r * 0.3 * math.sin(a))
            _teardrop(draw, outer, inner, r * 0.2, colour, mix(colour, (255, 240, 200), 0.5))
        centre = reds[2] if colour != reds[2] else reds[0]
        draw.ellipse(ellipse_box((fx, fy), r * 0.32), fill=centre)
        for j in range(8):
            a = 2 * math.pi * j / 8
            draw.ellipse(
                ellipse_box((fx + r * 0.2 * math.cos(a), fy + r * 0.2 * math.sin(a)), r * 0.04),
                fill=ground,
            )
    for side in (-1, 1):
        cx, cy = w * (0.5 + side * rng.uniform(0.14, 0.2)), h * rng.uniform(0.6, 0.75)
        for _berry in range(11):
            p = (cx + rng.uniform(-1, 1) * w * 0.028, cy + rng.uniform(-0.3, 1) * w * 0.028)
            draw.ellipse(ellipse_box(p, w * 0.01), fill=(196, 24, 30))
            draw.ellipse(
                ellipse_box((p[0] - w * 0.003, p[1] - w * 0.003), w * 0.0028), fill=(250, 200, 190)
            )
    layer = sheet.convert("RGBA")
    inset = round(min(w, h) * 0.05)
    frame = Image.new("L", size, 0)
    ImageDraw.Draw(frame).rectangle((inset, inset, w - inset, h - inset), fill=255)
    layer.putalpha(frame)
    image = place(
        backdrop(size, rng, (176, 170, 160), (120, 114, 106)), layer, blur=0.006, opacity=0.5
    )
    return grain(image, rng, 0.03)
