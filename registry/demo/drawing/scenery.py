"""Landscape scenes for the demo paintings: sky, hills, the Dnipro, cottages, poplars,
windmills, sunflowers. Drawn flat; paintings.py adds brushwork, varnish and the frame.
"""

import math

from PIL import Image, ImageDraw, ImageFilter

from .base import ellipse_box, jitter, mix, shade, soft_blur, vertical_gradient

SKIES = {
    "summer": ((118, 160, 206), (214, 222, 220)),
    "evening": ((70, 74, 118), (236, 170, 110)),
    "winter": ((150, 160, 172), (214, 214, 210)),
    "steppe": ((104, 150, 200), (230, 224, 200)),
    "sunflowers": ((96, 148, 210), (220, 230, 232)),
    "river": ((130, 168, 204), (230, 226, 212)),
}


def _ridge(rng, width, base, amplitude, roughness=0.5, points=24):
    heights = []
    value = 0.0
    for _ in range(points + 1):
        value = value * roughness + rng.uniform(-1, 1)
        heights.append(value)
    heights = [
        sum(heights[max(0, i - 2) : i + 3]) / len(heights[max(0, i - 2) : i + 3])
        for i in range(len(heights))
    ]
    peak = max(abs(v) for v in heights) or 1
    return [(width * i / points, base - amplitude * heights[i] / peak) for i in range(points + 1)]


def _khata(draw, x, y, size, roof):
    """A whitewashed cottage with a thatched hip roof."""
    w, h = size * 1.6, size * 0.7
    draw.rectangle((x, y - h, x + w, y), fill=(236, 232, 220))
    draw.rectangle((x + w * 0.62, y - h * 0.7, x + w * 0.74, y - h * 0.3), fill=(70, 80, 96))
    draw.rectangle((x + w * 0.2, y - h * 0.7, x + w * 0.32, y - h * 0.3), fill=(70, 80, 96))
    draw.polygon(
        [
            (x - w * 0.08, y - h),
            (x + w * 0.2, y - h * 2.1),
            (x + w * 0.8, y - h * 2.1),
            (x + w * 1.08, y - h),
        ],
        fill=roof,
    )
    draw.line(
        [(x - w * 0.08, y - h), (x + w * 1.08, y - h)],
        fill=shade(roof, 0.7),
        width=max(1, round(size * 0.05)),
    )


def _church(draw, x, y, size, colour=(232, 228, 214), domes=(60, 110, 90)):
    for k, (dx, scale) in enumerate(((0, 1.0), (-0.9, 0.75), (0.9, 0.75))):
        cx, s = x + dx * size, size * scale
        top = y - s * (2.2 if k == 0 else 1.6)
        draw.rectangle((cx - s * 0.45, top, cx + s * 0.45, y), fill=colour)
        draw.ellipse((cx - s * 0.4, top - s * 0.6, cx + s * 0.4, top + s * 0.2), fill=domes)
        draw.line(
            [(cx, top - s * 0.6), (cx, top - s * 1.0)],
            fill=(200, 170, 80),
            width=max(1, round(s * 0.06)),
        )


def _poplar(draw, x, y, height, colour):
    draw.ellipse((x - height * 0.09, y - height, x + height * 0.09, y), fill=colour)


def _windmill(draw, x, y, size, colour=(120, 96, 70)):
    draw.polygon(
        [
            (x - size * 0.3, y),
            (x + size * 0.3, y),
            (x + size * 0.2, y - size * 1.2),
            (x - size * 0.2, y - size * 1.2),
        ],
        fill=colour,
    )
    draw.polygon(
        [(x - size * 0.26, y - size * 1.2), (x + size * 0.26, y - size * 1.2), (x, y - size * 1.5)],
        fill=shade(colour, 0.7),
    )
    hub = (x, y - size * 1.25)
    for k in range(4):
        a = math.pi / 4 + k * math.pi / 2 + 0.2
        tip = (hub[0] + size * 1.1 * math.cos(a), hub[1] + size * 1.1 * math.sin(a))
        draw.line([hub, tip], fill=shade(colour, 0.6), width=max(1, round(size * 0.06)))
        side = (tip[0] - size * 0.18 * math.sin(a), tip[1] + size * 0.18 * math.cos(a))
        mid = (
            hub[0] + size * 0.35 * math.cos(a) - size * 0.18 * math.sin(a),
            hub[1] + size * 0.35 * math.sin(a) + size * 0.18 * math.cos(a),
        )
        draw.polygon(
            [
                (hub[0] + size * 0.35 * math.cos(a), hub[1] + size * 0.35 * math.sin(a)),
                tip,
                side,
                mid,
            ],
            fill=(210, 200, 180),
        )


def _tree(draw, rng, x, y, size, colour, bare=False):
    if bare:
        draw.line([(x, y), (x, y - size * 1.6)], fill=colour, width=max(2, round(size * 0.1)))
        for k in range(8):
            by = y - size * (0.5 + k * 0.13)
            side = 1 if k % 2 else -1
            draw.line(
                [(x, by), (x + side * size * rng.uniform(0.3, 0.6), by - size * 0.4)],
                fill=colour,
                width=max(1, round(size * 0.04)),
            )
        return
    for _ in range(7):
        dx, dy = rng.uniform(-0.5, 0.5) * size, rng.uniform(-1.2, -0.4) * size
        draw.ellipse(
            ellipse_box((x + dx, y + dy), size * rng.uniform(0.35, 0.55)),
            fill=jitter(rng, colour, 10),
        )
    draw.line([(x, y), (x, y - size * 0.5)], fill=(60, 44, 30), width=max(1, round(size * 0.1)))


def landscape(rng, size, style):
    w, h = size
    top, low = SKIES[style]
    horizon = h * rng.uniform(0.42, 0.55) if style != "steppe" else h * 0.6
    scene = vertical_gradient((w, round(horizon)), top, low)
    image = Image.new("RGB", size, low)
    image.paste(scene, (0, 0))
    sky = Image.new("L", size, 0)
    sky_draw = ImageDraw.Draw(sky)
    for _ in range(rng.randint(5, 10)):
        cx, cy = rng.uniform(0, w), rng.uniform(0.05, 0.6) * horizon
        for _ in range(5):
            sky_draw.ellipse(
                ellipse_box(
                    (cx + rng.uniform(-1, 1) * w * 0.06, cy + rng.uniform(-1, 1) * h * 0.015),
                    w * rng.uniform(0.03, 0.07),
                    h * rng.uniform(0.015, 0.03),
                ),
                fill=rng.randint(120, 200),
            )
    cloud = (240, 236, 228) if style != "evening" else (240, 190, 160)
    image.paste(cloud, (0, 0), sky.filter(ImageFilter.GaussianBlur(w * 0.012)))
    if style == "evening":
        glow = Image.new("L", size, 0)
        ImageDraw.Draw(glow).ellipse(
            ellipse_box((w * rng.uniform(0.3, 0.7), horizon * 0.95), w * 0.05), fill=255
        )
        image.paste((255, 214, 150), (0, 0), soft_blur(glow, w * 0.03))
    draw = ImageDraw.Draw(image)
    ground = {
        "summer": (96, 130, 62),
        "evening": (70, 80, 52),
        "winter": (232, 234, 238),
        "steppe": (196, 168, 96),
        "sunflowers": (104, 128, 58),
        "river": (92, 124, 66),
    }[style]
    far = mix(ground, top, 0.55)
    draw.polygon([*_ridge(rng, w, horizon, h * 0.04), (w, h), (0, h)], fill=far)
    mid = mix(ground, top, 0.25)
    draw.polygon([*_ridge(rng, w, horizon + h * 0.05, h * 0.05), (w, h), (0, h)], fill=mid)
    if style in ("river", "evening", "summer"):
        ry = horizon + h * 0.1
        water = vertical_gradient((w, round(h * 0.09)), shade(low, 0.9), shade(top, 0.95))
        image.paste(water, (0, round(ry)))
        for _ in range(60):
            x, y = rng.uniform(0, w), rng.uniform(ry, ry + h * 0.09)
            draw.line([(x, y), (x + w * rng.uniform(0.01, 0.05), y)], fill=shade(low, 1.1), width=2)
    near = _ridge(rng, w, h * 0.76, h * 0.04)
    draw.polygon([*near, (w, h), (0, h)], fill=ground)
    if style != "steppe":
        roof = (150, 124, 80) if style != "winter" else (236, 236, 240)
        for _ in range(rng.randint(2, 4)):
            x = rng.uniform(0.05, 0.8) * w
            _khata(
                draw, x, h * 0.75 + rng.uniform(-0.02, 0.02) * h, w * rng.uniform(0.04, 0.06), roof
            )
        if rng.random() < 0.6:
            _church(draw, rng.uniform(0.2, 0.8) * w, horizon + h * 0.05, w * 0.018)
        tree = (50, 80, 44) if style != "winter" else (70, 64, 60)
        for _ in range(rng.randint(3, 7)):
            x = rng.uniform(0, w)
            if rng.random() < 0.5:
                _poplar(
                    draw,
                    x,
                    h * 0.73,
                    h * rng.uniform(0.18, 0.3),
                    shade(tree, rng.uniform(0.8, 1.1)),
                )
            else:
                _tree(
                    draw,
                    rng,
                    x,
                    h * 0.73,
                    w * rng.uniform(0.03, 0.05),
                    tree,
                    bare=style == "winter",
                )
    else:
        for _ in range(3):
            x = rng.uniform(0.1, 0.9) * w
            draw.pieslice(
                ellipse_box((x, horizon + h * 0.045), w * 0.08, h * 0.05),
                180,
                360,
                fill=shade(mid, 0.9),
            )
    if style in ("steppe", "summer", "winter") or rng.random() < 0.3:
        _windmill(draw, rng.uniform(0.55, 0.9) * w, h * 0.72, h * 0.1)
    if style == "sunflowers":
        for _ in range(90):
            x, y = rng.uniform(-0.02, 1.02) * w, rng.uniform(0.72, 1.05) * h
            r = (y / h - 0.6) * w * 0.05
            draw.line([(x, y), (x, y + r * 3)], fill=(70, 96, 40), width=max(2, round(r * 0.2)))
            draw.ellipse(ellipse_box((x, y), r), fill=(236, 182, 36))
            draw.ellipse(ellipse_box((x, y), r * 0.5), fill=(84, 56, 30))
    else:
        for _ in range(400):
            x, y = rng.uniform(0, w), rng.uniform(0.76, 1.0) * h
            draw.line(
                [(x, y), (x + rng.uniform(-4, 4), y - h * rng.uniform(0.01, 0.03))],
                fill=jitter(rng, shade(ground, 0.8), 16),
                width=2,
            )
    return image
