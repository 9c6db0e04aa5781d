"""Exhibition "Patterns of Home": the chapter on painting, clay and ornament."""

from ..media import PICTURES
from ..spec import (
    Img,
    PageRef,
    PageSpec,
    T,
    block,
    call_to_action,
    heading,
    items,
    object_grid,
    paragraph,
    place,
    register_object,
    sources,
)

UNESCO_ICH_LISTS = "https://ich.unesco.org/en/lists"
#: An external video source: a platform page cannot be fetched offline (and a channel has no
#: oEmbed), so the block shows it as a plain link, never an error.
UNESCO_ON_YOUTUBE = "https://www.youtube.com/@UNESCO"

BODY = [
    paragraph(
        T(
            "<p>Петриківський розпис народився в селі Петриківка на Дніпропетровщині: колись "
            "ним прикрашали стіни хат і печі, згодом — папір, дерево й посуд. Майстри пишуть "
            "квіти, калину й «зернятка» одним мазком, часто пензлем із котячої шерсті або "
            "просто пальцем. 2013 року ЮНЕСКО внесло петриківський розпис до Репрезентативного "
            "списку нематеріальної культурної спадщини людства.</p>",
            "<p>Petrykivka painting was born in the village of Petrykivka in the "
            "Dnipropetrovsk region: it once decorated the walls and stoves of houses, later "
            "paper, wood and tableware. Painters lay flowers, viburnum and “seeds” in single "
            "strokes, often with a brush of cat’s hair or simply a finger. In 2013 UNESCO "
            "inscribed Petrykivka painting on the Representative List of the Intangible "
            "Cultural Heritage of Humanity.</p>",
        )
    ),
    register_object(
        "demo-folk-001",
        T(
            "<p>Кожну пелюстку покладено одним мазком пензля, набраного двома фарбами, — "
            "звідси м’який перехід кольору.</p>",
            "<p>Each petal is a single stroke of a brush loaded with two colours, hence the "
            "soft gradation.</p>",
        ),
    ),
    heading(T("Глина й полива", "Clay and Glaze")),
    paragraph(
        T(
            "<p>Опішня на Полтавщині — найвідоміший осередок українського гончарства; тут "
            "працює Національний музей-заповідник українського гончарства. Косівську "
            "мальовану кераміку з зеленими, жовтими й коричневими розписами по білому ангобу "
            "ЮНЕСКО внесло до Репрезентативного списку 2019 року. А у Василькові під Києвом "
            "народні мотиви перейшли на фабричну майоліку.</p>",
            "<p>Opishnia in the Poltava region is the best-known centre of Ukrainian pottery "
            "and home to the National Museum-Preserve of Ukrainian Pottery. UNESCO inscribed "
            "the painted ceramics of Kosiv, with their green, yellow and brown designs on "
            "white slip, on the Representative List in 2019. In Vasylkiv, near Kyiv, folk "
            "motifs passed onto factory-made majolica.</p>",
        )
    ),
    object_grid(
        [
            "demo-folk-003",
            "demo-folk-004",
            "demo-folk-005",
            "demo-folk-006",
            "demo-kharkiv-005",
        ],
        heading=T("Кераміка з реєстру", "Ceramics in the register"),
        introduction=T(
            "Кахля з розетою зараз у сховищі: її статус — «переміщено на збереження».",
            "The tile with a rosette is in a safe store: its status is “moved for safekeeping”.",
        ),
    ),
    heading(T("Орнамент як знання", "Ornament as Knowledge")),
    paragraph(
        T(
            "<p>Народне мистецтво України — це не лише українські традиції. Кримськотатарський "
            "орнамент <i>орнек</i> складається з рослинних мотивів — тюльпанів, гвоздик, "
            "троянд, мигдалю, кипарисів, — і кожен знак має своє значення. Орнек прикрашає "
            "вишивку, килими, філігранні прикраси, кераміку й різьблення. 2021 року ЮНЕСКО "
            "за поданням України внесло «Кримськотатарський орнамент орнек і знання про нього» "
            "до Репрезентативного списку нематеріальної культурної спадщини людства.</p>",
            "<p>The folk art of Ukraine is not only Ukrainian. The Crimean Tatar ornament "
            "<i>örnek</i> is made of plant motifs (tulips, carnations, roses, almond, "
            "cypress), and every sign has its meaning. Örnek adorns embroidery, carpets, "
            "filigree jewellery, ceramics and carving. In 2021, on Ukraine’s nomination, "
            "UNESCO inscribed “Crimean Tatar ornament Örnek and knowledge about it” on the "
            "Representative List of the Intangible Cultural Heritage of Humanity.</p>",
        )
    ),
    block(
        "map",
        {
            "heading": T("Осередки ремесел", "Centres of the crafts"),
            "caption": T("Координати приблизні.", "Coordinates are approximate."),
            "places": items(
                [
                    place(
                        T("Петриківка", "Petrykivka"),
                        48.733,
                        34.630,
                        T("Петриківський розпис.", "Petrykivka painting."),
                        "demo-folk-001",
                    ),
                    place(
                        T("Опішня", "Opishnia"),
                        49.958,
                        34.612,
                        T("Гончарство й розпис ангобами.", "Pottery and slip painting."),
                        "demo-folk-003",
                    ),
                    place(
                        T("Косів", "Kosiv"),
                        48.316,
                        25.095,
                        T("Мальована кераміка.", "Painted ceramics."),
                        "demo-folk-005",
                    ),
                    place(
                        T("Васильків", "Vasylkiv"),
                        50.180,
                        30.313,
                        T("Майоліка.", "Majolica."),
                        "demo-folk-004",
                    ),
                    place(
                        T("Коломия", "Kolomyia"),
                        48.531,
                        25.037,
                        T(
                            "Музей «Писанка», відкритий 2000 року в будівлі у формі писанки.",
                            "The Pysanka Museum, opened in 2000 in a building shaped like a pysanka.",
                        ),
                    ),
                    place(
                        T("Бахчисарай", "Bakhchysarai"),
                        44.752,
                        33.860,
                        T(
                            "Ханський палац — пам’ятка кримськотатарської архітектури; нині в "
                            "окупованому Криму.",
                            "The Khan’s Palace, a landmark of Crimean Tatar architecture; now in "
                            "occupied Crimea.",
                        ),
                    ),
                ]
            ),
        },
    ),
    block(
        "embed",
        {
            "embed": UNESCO_ON_YOUTUBE,
            "title": T("ЮНЕСКО на YouTube", "UNESCO on YouTube"),
            "transcript": T("", ""),
            "caption": T(
                "Зовнішній відеоканал: відкривається на сайті YouTube.",
                "An external video channel: it opens on YouTube.",
            ),
        },
    ),
    sources(
        (
            T(
                "ЮНЕСКО. <i>Списки нематеріальної культурної спадщини</i>: петриківський "
                "розпис (2013), косівська мальована кераміка (2019), кримськотатарський "
                "орнамент орнек (2021).",
                "UNESCO. <i>Lists of Intangible Cultural Heritage</i>: Petrykivka painting "
                "(2013), Kosiv painted ceramics (2019), the Crimean Tatar ornament Örnek "
                "(2021).",
            ),
            UNESCO_ICH_LISTS,
        ),
    ),
    call_to_action(
        T("Писанка зблизька", "A closer look at the pysanka"),
        T("Читати історію", "Read the story"),
        text=T(
            "Віск, вогонь і фарба: як пишуть писанку і що означають її знаки.",
            "Wax, fire and dye: how a pysanka is written and what its signs mean.",
        ),
        page=PageRef("story"),
    ),
]

CRAFTS = PageSpec(
    key="folk-crafts",
    model="exhibitions.ChapterPage",
    slug="paint-and-clay",
    title=T("Розпис і глина", "Paint and Clay"),
    fields={
        "summary": T(
            "Петриківський розпис, кераміка Опішні, Косова й Василькова та кримськотатарський "
            "орнамент орнек.",
            "Petrykivka painting, the ceramics of Opishnia, Kosiv and Vasylkiv, and the "
            "Crimean Tatar ornament örnek.",
        ),
        "hero_image": Img("clay-and-paint"),
        "hero_alt_text": PICTURES["clay-and-paint"].alt,
        "body": BODY,
    },
)
