"""Exhibition "Patterns of Home": the landing page and the chapter on pysanky and rushnyky.

Facts about traditions and UNESCO inscriptions are real; the objects are demo records.
"""

from ..media import PICTURES
from ..spec import (
    Doc,
    Img,
    Obj,
    PageRef,
    PageSpec,
    T,
    block,
    call_to_action,
    credits,
    event,
    heading,
    items,
    object_grid,
    paragraph,
    quote,
    register_object,
)
from .folk_crafts import CRAFTS

LANDING_BODY = [
    paragraph(
        T(
            "<p>Писанка, рушник, розписаний глечик, кахля з печі — речі, якими жили щодня й "
            "на свята. У їхніх візерунках — знання про рік і його свята, про рід і дім, "
            "передане від майстра до учня. Виставка показує народне мистецтво з "
            "демонстраційного реєстру порталу: писанки й рушники, петриківський розпис, "
            "кераміку Опішні, Косова й Василькова.</p>",
            "<p>A pysanka, a rushnyk, a painted jug, a tile from a stove: things people lived "
            "with every day and on feast days. Their patterns hold knowledge of the year and "
            "its feasts, of family and home, handed down from master to apprentice. This "
            "exhibition shows folk art from the portal’s demo register: pysanky and "
            "rushnyky, Petrykivka painting, and the ceramics of Opishnia, Kosiv and "
            "Vasylkiv.</p>",
        )
    ),
    quote(
        T(
            "Учітеся, брати мої! Думайте, читайте, і чужому научайтесь, й свого не цурайтесь.",
            "Learn, my brothers! Think and read; learn from others, and do not shun your own.",
        ),
        attribution=T("Тарас Шевченко", "Taras Shevchenko"),
        source=T(
            "«І мертвим, і живим, і ненародженим…», 1845",
            "“To the dead, the living and the unborn…”, 1845; translated for this exhibition",
        ),
    ),
    object_grid(
        [
            "demo-honchar-004",
            "demo-folk-001",
            "demo-folk-003",
            "demo-honchar-001",
            "demo-folk-005",
            "demo-honchar-007",
            "demo-folk-008",
            "demo-history-005",
        ],
        heading=T("На виставці", "In the exhibition"),
        layout="carousel",
    ),
    block(
        "timeline",
        {
            "heading": T(
                "Візерунки крізь століття (демонстраційні записи)",
                "Patterns through the centuries (demo records)",
            ),
            "events": items(
                [
                    event(
                        T("IV тис. до н. е.", "4th millennium BCE"),
                        -3500,
                        T("Спіралі трипільської кераміки", "Spirals on Trypillian pottery"),
                        T(
                            "Посудину виліплено без гончарного круга.",
                            "The vessel was built without a potter’s wheel.",
                        ),
                        "demo-history-005",
                    ),
                    event(
                        T("XIX ст.", "19th century"),
                        1850,
                        T("Кахлі з Косова", "Stove tiles from Kosiv"),
                        register_id="demo-folk-005",
                    ),
                    event(
                        T("Кінець XIX ст.", "Late 19th century"),
                        1885,
                        T("Рушник з ромбами", "A rushnyk with rhombs"),
                        register_id="demo-honchar-005",
                    ),
                    event(
                        T("Початок XX ст.", "Early 20th century"),
                        1907,
                        T("Опішнянський глечик", "A jug from Opishnia"),
                        register_id="demo-folk-003",
                    ),
                    event(
                        T("1930-ті роки", "1930s"),
                        1935,
                        T("Писанка «Сорок клинців»", "The pysanka “Forty Wedges”"),
                        register_id="demo-honchar-002",
                    ),
                    event(
                        T("1960-ті роки", "1960s"),
                        1965,
                        T("Васильківська майоліка", "Vasylkiv majolica"),
                        register_id="demo-folk-004",
                    ),
                    event(
                        T("1970-ті роки", "1970s"),
                        1975,
                        T("Петриківський розпис на чорному тлі", "Petrykivka painting on black"),
                        register_id="demo-folk-001",
                    ),
                    event(
                        T("1990-ті роки", "1990s"),
                        1995,
                        T("Писанка «Рожі»", "The pysanka “Roses”"),
                        register_id="demo-folk-007",
                    ),
                ]
            ),
        },
    ),
    call_to_action(
        T("Частина цих речей — у сховищах", "Some of these things are in safe stores"),
        T("До виставки «Спадщина під вогнем»", "Visit “Heritage under Fire”"),
        text=T(
            "Кахля з розетою й рушник з ромбами переміщені на збереження. Як музеї рятують "
            "свої колекції від війни — у виставці «Спадщина під вогнем».",
            "The tile with a rosette and the rushnyk with rhombs have been moved for "
            "safekeeping. How museums protect their collections from the war is the "
            "subject of “Heritage under Fire”.",
        ),
        page=PageRef("war"),
    ),
]

TRANSCRIPT = T(
    "<p>[Інструментальний фрагмент, близько семи секунд, без слів.]</p>"
    "<p>Синтезовані дзвіночки вісім разів повторюють мотив «Щедрика» з чотирьох нот: "
    "сі-бемоль, ля, сі-бемоль, соль. З п’ятого повтору під мотивом звучить низький дзвін на "
    "ноті соль. Наприкінці звук затихає.</p>"
    "<p>Слова щедрівки, на які лягає цей мотив: «Щедрик, щедрик, щедрівочка, прилетіла "
    "ластівочка, стала собі щебетати, господаря викликати…»</p>",
    "<p>[An instrumental excerpt of about seven seconds, without words.]</p>"
    "<p>Synthesised bells repeat the four-note motif of “Shchedryk” eight times: B flat, A, "
    "B flat, G. From the fifth repetition a low bell sounds G beneath the motif. At the end "
    "the sound fades away.</p>"
    "<p>The words of the carol that go with this motif: “Shchedryk, shchedryk, "
    "shchedrivochka, a little swallow has flown in, and started to twitter, calling out the "
    "master of the house…”</p>",
)

PYSANKA_BODY = [
    paragraph(
        T(
            "<p>Писанку не малюють, а <i>пишуть</i> — звідси й назва. Майстриня наносить "
            "розтоплений віск писачком, металевою трубочкою на паличці, і по черзі занурює "
            "яйце у фарби, від світлих до темних. Віск зберігає під собою попередній колір, "
            "тож візерунок складається шар за шаром. Наприкінці віск знімають біля полум’я "
            "свічки, і всі кольори відкриваються одразу.</p>",
            "<p>A pysanka is not painted but <i>written</i>: its name comes from "
            "<i>pysaty</i>, “to write”. The maker draws with molten beeswax using a kistka, a "
            "small metal funnel on a stick, and dips the egg into dyes in turn, from light to "
            "dark. The wax keeps the colour beneath it, so the design builds up layer by "
            "layer. At the end the wax is melted off by a candle flame and all the colours "
            "appear at once.</p>",
        )
    ),
    block(
        "model_3d",
        {
            "model": Doc("pysanka-glb"),
            "poster": Img("pysanka-3d-poster"),
            "alt_text": T(
                "Тривимірна модель писанки на бордовому тлі з жовтими зірками й помаранчевим "
                "поясом, яку можна обертати.",
                "A 3D model of a pysanka on a deep red ground with yellow stars and an orange "
                "belt, which you can turn.",
            ),
            "description": T(
                "Модель створено програмно для демонстрації: форма яйця — поверхня обертання, "
                "візерунок намальовано за мотивами писанки «Рожі». Обертайте модель мишею, "
                "пальцем або клавішами зі стрілками.",
                "The model was made by code for the demo: the egg is a surface of revolution "
                "and the ornament follows the pysanka “Roses”. Turn it with the mouse, a "
                "finger or the arrow keys.",
            ),
            "register_object": Obj("demo-folk-007"),
            "credit": T(
                "3D-модель: портал «Спадщина України», CC0",
                "3D model: Heritage of Ukraine portal, CC0",
            ),
        },
    ),
    object_grid(
        [
            "demo-honchar-001",
            "demo-honchar-002",
            "demo-honchar-003",
            "demo-folk-007",
            "demo-chernihiv-006",
        ],
        heading=T("Писанки з різних країв", "Pysanky from different regions"),
        introduction=T(
            "Зірки Гуцульщини, клинці Поділля, безконечник Чернігівщини. Чернігівську "
            "писанку знищено: її запис зберігається для обліку втрат.",
            "Stars from the Hutsul region, wedges from Podillia, an endless line from the "
            "Chernihiv region. The Chernihiv pysanka was destroyed: its record is kept to "
            "account for the loss.",
        ),
    ),
    heading(T("Рушник", "The Rushnyk")),
    paragraph(
        T(
            "<p>Рушник супроводжував людину від народження до смерті. Під час вінчання молоді "
            "ставали на рушник, старостів перев’язували рушниками, рушниками прикрашали ікони "
            "на покуті. Орнамент вишивали хрестиком, гладдю, набируванням або ткали просто на "
            "верстаті.</p>",
            "<p>The rushnyk, a ritual cloth, went with a person from birth to death. At a "
            "wedding the couple stood on a rushnyk, the matchmakers wore rushnyky tied across "
            "the shoulder, and rushnyky framed the icons in the corner of honour. The "
            "ornament was embroidered in cross-stitch, satin stitch or counted stitches, or "
            "woven straight on the loom.</p>",
        )
    ),
    block(
        "image",
        {
            "image": None,
            "register_object": Obj("demo-honchar-004"),
            "alt_text": T(
                "Кінець лляного рушника з вишитим червоними й чорними нитками деревом життя: "
                "парні гілки, зірка на вершині, поперечні смуги й китиці (ілюстрація "
                "демонстраційного запису).",
                "The end of a linen rushnyk embroidered in red and black with a tree of life: "
                "paired branches, a star at the top, cross bands and a fringe (an "
                "illustration of a demo record).",
            ),
            "decorative": False,
            "caption": T(
                "Весільний рушник із деревом життя. Демонстраційний запис.",
                "A wedding rushnyk with the tree of life. A demo record.",
            ),
            "credit": T("", ""),
            "deep_zoom": False,
            "width": "content",
        },
    ),
    register_object(
        "demo-honchar-006",
        T(
            "<p>Вишивка білим по білому: орнамент помітно лише при бічному світлі.</p>",
            "<p>White-on-white embroidery: the ornament shows only in raking light.</p>",
        ),
        layout="card",
    ),
    heading(T("Рік у піснях", "The Year in Songs")),
    paragraph(
        T(
            "<p>Писанки пишуть перед Великоднем, рушники вишивають до весілля, а взимку "
            "хатами ходять щедрувальники. Найвідоміша щедрівка — «Щедрик» в обробці Миколи "
            "Леонтовича: її мотив із чотирьох нот, що повторюється без упину, впізнають у "
            "всьому світі. 1922 року Український національний хор Олександра Кошиця виконав "
            "«Щедрика» в нью-йоркському Карнегі-холі, а згодом на цю мелодію написали "
            "англійську пісню «Carol of the Bells».</p>",
            "<p>Pysanky are written before Easter, rushnyky embroidered before a wedding, and "
            "in winter carollers go from house to house. The best-known carol is "
            "“Shchedryk” in Mykola Leontovych’s arrangement: its four-note motif, repeated "
            "without a pause, is recognised all over the world. In 1922 Oleksandr Koshyts’s "
            "Ukrainian National Chorus sang it at Carnegie Hall in New York; later the "
            "English song “Carol of the Bells” was written to the tune.</p>",
        )
    ),
    block(
        "media",
        {
            "kind": "audio",
            "title": T(
                "Мотив «Щедрика», зіграний синтезованими дзвіночками",
                "The “Shchedryk” motif played by synthesised bells",
            ),
            "file": Doc("shchedryk-wav"),
            "poster": None,
            "captions": Doc(T("shchedryk-captions-uk", "shchedryk-captions-en")),
            "captions_language": T("uk", "en"),
            "chapters": Doc(T("shchedryk-chapters-uk", "shchedryk-chapters-en")),
            "transcript": TRANSCRIPT,
            "credit": T(
                "Мотив народної щедрівки в обробці Миколи Леонтовича; синтезовано для демонстрації",
                "The folk carol’s motif as arranged by Mykola Leontovych; synthesised for the demo",
            ),
        },
    ),
]

EXHIBITION = PageSpec(
    key="folk",
    model="exhibitions.ExhibitionPage",
    slug="patterns-of-home",
    title=T("Візерунки дому", "Patterns of Home"),
    fields={
        "summary": T(
            "Народне мистецтво України: писанки й рушники, петриківський розпис, кераміка — "
            "і знання, що живуть у візерунках.",
            "Ukrainian folk art: pysanky and rushnyky, Petrykivka painting, ceramics, and the "
            "knowledge that lives in their patterns.",
        ),
        "hero_image": Img("folk-art"),
        "hero_alt_text": PICTURES["folk-art"].alt,
        "body": LANDING_BODY,
        "credits": credits(
            (
                T("Концепція і тексти", "Concept and texts"),
                T(
                    "Редакція демонстраційного вмісту порталу «Спадщина України»",
                    "The demo content team of the Heritage of Ukraine portal",
                ),
            ),
            (
                T("Звук і 3D-модель", "Sound and 3D model"),
                T(
                    "Створено програмно для демонстрації (CC0)",
                    "Generated by code for the demo (CC0)",
                ),
            ),
        ),
    },
    children=[
        PageSpec(
            key="folk-pysanka",
            model="exhibitions.ChapterPage",
            slug="pysanka-and-rushnyk",
            title=T("Писанка і рушник", "Pysanka and Rushnyk"),
            fields={
                "summary": T(
                    "Як пишуть писанку, що означає рушник і як звучить «Щедрик».",
                    "How a pysanka is written, what a rushnyk means, and how “Shchedryk” sounds.",
                ),
                "hero_image": Img("pysanky"),
                "hero_alt_text": PICTURES["pysanky"].alt,
                "body": PYSANKA_BODY,
            },
        ),
        CRAFTS,
    ],
)
