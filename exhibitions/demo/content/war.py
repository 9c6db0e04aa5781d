"""Exhibition "Heritage under Fire": the landing page and its first chapter.

The events named in the texts are real; the objects that illustrate them are records of the
demo register (fictional objects attributed to real museums, see docs/demo.md).
"""

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
    quote,
    register_object,
)
from .war_losses import LOSSES, RETURNS

HAGUE_PREAMBLE = (
    "…damage to cultural property belonging to any people whatsoever means damage to the "
    "cultural heritage of all mankind, since each people makes its contribution to the "
    "culture of the world…"
)

LANDING_BODY = [
    paragraph(
        T(
            "<p>Від 24 лютого 2022 року, коли Росія почала повномасштабне вторгнення, "
            "українські музейники працюють як рятувальники. За лічені дні вони знімали "
            "експозиції, пакували тисячі предметів у ящики, складали описи й вивозили "
            "колекції туди, де небезпека менша. Там, де не встигли, музеї горіли, а їхні "
            "фонди вивозили окупанти.</p>"
            "<p>Ця виставка — про три сторінки цієї роботи: переміщення на збереження, втрати "
            "й повернення. Події, названі в текстах, реальні. Предмети, що їх ілюструють, — "
            "<b>демонстраційні записи</b> реєстру порталу: вигадані об’єкти, приписані "
            "справжнім музеям, щоб показати, як портал розповідає про спадщину під "
            "загрозою.</p>",
            "<p>Since 24 February 2022, when Russia began its full-scale invasion, Ukraine’s "
            "museum workers have worked as rescuers. Within days they took down displays, "
            "packed thousands of objects into crates, listed every one of them and moved "
            "collections to where the danger was smaller. Where there was no time, museums "
            "burned and occupying forces carried their collections away.</p>"
            "<p>This exhibition follows three parts of that work: moving collections for "
            "safekeeping, losses, and returns. The events named in the texts are real. The "
            "objects that illustrate them are <b>demo records</b> of the portal’s register: "
            "invented objects attributed to real museums, to show how the portal presents "
            "heritage at risk.</p>",
        )
    ),
    quote(
        T(HAGUE_PREAMBLE, HAGUE_PREAMBLE),
        attribution=T(
            "Конвенція про захист культурних цінностей у разі збройного конфлікту",
            "Convention for the Protection of Cultural Property in the Event of Armed Conflict",
        ),
        source=T("Гаага, 14 травня 1954 року, преамбула", "The Hague, 14 May 1954, preamble"),
        language=T("en", ""),
    ),
    paragraph(
        T(
            "<p>Гаазька конвенція 1954 року, учасницями якої є і Україна, і Росія, називає "
            "шкоду культурним цінностям будь-якого народу шкодою культурній спадщині всього "
            "людства. Вона зобов’язує держави берегти пам’ятки й колекції під час війни та "
            "не грабувати їх на окупованих територіях.</p>",
            "<p>The Hague Convention of 1954, to which both Ukraine and Russia are parties, "
            "calls damage to the cultural property of any people damage to the heritage of "
            "all humankind. It obliges states to safeguard monuments and collections in war "
            "and forbids pillaging them in occupied territory.</p>",
        )
    ),
    block(
        "map",
        {
            "heading": T("Місця виставки", "Places in this exhibition"),
            "caption": T(
                "Координати приблизні. Іванків і Маріуполь — місця подій, про які йдеться в "
                "текстах; решта — музеї, яким приписано демонстраційні записи.",
                "Coordinates are approximate. Ivankiv and Mariupol are places of events told "
                "in the texts; the others are museums to which demo records are attributed.",
            ),
            "places": items(
                [
                    place(
                        T("Київ", "Kyiv"),
                        50.4493,
                        30.5306,
                        T(
                            "Демонстраційна ікона, переміщена на збереження.",
                            "A demo icon moved for safekeeping.",
                        ),
                        "demo-namu-001",
                    ),
                    place(
                        T("Львів", "Lviv"),
                        49.8432,
                        24.0286,
                        T(
                            "Демонстраційна ікона XV століття у сховищі.",
                            "A demo 15th-century icon in a safe store.",
                        ),
                        "demo-lviv-001",
                    ),
                    place(
                        T("Чернігів", "Chernihiv"),
                        51.4929,
                        31.3062,
                        T(
                            "Демонстраційний запис знищеної писанки.",
                            "The demo record of a destroyed pysanka.",
                        ),
                        "demo-chernihiv-006",
                    ),
                    place(
                        T("Харків", "Kharkiv"),
                        49.9984,
                        36.2380,
                        T(
                            "Демонстраційний пейзаж, переміщений на збереження.",
                            "A demo landscape moved for safekeeping.",
                        ),
                        "demo-kharkiv-001",
                    ),
                    place(
                        T("Херсон", "Kherson"),
                        46.6385,
                        32.6145,
                        T(
                            "Наприкінці жовтня — на початку листопада 2022 року окупанти вивезли "
                            "тисячі творів з художнього музею. На мапі — демонстраційний запис "
                            "викраденої картини.",
                            "In late October and early November 2022 occupying forces carried off "
                            "thousands of works from the art museum. On the map: the demo record "
                            "of a stolen painting.",
                        ),
                        "demo-kherson-001",
                    ),
                    place(
                        T("Іванків", "Ivankiv"),
                        50.9294,
                        29.9046,
                        T(
                            "Історико-краєзнавчий музей згорів наприкінці лютого 2022 року; роботи "
                            "Марії Примаченко винесли з вогню.",
                            "The local history museum burned down in late February 2022; works by "
                            "Maria Prymachenko were carried out of the fire.",
                        ),
                    ),
                    place(
                        T("Маріуполь", "Mariupol"),
                        47.0951,
                        37.5413,
                        T(
                            "Будівлю художнього музею імені Архипа Куїнджі зруйновано авіаударом "
                            "у березні 2022 року.",
                            "The building of the Arkhip Kuindzhi Art Museum was destroyed by an "
                            "air strike in March 2022.",
                        ),
                    ),
                ]
            ),
        },
    ),
    object_grid(
        [
            "demo-namu-001",
            "demo-history-004",
            "demo-lviv-001",
            "demo-kherson-001",
            "demo-chernihiv-006",
            "demo-kherson-004",
            "demo-kherson-007",
            "demo-history-003",
        ],
        heading=T("Предмети виставки", "Objects in the exhibition"),
        introduction=T(
            "Статус кожного предмета портал бере з реєстру наживо: зміниться запис — "
            "зміниться й ця сторінка.",
            "The portal reads each object’s status live from the register: when a record "
            "changes, this page changes with it.",
        ),
        layout="carousel",
    ),
    call_to_action(
        T("Почніть огляд", "Start the tour"),
        T("Розділ 1: Переміщені на збереження", "Chapter 1: Moved for Safekeeping"),
        text=T(
            "Три розділи: евакуація колекцій, втрати та повернення.",
            "Three chapters: evacuating collections, losses, and returns.",
        ),
        page=PageRef("war-safekeeping"),
    ),
]

SAFEKEEPING_BODY = [
    paragraph(
        T(
            "<p>Музейна евакуація спирається на облік. Без облікової картки, інвентарного "
            "номера й фотографії не можна ні спакувати колекцію як слід, ні довести згодом, "
            "що саме зникло. Коли почалося вторгнення, музеї складали списки черговості: що "
            "вивозити першим, у які ящики, якими шляхами.</p>",
            "<p>Evacuating a museum rests on its records. Without a catalogue card, an "
            "inventory number and a photograph a collection can neither be packed properly "
            "nor, later, proven missing. When the invasion began, museums drew up lists of "
            "priorities: what to move first, in which crates, by which routes.</p>",
        )
    ),
    heading(T("Ящик за ящиком", "Crate by Crate")),
    paragraph(
        T(
            "<p>Кожен предмет загортають окремо, кожен ящик має опис, і кожен опис звіряють "
            "двічі: під час пакування і після прибуття. Куди саме вивезено колекції, не "
            "розголошують — це частина їхнього захисту.</p>"
            "<p>Так працює і цей портал: місце зберігання й місце евакуації предмета є в "
            "реєстрі, але їх бачать лише уповноважені працівники. На сторінці предмета — "
            "тільки статус «переміщено на збереження» і дата.</p>",
            "<p>Every object is wrapped on its own, every crate has a list, and every list is "
            "checked twice: when packing and on arrival. Where the collections went is not "
            "made public: secrecy is part of their protection.</p>"
            "<p>This portal works the same way: an object’s store and evacuation place are in "
            "the register, but only authorised staff can see them. The object’s page shows "
            "just the status “moved for safekeeping” and its date.</p>",
        )
    ),
    block(
        "image",
        {
            "image": Img("store"),
            "register_object": None,
            "alt_text": PICTURES["store"].alt,
            "decorative": False,
            "caption": T(
                "Ящики з описами на стелажах сховища. Ілюстрація, створена для демонстрації.",
                "Listed crates on the shelves of a store. An illustration drawn for the demo.",
            ),
            "credit": T(
                "Ілюстрація порталу «Спадщина України» (CC0)",
                "Illustration: Heritage of Ukraine portal (CC0)",
            ),
            "deep_zoom": False,
            "width": "wide",
        },
    ),
    register_object(
        "demo-namu-001",
        T(
            "<p>Ікони на дошках чутливі до ударів і до різких змін температури й вологості, "
            "тому їх пакують так, щоб захистити і від того, і від іншого. Статус "
            "«переміщено на збереження» означає: предмет цілий, але тимчасово не "
            "експонується.</p>",
            "<p>Icons on wooden panels suffer from knocks and from sudden changes of "
            "temperature and humidity, so they are packed against both. The status “moved "
            "for safekeeping” means the object is intact but off display for now.</p>",
        ),
    ),
    block(
        "image",
        {
            "image": None,
            "register_object": Obj("demo-lviv-001"),
            "alt_text": T(
                "Ікона «Богородиця з Дитям»: Богородиця тримає Дитя, яке благословляє правою "
                "рукою, на золотому тлі; широкі червоні поля із золотим пунктиром "
                "(ілюстрація демонстраційного запису).",
                "The icon Mother of God with the Child: the Virgin holds the Child, who "
                "blesses with his right hand, on a gold ground; wide red margins with gold "
                "dots (an illustration of a demo record).",
            ),
            "decorative": False,
            "caption": T(
                "Наблизьте зображення, щоб роздивитися письмо ликів і пунктир на полях.",
                "Zoom in to see how the faces are painted and the dotted margins.",
            ),
            "credit": T("", ""),
            "deep_zoom": True,
            "width": "wide",
        },
    ),
    heading(T("Пам’ятники під мішками з піском", "Monuments under Sandbags")),
    paragraph(
        T(
            "<p>Те, що не можна вивезти, захищають на місці. В Одесі, Харкові та інших містах "
            "пам’ятники обкладали мішками з піском і обшивали дошками; у Львові скульптури "
            "загортали у вогнетривкі матеріали, а вітражі закривали щитами.</p>",
            "<p>What cannot be moved is protected where it stands. In Odesa, Kharkiv and "
            "other cities monuments were stacked round with sandbags and boarded up; in Lviv "
            "statues were wrapped in fire-resistant materials and stained-glass windows "
            "covered with shields.</p>",
        )
    ),
    register_object(
        "demo-history-004",
        T(
            "<p>Посудину склеєно з 26 уламків: саме такі предмети найбільше потерпають від "
            "вібрації в дорозі.</p>",
            "<p>The vessel has been reassembled from 26 fragments: objects like this suffer "
            "most from vibration on the road.</p>",
        ),
        layout="card",
    ),
    object_grid(
        [
            "demo-lviv-002",
            "demo-history-002",
            "demo-honchar-005",
            "demo-folk-006",
            "demo-kharkiv-001",
            "demo-kharkiv-003",
            "demo-chernihiv-005",
            "demo-namu-005",
        ],
        heading=T("Також переміщені на збереження", "Also moved for safekeeping"),
        introduction=T(
            "Демонстраційні записи зі статусом «переміщено на збереження».",
            "Demo records with the status “moved for safekeeping”.",
        ),
    ),
]

EXHIBITION = PageSpec(
    key="war",
    model="exhibitions.ExhibitionPage",
    slug="heritage-under-fire",
    title=T("Спадщина під вогнем", "Heritage under Fire"),
    fields={
        "summary": T(
            "Як музеї України рятують свої колекції від війни: евакуація, втрати, розшук і "
            "повернення — на прикладі демонстраційного реєстру.",
            "How Ukraine’s museums protect their collections from the war: evacuation, "
            "losses, searches and returns, told through the demo register.",
        ),
        "hero_image": Img("store"),
        "hero_alt_text": PICTURES["store"].alt,
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
                T("Предмети", "Objects"),
                T(
                    "Демонстраційний реєстр: вигадані записи, приписані музеям України",
                    "The demo register: invented records attributed to museums of Ukraine",
                ),
            ),
            (
                T("Ілюстрації", "Illustrations"),
                T(
                    "Намальовано програмно для демонстрації (CC0)",
                    "Drawn by code for the demo (CC0)",
                ),
            ),
        ),
    },
    children=[
        PageSpec(
            key="war-safekeeping",
            model="exhibitions.ChapterPage",
            slug="moved-for-safekeeping",
            title=T("Переміщені на збереження", "Moved for Safekeeping"),
            fields={
                "summary": T(
                    "Перші дні вторгнення: музейники пакують колекції, а пам’ятники на "
                    "площах ховаються під мішками з піском.",
                    "The first days of the invasion: museum staff pack their collections and "
                    "monuments disappear under sandbags.",
                ),
                "hero_image": Img("monument"),
                "hero_alt_text": PICTURES["monument"].alt,
                "body": SAFEKEEPING_BODY,
            },
        ),
        LOSSES,
        RETURNS,
    ],
)
