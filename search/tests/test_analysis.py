"""search.analysis: how records and queries become comparable terms.

Pure functions, no database. `matches(query, text)` is the rule every backend applies (AND
across query words, OR within a word's alternatives), so most behaviours are pinned as
"this query finds this text" and "this query does not find that text".
"""

import re
import threading

import pytest

from search.analysis import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    clean_query,
    document_terms,
    morphology,
    normalize,
    prefix_query,
    query_terms,
    suggestions,
    tokens,
    transliterate,
)
from search.analysis.stopwords import ENGLISH, STOPWORDS, UKRAINIAN
from search.analysis.terms import MAX_QUERY_TOKENS
from search.analysis.transliteration import cyrillic_candidates

TERM = re.compile(r"[^\W_]+")


def matches(query, text):
    words = query_terms(query)
    terms = set(document_terms(text))
    return bool(words) and all(alternatives & terms for alternatives in words)


# normalize


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc", "`", "\u2018", "\u2032", "\u00b4"])
def test_every_apostrophe_variant_becomes_the_ascii_apostrophe(apostrophe):
    assert normalize(f"П{apostrophe}ять") == "п'ять"


def test_normalize_case_folds_composes_and_collapses_whitespace():
    assert normalize("  ІКОНА\t\n  Святого\u00a0Миколая  ") == "ікона святого миколая"
    assert normalize("и\u0306ога ї") == normalize("йога і\u0308") == "йога ї"


def test_normalize_strips_stress_marks_but_keeps_й_and_ї():
    assert normalize("Ко\u0301ло") == "коло"
    assert normalize("ї\u0301жак, Йо\u0300сип") == "їжак, йосип"
    assert normalize("ѝ ѐ") == "и е"  # precomposed letters with a stress mark
    assert normalize("Café") == "cafe"


def test_normalize_drops_invisible_characters_inside_words():
    assert normalize("іко\u00adна і\u200bко\u200dна\ufeff") == "ікона ікона"


def test_normalize_turns_control_characters_into_spaces():
    assert normalize("ікона\x00рушник\x07\x1bписанка") == "ікона рушник писанка"


# tokens


def test_hyphenated_names_split_into_their_parts():
    assert tokens("Івано-Франківськ") == ["івано", "франківськ"]
    assert tokens("північно\u2011східний") == ["північно", "східний"]


def test_apostrophes_stay_inside_words_and_go_around_them():
    assert tokens("'П’ять' сімʼї ’") == ["п'ять", "сім'ї"]


def test_numbers_are_words():
    assert tokens("1890-ті роки, XIX ст., 12,5 см") == [
        "1890",
        "ті",
        "роки",
        "xix",
        "ст",
        "12",
        "5",
        "см",
    ]


def test_latin_look_alikes_inside_cyrillic_words_are_read_as_cyrillic():
    assert tokens("Kиїв") == ["київ"]  # Latin K
    assert tokens("ІКOНА") == ["ікона"]  # Latin O
    assert tokens("Сhernihiv") == ["chernihiv"]  # Cyrillic С


def test_no_token_mixes_scripts():
    for word in tokens("kyivщина Lvivщина абвxyz Kиїв"):
        assert not (re.search("[а-яіїєґ]", word) and re.search("[a-z]", word)), word


# transliterate


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Київ", "Kyiv"),
        ("Чернігів", "Chernihiv"),
        ("Згорани", "Zghorany"),
        ("Щербухи", "Shcherbukhy"),
        ("Юрій", "Yurii"),
        ("Єнакієве", "Yenakiieve"),
        ("Ярошенко", "Yaroshenko"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Михайло Грушевський", "Mykhailo Hrushevskyi"),
        ("Знам’янка", "Znamianka"),
        ("Знам`янка", "Znamianka"),
        ("Знамʼянка", "Znamianka"),
        ("Ґалаґан", "Galagan"),
    ],
)
def test_transliteration_follows_the_2010_national_standard(cyrillic, latin):
    assert transliterate(cyrillic) == latin


def test_transliteration_leaves_latin_text_and_numbers_alone():
    assert transliterate("Kyiv 2022, Ікона") == "Kyiv 2022, Ikona"


# document_terms


@pytest.mark.parametrize("form", ["ікона", "ікони", "іконою", "ікон", "Іконі"])
def test_every_form_of_ікона_is_indexed_as_ікона(form):
    assert {"ікона", "ikona"} <= set(document_terms(form))


@pytest.mark.parametrize(
    ("form", "lemma", "latin"),
    [
        ("Києва", "київ", "kyiv"),
        ("Києві", "київ", "kyiv"),
        ("Чернігові", "чернігів", "chernihiv"),
        ("писанки", "писанка", "pysanka"),
        ("вишиванку", "вишиванка", "vyshyvanka"),
        ("рушником", "рушник", "rushnyk"),
        ("Шевченка", "шевченко", "shevchenko"),
        ("Львові", "львів", "lviv"),
    ],
)
def test_inflected_words_are_indexed_by_normal_form_and_its_transliteration(form, lemma, latin):
    terms = document_terms(form)
    assert lemma in terms
    assert latin in terms
    assert form.casefold() not in terms or form.casefold() == lemma


def test_every_normal_form_is_kept_not_only_the_first_parse():
    assert document_terms("Києві") == ["кий", "київ", "kyi", "kyiv"]


def test_unknown_words_are_indexed_as_written_with_their_transliteration():
    assert document_terms("Ґрабазяківка") == ["ґрабазяківка", "grabaziakivka"]


@pytest.mark.parametrize("spelling", ["п'ять", "п’ять", "пʼять", "п`ять"])
def test_apostrophe_spellings_give_the_same_terms_without_apostrophes(spelling):
    assert document_terms(spelling) == ["пять", "piat"]


def test_every_term_is_letters_and_digits_only():
    text = "«Знам’янка», п'ять ікон; Івано-Франківськ — O'Brien's café (1890-ті), №12/3a!"
    terms = document_terms(text)
    assert terms
    for term in terms:
        assert TERM.fullmatch(term), term
    for alternatives in query_terms("Знам’янка O'Brien's café п'ять Kyiv"):
        for term in alternatives:
            assert TERM.fullmatch(term), term


def test_english_words_give_their_snowball_stem_and_themselves():
    assert document_terms("Embroidered towels") == ["embroid", "embroidered", "towel", "towels"]
    assert document_terms("Icons") == ["icon", "icons"]


def test_latin_words_are_folded_to_ascii():
    assert document_terms("Café Müller's") == ["cafe", "muller"]


def test_numbers_are_indexed_as_they_are():
    assert document_terms("1708 р., інв. 00123") == ["1708", "р", "r", "інв", "inv", "00123"]


def test_stopwords_in_both_languages_are_dropped():
    assert document_terms("ікона з Києва та рушник") == [
        "ікона",
        "ikona",
        "київ",
        "kyiv",
        "рушник",
        "rushnyk",
    ]
    assert document_terms("The icons of Kyiv and the museum") == [
        "icon",
        "icons",
        "kyiv",
        "museum",
    ]
    assert document_terms("і та the of and з") == []


def test_stopword_lists_stay_small_and_hold_their_transliterations():
    assert len(UKRAINIAN) < 150
    assert len(ENGLISH) < 80
    assert {"z", "ta", "na", "shcho", "ikona"} & STOPWORDS == {"z", "ta", "na", "shcho"}


def test_repeated_words_are_counted_again():
    assert document_terms("ікона, ікона") == ["ікона", "ikona", "ікона", "ikona"]


def test_words_the_standard_cannot_transliterate_are_kept_in_cyrillic_only():
    assert document_terms("объект") == ["объект"]


def test_mixed_latin_and_cyrillic_text_is_analysed_word_by_word():
    assert document_terms("Ікона Icon Kиїв") == [
        "ікона",
        "ikona",
        "icon",
        "київ",
        "кий",
        "kyiv",
        "kyi",
    ]


def test_document_terms_are_deterministic():
    text = "Ікона «Святий Миколай» з Києва; Icons of Chernihiv, 1890"
    expected = [
        "ікона",
        "ikona",
        "святий",
        "sviatyi",
        "миколай",
        "mykolai",
        "київ",
        "kyiv",
        "icon",
        "icons",
        "chernihiv",
        "1890",
    ]
    assert document_terms(text) == expected
    assert document_terms(text) == expected


def test_document_terms_agree_across_threads():
    texts = [
        f"Ікона {index} з Києва, рушник із Чернігова, pysanky {index % 7}" for index in range(300)
    ]
    serial = [document_terms(text) for text in texts]
    results = {}

    def analyse(offset):
        results[offset] = [document_terms(text) for text in texts[offset::4]]

    threads = [threading.Thread(target=analyse, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for offset in range(4):
        assert results[offset] == serial[offset::4]


def test_the_analyzer_is_built_once_even_when_threads_race(monkeypatch):
    monkeypatch.setattr(morphology, "_analyzer", None)
    built = []

    def fetch():
        built.append(morphology.analyzer())

    threads = [threading.Thread(target=fetch) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(analyzer) for analyzer in built}) == 1
    assert morphology.analyzer() is built[0]


# query_terms


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("ікона", "Ікони Київської Русі"),
        ("ікони", "Іконою з Чернігова"),
        ("іконою", "Дванадцять ікон"),
        ("Київ", "Виставка у Києві"),
        ("Києва", "Київ, 1900"),
        ("Kyiv", "Виставка у Києві"),
        ("kyiv", "Мапа Києва"),
        ("Kyieva", "Київ, 1900"),
        ("Chernihiv", "Рушник з Чернігові"),
        ("Chernihiv", "Чернігівщина і Чернігів"),
        ("pysanky", "Писанка з Косова"),
        ("pysanka", "Великодні писанки"),
        ("vyshyvanky", "Вишиванка з Полтавщини"),
        ("rushnyky", "Обрядовий рушник"),
        ("Shevchenka", "Портрет Тараса Шевченка"),
        ("Shevchenko", "Портрет Тараса Шевченка"),
        ("Zghorany", "Знахідка біля Згоран"),
        ("Lviv", "Галерея у Львові"),
        ("Znamianka", "Вокзал у Знам’янці"),
        ("icons", "Icon of Saint Nicholas"),
        ("icon", "Three icons from Kyiv"),
        ("embroidering", "Embroidered shirt"),
        ("Київ", "A view of Kyiv"),
        ("п'ять", "Пʼять рушників"),
        ("пять", "П’ять рушників"),
        ("1890", "Фото 1890 року"),
        ("Kиїв", "Виставка у Києві"),
        ("Івано-Франківськ", "Музей у Івано-Франківську"),
        ("Ivano-Frankivsk", "Музей у Івано-Франківську"),
        ("ікона Київ", "Ікона з Києва"),
        ("pysanky z Kyieva", "Писанки з Києва"),
        ("Café", "cafe society"),
    ],
)
def test_query_finds_text(query, text):
    assert matches(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("ікона", "Рушник з Чернігова"),
        ("Kyiv", "Галерея у Львові"),
        ("Chernihiv", "Виставка у Києві"),
        ("ікона Київ", "Ікона з Чернігова"),
        ("icons", "Embroidered towels"),
        ("pysanky", "Рушник"),
    ],
)
def test_query_does_not_find_unrelated_text(query, text):
    assert not matches(query, text)


def test_a_latin_query_word_also_offers_the_ukrainian_it_reads_as():
    [kyiv] = query_terms("Kyiv")
    assert {"kyiv", "київ"} <= kyiv
    [pysanky] = query_terms("pysanky")
    assert {"pysanky", "pysanki", "писанка", "pysanka"} <= pysanky


def test_a_cyrillic_query_word_offers_every_normal_form_and_its_transliteration():
    assert query_terms("Києві") == [frozenset({"кий", "київ", "kyi", "kyiv"})]


def test_the_dictionary_answers_prefix_questions():
    assert morphology.starts_a_word("черніг")
    assert morphology.starts_a_word("п'я")
    assert not morphology.starts_a_word("чщщ")
    assert morphology.is_known("чернігів")
    assert not morphology.is_known("черніг")


def test_reading_back_tries_the_ambiguous_letters_and_the_lost_soft_sign():
    assert cyrillic_candidates("kyiv") == ("київ",)
    assert cyrillic_candidates("lviv") == ("львів",)
    assert cyrillic_candidates("znamianka") == ("знам'янка",)
    assert cyrillic_candidates("zghorany") == ("згорани",)
    assert "приватного" in cyrillic_candidates("pryvatnoho")
    assert cyrillic_candidates("icons") == ()
    assert cyrillic_candidates("i" * 40) == ()


def test_query_words_are_one_set_each_in_order():
    words = query_terms("ікона Чернігів")
    assert len(words) == 2
    assert "ікона" in words[0]
    assert "чернігів" in words[1]


def test_repeated_and_implied_query_words_are_merged():
    assert query_terms("ікона ікони іконою") == [frozenset({"ікона", "ikona"})]
    assert query_terms("icon icons") == [frozenset({"icon"})]
    assert query_terms("Kyiv Київ") == query_terms("Київ")


def test_stopwords_are_dropped_from_queries():
    assert len(query_terms("ікона з Києва")) == 2
    assert len(query_terms("the icons of Kyiv")) == 2
    assert len(query_terms("pysanky z Kyieva")) == 2
    assert query_terms("і та the of AND OR NOT") == []


def test_query_terms_bound_the_work_of_an_absurd_query():
    assert len(query_terms("ікона рушник " * 5000)) <= MAX_QUERY_TOKENS
    assert len(query_terms(" ".join(f"слово{index}" for index in range(500)))) == MAX_QUERY_TOKENS


def test_query_terms_ignore_search_syntax():
    assert query_terms('title:"ікона"* AND (Kyiv)') == query_terms("title ікона Kyiv")


# prefix_query


def test_an_unfinished_word_becomes_the_prefix():
    assert prefix_query("іко") == ([], "іко")
    assert any(term.startswith("іко") for term in document_terms("Іконою"))
    assert prefix_query("kyi") == ([], "kyi")
    assert any(term.startswith("kyi") for term in document_terms("Києві"))


def test_finished_words_become_query_terms_before_the_prefix():
    words, prefix = prefix_query("ікона Ки")
    assert words == query_terms("ікона")
    assert prefix == "ки"


def test_a_trailing_space_or_punctuation_finishes_the_last_word():
    assert prefix_query("ікона ") == (query_terms("ікона"), "")
    assert prefix_query("ікона,") == (query_terms("ікона"), "")
    assert prefix_query("") == ([], "")
    assert prefix_query("   ") == ([], "")


def test_the_prefix_is_normalised_like_index_terms():
    assert prefix_query("Івано-Фр") == (query_terms("Івано"), "фр")
    assert prefix_query("П’я") == ([], "пя")
    assert prefix_query("п’") == ([], "п")
    assert prefix_query("Café") == ([], "cafe")
    assert prefix_query("ІКOН") == ([], "ікон")  # Latin O


def test_a_stopword_is_dropped_when_finished_but_kept_as_a_prefix():
    assert prefix_query("the mu") == ([], "mu")
    assert prefix_query("на") == ([], "на")


# clean_query


def test_search_syntax_becomes_plain_words():
    raw = 'title:"Київ" AND (ікона*) +foo -bar !baz ^2 ~1 \\ [x] {y/z} ? | &&'
    assert clean_query(raw) == "title Київ AND ікона foo bar baz 2 1 x y z"


def test_apostrophes_and_hyphens_survive_only_inside_words():
    assert clean_query("Івано-Франківськ п’ять") == "Івано-Франківськ п’ять"
    assert clean_query("'quoted' - ікона- -рушник '") == "quoted ікона рушник"


def test_control_characters_are_removed():
    assert clean_query("ікона\x00\x07\n\tрушник\u200b\x7f") == "ікона рушник"


def test_clean_query_keeps_the_readers_case():
    assert clean_query("  Києві   ІКОНА ") == "Києві ІКОНА"


def test_a_10000_character_query_is_capped_between_words():
    raw = "Ікона Святого Миколая з Києва " * 400
    assert len(raw) > 10000
    cleaned = clean_query(raw)
    assert 0 < len(cleaned) <= MAX_QUERY_CHARS
    assert len(cleaned.split()) <= MAX_QUERY_WORDS
    assert set(cleaned.split()) <= set(raw.split())


def test_long_words_are_capped_by_characters_first_word_kept():
    cleaned = clean_query("а" * 10000)
    assert cleaned == "а" * MAX_QUERY_CHARS
    cleaned = clean_query("слово " + "б" * 300)
    assert cleaned == "слово"


def test_more_than_twelve_words_are_cut_to_twelve():
    raw = " ".join(f"w{index}" for index in range(20))
    assert clean_query(raw) == " ".join(f"w{index}" for index in range(MAX_QUERY_WORDS))


@pytest.mark.parametrize(
    "raw", [None, 12, b"bytes", "", "\ud800", "***", "\x00" * 50, "((((", "\\"]
)
def test_clean_query_never_raises(raw):
    assert isinstance(clean_query(raw), str)
    assert clean_query(raw).strip() == clean_query(raw)


# suggestions


def test_an_inflected_query_suggests_its_normal_form_and_transliteration():
    assert suggestions("Києві") == ["Київ", "Kyiv", "Kyievi"]
    assert suggestions("Шевченка")[:2] == ["Шевченко", "Shevchenko"]


def test_a_cyrillic_query_suggests_its_transliteration():
    assert suggestions("Київ") == ["Kyiv"]


def test_a_latin_query_suggests_the_ukrainian_it_reads_as():
    assert suggestions("Kyiv") == ["Київ"]
    assert suggestions("pysanky") == ["писанки", "писанка", "pysanka"]


def test_suggestions_keep_the_readers_capitals():
    assert suggestions("КИЄВІ")[:2] == ["КИЇВ", "KYIV"]


def test_suggestions_need_every_latin_word_to_read_as_ukrainian():
    assert suggestions("icons") == []
    assert suggestions("pysanky icons") == []


def test_suggestions_never_repeat_or_echo_the_query():
    for query in ["Києві", "Kyiv", "pysanky", "ікона", "Київ ікона", "рушник", "Чернігів"]:
        offered = suggestions(query)
        assert query not in offered
        assert len({normalize(option) for option in offered}) == len(offered)
    assert suggestions("ікона") == ["ikona"]


def test_suggestions_for_nothing_are_nothing():
    assert suggestions("") == []
    assert suggestions("***") == []
