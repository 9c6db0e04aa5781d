"""The story "Pysanka: Writing the Spring" and the theme hub "Pysanky"."""

from ..media import PICTURES
from ..spec import (
    Img,
    Obj,
    PageRef,
    PageSpec,
    T,
    block,
    call_to_action,
    credits,
    heading,
    items,
    object_grid,
    paragraph,
    place,
    register_object,
    sources,
)

PYSANKY = [
    "demo-honchar-001",
    "demo-honchar-002",
    "demo-honchar-003",
    "demo-folk-007",
    "demo-chernihiv-006",
]

STORY_BODY = [
    paragraph(
        T(
            "<p>В останні тижні перед Великоднем у багатьох українських хатах пахло воском. "
            "Писанки писали жінки й дівчата, найчастіше ввечері, коли закінчувалася робота. "
            "Кожна писанка — побажання: здоров’я, врожаю, щасливого шлюбу, захисту для "
            "дому.</p>",
            "<p>In the last weeks before Easter many Ukrainian homes smelled of beeswax. "
            "Pysanky were written by women and girls, most often in the evening when the "
            "day’s work was done. Every pysanka is a wish: for health, a good harvest, a "
            "happy marriage, a safe home.</p>",
        )
    ),
    heading(T("Віск, вогонь і фарба", "Wax, Fire and Dye")),
    paragraph(
        T(
            "<p>Для писанки беруть сире яйце з цілою, чистою шкаралупою. Писачком — "
            "трубочкою, нагрітою над свічкою, — наносять віск там, де має лишитися білий "
            "колір, потім занурюють яйце в жовту фарбу, знову пишуть воском, і так — до "
            "найтемнішої фарби. Колись фарби варили з рослин: цибулиння, кори, ягід; з кінця "
            "XIX століття дедалі частіше брали фабричні.</p>"
            "<p>Писанку не слід плутати з крашанкою: крашанку фарбують в один колір і їдять, "
            "а писанку зберігають, дарують і кладуть під образи.</p>",
            "<p>A pysanka starts with a raw egg with a whole, clean shell. With a kistka, a "
            "small funnel warmed over a candle, wax is laid where white is to stay; then the "
            "egg goes into yellow dye, more wax is written, and so on to the darkest dye. "
            "Dyes were once boiled from plants (onion skins, bark, berries); from the late "
            "19th century factory dyes were used more and more.</p>"
            "<p>A pysanka is not a krashanka: a krashanka is dyed in one colour and eaten, "
            "while a pysanka is kept, given as a gift and placed beneath the icons.</p>",
        )
    ),
    block(
        "image",
        {
            "image": None,
            "register_object": Obj("demo-honchar-003"),
            "alt_text": T(
                "Писанка з хвилястою лінією без початку й кінця, що обвиває її поясом "
                "(ілюстрація демонстраційного запису).",
                "A pysanka girdled by a wavy line with no beginning and no end (an "
                "illustration of a demo record).",
            ),
            "decorative": False,
            "caption": T(
                "Безконечник: білі лінії лишилися під першим шаром воску.",
                "An endless line: the white lines stayed under the first layer of wax.",
            ),
            "credit": T("", ""),
            "deep_zoom": True,
            "width": "content",
        },
    ),
    heading(T("Знаки на шкаралупі", "Signs on the Shell")),
    paragraph(
        T(
            "<p>За народним тлумаченням восьмикутна зірка — знак сонця, безконечник — "
            "вічності й неперервності життя, деревце — роду. «Сорок клинців» ділять писанку на "
            "трикутники, які пов’язують із сорока днями Великого посту. Тлумачення різняться "
            "від села до села, і це теж частина традиції.</p>",
            "<p>In folk interpretation the eight-pointed star is a sign of the sun, the "
            "endless line of eternity and the continuity of life, the little tree of the "
            "family. The “forty wedges” divide the pysanka into triangles linked with the "
            "forty days of Lent. Meanings differ from village to village, and that too is "
            "part of the tradition.</p>",
        )
    ),
    register_object(
        "demo-honchar-002",
        T(
            "<p>Писанка зараз на виставці в іншому музеї: статус «передано на виставку» "
            "портал показує на картці.</p>",
            "<p>This pysanka is on show in another museum: the portal shows the “on loan” "
            "status on its card.</p>",
        ),
    ),
    heading(T("Різні краї — різні писанки", "Different Regions, Different Pysanky")),
    paragraph(
        T(
            "<p>Гуцульські писанки дрібно й густо вкриті геометричним орнаментом у жовтих, "
            "червоних і помаранчевих барвах; на Поділлі часто пишуть на чорному тлі. Кожен "
            "край мав свої улюблені мотиви й кольори, і дослідник за писанкою нерідко "
            "впізнає, з якого вона села. 2000 року в Коломиї відкрився музей «Писанка», "
            "будівля якого має форму велетенської писанки.</p>",
            "<p>Hutsul pysanky are finely and densely covered with geometric ornament in "
            "yellows, reds and oranges; in Podillia they are often written on a black "
            "ground. Every region had its favourite motifs and colours, and a scholar can "
            "often tell from a pysanka which village it comes from. In 2000 the Pysanka "
            "Museum opened in Kolomyia, in a building shaped like a giant pysanka.</p>",
        )
    ),
    object_grid(
        PYSANKY,
        heading=T("Писанки в реєстрі", "Pysanky in the register"),
        layout="carousel",
    ),
    sources(
        (
            T(
                "Кульжинский С. <i>Описание коллекции народных писанок</i>. Москва, 1899 "
                "(колекція Музею українських старожитностей К. Скаржинської).",
                "Kulzhinsky, S. <i>Description of a Collection of Folk Pysanky</i> (in "
                "Russian). Moscow, 1899 (the collection of Kateryna Skarzhynska’s museum of "
                "Ukrainian antiquities).",
            ),
            "",
        ),
    ),
    call_to_action(
        T("Покрутіть писанку", "Turn a pysanka"),
        T("До розділу «Писанка і рушник»", "Go to “Pysanka and Rushnyk”"),
        text=T(
            "У виставці «Візерунки дому» — тривимірна писанка, рушники й «Щедрик».",
            "The exhibition “Patterns of Home” has a 3D pysanka, rushnyky and “Shchedryk”.",
        ),
        page=PageRef("folk-pysanka"),
    ),
]

STORY = PageSpec(
    key="story",
    model="exhibitions.StoryPage",
    slug="pysanka-writing-the-spring",
    title=T("Писанка: як пишуть весну", "Pysanka: Writing the Spring"),
    fields={
        "summary": T(
            "Віск, вогонь і фарба: як пишуть писанку, що означають її знаки і чим "
            "відрізняються писанки різних країв.",
            "Wax, fire and dye: how a pysanka is written, what its signs mean and how "
            "pysanky differ from region to region.",
        ),
        "author": T("Редакція порталу", "The portal’s editors"),
        "hero_image": Img("pysanka-3d-poster"),
        "hero_alt_text": PICTURES["pysanka-3d-poster"].alt,
        "body": STORY_BODY,
        "credits": credits(
            (T("Текст", "Text"), T("Редакція порталу", "The portal’s editors")),
            (
                T("Ілюстрації", "Illustrations"),
                T(
                    "Намальовано програмно для демонстрації (CC0)",
                    "Drawn by code for the demo (CC0)",
                ),
            ),
        ),
    },
)

THEME_BODY = [
    heading(T("Де пишуть писанки", "Where Pysanky Are Written")),
    paragraph(
        T(
            "<p>Писанки пишуть по всій Україні, і в кожному краї — по-своєму. На мапі — краї, "
            "з яких походять писанки демонстраційного реєстру, і Коломия з її музеєм.</p>",
            "<p>Pysanky are written all over Ukraine, and each region has its own way. The map "
            "shows the regions the demo register’s pysanky come from, and Kolomyia with its "
            "museum.</p>",
        )
    ),
    block(
        "map",
        {
            "heading": T("Писанки на мапі", "Pysanky on the map"),
            "caption": T(
                "Позначки показують краї приблизно.",
                "The markers show the regions approximately.",
            ),
            "places": items(
                [
                    place(
                        T("Гуцульщина", "The Hutsul region"),
                        48.15,
                        24.82,
                        T("Писанка «Зірки».", "The pysanka “Stars”."),
                        "demo-honchar-001",
                    ),
                    place(
                        T("Поділля", "Podillia"),
                        49.233,
                        28.467,
                        T(
                            "Писанки «Сорок клинців» і «Рожі».",
                            "The pysanky “Forty Wedges” and “Roses”.",
                        ),
                        "demo-honchar-002",
                    ),
                    place(
                        T("Чернігівщина", "The Chernihiv region"),
                        51.49,
                        31.30,
                        T(
                            "Писанка «Безконечник»; інша чернігівська писанка знищена.",
                            "The pysanka “Endless Line”; another Chernihiv pysanka was destroyed.",
                        ),
                        "demo-honchar-003",
                    ),
                    place(
                        T("Коломия", "Kolomyia"),
                        48.531,
                        25.037,
                        T("Музей «Писанка».", "The Pysanka Museum."),
                    ),
                ]
            ),
        },
    ),
    call_to_action(
        T("Історія писанки", "The pysanka’s story"),
        T("Читати історію", "Read the story"),
        page=PageRef("story"),
    ),
]

THEME = PageSpec(
    key="theme-pysanky",
    model="themes.ThemePage",
    slug="pysanky",
    title=T("Писанки", "Pysanky"),
    fields={
        "summary": T(
            "Історія, виставки й писанки з реєстру — усе про писанку в одному місці.",
            "A story, exhibitions and the pysanky in the register: everything about the "
            "pysanka in one place.",
        ),
        "hero_image": Img("pysanky"),
        "hero_alt_text": PICTURES["pysanky"].alt,
        "introduction": T(
            "<p>Писанка — одна з найвідоміших українських традицій: яйце, розписане воском і "
            "фарбами, з побажанням у кожному знаку. Тут зібрано все, що портал має про "
            "писанки.</p>",
            "<p>The pysanka is one of the best-known Ukrainian traditions: an egg written "
            "with wax and dyes, with a wish in every sign. Here is everything the portal has "
            "about pysanky.</p>",
        ),
        "featured_pages": [PageRef("story"), PageRef("folk"), PageRef("war")],
        "curated_objects": [block("object", Obj(register_id)) for register_id in PYSANKY],
        "body": THEME_BODY,
    },
)
