"""Pictures for the demo exhibitions, drawn with Pillow: nothing is downloaded.

Every picture is an illustration made for the demo, not a photograph of a real place: a
museum building before and after a fire (the comparison block), a store of packed crates, a
monument protected with sandbags, and triptychs of demo objects drawn by the register
demo's own drawers. Each drawer takes a seeded ``random.Random`` and a size, so the same
arguments always give the same pixels.
"""

import math
import random

from PIL import Image, ImageDraw, ImageFilter

from registry.demo.drawing import DRAWERS
from registry.demo.drawing.base import (
    clouds,
    ellipse_box,
    grain,
    jitter,
    shade,
    soft_blur,
    texture,
    vertical_gradient,
    vignette,
)

#: Shapes are drawn at twice the size, then scaled down (anti-aliasing).
SUPERSAMPLE = 2
STONE = (226, 214, 190)
ROOF = (92, 104, 96)


def _rng(*parts):
    return random.Random(":".join(str(part) for part in parts))  # noqa: S311 - pictures, not secrets


def _building(draw, w, h, rng):
    """A small two-storey museum with a portico; returns the window boxes and the roof line."""
    left, right = w * 0.16, w * 0.84
    ground, eaves = h * 0.8, h * 0.36
    draw.rectangle((left, eaves, right, ground), fill=STONE)
    draw.rectangle(
        (left - w * 0.01, ground - h * 0.03, right + w * 0.01, ground), fill=(196, 184, 160)
    )
    draw.rectangle(
        (left - w * 0.012, eaves - h * 0.025, right + w * 0.012, eaves), fill=(206, 194, 170)
    )
    roof = [
        (left - w * 0.01, eaves - h * 0.025),
        (w * 0.5, h * 0.2),
        (right + w * 0.01, eaves - h * 0.025),
    ]
    draw.polygon(roof, fill=ROOF)
    # The portico: a pediment on four columns in front of the middle third.
    p_left, p_right = w * 0.38, w * 0.62
    draw.polygon(
        [(p_left, eaves + h * 0.02), (w * 0.5, h * 0.27), (p_right, eaves + h * 0.02)],
        fill=(236, 226, 204),
    )
    draw.line(
        [(p_left, eaves + h * 0.02), (p_right, eaves + h * 0.02)],
        fill=(180, 168, 146),
        width=max(2, w // 300),
    )
    for k in range(4):
        x = p_left + (p_right - p_left) * (k + 0.5) / 4
        draw.rectangle(
            (x - w * 0.011, eaves + h * 0.025, x + w * 0.011, ground - h * 0.03),
            fill=(242, 234, 214),
        )
        draw.line(
            [(x + w * 0.006, eaves + h * 0.03), (x + w * 0.006, ground - h * 0.035)],
            fill=(214, 204, 182),
            width=max(1, w // 500),
        )
    door = (w * 0.47, ground - h * 0.17, w * 0.53, ground - h * 0.03)
    draw.rectangle(door, fill=(92, 62, 40))
    for step in range(3):
        y = ground + step * h * 0.012
        draw.rectangle(
            (w * 0.36 - step * w * 0.01, y, w * 0.64 + step * w * 0.01, y + h * 0.012),
            fill=(200, 192, 176),
        )
    windows = []
    for row, top in enumerate((eaves + h * 0.06, eaves + h * 0.25)):
        for k in range(8):
            x = left + (right - left) * (k + 0.5) / 8
            if p_left - w * 0.02 < x < p_right + w * 0.02:
                continue
            box = (x - w * 0.022, top, x + w * 0.022, top + h * (0.11 if row == 0 else 0.12))
            windows.append(box)
            draw.rectangle(box, fill=(74, 96, 118))
            draw.line(
                [((box[0] + box[2]) / 2, box[1]), ((box[0] + box[2]) / 2, box[3])],
                fill=(236, 230, 214),
                width=max(1, w // 400),
            )
            draw.rectangle(
                (box[0] - w * 0.004, box[3], box[2] + w * 0.004, box[3] + h * 0.008),
                fill=(206, 194, 170),
            )
    return windows, roof


def _damage(image, draw, w, h, windows, roof, rng):
    """Fire damage: a burnt roof, soot over the windows, boarded and broken panes, rubble."""
    soot = Image.new("L", image.size, 0)
    for box in windows:
        x0, y0, x1, _y1 = box
        rise, spread = round(h * rng.uniform(0.07, 0.11)), (x1 - x0) * 0.25
        fade = Image.linear_gradient("L").resize((round(x1 - x0 + 2 * spread), rise))
        strength = rng.uniform(0.6, 0.9)
        fade = fade.point(lambda v, k=strength: round(v * k))
        soot.paste(fade, (round(x0 - spread), round(y0 - rise)))
    soot = soot.filter(ImageFilter.GaussianBlur(w * 0.006))
    image.paste((30, 26, 24), (0, 0), soot)
    draw = ImageDraw.Draw(image)
    # The roof: a charred, broken outline with the rafters showing.
    (x0, y0), (xm, ym), (x1, _y) = roof
    edge = [(x0, y0)]
    for k in range(1, 12):
        x = x0 + (x1 - x0) * k / 12
        top = ym + (y0 - ym) * abs(x - xm) / (xm - x0)
        edge.append((x, top + rng.uniform(0.2, 0.9) * (y0 - top)))
    edge.append((x1, y0))
    draw.polygon([(x0, y0), (xm, ym), (x1, y0)], fill=(172, 168, 162))
    draw.polygon([*edge, (x1, y0)], fill=(34, 30, 28))
    for k in range(1, 10):
        x = x0 + (x1 - x0) * k / 10
        top = ym + (y0 - ym) * abs(x - xm) / (xm - x0)
        draw.line([(x, y0), (x + (xm - x) * 0.2, top)], fill=(22, 18, 16), width=max(2, w // 250))
    for index, box in enumerate(windows):
        if index % 3 == 0:  # boarded with plywood
            draw.rectangle(box, fill=(184, 150, 104))
            draw.line(
                [(box[0], box[1]), (box[2], box[3])], fill=(140, 108, 70), width=max(1, w // 400)
            )
        else:  # burnt out
            draw.rectangle(box, fill=(20, 18, 18))
            draw.polygon(
                [
                    (box[0], box[3]),
                    (box[2], box[3]),
                    (box[0] + (box[2] - box[0]) * 0.6, box[3] - (box[3] - box[1]) * 0.3),
                ],
                fill=(96, 110, 122),
            )
    base = h * 0.83
    for _ in range(70):
        x = rng.uniform(w * 0.12, w * 0.88)
        r = w * rng.uniform(0.004, 0.014)
        tone = rng.randint(-24, 24)
        draw.ellipse(
            ellipse_box((x, base + rng.uniform(-0.012, 0.02) * h), r, r * 0.6),
            fill=(120 + tone, 108 + tone, 96 + tone),
        )


def _sky(size, rng, damaged):
    w, h = size
    top, bottom = (
        ((150, 150, 150), (206, 196, 184)) if damaged else ((104, 150, 204), (222, 230, 234))
    )
    sky = vertical_gradient(size, top, bottom)
    sky = texture(sky, clouds(size, rng, cells=(220, 80, 20)), strength=0.12 if damaged else 0.06)
    if damaged:
        smoke = Image.new("L", size, 0)
        smoke_draw = ImageDraw.Draw(smoke)
        for k in range(14):
            x, y = w * (0.55 + k * 0.025), h * (0.3 - k * 0.024)
            smoke_draw.ellipse(ellipse_box((x, y), w * (0.04 + k * 0.006)), fill=150)
        sky.paste((70, 66, 64), (0, 0), soft_blur(smoke, w * 0.03))
    draw = ImageDraw.Draw(sky)
    draw.rectangle((0, h * 0.82, w, h), fill=(120, 132, 92) if not damaged else (112, 108, 90))
    draw.rectangle((w * 0.3, h * 0.82, w * 0.7, h), fill=(184, 178, 166))
    return sky


def draw_museum(size, damaged=False, seed="museum"):
    """A small museum building; ``damaged`` draws the same building after a fire."""
    w, h = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    rng = _rng(seed, "building")
    image = _sky((w, h), _rng(seed, "sky"), damaged)
    draw = ImageDraw.Draw(image)
    for k in range(6):
        x = w * (0.04 + 0.92 * k / 5)
        if damaged:  # burnt trees: bare trunks and branches
            draw.line([(x, h * 0.8), (x, h * 0.55)], fill=(56, 48, 42), width=max(3, w // 160))
            for b in range(4):
                y = h * (0.6 + b * 0.04)
                side = 1 if b % 2 else -1
                draw.line(
                    [(x, y), (x + side * w * 0.03, y - h * 0.05)],
                    fill=(56, 48, 42),
                    width=max(2, w // 320),
                )
        else:
            draw.ellipse(
                ellipse_box((x, h * 0.66), w * 0.045, h * 0.14), fill=jitter(rng, (52, 82, 48), 8)
            )
    windows, roof = _building(draw, w, h, rng)
    if damaged:
        _damage(image, draw, w, h, windows, roof, _rng(seed, "damage"))
    image = image.resize(size, Image.Resampling.LANCZOS)
    return grain(vignette(image, 0.25), _rng(seed, "grain"), 0.04)


def draw_store(size, seed="store"):
    """Wooden crates packed and labelled in a dim store, under a single lamp."""
    w, h = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    rng = _rng(seed)
    image = vertical_gradient((w, h), (58, 56, 54), (92, 86, 78))
    image = texture(image, clouds((w, h), rng, cells=(160, 40, 8)), strength=0.12)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, h * 0.9, w, h), fill=(74, 68, 62))
    steel = (118, 122, 126)
    shelves = (h * 0.9, h * 0.62, h * 0.34)
    for x in (w * 0.04, w * 0.5, w * 0.96):
        draw.rectangle((x - w * 0.006, h * 0.08, x + w * 0.006, h * 0.9), fill=steel)
    crates = []
    for row, shelf in enumerate(shelves):
        draw.rectangle((w * 0.03, shelf, w * 0.97, shelf + h * 0.015), fill=shade(steel, 0.8))
        x = w * (0.055 + rng.uniform(0, 0.02))
        while True:
            cw = w * rng.uniform(0.12, 0.17)
            if x + cw > w * 0.95:
                break
            if x < w * 0.5 < x + cw:  # keep clear of the middle upright
                x = w * 0.515
                continue
            ch = h * rng.uniform(0.17, 0.23) if row else h * rng.uniform(0.2, 0.25)
            crates.append((x, shelf - ch, x + cw, shelf))
            x += cw + w * rng.uniform(0.008, 0.02)
    for x0, y0, x1, y1 in crates:
        tone = rng.randint(-16, 16)
        wood = (176 + tone, 136 + tone, 88 + tone)
        draw.rectangle((x0, y0, x1, y1), fill=wood)
        planks = 4
        for p in range(1, planks):
            y = y0 + (y1 - y0) * p / planks
            draw.line([(x0, y), (x1, y)], fill=shade(wood, 0.75), width=max(1, w // 500))
        for x in (x0 + (x1 - x0) * 0.06, x1 - (x1 - x0) * 0.06):
            draw.line([(x, y0), (x, y1)], fill=shade(wood, 0.65), width=max(2, w // 300))
        # A stencilled "this way up" arrow and a label card.
        ax, ay = x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.55
        s = (x1 - x0) * 0.08
        arrow = [
            (ax, ay - s * 1.6),
            (ax + s, ay - s * 0.5),
            (ax + s * 0.35, ay - s * 0.5),
            (ax + s * 0.35, ay + s),
            (ax - s * 0.35, ay + s),
            (ax - s * 0.35, ay - s * 0.5),
            (ax - s, ay - s * 0.5),
        ]
        draw.polygon(arrow, fill=(40, 36, 32))
        card = (
            x0 + (x1 - x0) * 0.5,
            y0 + (y1 - y0) * 0.3,
            x0 + (x1 - x0) * 0.85,
            y0 + (y1 - y0) * 0.6,
        )
        draw.rectangle(card, fill=(236, 230, 214))
        for line in range(3):
            ly = card[1] + (card[3] - card[1]) * (0.25 + line * 0.25)
            draw.line(
                [
                    (card[0] + (card[2] - card[0]) * 0.12, ly),
                    (card[2] - (card[2] - card[0]) * rng.uniform(0.12, 0.4), ly),
                ],
                fill=(90, 86, 80),
                width=max(1, w // 600),
            )
    light = Image.new("L", (w, h), 0)
    ImageDraw.Draw(light).polygon(
        [(w * 0.45, 0), (w * 0.55, 0), (w * 0.85, h), (w * 0.15, h)], fill=70
    )
    image.paste((255, 236, 196), (0, 0), soft_blur(light, w * 0.05))
    image = image.resize(size, Image.Resampling.LANCZOS)
    return grain(vignette(image, 0.5), _rng(seed, "grain"), 0.06)


def _sandbag(draw, x, y, bw, bh, colour):
    draw.rounded_rectangle((x, y, x + bw, y + bh), radius=bh * 0.45, fill=colour)
    draw.line(
        [(x + bw * 0.15, y + bh * 0.5), (x + bw * 0.85, y + bh * 0.5)],
        fill=shade(colour, 0.85),
        width=max(1, round(bh * 0.06)),
    )


def draw_protected_monument(size, seed="monument"):
    """A monument on a square: the figure wrapped in cloth, the pedestal behind sandbags."""
    w, h = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    rng = _rng(seed)
    image = vertical_gradient((w, h), (120, 156, 196), (226, 228, 222))
    image = texture(image, clouds((w, h), rng, cells=(240, 80, 20)), strength=0.07)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, h * 0.74, w, h), fill=(168, 160, 148))
    facade = (206, 196, 178)
    draw.rectangle((0, h * 0.3, w, h * 0.74), fill=facade)
    draw.rectangle((0, h * 0.28, w, h * 0.31), fill=shade(facade, 0.9))
    for row in range(3):
        for k in range(14):
            x, y = w * (0.02 + k * 0.072), h * (0.36 + row * 0.12)
            draw.rectangle((x, y, x + w * 0.03, y + h * 0.07), fill=(96, 110, 124))
    cx = w * 0.5
    draw.rectangle((cx - w * 0.08, h * 0.36, cx + w * 0.08, h * 0.74), fill=(150, 142, 132))
    # The wrapped figure: a tall bundle tied with rope.
    figure = [
        (cx - w * 0.05, h * 0.36),
        (cx - w * 0.055, h * 0.2),
        (cx - w * 0.03, h * 0.1),
        (cx + w * 0.025, h * 0.08),
        (cx + w * 0.05, h * 0.18),
        (cx + w * 0.055, h * 0.36),
    ]
    draw.polygon(figure, fill=(212, 210, 204))
    for k in range(6):
        y = h * (0.13 + k * 0.045)
        draw.line(
            [(cx - w * 0.055, y), (cx + w * 0.055, y + h * 0.012)],
            fill=(150, 120, 80),
            width=max(2, w // 400),
        )
    # Scaffolding boards round the pedestal, then sandbags in courses.
    for x in (cx - w * 0.13, cx + w * 0.13):
        draw.rectangle((x - w * 0.006, h * 0.3, x + w * 0.006, h * 0.74), fill=(150, 116, 72))
    draw.rectangle((cx - w * 0.14, h * 0.3, cx + w * 0.14, h * 0.31), fill=(150, 116, 72))
    bag_w, bag_h = w * 0.05, h * 0.035
    for course in range(9):
        y = h * 0.74 - (course + 1) * bag_h * 0.9
        half = w * (0.2 - course * 0.01)
        x = cx - half + (bag_w / 2 if course % 2 else 0)
        while x + bag_w <= cx + half:
            tone = rng.randint(-14, 14)
            _sandbag(draw, x, y, bag_w * 0.98, bag_h, (196 + tone, 180 + tone, 140 + tone))
            x += bag_w
    image = image.resize(size, Image.Resampling.LANCZOS)
    return grain(vignette(image, 0.3), _rng(seed, "grain"), 0.05)


def draw_object(drawer, style, size, seed):
    """A demo object as the register demo draws it, from our own seed."""
    return DRAWERS[drawer](_rng(seed), size, "main", style)


def triptych(pictures, size, gap=0.012, background=(246, 241, 230)):
    """Pictures side by side, each cropped to fill an equal panel."""
    w, h = size
    space = round(w * gap)
    panel_w = (w - space * (len(pictures) + 1)) // len(pictures)
    panel_h = h - 2 * space
    sheet = Image.new("RGB", size, background)
    for index, picture in enumerate(pictures):
        scale = max(panel_w / picture.width, panel_h / picture.height)
        resized = picture.resize(
            (math.ceil(picture.width * scale), math.ceil(picture.height * scale)),
            Image.Resampling.LANCZOS,
        )
        left = (resized.width - panel_w) // 2
        top = (resized.height - panel_h) // 2
        sheet.paste(
            resized.crop((left, top, left + panel_w, top + panel_h)),
            (space + index * (panel_w + space), space),
        )
    return sheet.filter(ImageFilter.UnsharpMask(radius=1, percent=40, threshold=2))
