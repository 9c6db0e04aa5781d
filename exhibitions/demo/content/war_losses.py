"""Exhibition "Heritage under Fire": the chapters on losses and on returns."""

from ..media import PICTURES
from ..spec import (
    Img,
    PageRef,
    PageSpec,
    T,
    block,
    call_to_action,
    event,
    heading,
    items,
    object_grid,
    paragraph,
    register_object,
    sources,
)

INTERPOL_DATABASE = (
    "https://www.interpol.int/en/Crimes/Cultural-heritage-crime/Stolen-Works-of-Art-Database"
)
UNESCO_DAMAGED_SITES = (
    "https://www.unesco.org/en/articles/damaged-cultural-sites-ukraine-verified-unesco"
)


def _comparison_side(key, label):
    return {"image": Img(key), "alt_text": PICTURES[key].alt, "label": label}


LOSSES_BODY = [
    block(
        "content_warning",
        {
            "title": T("Про що цей розділ", "About this chapter"),
            "text": T(
                "Розділ розповідає про знищення музеїв і пограбування колекцій під час "
                "російської війни проти України. Зображень загиблих чи поранених людей у ньому "
                "немає.",
                "This chapter tells of museums destroyed and collections looted during "
                "Russia’s war against Ukraine. It shows no images of people killed or "
                "wounded.",
            ),
        },
    ),
    heading(T("Іванків: пожежа в музеї", "Ivankiv: the Museum Fire")),
    paragraph(
        T(
            "<p>Наприкінці лютого 2022 року, в перші дні вторгнення, згорів Іванківський "
            "історико-краєзнавчий музей на Київщині. Його гордістю були роботи Марії "
            "Примаченко — художниці з сусіднього села Болотня, чиї фантастичні звірі стали "
            "одним із символів українського мистецтва. Картини Примаченко вдалося врятувати: "
            "місцеві жителі винесли їх із палаючої будівлі. Багато інших предметів колекції "
            "згоріло.</p>"
            "<p>2009 рік, століття від народження художниці, ЮНЕСКО оголосило роком Марії "
            "Примаченко.</p>",
            "<p>In late February 2022, in the first days of the invasion, the Ivankiv Museum "
            "of Local History in the Kyiv region burned down. Its pride was a group of works "
            "by Maria Prymachenko, the artist from the nearby village of Bolotnia whose "
            "fantastic beasts became one of the symbols of Ukrainian art. Prymachenko’s "
            "paintings were saved: local people carried them out of the burning building. "
            "Much of the rest of the collection was lost.</p>"
            "<p>UNESCO declared 2009, the centenary of her birth, the year of Maria "
            "Prymachenko.</p>",
        )
    ),
    block(
        "comparison",
        {
            "before": _comparison_side("museum-before", T("До пожежі", "Before the fire")),
            "after": _comparison_side("museum-after", T("Після пожежі", "After the fire")),
            "caption": T(
                "Умовна ілюстрація: невелика музейна будівля до і після пожежі. Це не "
                "зображення Іванківського музею.",
                "A schematic illustration: a small museum building before and after a fire. "
                "It does not show the Ivankiv museum.",
            ),
            "credit": T(
                "Ілюстрація порталу, створена для демонстрації (CC0)",
                "Illustration drawn by the portal for the demo (CC0)",
            ),
        },
    ),
    heading(T("Херсон: вивезена колекція", "Kherson: a Collection Carried Off")),
    paragraph(
        T(
            "<p>З 31 жовтня по 3 листопада 2022 року, перед відступом з Херсона, окупанти "
            "вивозили фонди Херсонського обласного художнього музею імені Олексія "
            "Шовкуненка. За словами працівників музею, тисячі картин, погано спакованих, "
            "вантажівками відправили до окупованого Криму; частину з них згодом упізнали в "
            "музеї в Сімферополі. 11 листопада 2022 року Херсон звільнили, і звіряння того, "
            "що лишилося, показало масштаб втрат.</p>",
            "<p>From 31 October to 3 November 2022, before withdrawing from Kherson, occupying "
            "forces emptied the stores of the Oleksii Shovkunenko Kherson Regional Art Museum. "
            "According to the museum’s staff, thousands of paintings, badly packed, were "
            "taken by truck to occupied Crimea; some were later recognised in a museum in "
            "Simferopol. Kherson was liberated on 11 November 2022, and checking what was "
            "left showed the scale of the loss.</p>",
        )
    ),
    object_grid(
        [
            "demo-kherson-001",
            "demo-kherson-002",
            "demo-kherson-003",
            "demo-kherson-010",
            "demo-kherson-004",
            "demo-kherson-005",
            "demo-kherson-006",
        ],
        heading=T("Викрадені й зниклі", "Stolen and missing"),
        introduction=T(
            "Демонстраційні записи зі статусами «викрадено» і «зникло»: на кожній картці — "
            "статус і дата з реєстру.",
            "Demo records with the statuses “stolen” and “missing”: each card shows the "
            "status and date from the register.",
        ),
    ),
    register_object(
        "demo-kherson-004",
        T(
            "<p>Опис, розміри, фотографія й особливі прикмети з облікової картки — головне, "
            "що допомагає впізнати зниклий предмет на аукціоні чи під час митного огляду.</p>",
            "<p>The description, measurements, photograph and distinguishing marks on the "
            "catalogue card are what make a missing object recognisable at an auction or a "
            "customs check.</p>",
        ),
    ),
    heading(T("Знищене", "Destroyed")),
    register_object(
        "demo-chernihiv-006",
        T(
            "<p>Знищений предмет лишається в реєстрі: його запис — пам’ять про втрату і "
            "свідчення для майбутніх розслідувань.</p>",
            "<p>A destroyed object stays in the register: its record keeps the memory of "
            "the loss and serves as evidence for future investigations.</p>",
        ),
    ),
    register_object("demo-chernihiv-007", layout="card"),
    block(
        "timeline",
        {
            "heading": T("2022 рік: вибрані події", "2022: selected events"),
            "events": items(
                [
                    event(
                        T("24 лютого 2022", "24 February 2022"),
                        2022,
                        T("Повномасштабне вторгнення", "The full-scale invasion"),
                        T(
                            "Музеї по всій країні починають пакувати колекції.",
                            "Museums across the country begin to pack their collections.",
                        ),
                    ),
                    event(
                        T("Кінець лютого 2022", "Late February 2022"),
                        2022,
                        T("Пожежа в Іванківському музеї", "Fire at the Ivankiv museum"),
                        T(
                            "Місцеві жителі рятують роботи Марії Примаченко.",
                            "Local people save the works of Maria Prymachenko.",
                        ),
                    ),
                    event(
                        T("Березень 2022", "March 2022"),
                        2022,
                        T(
                            "Зруйновано будівлю художнього музею імені Архипа Куїнджі в Маріуполі",
                            "The Arkhip Kuindzhi Art Museum building in Mariupol is destroyed",
                        ),
                    ),
                    event(
                        T("Травень 2022", "May 2022"),
                        2022,
                        T(
                            "Ракета влучає в музей Григорія Сковороди на Харківщині",
                            "A missile hits the Hryhorii Skovoroda museum in the Kharkiv region",
                        ),
                        T(
                            "Будівля в Сковородинівці згоріла; за словами музейників, найцінніші "
                            "експонати вивезли заздалегідь.",
                            "The building in Skovorodynivka burned; according to the museum’s "
                            "staff, the most valuable exhibits had been moved beforehand.",
                        ),
                    ),
                    event(
                        T("31 жовтня — 3 листопада 2022", "31 October – 3 November 2022"),
                        2022,
                        T(
                            "Окупанти вивозять фонди Херсонського художнього музею",
                            "Occupying forces carry off the Kherson art museum’s collection",
                        ),
                    ),
                    event(
                        T("11 листопада 2022", "11 November 2022"),
                        2022,
                        T("Звільнення Херсона", "Kherson is liberated"),
                    ),
                ]
            ),
        },
    ),
    sources(
        (
            T(
                "ЮНЕСКО. <i>Damaged cultural sites in Ukraine verified by UNESCO</i> "
                "(постійно оновлюваний перелік).",
                "UNESCO. <i>Damaged cultural sites in Ukraine verified by UNESCO</i> "
                "(a list updated over time).",
            ),
            UNESCO_DAMAGED_SITES,
        ),
        (
            T(
                "Конвенція про захист культурних цінностей у разі збройного конфлікту. "
                "Гаага, 14 травня 1954 року.",
                "Convention for the Protection of Cultural Property in the Event of Armed "
                "Conflict. The Hague, 14 May 1954.",
            ),
            "",
        ),
        (
            T(
                "ІНТЕРПОЛ. <i>Stolen Works of Art Database</i>.",
                "INTERPOL. <i>Stolen Works of Art Database</i>.",
            ),
            INTERPOL_DATABASE,
        ),
    ),
    call_to_action(
        T("Вам пропонують купити старовинну річ?", "Offered an antique?"),
        T("База викрадених творів мистецтва ІНТЕРПОЛу", "INTERPOL’s stolen works of art database"),
        text=T(
            "Якщо предмет схожий на викрадений з українського музею, не купуйте його й "
            "повідомте поліцію. Міжнародну базу викрадених творів мистецтва веде ІНТЕРПОЛ.",
            "If an object looks like one stolen from a Ukrainian museum, do not buy it, and "
            "tell the police. INTERPOL keeps an international database of stolen works of "
            "art.",
        ),
        url=INTERPOL_DATABASE,
    ),
]

RETURNS_BODY = [
    paragraph(
        T(
            "<p>Повернення починається з опису. Щоб довести, що предмет належить музею, "
            "потрібні облікова картка, інвентарний номер, фотографія й особливі прикмети: "
            "подряпина, реставраційна латка, напис на звороті. Тому реєстр зберігає навіть ті "
            "дані, яких не бачать відвідувачі.</p>",
            "<p>A return begins with a description. To prove that an object belongs to a "
            "museum you need its catalogue card, inventory number, photograph and "
            "distinguishing marks: a scratch, a conservation patch, an inscription on the "
            "back. That is why the register keeps even the data visitors never see.</p>",
        )
    ),
    object_grid(
        ["demo-kherson-007", "demo-kherson-008", "demo-history-003", "demo-kharkiv-007"],
        heading=T("Повернуті", "Returned"),
        introduction=T(
            "Демонстраційні записи зі статусом «повернуто».",
            "Demo records with the status “returned”.",
        ),
        layout="carousel",
    ),
    register_object(
        "demo-history-003",
        T(
            "<p>Монету впізнали за обліковою карткою й фотографією — так записано в реєстрі.</p>",
            "<p>The coin was identified from its catalogue card and photograph, as its "
            "register record says.</p>",
        ),
    ),
    block(
        "timeline",
        {
            "heading": T(
                "Шлях двох предметів (демонстраційні записи)",
                "The path of two objects (demo records)",
            ),
            "events": items(
                [
                    event(
                        T("IV ст. до н. е.", "4th century BCE"),
                        -400,
                        T("Монету карбують в Ольвії", "The coin is struck at Olbia"),
                        register_id="demo-history-003",
                    ),
                    event(
                        T("1920-ті роки", "1920s"),
                        1925,
                        T(
                            "Портрет купця надходить до музею",
                            "The merchant’s portrait enters the museum",
                        ),
                        register_id="demo-kherson-008",
                    ),
                    event(
                        T("Лютий 2023", "February 2023"),
                        2023,
                        T("Портрет повертається до музею", "The portrait returns to the museum"),
                        T(
                            "Його знайшли в іншому приміщенні, куди вивезли без дозволу музею.",
                            "It was found in another building, taken there without the museum’s "
                            "consent.",
                        ),
                        register_id="demo-kherson-008",
                    ),
                    event(
                        T("Листопад 2024", "November 2024"),
                        2024,
                        T("Монету повернуто", "The coin is returned"),
                        T("Після незаконного вивезення.", "After illegal export."),
                        register_id="demo-history-003",
                    ),
                ]
            ),
        },
    ),
    call_to_action(
        T("Що ми бережемо", "What we keep safe"),
        T("До виставки «Візерунки дому»", "Visit “Patterns of Home”"),
        text=T(
            "Виставка про народне мистецтво, заради якого музеї пакують ящики.",
            "An exhibition of the folk art that museums pack their crates for.",
        ),
        page=PageRef("folk"),
    ),
]

LOSSES = PageSpec(
    key="war-losses",
    model="exhibitions.ChapterPage",
    slug="losses",
    title=T("Втрати", "Losses"),
    fields={
        "summary": T(
            "Згорілі музеї, вивезені колекції, предмети, яких бракує після звіряння: що "
            "стоїть за статусами «знищено», «викрадено» й «зникло».",
            "Burnt museums, collections carried off, objects absent when the stores were "
            "checked: what lies behind the statuses “destroyed”, “stolen” and “missing”.",
        ),
        "hero_image": Img("museum-after"),
        "hero_alt_text": PICTURES["museum-after"].alt,
        "body": LOSSES_BODY,
    },
)

RETURNS = PageSpec(
    key="war-returns",
    model="exhibitions.ChapterPage",
    slug="returns",
    title=T("Повернення", "Returns"),
    fields={
        "summary": T(
            "Предмети повертаються, коли їх можна впізнати: облік, фотографія і пам’ять "
            "музейників.",
            "Objects come back when they can be recognised: records, photographs and the "
            "memory of museum staff.",
        ),
        "body": RETURNS_BODY,
    },
)
