"""Bad input gets a clear error naming the row (or line) and field, never a traceback."""

import json

import pytest

from portal.setup import ensure_locales
from registry.importing import ImportFileError
from registry.models import RegisterObject
from registry.tests.import_fixtures import messages, record, run_import, write_csv, write_jsonl

HEADER = "register_id,title_uk\n"


@pytest.fixture(autouse=True)
def locales(db):
    ensure_locales()


def write(tmp_path, content, name="a.csv"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def import_one(tmp_path, **values):
    """Import one record with ``values`` and return its (field, message) errors."""
    report = run_import(write_jsonl(tmp_path / "one.jsonl", [record("BAD-1", **values)]))
    return [(field, message) for _row, field, message in messages(report)]


# Whole-file errors: nothing is written -----------------------------------------------------


def test_unterminated_quote_is_an_error_naming_its_line(tmp_path):
    path = write(tmp_path, HEADER + 'OK-1,Добре\nOK-2,"Без кінця\nOK-3,Третій\n')

    with pytest.raises(ImportFileError, match="Line 3 opens a quoted value that is never closed"):
        run_import(path)
    assert not RegisterObject.objects.exists()


def test_nul_byte_in_csv_is_an_error_naming_its_line(tmp_path):
    path = write(tmp_path, HEADER + "OK-1,Добре\nOK-2,Н\x00уль\n")

    with pytest.raises(ImportFileError, match="Line 3 holds a NUL byte"):
        run_import(path)
    assert not RegisterObject.objects.exists()


def test_undeclared_non_utf8_input_fails_loudly_naming_the_line(tmp_path):
    path = write(tmp_path, (HEADER + "OK-1,Добре\nCP-1,Глечик\n").encode("cp1251"))

    with pytest.raises(ImportFileError, match="Line 2 is not valid UTF-8.*--encoding") as caught:
        run_import(path)
    assert caught.value.line == 2
    assert caught.value.report.fatal.startswith("Line 2")
    assert not RegisterObject.objects.exists()


def test_declared_encoding_is_read(tmp_path):
    path = write(tmp_path, (HEADER + "CP-1,Глечик\n").encode("cp1251"))

    report = run_import(path, encoding="cp1251")
    assert report.created == 1
    assert RegisterObject.objects.get().title == "Глечик"


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, ("\ufeff" + HEADER + "BOM-1,Глечик\n").encode())

    assert run_import(path).created == 1
    assert RegisterObject.objects.get().register_id == "BOM-1"


def test_header_naming_a_column_twice_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match="names the column title_uk twice"):
        run_import(write(tmp_path, "register_id,title_uk,title_uk\nX-1,a,b\n"))


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match="The file is empty"):
        run_import(write(tmp_path, ""))


def test_unknown_extension_needs_a_format(tmp_path):
    with pytest.raises(ImportFileError, match="use --format csv or --format jsonl"):
        run_import(write(tmp_path, HEADER, name="export.txt"))


def test_unknown_encoding_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match="Unknown encoding"):
        run_import(write(tmp_path, HEADER), encoding="klingon-8")


# Row errors: the row is reported and skipped, the rest imports -------------------------------


def test_bad_row_is_reported_with_row_line_and_field_and_the_rest_imports(tmp_path):
    rows = [record("OK-1"), record("BAD-1", date_earliest="сімнадцяте"), record("OK-2")]
    report = run_import(write_csv(tmp_path / "a.csv", rows))

    assert (report.created, report.skipped) == (2, 1)
    error = report.errors[0]
    assert (error.row, error.line, error.register_id, error.field) == (
        2,
        3,
        "BAD-1",
        "date_earliest",
    )
    assert error.message == "A year is a whole number, for example 1861 or -450."
    assert not RegisterObject.objects.filter(register_id="BAD-1").exists()


def test_row_with_the_wrong_number_of_values_is_a_row_error(tmp_path):
    report = run_import(write(tmp_path, HEADER + "OK-1,Добре\nBAD-1,Погано,зайве\n"))

    assert report.created == 1
    assert messages(report) == [(2, "", "The row has 3 values but the header has 2 columns.")]


def test_every_error_of_a_row_is_reported(tmp_path):
    errors = import_one(tmp_path, status="lost", rights="https://example.com/licence")

    assert [field for field, _message in errors] == ["status", "rights"]


def test_json_duplicate_keys_are_a_row_error(tmp_path):
    path = write(
        tmp_path,
        '{"register_id": "J-1", "title_uk": "a", "title_uk": "b"}\n'
        '{"register_id": "J-2", "title_uk": "Добре"}\n',
        name="a.jsonl",
    )
    report = run_import(path)

    assert report.created == 1
    assert messages(report) == [
        (1, "title_uk", "The key title_uk appears more than once in this record.")
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_a_row_error(tmp_path, constant):
    path = write(
        tmp_path,
        f'{{"register_id": "J-1", "title_uk": "a", "date_earliest": {constant}}}\n',
        name="a.jsonl",
    )
    report = run_import(path)

    assert report.created == 0
    assert "is not a number JSON allows" in report.errors[0].message


def test_line_that_is_not_json_is_a_row_error(tmp_path):
    path = write(tmp_path, '{"register_id": "J-1", "title_uk": "a"\n["list"]\n', name="a.jsonl")
    report = run_import(path)

    assert [(error.line, error.message.split(":")[0]) for error in report.errors] == [
        (1, "The line is not valid JSON"),
        (2, "Each line must be a JSON object."),
    ]


@pytest.mark.parametrize("character", ["\x07", "\x1b", "\x85", "\ud800"])
def test_control_characters_are_rejected(tmp_path, character):
    line = json.dumps(record("BAD-1", description_uk=f"Опис{character}кінець"))  # escaped
    report = run_import(write(tmp_path, line + "\n", name="a.jsonl"))
    errors = [(field, message) for _row, field, message in messages(report)]

    assert errors and errors[0][0] == "description_uk"


def test_line_breaks_are_allowed_in_long_text_only(tmp_path):
    assert import_one(tmp_path, description_uk="Рядок\n\tвідступ") == []
    errors = import_one(tmp_path, title_uk="Рядок\nще рядок")

    assert errors == [
        ("title_uk", "This field is a single line: it may not hold line breaks or tabs.")
    ]


@pytest.mark.parametrize(
    "register_id", ["-starts-with-hyphen", "has space", "ключ", "a" * 65, "semi;colon"]
)
def test_invalid_register_id_is_a_row_error(tmp_path, register_id):
    rows = [{"register_id": register_id, "title_uk": "Назва"}]
    report = run_import(write_jsonl(tmp_path / "a.jsonl", rows))

    assert report.errors[0].field == "register_id"
    assert "is not valid" in report.errors[0].message


def test_earliest_year_after_latest_is_a_row_error(tmp_path):
    errors = import_one(tmp_path, date_earliest="1900", date_latest="1850")

    assert errors == [("date_latest", "The latest year (1850) is before the earliest year (1900).")]


@pytest.mark.parametrize(
    "rights",
    ["https://example.com/licence", "CC BY 4.0", "http://rightsstatements.org/page/InC/1.0/"],
)
def test_rights_must_be_a_rightsstatements_or_creative_commons_uri(tmp_path, rights):
    errors = import_one(tmp_path, rights=rights)

    assert errors[0][0] == "rights"


def test_creative_commons_rights_are_accepted(tmp_path):
    assert import_one(tmp_path, rights="https://creativecommons.org/publicdomain/zero/1.0/") == []


def test_unknown_status_is_a_row_error(tmp_path):
    errors = import_one(tmp_path, status="lost")

    assert errors[0][0] == "status" and errors[0][1].startswith("Unknown status lost; use one of")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"dimensions": "height=12 inch"}, "dimensions"),
        ({"dimensions": "girth=12 cm"}, "dimensions"),
        ({"dimensions": "height=-1 cm"}, "dimensions"),
        ({"dimensions": "height=1.2345 cm"}, "dimensions"),
        ({"title_uk": "x" * 501}, "title_uk"),
        ({"title_uk": ""}, "title"),
        ({"status_date": "24.03.2022"}, "status_date"),
        ({"status_date": "2022-02-30"}, "status_date"),
        ({"published": "maybe"}, "published"),
        ({"holder": "Музей №1"}, "holder"),
        ({"holder_name": "Музей"}, "holder"),
        ({"holder": "m", "holder_latitude": "91"}, "holder_latitude"),
        ({"object_type": "Мистецтво > Живопис > Ікона"}, "object_type"),
        ({"materials": "дерево|глина", "materials_en": "wood"}, "materials"),
        ({"related": "part_of:"}, "related"),
        ({"related": "cousin_of:UA-2"}, "related"),
        ({"inscriptions_en": "translation without source"}, "inscriptions"),
        ({"maker": "ім'я; роль; дати; зайве"}, "maker"),
        ({"images": "photo.jpg"}, "images"),
        ({"date_earliest": "99999"}, "date_earliest"),
        ({"date_earliest": 1850.5}, "date_earliest"),
        ({"title_uk": ["a", "list"]}, "title_uk"),
    ],
)
def test_malformed_values_are_row_errors_naming_their_field(tmp_path, values, field):
    errors = import_one(tmp_path, **values)

    assert errors and errors[0][0] == field, errors
    assert all(message.endswith(".") for _field, message in errors)


def test_title_in_both_unsuffixed_and_uk_columns_is_a_row_error(tmp_path):
    errors = import_one(tmp_path, title="Одна", title_uk="Інша")

    assert errors[0][0] in ("title", "title_uk")
