"""Map and timeline blocks: the list alternative, coordinates, ordering, links, escaping."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils.translation import override
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from portal.blocks.places import MapBlock, PlaceBlock
from portal.blocks.timeline import TimelineBlock
from registry.tests import builders

INJECTED = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def place(**fields):
    raw = {
        "name": "Київ",
        "latitude": 50.4501,
        "longitude": 30.5234,
        "description": "",
        "register_object": None,
    }
    raw.update(fields)
    return raw


def map_value(places, **fields):
    raw = {"heading": "", "caption": "", "places": places}
    raw.update(fields)
    return MapBlock().to_python(raw)


def event(**fields):
    raw = {
        "date_label": "Весна 1942",
        "year": 1942,
        "title": "Евакуація",
        "text": "",
        "register_object": None,
    }
    raw.update(fields)
    return raw


def timeline_value(events, **fields):
    raw = {"heading": "", "events": events}
    raw.update(fields)
    return TimelineBlock().to_python(raw)


def render(block, value):
    return block.render(value, context={"page": None})


def island(html):
    """The map's JSON island, parsed."""
    match = re.search(r'<script type="application/json">(.*?)</script>', html, re.S)
    assert match, "the map block has its JSON island"
    return json.loads(match.group(1))


def assert_escaped(html):
    assert "<script>alert" not in html
    assert 'onerror="alert' not in html
    assert "&lt;script&gt;" in html


# --- map -----------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(MAP_TILE_URL="")
def test_map_without_tiles_renders_the_list_and_the_map_container():
    value = map_value([place(), place(name="Уфа", latitude=54.7348, longitude=55.9579)])
    with override("en"):
        html = render(MapBlock(), value)
    assert "data-map-canvas hidden" in html  # map.js shows it when Leaflet runs
    assert '<ol class="map-block__places" role="list">' in html
    assert html.count('<li class="map-block__place">') == 2
    assert "Київ" in html and "Уфа" in html
    assert 'data-map-show="0" hidden>Show on map' in html
    assert 'data-map-show="1"' in html
    assert "<h2" not in html  # no heading given
    assert "<figcaption" not in html
    data = island(html)
    assert data["tileUrl"] == ""
    assert [(p["lat"], p["lng"]) for p in data["places"]] == [
        (50.4501, 30.5234),
        (54.7348, 55.9579),
    ]
    assert data["labels"]["backToList"] == "Back to the list"
    assert data["icon"]["url"].endswith("vendor/leaflet/images/marker-icon.png")


@pytest.mark.django_db
@override_settings(
    MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png",
    MAP_TILE_ATTRIBUTION="© Example",
    MAP_TILE_MAX_ZOOM=16,
)
def test_map_passes_tile_settings_to_the_script():
    value = map_value([place()], heading="Шлях колекції", caption="1941–1944")
    html = render(MapBlock(), value)
    data = island(html)
    assert data["tileUrl"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert data["attribution"] == "© Example"
    assert data["maxZoom"] == 16
    assert '<h2 class="map-block__heading">Шлях колекції</h2>' in html
    assert '<figcaption class="map-block__caption">1941–1944</figcaption>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "50.4501° N, 30.5234° E"), ("uk", "50,4501° ")],
)
def test_coordinates_are_formatted_in_the_reader_language(language, expected):
    with override(language):
        html = render(MapBlock(), map_value([place()]))
    assert expected in html


@pytest.mark.django_db
def test_coordinates_show_hemispheres():
    value = map_value([place(name="Буенос-Айрес", latitude=-34.6037, longitude=-58.3816)])
    with override("en"):
        html = render(MapBlock(), value)
    assert "34.6037° S, 58.3816° W" in html


@pytest.mark.django_db
def test_place_links_its_published_object():
    obj = builders.register_object(title="Рушник вишитий")
    value = map_value([place(description="Сховище", register_object=obj.pk)])
    with override("en"):
        html = render(MapBlock(), value)
    assert "In the collection:" in html
    assert "Рушник вишитий" in html
    assert "Сховище" in html
    data = island(html)
    assert data["places"][0]["objectTitle"] == "Рушник вишитий"
    assert obj.register_id in data["places"][0]["objectUrl"]


@pytest.mark.django_db
def test_place_with_unpublished_object_shows_nothing_of_it():
    obj = builders.register_object(title="Прихований рушник", published=False)
    html = render(MapBlock(), map_value([place(register_object=obj.pk)]))
    assert "Прихований рушник" not in html
    assert obj.register_id not in html
    assert island(html)["places"][0]["objectUrl"] == ""


@pytest.mark.parametrize(
    ("field", "value"),
    [("latitude", 90.5), ("latitude", -91), ("longitude", 180.01), ("longitude", -200)],
)
def test_coordinates_out_of_range_are_refused(field, value):
    block = PlaceBlock()
    with pytest.raises(StructBlockValidationError) as info:
        block.clean(block.to_python(place(**{field: value})))
    assert set(info.value.block_errors) == {field}


def test_coordinates_at_the_limits_are_accepted():
    block = PlaceBlock()
    block.clean(block.to_python(place(latitude=-90, longitude=180)))
    block.clean(block.to_python(place(latitude=90, longitude=-180)))


def test_map_needs_a_place():
    block = MapBlock()
    with pytest.raises(StructBlockValidationError) as info:
        block.clean(map_value([]))
    assert isinstance(info.value.block_errors["places"], ListBlockValidationError | ValidationError)


@pytest.mark.django_db
def test_map_text_fields_are_escaped():
    value = map_value(
        [place(name=INJECTED, description=INJECTED)], heading=INJECTED, caption=INJECTED
    )
    html = render(MapBlock(), value)
    assert_escaped(html)
    # In the island the texts are data: "<" is escaped, and map.js sets them as text.
    assert island(html)["places"][0]["name"] == INJECTED


# --- timeline ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_timeline_lists_events_in_year_order_with_machine_readable_years():
    value = timeline_value(
        [
            event(date_label="1944", year=1944, title="Повернення"),
            event(date_label="Літо 1941", year=1941, title="Евакуація"),
            event(date_label="Осінь 1941", year=1941, title="Прибуття до Уфи"),
        ],
        heading="Шлях колекції",
    )
    html = render(TimelineBlock(), value)
    assert '<ol class="timeline-block__events" role="list">' in html
    assert '<h2 class="timeline-block__heading">Шлях колекції</h2>' in html
    positions = [html.index(title) for title in ("Евакуація", "Прибуття до Уфи", "Повернення")]
    assert positions == sorted(positions)
    assert '<time class="timeline-block__date" datetime="1941">Літо 1941</time>' in html
    assert '<time class="timeline-block__date" datetime="1944">1944</time>' in html


@pytest.mark.django_db
def test_timeline_without_optional_parts():
    html = render(TimelineBlock(), timeline_value([event()]))
    assert "<h2" not in html
    assert "timeline-block__text" not in html
    assert "timeline-block__object" not in html
    assert "Евакуація" in html


@pytest.mark.django_db
def test_year_before_the_common_era_has_no_datetime():
    html = render(
        TimelineBlock(), timeline_value([event(date_label="бл. 500 р. до н. е.", year=-500)])
    )
    assert "datetime=" not in html
    assert "бл. 500 р. до н. е." in html


@pytest.mark.django_db
def test_year_below_one_thousand_is_padded_for_datetime():
    html = render(TimelineBlock(), timeline_value([event(date_label="988", year=988)]))
    assert 'datetime="0988"' in html


@pytest.mark.django_db
def test_event_links_its_published_object_and_hides_an_unpublished_one():
    shown = builders.register_object(title="Ікона Одигітрія")
    hidden = builders.register_object(title="Прихована ікона", published=False)
    value = timeline_value(
        [
            event(text="Її вивезли першою.", register_object=shown.pk),
            event(year=1943, register_object=hidden.pk),
        ]
    )
    with override("en"):
        html = render(TimelineBlock(), value)
    assert "Ікона Одигітрія" in html
    assert shown.register_id in html
    assert "Її вивезли першою." in html
    assert "Прихована ікона" not in html
    assert hidden.register_id not in html
    assert html.count("In the collection:") == 1


@pytest.mark.django_db
def test_timeline_objects_cost_the_same_queries_whatever_their_number():
    """The events' objects come in one batch: six links cost what one costs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    objects = [builders.register_object(title=f"Предмет {n}") for n in range(6)]
    builders.add_photo(objects[0])
    counts = []
    for chosen in (objects[:1], objects):
        raw = [event(year=1900 + n, register_object=obj.pk) for n, obj in enumerate(chosen)]
        with override("en"), CaptureQueriesContext(connection) as queries:
            html = render(TimelineBlock(), timeline_value(raw))
        assert html.count("In the collection:") == len(chosen)
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_timeline_text_fields_are_escaped():
    value = timeline_value(
        [event(date_label=INJECTED, title=INJECTED, text=INJECTED)], heading=INJECTED
    )
    html = render(TimelineBlock(), value)
    assert_escaped(html)


def test_timeline_needs_an_event():
    with pytest.raises(StructBlockValidationError):
        TimelineBlock().clean(timeline_value([]))


# --- previews ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("block_class", [MapBlock, TimelineBlock])
def test_preview_value_renders(block_class):
    block = block_class()
    with override("en"):
        html = render(block, block.get_preview_value())
    assert "<li" in html
    assert block.meta.description
    assert block.meta.group
