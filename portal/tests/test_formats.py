"""Numbers and dates are written the way each language writes them."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from registry.tests import builders


@pytest.mark.parametrize(
    ("language", "expected"),
    [("uk", "123\xa0456"), ("en", "123,456")],
)
def test_grouped_numbers_use_the_languages_thousands_separator(language, expected):
    template = Template("{% load portal_tags %}{{ n|grouped }}|{{ text|grouped }}")
    with translation.override(language):
        assert template.render(Context({"n": 123456, "text": "NHMU-1"})) == f"{expected}|NHMU-1"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("uk", "14 березня 2022"), ("en", "March 14, 2022")],
)
def test_dates_are_written_in_the_languages_format(language, expected):
    template = Template('{{ day|date:"DATE_FORMAT" }}')
    with translation.override(language):
        rendered = template.render(Context({"day": datetime.date(2022, 3, 14)}))
    assert rendered.replace("\xa0", " ").removesuffix(" р.") == expected


@pytest.mark.django_db
def test_the_collection_count_is_grouped_and_declined_per_language(client, portal_site):
    for number in range(3):
        builders.register_object(f"FMT-{number}")
    uk = client.get("/uk/objects/").content.decode()
    en = client.get("/en/objects/").content.decode()
    assert "3 предмети з Електронного реєстру" in uk
    assert "3 objects from the Electronic Register" in en
