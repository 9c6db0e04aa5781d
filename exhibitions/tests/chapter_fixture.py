"""The benchmark chapter: 30 blocks, 12 of them register objects, and its plain peer.

Shared by the pinned query-count test (test_chapter_queries.py) and ``make bench``
(bench/stories.py), so both measure the same page.
"""

from exhibitions.tests.factories import ChapterPageFactory, ExhibitionPageFactory
from registry.models import ObjectStatus
from registry.tests.builders import add_photo, museum, object_type, portal_image, register_object

PARAGRAPH = (
    "<p>Навесні 2022 року працівники музею пакували ікони, рушники й кераміку в ящики, "
    "перекладали їх папером і вивозили туди, де їм нічого не загрожувало. Кожен предмет "
    "мав свій номер у Державному реєстрі, і кожен ящик мав свій опис, щоб після війни "
    "все повернулося на свої місця. <b>Ця глава</b> розповідає про тих, хто це робив.</p>"
)
QUOTE = "Ми рятували не речі, а пам'ять, яку ці речі зберігають для наступних поколінь."


def benchmark_objects(count=12):
    """``count`` published objects with a photograph; every fourth one stolen."""
    holder = museum(code="BENCH")
    kind = object_type("Ікона")
    objects = []
    for number in range(count):
        status = ObjectStatus.STOLEN if number % 4 == 3 else ObjectStatus.IN_COLLECTION
        obj = register_object(
            title=f"Предмет для вимірювань № {number + 1}",
            holder=holder,
            object_type=kind,
            date_display="XVIII ст.",
            status=status,
        )
        add_photo(obj, alt_text=f"Фото предмета {number + 1}")
        objects.append(obj)
    return objects


def chapter_blocks(objects, image):
    """30 blocks: 12 register objects, 8 paragraphs, 4 headings, 2 quotes and 4 others."""
    blocks = []
    for section in range(4):
        blocks.append(
            {"type": "heading", "value": {"text": f"Частина {section + 1}", "level": "h2"}}
        )
        blocks.append({"type": "paragraph", "value": PARAGRAPH})
        for obj in objects[section * 3 : section * 3 + 3]:
            blocks.append(
                {
                    "type": "register_object",
                    "value": {"object": obj.pk, "note": "<p>Чому цей предмет важливий.</p>"},
                }
            )
        blocks.append({"type": "paragraph", "value": PARAGRAPH})
    blocks.insert(1, {"type": "quote", "value": {"quote": QUOTE, "attribution": "Зберігачка"}})
    blocks.insert(12, {"type": "quote", "value": {"quote": QUOTE, "attribution": "Реставратор"}})
    blocks.append(
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Ящики з предметами", "caption": "Евакуація"},
        }
    )
    blocks.append({"type": "content_warning", "value": {"title": "", "text": "Руйнування."}})
    blocks.append(
        {
            "type": "sources",
            "value": {"heading": "", "items": [{"citation": "<p>Звіт музею, 2023.</p>"}]},
        }
    )
    blocks.append(
        {
            "type": "call_to_action",
            "value": {
                "heading": "Допоможіть знайти викрадене",
                "text": "",
                "link_url": "https://www.interpol.int/",
                "label": "Дізнатися більше",
            },
        }
    )
    assert len(blocks) == 30
    assert sum(block["type"] == "register_object" for block in blocks) == 12
    return blocks


def plain_blocks(blocks):
    """One rich-text block as long as the text of ``blocks``: the peer page."""
    text = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "paragraph":
            text.append(value)
        elif block["type"] == "heading":
            text.append(f"<p><b>{value['text']}</b></p>")
        elif block["type"] == "quote":
            text.append(f"<p><i>{value['quote']}</i></p>")
        else:
            text.append(PARAGRAPH)  # stands in for an object's card text
    return [{"type": "paragraph", "value": "".join(text)}]


def build_benchmark_chapters(index):
    """An exhibition under ``index`` with the benchmark chapter and its plain peer."""
    objects = benchmark_objects()
    image = portal_image(title="Евакуація", alt_text="Ящики")
    blocks = chapter_blocks(objects, image)
    exhibition = ExhibitionPageFactory(parent=index, title="Вимірювання", slug="bench")
    chapter = ChapterPageFactory(
        parent=exhibition, title="Тридцять блоків", slug="blocks", body=blocks
    )
    plain = ChapterPageFactory(
        parent=exhibition, title="Простий текст", slug="plain", body=plain_blocks(blocks)
    )
    return chapter, plain, objects
