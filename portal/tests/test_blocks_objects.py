"""Register object blocks show the register's live data in the reader's language, and show
nothing of an object that left the public collection."""

import datetime
import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail import blocks

from portal.blocks import base
from portal.blocks.objects import (
    ObjectGridBlock,
    RegisterObjectBlock,
    RegisterObjectChooserBlock,
    card_for,
    object_state,
)
from registry.models import ObjectStatus, RegisterObject, RestrictedObjectData
from registry.tests import builders

pytestmark = pytest.mark.django_db


class Stream(blocks.StreamBlock):
    register_object = RegisterObjectBlock()
    object_grid = ObjectGridBlock()


STREAM = Stream()


def object_block(obj_or_id, note="", layout="feature"):
    pk = obj_or_id.pk if isinstance(obj_or_id, RegisterObject) else obj_or_id
    return {
        "type": "register_object",
        "value": {"object": pk, "note": note, "layout": layout},
        "id": str(uuid.uuid4()),
    }


def grid_block(objects, layout="grid", heading="Objects of the story"):
    return {
        "type": "object_grid",
        "value": {
            "heading": heading,
            "introduction": "",
            "objects": [obj.pk if isinstance(obj, RegisterObject) else obj for obj in objects],
            "layout": layout,
        },
        "id": str(uuid.uuid4()),
    }


def render(raw, language="uk", *, preview=False):
    """Render stored stream data as a page would: freshly read, in ``language``."""
    request = RequestFactory().get("/")
    if preview:
        request.is_preview = True
    with translation.override(language):
        value = STREAM.to_python(raw)
        return STREAM.render(value, context={"request": request, "page": None})


def soup(html):
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def icon(portal_site):
    """A translated object with type, museum, photograph and a Ukrainian/English title."""
    return builders.full_object("BLK-1")


# --- the live card ---------------------------------------------------------------------------


def test_register_object_renders_live_card_in_ukrainian(icon):
    """The block shows the object's title, type, date, museum and photograph, linking to
    the object page in the reader's language."""
    html = render([object_block(icon, note="<p>Чому цей предмет важливий.</p>")], "uk")
    figure = soup(html).find("figure", class_="object-block")
    link = figure.find("a", href="/uk/objects/BLK-1/")
    assert link.get_text() == "Богоматір Одигітрія"
    assert "Ікона" in figure.get_text()
    assert "кінець XVII ст." in figure.get_text()
    assert "Національний художній музей України" in figure.get_text()
    assert figure.find("img")["alt"] == "Ікона, лицевий бік"
    assert "Чому цей предмет важливий." in figure.find(class_="object-block__note").get_text()


def test_register_object_renders_live_card_in_english(icon):
    """In English the block shows the English row's title, the translated vocabulary and
    museum, the English photograph description and an /en/ link."""
    html = render([object_block(icon)], "en")
    figure = soup(html).find("figure", class_="object-block")
    link = figure.find("a", href="/en/objects/BLK-1/")
    assert link.get_text() == "Virgin Hodegetria"
    assert not link.has_attr("lang")
    assert "Icon" in figure.get_text()
    assert "late 17th century" in figure.get_text()
    assert "National Art Museum of Ukraine" in figure.get_text()
    assert figure.find("img")["alt"] == "The icon, front"
    assert "Богоматір" not in figure.get_text()


def test_untranslated_object_falls_back_to_ukrainian_marked_with_lang(portal_site):
    """An object without an English row shows its Ukrainian title marked lang="uk"."""
    obj = builders.register_object("BLK-UK", title="Писанка")
    link = soup(render([object_block(obj)], "en")).find("a", href="/en/objects/BLK-UK/")
    assert link.get_text() == "Писанка"
    assert link["lang"] == "uk"


def test_register_change_shows_on_next_render(icon):
    """A new title or status in the register shows in the story the next time it renders."""
    raw = [object_block(icon)]
    assert "Богоматір Одигітрія" in render(raw, "uk")
    RegisterObject.objects.filter(pk=icon.pk).update(
        title="Богоматір Одигітрія (з ковчегом)",
        status=ObjectStatus.STOLEN,
        status_date=datetime.date(2022, 3, 14),
        status_note="Викрадено з музею під час окупації.",
    )
    html = render(raw, "uk")
    assert "Богоматір Одигітрія (з ковчегом)" in html
    notice = soup(html).find("aside", class_="object-notice")
    assert notice is not None
    assert "Викрадено з музею під час окупації." in notice.get_text()
    assert "2022" in notice.get_text()


def test_translation_row_chosen_by_an_editor_is_read_as_its_source(icon):
    """A block that stores an English row's id shows the object like one storing the source."""
    english = icon.get_translation(builders.locale("en"))
    value = STREAM.to_python([object_block(english)])
    assert value[0].value["object"].pk == icon.pk
    with translation.override("en"):
        assert card_for(value[0].value["object"]).title.value == "Virgin Hodegetria"


def test_chooser_stores_the_source_row(icon):
    """Cleaning the chooser's form value gives the source row, whatever locale was chosen."""
    english = icon.get_translation(builders.locale("en"))
    chooser = RegisterObjectChooserBlock()
    assert chooser.clean(english).pk == icon.pk
    assert chooser.get_prep_value(chooser.clean(english.pk)) == icon.pk
    assert chooser.normalize(str(icon.pk)).pk == icon.pk


# --- drift -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [ObjectStatus.MISSING, ObjectStatus.STOLEN, ObjectStatus.DESTROYED, "damaged"]
)
@pytest.mark.parametrize("language", ["uk", "en"])
def test_alert_statuses_render_a_notice(portal_site, status, language):
    """Missing, stolen, destroyed and damaged objects are shown with a notice of the status,
    its date and the register's public note in the reader's language."""
    obj = builders.register_object(
        "BLK-AL",
        title="Рушник",
        status=status,
        status_date=datetime.date(2023, 6, 1),
        status_note="Примітка українською.",
    )
    builders.translate(obj, title="Towel", status_note="The note in English.")
    html = render([object_block(obj, layout="card")], language)
    figure = soup(html).find("figure")
    assert f"object-block--{status}" in figure["class"]
    notice = figure.find("aside", class_="object-notice")
    assert notice["role"] == "note"
    with translation.override(language):
        label = str(ObjectStatus(status).label)
    assert notice.find(class_=f"badge--{status}").get_text() == str(label)
    assert "2023" in notice.find(class_="object-notice__date").get_text()
    note = "Примітка українською." if language == "uk" else "The note in English."
    assert notice.find(class_="object-notice__note").get_text() == note


def test_untranslated_status_note_falls_back_marked_with_lang(portal_site):
    obj = builders.register_object("BLK-AL2", status="missing", status_note="Зник у 2022.")
    builders.translate(obj, title="Jug")
    note = soup(render([object_block(obj)], "en")).find(class_="object-notice__note")
    assert note.get_text() == "Зник у 2022."
    assert note["lang"] == "uk"


def test_usual_statuses_render_no_notice(portal_site):
    obj = builders.register_object("BLK-OK", status=ObjectStatus.SAFEKEEPING)
    html = render([object_block(obj)])
    assert 'role="note"' not in html
    assert "badge--moved_for_safekeeping" in html


@pytest.mark.parametrize("language", ["uk", "en"])
def test_unpublished_object_renders_nothing_of_the_object(icon, language):
    """An unpublished object leaves only "no longer available": no title, no photograph, no
    link, not even the curator's note about it."""
    raw = [object_block(icon, note="<p>Нотатка куратора про ікону.</p>")]
    RegisterObject.objects.filter(translation_key=icon.translation_key).update(published=False)
    html = render(raw, language)
    assert_nothing_of_the_object(html, language)
    assert "Нотатка куратора" not in html


@pytest.mark.parametrize("language", ["uk", "en"])
def test_deleted_object_renders_safely(icon, language):
    raw = [object_block(icon, note="<p>Нотатка куратора про ікону.</p>")]
    RegisterObject.objects.filter(translation_key=icon.translation_key).delete()
    html = render(raw, language)
    assert_nothing_of_the_object(html, language)


def assert_nothing_of_the_object(html, language):
    tree = soup(html)
    aside = tree.find("aside", class_="object-block--unavailable")
    with translation.override(language):
        expected = str(object_state(None).label)
    assert aside.get_text(strip=True) == expected
    for text in ("Богоматір", "Virgin", "BLK-1", "Ікона", "Icon", "Національний", "National"):
        assert text not in html
    assert tree.find("img") is None
    assert tree.find("a") is None


def test_editor_hint_only_in_preview(icon):
    RegisterObject.objects.filter(pk=icon.pk).update(published=False)
    raw = [object_block(icon)]
    assert "object-block__editor-hint" not in render(raw)
    assert "object-block__editor-hint" in render(raw, preview=True)


def test_card_for_and_object_state_without_an_object():
    assert card_for(None) is None
    state = object_state(None)
    assert state.state == "unavailable"
    assert not state.is_available
    assert not state.is_alert


def test_restricted_data_never_reaches_a_block(icon):
    """The storage location canary appears in no rendering and its table is never read."""
    canary = f"CANARY-{uuid.uuid4().hex}"
    builders.restrict(icon, canary)
    raw = [object_block(icon), grid_block([icon, icon], layout="carousel")]
    for language in ("uk", "en"):
        with CaptureQueriesContext(connection) as queries:
            html = render(raw, language)
        assert canary not in html
        table = RestrictedObjectData._meta.db_table
        assert not [q for q in queries.captured_queries if table in q["sql"]]


def test_register_text_is_escaped(portal_site):
    obj = builders.register_object("BLK-X", title='<script>alert("x")</script>Глечик')
    html = render([object_block(obj, note='<p onclick="x()">Ок<script>bad()</script></p>')])
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "onclick" not in html
    assert "bad()" not in html


# --- grid and carousel -----------------------------------------------------------------------


def test_object_grid_skips_unpublished_objects_and_badges_alerts(icon):
    stolen = builders.register_object("BLK-ST", title="Кахля", status=ObjectStatus.STOLEN)
    hidden = builders.register_object("BLK-HID", title="Прихований предмет", published=False)
    html = render([grid_block([icon, hidden, stolen, 999_999])])
    tree = soup(html)
    cards = tree.select("li.card")
    assert [card.find("h3").get_text(strip=True) for card in cards] == [
        "Богоматір Одигітрія",
        "Кахля",
    ]
    assert "card--alert" in cards[1]["class"]
    assert cards[1].find(class_="badge--stolen")
    assert "Прихований" not in html
    assert "BLK-HID" not in html
    assert tree.find("h2").get_text() == "Objects of the story"
    assert "object-grid__editor-hint" not in html
    hint = soup(render([grid_block([icon, hidden])], preview=True)).find(
        class_="object-grid__editor-hint"
    )
    assert "1" in hint.get_text()


def test_object_grid_with_no_public_object_renders_nothing(portal_site):
    hidden = builders.register_object("BLK-H2", published=False)
    assert soup(render([grid_block([hidden])])).get_text(strip=True) == ""


def test_carousel_markup(icon, portal_site):
    """A carousel is a focusable, labelled list that scrolls; its buttons are hidden until
    the script shows them and point at the list; nothing plays on its own."""
    other = builders.register_object("BLK-2", title="Писанка")
    html = render([grid_block([icon, other], layout="carousel")], "en")
    tree = soup(html)
    carousel = tree.find(attrs={"data-carousel": True})
    track = carousel.find("ul", class_="carousel__track")
    assert track["tabindex"] == "0"
    heading = tree.find("h2")
    assert track["aria-labelledby"] == heading["id"]
    assert len(track.find_all("li", class_="card")) == 2
    controls = carousel.find(attrs={"data-carousel-controls": True})
    assert controls.has_attr("hidden")
    buttons = controls.find_all("button")
    assert [button["type"] for button in buttons] == ["button", "button"]
    assert {button["aria-controls"] for button in buttons} == {track["id"]}
    assert buttons[0].get_text(strip=True).endswith("Previous")
    assert buttons[1].get_text(strip=True).startswith("Next")
    script = tree.find("script")
    assert script["type"] == "module"
    assert script["src"].endswith("portal/js/carousel.js")
    assert "autoplay" not in html


def test_carousel_of_one_object_is_a_grid(icon):
    html = render([grid_block([icon], layout="carousel", heading="")])
    assert "data-carousel" not in html
    assert soup(html).find("ul", class_="object-grid__list")


# --- queries ---------------------------------------------------------------------------------


def objects_with_photos(count):
    holder = builders.museum(en={"name": "A museum", "place": "Kyiv"})
    kind = builders.object_type("Кераміка", en="Ceramics")
    objects = []
    for index in range(count):
        obj = builders.register_object(
            f"QRY-{index:02d}",
            title=f"Предмет {index}",
            holder=holder,
            object_type=kind,
            status=ObjectStatus.STOLEN if index % 4 == 0 else ObjectStatus.IN_COLLECTION,
            status_note="Примітка" if index % 4 == 0 else "",
        )
        builders.add_photo(obj, alt_text=f"Фото {index}")
        if index % 2:
            en = builders.translate(obj, title=f"Object {index}", status_note="Note")
            builders.add_photo(en, image=obj.images.get().image, alt_text=f"Photo {index}")
        objects.append(obj)
    return objects


def count_queries(raw, language):
    render(raw, language)  # renditions are made on the first render
    with CaptureQueriesContext(connection) as queries:
        render(raw, language)
    return len(queries.captured_queries)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_query_count_is_constant_for_twelve_register_object_blocks(
    portal_site, language, django_assert_num_queries, django_assert_max_num_queries
):
    """A stream of 12 register object blocks costs what a stream of 3 costs (≈6 queries)."""
    objects = objects_with_photos(12)
    few = count_queries([object_block(obj) for obj in objects[:3]], language)
    raw = [object_block(obj) for obj in objects]
    render(raw, language)
    with django_assert_num_queries(few):
        html = render(raw, language)
    assert html.count("<figure") == 12
    with django_assert_max_num_queries(6):
        render(raw, language)


def test_query_count_is_constant_for_grids(portal_site, django_assert_num_queries):
    objects = objects_with_photos(12)
    few = count_queries([grid_block(objects[:3])], "en")
    raw = [grid_block(objects)]
    render(raw, "en")
    with django_assert_num_queries(few):
        render(raw, "en")


def test_cards_of_one_stream_are_computed_once_per_language(icon, django_assert_num_queries):
    other = builders.register_object("BLK-3", title="Глечик")
    with translation.override("en"):
        value = STREAM.to_python([object_block(icon), object_block(other)])
        first, second = (child.value["object"] for child in value)
        card_for(first)
        with django_assert_num_queries(0):
            assert card_for(second).title.value == "Глечик"
            assert card_for(first).title.value == "Virgin Hodegetria"


# --- block definitions -----------------------------------------------------------------------


@pytest.mark.parametrize("block_class", [RegisterObjectBlock, ObjectGridBlock])
def test_blocks_declare_editor_metadata(block_class):
    meta = block_class().meta
    assert meta.icon
    assert meta.template.startswith("portal/blocks/")
    assert meta.description
    assert meta.group == base.COLLECTION
    assert meta.label
    assert meta.preview_value


@pytest.mark.parametrize("block_class", [RegisterObjectBlock, ObjectGridBlock])
def test_preview_values_render(icon, block_class):
    block = block_class()
    with translation.override("en"):
        html = block.render(block.get_preview_value(), context={"page": None})
    assert "Virgin Hodegetria" in html


def test_preview_values_render_without_objects(db):
    for block in (RegisterObjectBlock(), ObjectGridBlock()):
        block.render(block.get_preview_value(), context={"page": None})
