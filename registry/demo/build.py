"""Write the demo museum's input: drawn images and a JSON Lines exchange file.

Nothing here touches the database: the output is exactly what a museum would hand to
``python manage.py import_register FILE --format jsonl --images DIR``.
"""

import hashlib
import json
import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .collection import OBJECTS
from .drawing import DRAWERS, DRAWS_BACK, crop_detail
from .records import exchange_record
from .vocabulary import TYPES

#: Bump when the drawings change, so existing demo images are redrawn.
DRAWING_VERSION = 1
EXCHANGE_FILE = "demo-museum.jsonl"
IMAGES_FOLDER = "images"
STAMP_FILE = ".drawing"
#: Full-size pictures are 1600×1200 (or 1200×1600); tests draw them smaller.
FULL_SIZE = (1600, 1200)
#: Below a tenth of full size the drawings lose their shapes; above four they get slow.
MIN_SCALE, MAX_SCALE = 0.1, 4.0


@dataclass
class BuildResult:
    exchange_file: Path
    images_dir: Path
    drawn: int
    kept: int


def _seed(*parts):
    digest = hashlib.sha256(":".join(str(part) for part in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def image_size(obj, scale):
    w, h = (round(side * scale) for side in FULL_SIZE)
    return (h, w) if TYPES[obj.type].portrait else (w, h)


def render(obj, view, scale):
    """The picture of one view of ``obj``: deterministic for the same arguments."""
    drawer_name = TYPES[obj.type].drawer
    drawer = DRAWERS[drawer_name]
    size = image_size(obj, scale)
    style = obj.style or None
    if view == "back" and drawer_name in DRAWS_BACK:
        return drawer(random.Random(_seed(obj.register_id, "back")), size, "back", style)  # noqa: S311 - pictures, not secrets
    main = drawer(random.Random(_seed(obj.register_id, "main")), size, "main", style)  # noqa: S311
    if view == "main":
        return main
    return crop_detail(main, random.Random(_seed(obj.register_id, view)))  # noqa: S311


def save(image, path):
    """Save without metadata and with fixed settings, so the bytes are reproducible."""
    tmp = path.with_name(path.name + ".tmp")
    if path.suffix == ".png":
        image.save(tmp, "PNG", compress_level=6)
    else:
        image.save(tmp, "JPEG", quality=88, subsampling=0)
    os.replace(tmp, path)


def _render_object(args):
    obj, scale, images_dir = args
    for index, view in enumerate(obj.images):
        save(render(obj, view, scale), Path(images_dir) / obj.image_name(index))
    return len(obj.images)


def _stamp(scale):
    return json.dumps({"version": DRAWING_VERSION, "scale": scale})


def draw_images(images_dir, *, scale=1.0, objects=OBJECTS, redraw=False, workers=None):
    """Draw every missing picture into ``images_dir``; returns (drawn, kept).

    Pictures already there are kept when they were drawn by the same version of the drawings
    at the same scale (recorded in a stamp file); otherwise, or with ``redraw``, all are
    drawn again.
    """
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise ValueError(f"The scale must be between {MIN_SCALE} and {MAX_SCALE}.")
    images_dir = Path(images_dir)
    images_dir.mkdir(parents=True, exist_ok=True)
    stamp = images_dir / STAMP_FILE
    if redraw or not stamp.exists() or stamp.read_text() != _stamp(scale):
        for obj in objects:
            for index in range(len(obj.images)):
                (images_dir / obj.image_name(index)).unlink(missing_ok=True)
        stamp.unlink(missing_ok=True)
    todo = [
        obj
        for obj in objects
        if any(not (images_dir / obj.image_name(i)).exists() for i in range(len(obj.images)))
    ]
    kept = sum(len(obj.images) for obj in objects) - sum(len(obj.images) for obj in todo)
    workers = workers or min(4, os.cpu_count() or 1)
    jobs = [(obj, scale, str(images_dir)) for obj in todo]
    if workers > 1 and len(jobs) > 1:
        # "spawn": the workers import only the drawing code, never Django or its connections.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            drawn = sum(pool.map(_render_object, jobs))
    else:
        drawn = sum(_render_object(job) for job in jobs)
    stamp.write_text(_stamp(scale))
    return drawn, kept


def write_exchange_file(path, objects=OBJECTS):
    """One JSON object per line, in collection order; written atomically."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as stream:
        for obj in objects:
            stream.write(json.dumps(exchange_record(obj), ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return path


def build(target_dir, *, scale=1.0, objects=OBJECTS, redraw=False, workers=None):
    """Draw the images and write the exchange file under ``target_dir``."""
    target_dir = Path(target_dir)
    images_dir = target_dir / IMAGES_FOLDER
    drawn, kept = draw_images(
        images_dir, scale=scale, objects=objects, redraw=redraw, workers=workers
    )
    exchange_file = write_exchange_file(target_dir / EXCHANGE_FILE, objects)
    return BuildResult(exchange_file, images_dir, drawn, kept)
