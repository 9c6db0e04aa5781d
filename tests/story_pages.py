"""An exhibition, its chapters, a story and a theme hub in Ukrainian and English that together
use every block of ``exhibitions.blocks.StoryStreamBlock``: the pages the browser tests read.

:func:`build_story_site` makes everything with the project's own builders (register objects
from ``registry.tests.builders``, pages from ``exhibitions.tests.factories``) and returns a
:class:`StorySite` of plain URLs and texts, so tests can drive a browser without touching the
database again. Every stream is validated with the blocks' own ``clean`` first (embeds apart,
see :func:`validated`): the pages hold what an editor could save, not just what renders.

The files are made here, nothing is downloaded: a short WAV tone (``wave``), WebVTT captions
and chapters, and a one-triangle binary glTF model. The embed points at a host that no
oEmbed provider serves (``.example.org`` is reserved): its fetch fails, offline or online, so
it renders as a plain link and no test depends on the network.
"""

import json
import math
import struct
import wave
from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.documents import get_document_model

from exhibitions.blocks import StoryStreamBlock
from exhibitions.tests.factories import (
    ChapterPageFactory,
    ExhibitionIndexPageFactory,
    ExhibitionPageFactory,
    StoryPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    translate,
)
from portal.models import HomeFeaturedPage, HomePage
from portal.setup import ensure_portal_site
from registry.models import ObjectStatus
from registry.tests.builders import add_photo, museum, object_type, portal_image, register_object
from registry.tests.builders import translate as translate_object
from themes.models import ThemeFeaturedPage

LANGUAGES = ("uk", "en")
EMBED_URL = "https://video.example.org/watch/pysanka-workshop-2023"
#: The places of the story's map, in list order: name, description (uk, en), coordinates.
PLACES = [
    ("Коломия", "Kolomyia", "Музей «Писанка».", "The Pysanka Museum.", 48.5310, 25.0400),
    ("Косів", "Kosiv", "Гуцульські писанки.", "Hutsul pysanky.", 48.3100, 25.0950),
    ("Опішня", "Opishnia", "Гончарна столиця.", "The capital of pottery.", 49.9580, 34.6120),
]


@dataclass(frozen=True)
class StorySite:
    """What the browser tests need to know, as plain data (no database rows)."""

    #: Page key → language → path: home, exhibitions, exhibition, chapter_1, chapter_2,
    #: story, themes, theme, object; "untranslated" (a story in Ukrainian only) has "uk".
    urls: dict
    #: Page key → language → title (the page's <h1>).
    titles: dict
    #: Language → names of the story map's places, in list order.
    places: dict
    #: How many objects the story's carousel shows.
    carousel_size: int
    #: Language → (before label, after label) of the story's comparison.
    comparison_labels: dict
    #: The story block types the pages use (all of them).
    block_types: frozenset

    def url(self, key, language="uk"):
        return self.urls[key][language]


def pick(language):
    """``t(uk, en)``: the text in ``language``."""
    return lambda uk, en: uk if language == "uk" else en


# --- files -----------------------------------------------------------------------------------


def wav_bytes(seconds=2.0, rate=8000, pitch=440.0):
    """A short mono 16-bit tone that fades out: a playable WAV file."""
    frames = bytearray()
    count = int(seconds * rate)
    for number in range(count):
        fade = 1 - number / count
        sample = int(9000 * fade * math.sin(2 * math.pi * pitch * number / rate))
        frames += struct.pack("<h", sample)
    buffer = BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def captions_vtt(language):
    t = pick(language)
    return (
        "WEBVTT\n\n"
        "00:00.000 --> 00:01.000\n"
        + t(
            "Спочатку малюють воском лінії, що ділять яйце.",
            "First the wax lines that divide the egg.",
        )
        + "\n\n00:01.000 --> 00:02.000\n"
        + t("Потім — жовта фарба, червона і чорна.", "Then yellow dye, red, and black.")
        + "\n"
    ).encode()


def chapters_vtt(language):
    t = pick(language)
    return (
        "WEBVTT\n\n"
        f"00:00.000 --> 00:01.000\n{t('Віск', 'Wax')}\n\n"
        f"00:01.000 --> 00:02.000\n{t('Фарби', 'Dyes')}\n"
    ).encode()


def triangle_glb():
    """A minimal valid binary glTF 2.0 file: one triangle (GLB header, JSON and BIN chunks)."""
    positions = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)
    gltf = {
        "asset": {"version": "2.0", "generator": "heritage portal tests"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
        "buffers": [{"byteLength": len(positions)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(positions), "target": 34962}
        ],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": 3,
                "type": "VEC3",
                "min": [0, 0, 0],
                "max": [1, 1, 0],
            }
        ],
    }
    json_chunk = json.dumps(gltf, separators=(",", ":")).encode()
    json_chunk += b" " * (-len(json_chunk) % 4)
    bin_chunk = positions + b"\x00" * (-len(positions) % 4)
    length = 12 + 8 + len(json_chunk) + 8 + len(bin_chunk)
    return (
        struct.pack("<4sII", b"glTF", 2, length)
        + struct.pack("<I4s", len(json_chunk), b"JSON")
        + json_chunk
        + struct.pack("<I4s", len(bin_chunk), b"BIN\x00")
        + bin_chunk
    )


def document(title, filename, content):
    doc = get_document_model()(title=title, file=ContentFile(content, name=filename))
    doc.save()
    return doc


def build_documents():
    return {
        "audio": document("Розповідь майстрині писанок", "pysanka-master.wav", wav_bytes()),
        "captions": {
            language: document(
                f"Субтитри ({language})", f"pysanka-captions-{language}.vtt", captions_vtt(language)
            )
            for language in LANGUAGES
        },
        "chapters": {
            language: document(
                f"Розділи ({language})", f"pysanka-chapters-{language}.vtt", chapters_vtt(language)
            )
            for language in LANGUAGES
        },
        "model": document("Писанка, 3D-модель", "pysanka.glb", triangle_glb()),
    }


def build_images():
    def image(title, alt_text, credit="Фото: Олена Коваль"):
        return portal_image(title=title, alt_text=alt_text, credit=credit)

    return {
        "hero": image("Ящики з експонатами", "Дерев'яні ящики з експонатами в сховищі"),
        "hall_before": image("Зала музею у 2021 році", "Зала з вітринами, повними писанок"),
        "hall_after": image("Зала музею у 2023 році", "Та сама зала з порожніми вітринами"),
        "workshop": image("Майстерня писанкарки", "Руки майстрині наносять віск на яйце"),
        "pattern": image("Орнамент", "", credit=""),
        "model_poster": image("Писанка, знімок моделі", "Писанка з орнаментом «сорок клинців»"),
    }


# --- register objects ------------------------------------------------------------------------

#: register ID, uk title, en title, uk type, en type, uk date, en date, status
OBJECTS = [
    (
        "NMIU-2001",
        "Писанка «Сорок клинців»",
        "Pysanka “Forty triangles”",
        "Писанка",
        "Pysanka",
        "1930-ті роки",
        "1930s",
        ObjectStatus.IN_COLLECTION,
    ),
    (
        "NMIU-2002",
        "Рушник весільний",
        "Wedding rushnyk",
        "Рушник",
        "Rushnyk",
        "кінець XIX ст.",
        "late 19th century",
        ObjectStatus.SAFEKEEPING,
    ),
    (
        "NMIU-2003",
        "Глечик із розписом",
        "Painted jug",
        "Кераміка",
        "Ceramics",
        "1950 р.",
        "1950",
        ObjectStatus.STOLEN,
    ),
    (
        "NMIU-2004",
        "Кахля з левом",
        "Stove tile with a lion",
        "Кераміка",
        "Ceramics",
        "XVIII ст.",
        "18th century",
        ObjectStatus.DAMAGED,
    ),
    (
        "NMIU-2005",
        "Писанка гуцульська",
        "Hutsul pysanka",
        "Писанка",
        "Pysanka",
        "1960 р.",
        "1960",
        ObjectStatus.IN_COLLECTION,
    ),
    (
        "NMIU-2006",
        "Плахта полтавська",
        "Poltava plakhta skirt",
        "Одяг",
        "Clothing",
        "початок XX ст.",
        "early 20th century",
        ObjectStatus.RETURNED,
    ),
    (
        "NMIU-2007",
        "Миска опішнянська",
        "Opishnia bowl",
        "Кераміка",
        "Ceramics",
        "1970 р.",
        "1970",
        ObjectStatus.ON_LOAN,
    ),
]


def build_objects():
    """Seven published objects with a photograph, each translated into English."""
    holder = museum(
        "Національний музей історії України",
        code="NMIU",
        en={"name": "National Museum of the History of Ukraine", "place": "Kyiv"},
    )
    objects = {}
    for register_id, uk, en, kind_uk, kind_en, date_uk, date_en, status in OBJECTS:
        fields = {}
        if status == ObjectStatus.STOLEN:
            fields = {"status_date": "2022-03-14", "status_note": "Викрадено під час окупації."}
        obj = register_object(
            register_id,
            title=uk,
            holder=holder,
            object_type=object_type(kind_uk, en=kind_en),
            date_display=date_uk,
            status=status,
            **fields,
        )
        photo = portal_image(title=uk, alt_text=uk)
        add_photo(obj, image=photo, alt_text=f"{uk}, загальний вигляд")
        english = translate_object(
            obj,
            title=en,
            date_display=date_en,
            status_note="Stolen during the occupation." if fields else "",
        )
        add_photo(english, image=photo, alt_text=f"{en}, general view")
        objects[register_id] = obj
    return objects


# --- streams ---------------------------------------------------------------------------------


def block(type_, value):
    return {"type": type_, "value": value}


def heading(text, level="h2"):
    return block("heading", {"text": text, "level": level})


def paragraph(html):
    return block("paragraph", html)


def exhibition_body(language, story):
    t = pick(language)
    return [
        heading(t("Як музей рятував колекцію", "How the museum saved its collection")),
        paragraph(
            t(
                "<p>Навесні 2022 року працівники музею пакували писанки, рушники й кераміку "
                "в ящики і вивозили їх у безпечні місця. <b>Ця виставка</b> розповідає про "
                "предмети, які вдалося врятувати, і про ті, що зникли.</p>",
                "<p>In the spring of 2022 the museum's staff packed pysanky, rushnyky and "
                "ceramics into crates and moved them to safety. <b>This exhibition</b> tells "
                "of the objects that were saved, and of those that were lost.</p>",
            )
        ),
        block(
            "quote",
            {
                "quote": t(
                    "Ми рятували не речі, а пам'ять, яку ці речі зберігають.",
                    "We were saving not things but the memory these things keep.",
                ),
                "attribution": t("Зберігачка фондів музею", "The museum's keeper of collections"),
                "source": t("Інтерв'ю, 2023", "Interview, 2023"),
                "language": "",
            },
        ),
        block(
            "call_to_action",
            {
                "heading": t("Писанки з усієї України", "Pysanky from all over Ukraine"),
                "text": t(
                    "Окрема історія про писанки різних регіонів.",
                    "A separate story about the pysanky of different regions.",
                ),
                "link_page": story.pk,
                "link_url": "",
                "label": t("Читати історію", "Read the story"),
            },
        ),
    ]


def chapter_one_body(language, objects, images):
    t = pick(language)
    return [
        heading(t("Пакування", "Packing")),
        paragraph(
            t(
                "<p>Кожен предмет мав свій номер у Державному реєстрі, і кожен ящик — "
                "свій опис, щоб після війни все повернулося на свої місця.</p>",
                "<p>Every object had its number in the State Register and every crate its "
                "list, so that after the war everything could return to its place.</p>",
            )
        ),
        block(
            "register_object",
            {
                "object": objects["NMIU-2003"].pk,
                "note": t(
                    "<p>Глечик не встигли вивезти.</p>",
                    "<p>The jug could not be moved in time.</p>",
                ),
                "layout": "feature",
            },
        ),
        block(
            "image",
            {
                "image": images["hero"].pk,
                "register_object": None,
                "alt_text": t(
                    "Дерев'яні ящики з експонатами стоять рядами в сховищі",
                    "Wooden crates of exhibits stand in rows in a store",
                ),
                "decorative": False,
                "caption": t("Сховище, квітень 2022 року", "The store, April 2022"),
                "credit": "",
                "deep_zoom": True,
                "width": "wide",
            },
        ),
        block(
            "sources",
            {
                "heading": "",
                "items": [
                    {
                        "citation": t(
                            "<p>Звіт музею про евакуацію фондів, 2023.</p>",
                            "<p>The museum's report on the evacuation of its collections, 2023.</p>",
                        ),
                        "url": "https://www.example.org/reports/evacuation-2023",
                        "accessed": "2024-05-02",
                    }
                ],
            },
        ),
    ]


def chapter_two_body(language, objects, images):
    t = pick(language)
    return [
        heading(t("Повернення", "Return")),
        paragraph(
            t(
                "<p>Частина предметів уже повернулася до музею.</p>",
                "<p>Some of the objects have already come back to the museum.</p>",
            )
        ),
        block(
            "object_grid",
            {
                "heading": t("Повернуті предмети", "Objects that came back"),
                "introduction": t(
                    "Предмети, що повернулися з евакуації.", "Objects back from evacuation."
                ),
                "objects": [objects["NMIU-2006"].pk, objects["NMIU-2002"].pk],
                "layout": "grid",
            },
        ),
        block(
            "register_object",
            {"object": objects["NMIU-2004"].pk, "note": "", "layout": "card"},
        ),
        block(
            "image",
            {
                "image": images["pattern"].pk,
                "register_object": None,
                "alt_text": "",
                "decorative": True,
                "caption": "",
                "credit": "",
                "deep_zoom": False,
                "width": "full",
            },
        ),
    ]


def story_body(language, objects, images, documents):
    """All but one of the story blocks; the 3D model is on the theme page, where no test
    scrolls past it (in software-rendered Chromium its WebGL start-up takes seconds)."""
    t = pick(language)
    pysanka = objects["NMIU-2001"]
    before, after = comparison_labels(language)
    return [
        block(
            "content_warning",
            {
                "title": "",
                "text": t(
                    "Ця історія згадує руйнування музеїв під час війни.",
                    "This story mentions museums destroyed during the war.",
                ),
            },
        ),
        heading(t("Звідки береться писанка", "Where a pysanka comes from")),
        paragraph(
            t(
                "<p>Писанку пишуть воском: лінія за лінією, фарба за фарбою. У кожному "
                'регіоні свої знаки — про них докладніше в <a href="https://uk.wikipedia.org/'
                'wiki/Писанка">енциклопедії</a>.</p>',
                "<p>A pysanka is written in wax: line by line, dye by dye. Every region has "
                'its own signs; read more in the <a href="https://en.wikipedia.org/wiki/'
                'Pysanka">encyclopaedia</a>.</p>',
            )
        ),
        block(
            "comparison",
            {
                "before": {
                    "image": images["hall_before"].pk,
                    "alt_text": t(
                        "Зала з вітринами, повними писанок",
                        "The hall with its display cases full of pysanky",
                    ),
                    "label": before,
                },
                "after": {
                    "image": images["hall_after"].pk,
                    "alt_text": t(
                        "Та сама зала з порожніми вітринами",
                        "The same hall with empty display cases",
                    ),
                    "label": after,
                },
                "caption": t(
                    "Зала писанок до і після евакуації.",
                    "The pysanka hall before and after the evacuation.",
                ),
                "credit": t("Фото: музей", "Photos: the museum"),
            },
        ),
        block(
            "register_object",
            {
                "object": pysanka.pk,
                "note": t(
                    "<p>Орнамент «сорок клинців» ділить яйце на сорок трикутників.</p>",
                    "<p>The “forty triangles” pattern divides the egg into forty parts.</p>",
                ),
                "layout": "feature",
            },
        ),
        block(
            "object_grid",
            {
                "heading": t("Писанки та їхні сусіди", "Pysanky and their neighbours"),
                "introduction": t(
                    "Предмети з регіонів, про які йдеться в історії.",
                    "Objects from the regions this story visits.",
                ),
                "objects": [obj.pk for obj in objects.values()],
                "layout": "carousel",
            },
        ),
        block(
            "image",
            {
                "image": None,
                "register_object": objects["NMIU-2005"].pk,
                "alt_text": t("Гуцульська писанка з оленями", "A Hutsul pysanka with deer"),
                "decorative": False,
                "caption": t("Гуцульська писанка", "A Hutsul pysanka"),
                "credit": "",
                "deep_zoom": False,
                "width": "content",
            },
        ),
        block(
            "quote",
            {
                "quote": "І чужому научайтесь,\nЙ свого не цурайтесь.",
                "attribution": t("Тарас Шевченко", "Taras Shevchenko"),
                "source": t(
                    "«І мертвим, і живим, і ненарожденним…», 1845",
                    "“To the dead, the living and the unborn…”, 1845",
                ),
                "language": "" if language == "uk" else "uk",
            },
        ),
        block(
            "media",
            {
                "kind": "audio",
                "title": t("Майстриня розповідає про писанку", "A master talks about her craft"),
                "file": documents["audio"].pk,
                "poster": None,
                "captions": documents["captions"][language].pk,
                "captions_language": "",
                "chapters": documents["chapters"][language].pk,
                "transcript": t(
                    "<p>Спочатку малюють воском лінії, що ділять яйце. Потім — жовта "
                    "фарба, червона і чорна.</p>",
                    "<p>First the wax lines that divide the egg. Then yellow dye, red, and "
                    "black.</p>",
                ),
                "credit": t("Запис: музей, 2023", "Recording: the museum, 2023"),
            },
        ),
        block(
            "embed",
            {
                "embed": EMBED_URL,
                "title": t("Майстер-клас з писанкарства", "A pysanka workshop"),
                "transcript": t(
                    "<p>Майстриня показує, як тримати писачок.</p>",
                    "<p>The master shows how to hold the stylus.</p>",
                ),
                "caption": t("Відео на сайті музею", "A video on the museum's website"),
            },
        ),
        block(
            "map",
            {
                "heading": t("Де пишуть писанки", "Where pysanky are made"),
                "caption": t("Осередки писанкарства", "Centres of the craft"),
                "places": [
                    {
                        "name": t(name_uk, name_en),
                        "latitude": latitude,
                        "longitude": longitude,
                        "description": t(about_uk, about_en),
                        "register_object": pysanka.pk if index == 0 else None,
                    }
                    for index, (name_uk, name_en, about_uk, about_en, latitude, longitude) in (
                        enumerate(PLACES)
                    )
                ],
            },
        ),
        block(
            "timeline",
            {
                "heading": t("Писанка в часі", "The pysanka through time"),
                "events": [
                    {
                        "date_label": t("Квітень 2000", "April 2000"),
                        "year": 2000,
                        "title": t(
                            "У Коломиї відкрито будівлю музею «Писанка»",
                            "The Pysanka Museum building opens in Kolomyia",
                        ),
                        "text": "",
                        "register_object": None,
                    },
                    {
                        "date_label": t("1930-ті роки", "1930s"),
                        "year": 1935,
                        "title": t(
                            "Написано писанку «Сорок клинців»",
                            "The “forty triangles” pysanka is made",
                        ),
                        "text": t("Гуцульщина.", "Hutsul region."),
                        "register_object": pysanka.pk,
                    },
                ],
            },
        ),
        block(
            "sources",
            {
                "heading": t("Джерела", "Sources"),
                "items": [
                    {
                        "citation": t(
                            "<p><i>Писанки України</i>. Київ, 2015.</p>",
                            "<p><i>Pysanky of Ukraine</i>. Kyiv, 2015.</p>",
                        ),
                        "url": "",
                        "accessed": None,
                    },
                    {
                        "citation": t("<p>Сайт музею «Писанка».</p>", "<p>The Pysanka Museum.</p>"),
                        "url": "https://www.example.org/pysanka-museum",
                        "accessed": "2024-04-20",
                    },
                ],
            },
        ),
        block(
            "call_to_action",
            {
                "heading": t("Відвідайте музей", "Visit the museum"),
                "text": "",
                "link_page": None,
                "link_url": "https://www.example.org/pysanka-museum/visit",
                "label": t("Години роботи", "Opening hours"),
            },
        ),
    ]


def theme_body(language, objects, images, documents):
    t = pick(language)
    pysanka = objects["NMIU-2001"]
    return [
        heading(t("Про тему", "About the theme")),
        paragraph(
            t(
                "<p>Музеї, архіви і майстрині, що бережуть народне мистецтво.</p>",
                "<p>The museums, archives and makers who keep folk art alive.</p>",
            )
        ),
        block(
            "timeline",
            {
                "heading": t("Віхи", "Milestones"),
                "events": [
                    {
                        "date_label": "2022",
                        "year": 2022,
                        "title": t("Евакуація фондів", "The collections are evacuated"),
                        "text": "",
                        "register_object": objects["NMIU-2002"].pk,
                    }
                ],
            },
        ),
        block(
            "model_3d",
            {
                "model": documents["model"].pk,
                "poster": images["model_poster"].pk,
                "alt_text": t(
                    "Писанка з орнаментом «сорок клинців», яку можна обертати",
                    "A pysanka with the “forty triangles” pattern that can be turned",
                ),
                "description": t(
                    "3D-модель писанки, відсканованої 2023 року.",
                    "A 3D model of the pysanka, scanned in 2023.",
                ),
                "register_object": pysanka.pk,
                "credit": t("3D-сканування: команда музею", "3D scan: the museum's team"),
            },
        ),
        block(
            "content_warning",
            {
                "title": t("Втрати", "Losses"),
                "text": t(
                    "Деякі предмети цієї теми викрадені або пошкоджені.",
                    "Some objects of this theme were stolen or damaged.",
                ),
            },
        ),
    ]


def comparison_labels(language):
    t = pick(language)
    return t("Березень 2021", "March 2021"), t("Квітень 2023", "April 2023")


def credits(language):
    t = pick(language)
    return [
        block(
            "credit",
            {"role": t("Кураторка", "Curator"), "names": t("Олена Коваленко", "Olena Kovalenko")},
        ),
        block("credit", {"role": t("Переклад", "Translation"), "names": "Andrii Melnyk"}),
    ]


def validated(stream):
    """``stream`` after the story block's own validation: what an editor could save.

    Embeds are left out of the check: saving one fetches it, and this one cannot be fetched
    (the editor saved it while its provider answered; now it is gone, as offline).
    """
    stream_block = StoryStreamBlock()
    checked = [child for child in stream if child["type"] != "embed"]
    try:
        stream_block.clean(stream_block.to_python(checked))
    except StreamBlockValidationError as error:
        raise AssertionError(f"Invalid story stream: {error.as_json_data()}") from error
    return stream


# --- pages -----------------------------------------------------------------------------------


def build_story_site():
    """Build every page in uk and en (plus one uk-only story) and return a :class:`StorySite`."""
    ensure_portal_site(hostname="testserver")
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    objects = build_objects()
    images = build_images()
    documents = build_documents()

    index = ExhibitionIndexPageFactory(
        parent=homes["uk"],
        title="Виставки та історії",
        introduction="<p>Виставки й історії про українську спадщину.</p>",
    )
    index_en = translate(
        index,
        "en",
        title="Exhibitions and stories",
        introduction="<p>Exhibitions and stories about Ukrainian heritage.</p>",
    )

    story = StoryPageFactory(
        parent=index,
        title="Писанки від Гуцульщини до Полтавщини",
        slug="pysanky",
        summary="Як пишуть писанки в різних регіонах і що з ними сталося під час війни.",
        author="Ірина Шевченко",
        hero_image=images["workshop"],
        hero_alt_text="Руки майстрині наносять віск на яйце",
        body=validated(story_body("uk", objects, images, documents)),
        credits=credits("uk"),
    )
    story_en = translate(
        story,
        "en",
        title="Pysanky from the Hutsul region to Poltava",
        summary="How pysanky are made in different regions, and what the war did to them.",
        author="Iryna Shevchenko",
        hero_alt_text="A master's hands apply wax to an egg",
        body=validated(story_body("en", objects, images, documents)),
        credits=credits("en"),
    )
    untranslated = StoryPageFactory(
        parent=index,
        title="Кераміка Опішні",
        slug="opishnia",
        summary="Історія гончарства, яку ще не перекладено.",
        body=validated(
            [
                heading("Гончарна столиця"),
                paragraph("<p>В Опішні гончарювали століттями.</p>"),
            ]
        ),
    )

    exhibition = ExhibitionPageFactory(
        parent=index,
        title="Врятовані скарби",
        slug="vriatovani-skarby",
        summary="Предмети, вивезені в безпечні місця, і люди, які їх вивозили.",
        hero_image=images["hero"],
        hero_alt_text="Дерев'яні ящики з експонатами в сховищі",
        body=validated(exhibition_body("uk", story)),
        credits=credits("uk"),
    )
    exhibition_en = translate(
        exhibition,
        "en",
        title="Saved treasures",
        summary="Objects moved to safety, and the people who moved them.",
        hero_alt_text="Wooden crates of exhibits in a store",
        body=validated(exhibition_body("en", story)),
        credits=credits("en"),
    )
    chapters, chapters_en = [], []
    for slug, uk, en, body in (
        ("pakuvannia", "Пакування", "Packing", chapter_one_body),
        ("povernennia", "Повернення", "Return", chapter_two_body),
    ):
        chapter = ChapterPageFactory(
            parent=exhibition,
            title=uk,
            slug=slug,
            summary=f"Розділ «{uk}».",
            body=validated(body("uk", objects, images)),
        )
        chapters.append(chapter)
        chapters_en.append(
            translate(
                chapter,
                "en",
                title=en,
                summary=f"The chapter “{en}”.",
                body=validated(body("en", objects, images)),
            )
        )

    themes = ThemeIndexPageFactory(
        parent=homes["uk"], title="Теми", introduction="<p>Спадщина за темами.</p>"
    )
    themes_en = translate(themes, "en", title="Themes", introduction="<p>Heritage by theme.</p>")
    theme = ThemePageFactory(
        parent=themes,
        title="Народне мистецтво",
        slug="narodne-mystetstvo",
        summary="Писанки, рушники й кераміка: виставки, історії та предмети.",
        hero_image=images["pattern"],
        hero_alt_text="Червоно-чорний орнамент писанки",
        introduction="<p>Народне мистецтво в колекціях українських музеїв.</p>",
        featured_pages=[
            ThemeFeaturedPage(page=exhibition, sort_order=0),
            ThemeFeaturedPage(page=story, sort_order=1),
        ],
        curated_objects=[
            block("object", obj.pk)
            for obj in (objects["NMIU-2001"], objects["NMIU-2002"], objects["NMIU-2007"])
        ],
        body=validated(theme_body("uk", objects, images, documents)),
    )
    theme_en = translate(
        theme,
        "en",
        title="Folk art",
        summary="Pysanky, rushnyky and ceramics: exhibitions, stories and objects.",
        hero_alt_text="A red and black pysanka pattern",
        introduction="<p>Folk art in the collections of Ukrainian museums.</p>",
        body=validated(theme_body("en", objects, images, documents)),
    )

    for language, stale in homes.items():
        # Fresh rows: the ones fetched before the pages were added know of no children.
        home = homes[language] = HomePage.objects.get(pk=stale.pk)
        home.featured_pages = [
            HomeFeaturedPage(page=page, sort_order=order)
            for order, page in enumerate((exhibition, story, theme))
        ]
        home.featured_objects = [block("object", obj.pk) for obj in list(objects.values())[:4]]
        home.save_revision().publish()

    pages = {
        "home": homes,
        "exhibitions": {"uk": index, "en": index_en},
        "exhibition": {"uk": exhibition, "en": exhibition_en},
        "chapter_1": {"uk": chapters[0], "en": chapters_en[0]},
        "chapter_2": {"uk": chapters[1], "en": chapters_en[1]},
        "story": {"uk": story, "en": story_en},
        "themes": {"uk": themes, "en": themes_en},
        "theme": {"uk": theme, "en": theme_en},
        "untranslated": {"uk": untranslated},
    }
    urls = {
        key: {lang: page.url for lang, page in by_language.items()}
        for key, by_language in pages.items()
    }
    titles = {
        key: {lang: page.title for lang, page in by_language.items()}
        for key, by_language in pages.items()
    }
    urls["object"] = {lang: f"/{lang}/objects/NMIU-2001/" for lang in LANGUAGES}

    streams = [
        page.body
        for key, by_language in pages.items()
        if key != "home"
        for page in by_language.values()
        if hasattr(page, "body")
    ]
    block_types = {child.block_type for stream in streams for child in stream}
    missing = set(StoryStreamBlock.base_blocks) - block_types
    if missing:
        raise AssertionError(f"The story pages do not use these blocks: {sorted(missing)}")

    return StorySite(
        urls=urls,
        titles=titles,
        places={
            language: [pick(language)(place[0], place[1]) for place in PLACES]
            for language in LANGUAGES
        },
        carousel_size=len(objects),
        comparison_labels={language: comparison_labels(language) for language in LANGUAGES},
        block_types=frozenset(block_types),
    )
