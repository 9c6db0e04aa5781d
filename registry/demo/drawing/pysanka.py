"""A pysanka: an egg written with wax and dyes, its ornament wrapped round the shell.

The ornament is drawn flat in surface coordinates (longitude ``theta`` across, height ``y``
down from the top pole at -1 to the bottom pole at 1), then wrapped onto an egg seen a little
from above with Pillow's mesh transform, and lit so the bands curve round the shell.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from .base import backdrop, clouds, ellipse_box, grain, place, soft_blur, star, texture

PALETTES = [
    # background, belt, motif, accent, line (the first wax keeps the white lines)
    ((22, 18, 16), (176, 32, 28), (232, 178, 40), (40, 110, 62), (246, 240, 226)),
    ((168, 28, 30), (24, 20, 18), (236, 186, 48), (226, 110, 34), (248, 242, 228)),
    ((92, 32, 28), (212, 124, 32), (238, 206, 96), (24, 20, 18), (250, 244, 230)),
    ((24, 44, 78), (182, 36, 34), (236, 190, 62), (250, 244, 230), (250, 244, 230)),
    ((196, 72, 26), (28, 22, 20), (242, 204, 80), (150, 28, 30), (252, 246, 232)),
]
DESIGNS = ("rosettes", "wedges", "waves", "rosettes_waves")
TILT = 0.3  # radians: we look at the egg a little from above
GRID = 48  # mesh cells across the egg


def egg_r(y, aspect):
    y = max(-1.0, min(1.0, y))
    return math.sqrt(max(0.0, 1 - y * y)) * (1 + 0.17 * y) * aspect


class Surface:
    """Draws ornament in surface coordinates onto a flat texture."""

    def __init__(self, width, height, aspect, background, line_width):
        self.image = Image.new("RGB", (width, height), background)
        self.draw = ImageDraw.Draw(self.image)
        self.w, self.h, self.aspect, self.lw = width, height, aspect, line_width

    def xy(self, theta, y):
        return (theta / (2 * math.pi) * self.w, (y + 1) / 2 * self.h)

    def polygon(self, points, fill, outline=None):
        path = [self.xy(t, y) for t, y in points]
        for shift in (-self.w, 0, self.w):  # shapes that cross the seam show on both sides
            moved = [(x + shift, y) for x, y in path]
            self.draw.polygon(moved, fill=fill)
            if outline:
                self.draw.line([*moved, moved[0]], fill=outline, width=self.lw, joint="curve")

    def band(self, y0, y1, fill):
        self.draw.rectangle((0, self.xy(0, y0)[1], self.w, self.xy(0, y1)[1]), fill=fill)

    def latitude(self, y, fill, width=None):
        py = self.xy(0, y)[1]
        self.draw.line([(0, py), (self.w, py)], fill=fill, width=width or self.lw)

    def meridian(self, theta, y0, y1, fill):
        (x, ya), (_x, yb) = self.xy(theta, y0), self.xy(theta, y1)
        self.draw.line([(x, ya), (x, yb)], fill=fill, width=self.lw)

    def wave(self, y_mid, amplitude, lobes, fill, width):
        points = [
            self.xy(2 * math.pi * i / (lobes * 24), y_mid + amplitude * math.sin(i * math.pi / 12))
            for i in range(lobes * 24 + 1)
        ]
        self.draw.line(points, fill=fill, width=width, joint="curve")

    def local(self, centre, shape):
        """Map a shape in arc-length units around ``centre`` so it keeps its proportions."""
        theta, y = centre
        r = max(egg_r(y, self.aspect), 0.1)
        return [(theta + dx / r, y + dy) for dx, dy in shape]

    def dot(self, centre, size, fill):
        shape = [
            (size * math.cos(a * math.pi / 8), size * math.sin(a * math.pi / 8)) for a in range(16)
        ]
        self.polygon(self.local(centre, shape), fill)


def _rosette(surface, centre, size, palette, rng):
    bg, belt, motif, accent, line = palette
    points = rng.choice((8, 8, 6))
    surface.polygon(surface.local(centre, star((0, 0), size, size * 0.5, points)), motif, line)
    inner = star((0, 0), size * 0.55, size * 0.28, points, math.pi / points)
    surface.polygon(surface.local(centre, inner), accent, line)
    surface.dot(centre, size * 0.14, belt)
    for k in range(points):
        a = 2 * math.pi * (k + 0.5) / points
        tip = surface.local(centre, [(size * 0.95 * math.cos(a), size * 0.95 * math.sin(a))])[0]
        surface.dot(tip, size * 0.08, line)


def _pole_stars(surface, palette, points=8):
    bg, belt, motif, accent, line = palette
    for sign in (-1, 1):
        zigzag = [
            (2 * math.pi * k / (points * 2), sign * (0.8 if k % 2 == 0 else 0.91))
            for k in range(points * 2 + 1)
        ]
        surface.polygon([(0, sign * 1.0), *zigzag, (2 * math.pi, sign * 1.0)], motif, line)
        surface.band(*((-1, -0.95) if sign < 0 else (0.95, 1)), accent)


def _wedges(surface, palette, sectors, rows):
    bg, belt, motif, accent, line = palette
    edges = [-0.8 + 1.6 * i / rows for i in range(rows + 1)]
    for row, (y0, y1) in enumerate(zip(edges, edges[1:], strict=False)):
        for s in range(sectors):
            t0, t1 = 2 * math.pi * s / sectors, 2 * math.pi * (s + 1) / sectors
            first, second = (motif, belt) if (row + s) % 2 else (belt, accent)
            surface.polygon([(t0, y0), (t1, y0), (t0, y1)], first, line)
            surface.polygon([(t1, y0), (t1, y1), (t0, y1)], second, line)


def _ornament(surface, palette, design, rng):
    bg, belt, motif, accent, line = palette
    sectors = rng.choice((4, 6, 8))
    if design == "wedges":
        _wedges(surface, palette, sectors * 2, rng.choice((4, 6)))
        _pole_stars(surface, palette)
        return
    belt_half = rng.uniform(0.08, 0.11)
    surface.band(-belt_half, belt_half, belt)
    if design in ("waves", "rosettes_waves"):
        surface.wave(0, belt_half * 0.6, sectors * 2, line, surface.lw * 2)
        for k in range(sectors * 4):
            side = 1 if k % 2 else -1
            surface.dot(
                (2 * math.pi * (k + 0.5) / (sectors * 4), side * belt_half * 0.45), 0.022, motif
            )
    else:
        for k in range(sectors * 3):
            theta = 2 * math.pi * k / (sectors * 3)
            teeth = [(theta, belt_half), (theta + 0.13, belt_half + 0.1), (theta + 0.26, belt_half)]
            surface.polygon(teeth, motif, line)
            surface.polygon([(t, -y) for t, y in teeth], motif, line)
    for s in range(sectors):
        surface.meridian(2 * math.pi * s / sectors, -0.8, -belt_half, line)
        surface.meridian(2 * math.pi * s / sectors, belt_half, 0.8, line)
    for y in (-belt_half, belt_half, -0.8, 0.8):
        surface.latitude(y, line, width=surface.lw * 2)
    for y0 in (-0.46, 0.47):
        arc = 2 * math.pi * egg_r(y0, surface.aspect) / sectors
        size = min(arc * 0.34, 0.25)
        for s in range(sectors):
            _rosette(surface, (2 * math.pi * (s + 0.5) / sectors, y0), size, palette, rng)
            diamond = [(0, -0.1), (arc * 0.08, 0), (0, 0.1), (-arc * 0.08, 0)]
            surface.polygon(surface.local((2 * math.pi * s / sectors, y0), diamond), accent, line)
    if design == "rosettes_waves":
        for y in (-0.87, 0.87):
            surface.wave(y, 0.035, sectors * 3, line, surface.lw * 2)
    else:
        _pole_stars(surface, palette)


def _inverse_mesh(size, centre, radius, aspect, turn, tex_size):
    """Mesh of output cells to texture quads: where each screen point lies on the shell."""
    w, h = size
    cx, cy = centre
    tw, th = tex_size
    sin_t, cos_t = math.sin(TILT), math.cos(TILT)
    samples = [(-1 + 2 * i / 160, egg_r(-1 + 2 * i / 160, aspect)) for i in range(161)]
    x0, x1 = cx - radius * aspect * 1.05, cx + radius * aspect * 1.05
    y0, y1 = cy - radius * 1.1, cy + radius * 1.1
    cols, rows = GRID, round(GRID * (y1 - y0) / (x1 - x0))

    def surface_point(sx, sy):
        nx, ny = (sx - cx) / radius, (sy - cy) / radius
        best, previous = None, None
        for y, r in samples:
            if abs(nx) > r:
                previous = None
                continue
            c = math.sqrt(r * r - nx * nx)
            projected = y * cos_t + c * sin_t
            if -y * sin_t + c * cos_t < 0:
                previous = None
                continue
            if previous and (previous[0] - ny) * (projected - ny) <= 0:
                p_proj, p_y = previous
                f = 0 if projected == p_proj else (ny - p_proj) / (projected - p_proj)
                y_hit = p_y + (y - p_y) * f
                best = (y_hit, nx)
                break
            previous = (projected, y)
            if best is None or abs(projected - ny) < abs(best[2] - ny):
                best = (y, nx, projected)
        if best is None:  # outside the egg: any point will do, the silhouette hides it
            best = (max(-1.0, min(1.0, ny)), nx)
        y_hit, nx = best[0], best[1]
        r = max(egg_r(y_hit, aspect), 1e-6)
        theta = math.asin(max(-1.0, min(1.0, nx / r))) + turn + 2 * math.pi
        return (theta / (2 * math.pi) * tw, (y_hit + 1) / 2 * th)

    corners = [
        [
            surface_point(x0 + (x1 - x0) * i / cols, y0 + (y1 - y0) * j / rows)
            for i in range(cols + 1)
        ]
        for j in range(rows + 1)
    ]
    mesh = []
    for j in range(rows):
        for i in range(cols):
            box = (
                round(x0 + (x1 - x0) * i / cols),
                round(y0 + (y1 - y0) * j / rows),
                round(x0 + (x1 - x0) * (i + 1) / cols),
                round(y0 + (y1 - y0) * (j + 1) / rows),
            )
            quad = (*corners[j][i], *corners[j + 1][i], *corners[j + 1][i + 1], *corners[j][i + 1])
            mesh.append((box, quad))
    return mesh


def _silhouette(size, centre, radius, aspect):
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    sin_t, cos_t = math.sin(TILT), math.cos(TILT)
    for i in range(321):
        y = -1 + 2 * i / 320
        r = egg_r(y, aspect) * radius
        draw.ellipse(
            ellipse_box((centre[0], centre[1] + radius * y * cos_t), r, max(r * sin_t, 0.5)),
            fill=255,
        )
    return mask.filter(ImageFilter.GaussianBlur(0.7))


def draw_pysanka(rng, size, view="main", style=None):
    w, h = size
    radius = min(w, h) * 0.4
    aspect = rng.uniform(0.72, 0.78)
    centre = (w / 2, h * 0.47)
    turn = rng.uniform(-0.3, 0.3) + (math.pi * 0.9 if view == "back" else 0)
    palette = rng.choice(PALETTES)
    design = style or rng.choice(DESIGNS)

    tex_w, tex_h = round(2 * math.pi * radius * aspect * 1.5), round(2 * radius * 1.5)
    surface = Surface(tex_w, tex_h, aspect, palette[0], max(2, round(radius * 0.016)))
    _ornament(surface, palette, design, rng)
    flat = texture(surface.image, clouds(surface.image.size, rng, cells=(60, 16, 3)), 0.2)
    tiled = Image.new("RGB", (tex_w * 2, tex_h))
    tiled.paste(flat, (0, 0))
    tiled.paste(flat, (tex_w, 0))
    mesh = _inverse_mesh(size, centre, radius, aspect, turn, (tex_w, tex_h))
    paint = tiled.transform(size, Image.Transform.MESH, mesh, Image.Resampling.BICUBIC)

    mask = _silhouette(size, centre, radius, aspect)
    cx, cy = centre
    inner = soft_blur(mask, radius * 0.22)
    paint = ImageChops.multiply(
        paint, ImageOps.colorize(inner, black=(40, 30, 28), white=(255, 255, 255))
    )
    light = Image.new("L", size, 0)
    ImageDraw.Draw(light).ellipse(
        ellipse_box((cx - radius * 0.3, cy - radius * 0.42), radius * 0.45, radius * 0.55), fill=95
    )
    light = soft_blur(light, radius * 0.25)
    spec = Image.new("L", size, 0)
    ImageDraw.Draw(spec).ellipse(
        ellipse_box((cx - radius * 0.28, cy - radius * 0.52), radius * 0.07, radius * 0.12),
        fill=130,
    )
    light = ImageChops.add(light, spec.filter(ImageFilter.GaussianBlur(radius * 0.05)))
    paint = ImageChops.screen(paint, Image.merge("RGB", (light, light, light)))
    layer = paint.convert("RGBA")
    layer.putalpha(mask)

    background = backdrop(size, rng, top=(214, 206, 192), bottom=(150, 140, 126))
    contact = Image.new("L", size, 0)
    base_y = cy + radius * (math.cos(TILT) + 0.03)
    ImageDraw.Draw(contact).ellipse(
        ellipse_box((cx + radius * 0.05, base_y), radius * 0.5, radius * 0.08), fill=170
    )
    background.paste((30, 24, 20), (0, 0), contact.filter(ImageFilter.GaussianBlur(radius * 0.05)))
    image = place(background, layer, shadow_offset=(0.015, 0.01), opacity=0.35)
    return grain(image, rng, 0.05)
