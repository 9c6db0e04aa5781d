"""The demo exhibitions' media, generated into files: pictures, a 3D pysanka, audio, WebVTT.

Nothing is downloaded. :func:`write_media` writes every missing file into a folder (by
default ``VAR_DIR/demo/stories``); the same code always writes the same bytes, so the loader
can compare and a second run finds nothing to do.

- pictures (:data:`PICTURES`): illustrations drawn by :mod:`exhibitions.demo.pictures`;
- documents (:data:`DOCUMENTS`): ``pysanka.glb`` (:mod:`exhibitions.demo.gltf`), a short
  WAV with the four-note motif of Mykola Leontovych's "Shchedryk" synthesised as bells,
  and its captions and chapters as WebVTT in Ukrainian and English.
"""

import io
import math
import os
import random
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from registry.demo.drawing import DRAWERS

from . import pictures
from .gltf import pysanka_glb
from .spec import T

#: Bump when a picture or a file changes, so files written by an older version are redone.
MEDIA_VERSION = 1
STAMP_FILE = ".media"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
#: Library images carry one credit for every language: a short bilingual one.
CREDIT = "Спадщина України / Heritage of Ukraine · CC0"
#: The seed of the 3D pysanka: its poster is the drawing made from the same seed.
PYSANKA_SEED = "demo-story:pysanka-3d"
PYSANKA_STYLE = "rosettes_waves"
#: Audio: 16 kHz mono 16-bit PCM keeps seven seconds under a quarter of a megabyte.
SAMPLE_RATE = 16_000
EIGHTH = 0.3  # seconds: the motif moves in 3/8, eighth + two sixteenths + eighth per bar
NOTES = {"G3": 196.00, "G4": 392.00, "A4": 440.00, "Bb4": 466.16}
MOTIF = (("Bb4", 1), ("A4", 0.5), ("Bb4", 0.5), ("G4", 1))
BARS = 8


@dataclass(frozen=True)
class Picture:
    filename: str
    size: tuple  # at scale 1
    title: str  # the image's title in the library (Ukrainian, the source language)
    alt: T
    draw: object  # (size) -> PIL image


def _object_triptych(seed, *objects):
    def draw(size):
        # The drawers need some room (the pysanka's mesh has 48 cells across).
        panel = (max(120, size[0] // len(objects)), max(160, size[1]))
        drawn = [
            pictures.draw_object(drawer, style, panel, f"{seed}:{index}")
            for index, (drawer, style) in enumerate(objects)
        ]
        return pictures.triptych(drawn, size)

    return draw


def _pysanka_poster(size):
    return DRAWERS["pysanka"](random.Random(PYSANKA_SEED), size, "main", PYSANKA_STYLE)  # noqa: S311


PICTURES = {
    "store": Picture(
        "store.jpg",
        (1600, 900),
        "Ящики з музейними предметами в сховищі (ілюстрація)",
        T(
            "Ілюстрація: дерев’яні ящики зі стрілками «верх» і картками опису стоять на "
            "металевих стелажах у напівтемному сховищі.",
            "Illustration: wooden crates marked with 'this way up' arrows and list cards "
            "stand on metal shelves in a dim store.",
        ),
        pictures.draw_store,
    ),
    "monument": Picture(
        "monument.jpg",
        (1600, 1200),
        "Пам’ятник, захищений мішками з піском (ілюстрація)",
        T(
            "Ілюстрація: скульптура на площі, обгорнута тканиною й перев’язана мотузками; "
            "постамент обкладено мішками з піском за дерев’яним риштуванням.",
            "Illustration: a statue on a square, wrapped in cloth and tied with rope; its "
            "pedestal is stacked with sandbags behind wooden scaffolding.",
        ),
        pictures.draw_protected_monument,
    ),
    "museum-before": Picture(
        "museum-before.jpg",
        (1600, 1066),
        "Музейна будівля до пожежі (ілюстрація)",
        T(
            "Ілюстрація: двоповерхова світла будівля музею з портиком на чотирьох колонах, "
            "цілими вікнами й дахом, під блакитним небом.",
            "Illustration: a light two-storey museum building with a four-column portico, "
            "intact windows and roof, under a blue sky.",
        ),
        pictures.draw_museum,
    ),
    "museum-after": Picture(
        "museum-after.jpg",
        (1600, 1066),
        "Та сама музейна будівля після пожежі (ілюстрація)",
        T(
            "Ілюстрація: та сама будівля після пожежі — дах згорів до крокв, над вікнами "
            "кіптява, частину вікон забито фанерою, біля стін уламки, у небі дим.",
            "Illustration: the same building after a fire: the roof burnt down to the "
            "rafters, soot above the windows, some windows boarded up with plywood, rubble "
            "along the walls and smoke in the sky.",
        ),
        lambda size: pictures.draw_museum(size, damaged=True),
    ),
    "pysanky": Picture(
        "pysanky.jpg",
        (1800, 800),
        "Три писанки (ілюстрація)",
        T(
            "Ілюстрація: три писанки поруч — з восьмикутними зірками на чорному тлі, з "
            "клинцями-трикутниками та з розетами й хвилястим поясом.",
            "Illustration: three pysanky side by side: with eight-pointed stars on a black "
            "ground, with triangular wedges, and with rosettes and a wavy belt.",
        ),
        _object_triptych(
            "pysanky", ("pysanka", "rosettes"), ("pysanka", "wedges"), ("pysanka", "rosettes_waves")
        ),
    ),
    "folk-art": Picture(
        "folk-art.jpg",
        (1800, 800),
        "Рушник, петриківський розпис і глечик (ілюстрація)",
        T(
            "Ілюстрація: кінець вишитого рушника з червоно-чорним орнаментом, петриківський "
            "розпис із квітами на чорному тлі й розписаний ангобами глечик.",
            "Illustration: the end of an embroidered rushnyk with red and black ornament, a "
            "Petrykivka painting of flowers on a black ground and a slip-painted jug.",
        ),
        _object_triptych(
            "folk-art", ("rushnyk", "red_black"), ("petrykivka", "black"), ("vessel", "opishnia")
        ),
    ),
    "clay-and-paint": Picture(
        "clay-and-paint.jpg",
        (1800, 800),
        "Кахля, майоліка й розпис (ілюстрація)",
        T(
            "Ілюстрація: полив’яна кахля з вазоном, глек із синім і зеленим розписом і "
            "петриківський розпис на білому тлі.",
            "Illustration: a glazed stove tile with a flowerpot, a jug painted in blue and "
            "green, and a Petrykivka painting on a white ground.",
        ),
        _object_triptych(
            "clay", ("tile", "flowerpot"), ("vessel", "vasylkiv"), ("petrykivka", "white")
        ),
    ),
    "pysanka-3d-poster": Picture(
        "pysanka-3d-poster.jpg",
        (1200, 1600),
        "Писанка з зірками — постер 3D-моделі (ілюстрація)",
        T(
            "Ілюстрація: писанка на бордовому тлі з жовтими шести- й восьмипроменевими "
            "зірками та чорними ромбиками; посередині — помаранчевий пояс із білою хвилястою "
            "лінією, біля полюсів — хвилі.",
            "Illustration: a pysanka on a deep red ground with yellow six- and eight-pointed "
            "stars and black rhombs; an orange belt with a white wavy line runs round the "
            "middle, with waves near the poles.",
        ),
        _pysanka_poster,
    ),
}


@dataclass(frozen=True)
class Document:
    filename: str
    title: str


DOCUMENTS = {
    "pysanka-glb": Document("pysanka.glb", "Писанка — 3D-модель (glTF, демонстрація)"),
    "shchedryk-wav": Document("shchedryk-motif.wav", "Мотив «Щедрика» — синтезований звук"),
    "shchedryk-captions-uk": Document("shchedryk-captions.uk.vtt", "Мотив «Щедрика» — субтитри"),
    "shchedryk-captions-en": Document("shchedryk-captions.en.vtt", "“Shchedryk” motif — captions"),
    "shchedryk-chapters-uk": Document("shchedryk-chapters.uk.vtt", "Мотив «Щедрика» — розділи"),
    "shchedryk-chapters-en": Document("shchedryk-chapters.en.vtt", "“Shchedryk” motif — chapters"),
}

HALF = BARS // 2 * 3 * EIGHTH  # when the bass joins: after four bars
TOTAL = BARS * 3 * EIGHTH
CAPTIONS = {
    "uk": [
        (0, HALF, "[♪ дзвіночки: сі-бемоль — ля — сі-бемоль — соль, чотири рази ♪]"),
        (HALF, TOTAL, "[♪ той самий мотив, під ним — низький дзвін на ноті соль ♪]"),
    ],
    "en": [
        (0, HALF, "[♪ bells: B flat — A — B flat — G, four times ♪]"),
        (HALF, TOTAL, "[♪ the same motif over a low bell on G ♪]"),
    ],
}
CHAPTERS = {
    "uk": [(0, HALF, "Мотив"), (HALF, TOTAL, "Мотив із басом")],
    "en": [(0, HALF, "The motif"), (HALF, TOTAL, "The motif with a bass")],
}


def _timestamp(seconds):
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def webvtt(cues):
    """A WebVTT file (UTF-8 text) from ``(start, end, text)`` cues."""
    lines = ["WEBVTT", ""]
    for index, (start, end, text) in enumerate(cues, start=1):
        lines += [str(index), f"{_timestamp(start)} --> {_timestamp(end)}", text, ""]
    return "\n".join(lines).encode()


def _bell(frequency, start, length, samples, volume):
    """Add a bell-like note: a few inharmonic partials with exponential decay."""
    first = round(start * SAMPLE_RATE)
    count = min(round(length * SAMPLE_RATE), len(samples) - first)
    partials = ((1.0, 1.0, 3.0), (2.0, 0.45, 5.0), (2.76, 0.25, 7.0), (5.4, 0.08, 11.0))
    for n in range(count):
        t = n / SAMPLE_RATE
        attack = min(1.0, n / 80)  # 5 ms, no click
        value = sum(
            a * math.exp(-d * t) * math.sin(2 * math.pi * frequency * r * t) for r, a, d in partials
        )
        samples[first + n] += volume * attack * value


def shchedryk_wav():
    """About seven seconds of the "Shchedryk" ostinato as bells: mono 16-bit PCM WAV."""
    samples = [0.0] * (round(TOTAL * SAMPLE_RATE) + SAMPLE_RATE // 2)
    time = 0.0
    for bar in range(BARS):
        if bar >= BARS // 2:
            _bell(NOTES["G3"], time, 3 * EIGHTH + 0.4, samples, 0.22)
        for note, beats in MOTIF:
            _bell(NOTES[note], time, beats * EIGHTH + 0.35, samples, 0.3)
            time += beats * EIGHTH
    peak = max(abs(value) for value in samples) or 1.0
    fade = SAMPLE_RATE // 2
    for n in range(fade):  # fade the last half second out
        samples[-fade + n] *= 1 - n / fade
    frames = struct.pack(f"<{len(samples)}h", *(round(v / peak * 0.8 * 32767) for v in samples))
    out = io.BytesIO()
    with wave.open(out, "wb") as stream:
        stream.setnchannels(1)
        stream.setsampwidth(2)
        stream.setframerate(SAMPLE_RATE)
        stream.writeframes(frames)
    return out.getvalue()


def document_bytes(key):
    if key == "pysanka-glb":
        return pysanka_glb(PYSANKA_SEED, PYSANKA_STYLE)
    if key == "shchedryk-wav":
        return shchedryk_wav()
    kind, language = key.rsplit("-", 1)
    cues = CAPTIONS if kind.endswith("captions") else CHAPTERS
    return webvtt(cues[language])


def picture_bytes(key, scale=1.0):
    picture = PICTURES[key]
    size = tuple(max(16, round(side * scale)) for side in picture.size)
    image = picture.draw(size).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=86)
    return out.getvalue()


def _write(path, data):
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_media(target_dir, *, scale=1.0):
    """Write every missing picture and document into ``target_dir``; return their paths.

    Pictures go into a sub-folder per scale, so a test run at a small scale never leaves
    small pictures where ``make run`` looks for full-size ones. A stamp file records
    :data:`MEDIA_VERSION`; files of another version are written again.
    """
    target_dir = Path(target_dir)
    picture_dir = target_dir / f"pictures-{scale:g}"
    picture_dir.mkdir(parents=True, exist_ok=True)
    stamp = target_dir / STAMP_FILE
    stale = not stamp.exists() or stamp.read_text() != str(MEDIA_VERSION)
    paths = {}
    for key, picture in PICTURES.items():
        path = picture_dir / picture.filename
        if stale or not path.exists():
            _write(path, picture_bytes(key, scale))
        paths[key] = path
    for key, document in DOCUMENTS.items():
        path = target_dir / document.filename
        if stale or not path.exists():
            _write(path, document_bytes(key))
        paths[key] = path
    stamp.write_text(str(MEDIA_VERSION))
    return paths
