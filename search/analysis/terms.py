"""Index terms for records and alternatives for queries: where the languages meet.

A record stores, for each Ukrainian word, its dictionary normal forms and their Latin
transliterations; for each Latin word, its English stem and the word itself. A query word
becomes the set of terms any one of which satisfies it. So «ікони» finds «іконою» (both
become «ікона»), "Kyiv" finds «Києві» (normal form «київ», transliterated "kyiv"), and
"pysanky" finds «писанка» (read back as «писанки», a form of «писанка»).

Every term is letters and digits only (apostrophes are dropped: «п'ять» is stored as «пять»,
which is also how it is typed without an apostrophe), so every backend's own tokenizer —
FTS5 unicode61, PostgreSQL's simple parser, a whitespace analyzer — keeps it whole.
"""

import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from . import morphology
from .stopwords import STOPWORDS
from .text import (
    CYRILLIC,
    LATIN,
    MAX_QUERY_WORDS,
    WORD,
    clean_query,
    normalize,
    script_words,
    tokens,
    unify_apostrophes,
)
from .transliteration import cyrillic_candidates, latin, transliterate

# Latin query words shorter than this are not read back as Ukrainian ("ok", "tv").
MIN_READ_BACK = 3
MAX_SUGGESTIONS = 4
# Query words analysed at most, whatever the caller passes (clean_query keeps MAX_QUERY_WORDS
# words; hyphenated ones count twice here): bounds the work an absurd query can cause.
MAX_QUERY_TOKENS = 2 * MAX_QUERY_WORDS

_stemmer = snowballstemmer.stemmer("english")
_stemmer_lock = threading.Lock()  # the Snowball stemmer keeps its state between calls


def _stem(word):
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def _fold(word):
    """A Latin word without diacritics or apostrophes ("café" → "cafe", "o'brien" → "obrien")."""
    decomposed = unicodedata.normalize("NFKD", word.removesuffix("'s"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("'", "")


def _terms(candidates):
    return tuple(dict.fromkeys(term.replace("'", "") for term in candidates if term))


def _cyrillic_forms(word):
    forms = morphology.normal_forms(word) or (word,)
    return forms + tuple(filter(None, map(latin, forms)))


def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one token (see tokens()); () for a stopword."""
    if word in STOPWORDS:
        return ()
    if any(char.isdigit() for char in word):
        return _terms((word, latin(word) if CYRILLIC.search(word) else None))
    if CYRILLIC.search(word):
        return _terms(_cyrillic_forms(word))
    if LATIN.search(word):
        folded = _fold(word)
        return _terms((_stem(folded), folded))
    return _terms((word,))


@lru_cache(maxsize=morphology.WORD_CACHE_SIZE)
def _raw_word_terms(raw):
    return tuple(term for word in script_words(raw) for term in word_terms(word))


def document_terms(text: str) -> list[str]:
    """The index terms of text in any language, word by word, in order (repeats kept)."""
    terms = []
    for raw in WORD.findall(normalize(text)):
        terms.extend(_raw_word_terms(raw))
    return terms


@lru_cache(maxsize=16384)
def word_alternatives(word: str) -> frozenset[str] | None:
    """The terms any one of which satisfies query token word; None for a stopword.

    A Ukrainian word gives what a record stores for it: its normal forms and their
    transliterations (so «Київ» also finds an English page that only says "Kyiv"). A Latin
    word gives its stem and itself, plus the normal forms (and their transliterations) of the
    Ukrainian words it can be read back as.
    """
    if word in STOPWORDS:
        return None
    alternatives = set(word_terms(word))
    if LATIN.search(word) and len(word) >= MIN_READ_BACK:
        for candidate in cyrillic_candidates(_fold(word)):
            alternatives.update(_terms(_cyrillic_forms(candidate)))
    return frozenset(alternatives)


def _merge(alternatives):
    """Query words in order, without stopwords or words another word already implies.

    Words are ANDed, so a word whose alternatives include all of another's adds nothing
    ("ікона ікони", "icon icons").
    """
    present = [entry for entry in alternatives if entry]
    return [
        entry
        for index, entry in enumerate(present)
        if not any(
            other < entry or (other == entry and earlier < index)
            for earlier, other in enumerate(present)
        )
    ]


def query_terms(query: str) -> list[frozenset[str]]:
    """One set of alternatives per meaningful query word (see word_alternatives)."""
    return _merge([word_alternatives(word) for word in tokens(query)[:MAX_QUERY_TOKENS]])


def prefix_query(query: str) -> tuple[list[frozenset[str]], str]:
    """Autocomplete: the finished words as query_terms, and the unfinished last word.

    The last word is unfinished unless the query ends with a space or punctuation; it comes
    back normalised the way index terms are (no apostrophes, Latin without diacritics), to be
    matched as a prefix of indexed terms. Stopwords are kept as prefixes («на» may become
    «наукова»).
    """
    words = tokens(query)
    marked = normalize(query + "|")  # what preceded the end of the query, once normalised
    unfinished = marked[-2:-1].isalnum() or marked[-2:-1] == "'"
    if not words or not unfinished or len(words) > MAX_QUERY_TOKENS:
        return _merge([word_alternatives(word) for word in words[:MAX_QUERY_TOKENS]]), ""
    *finished, last = words
    prefix = _fold(last) if LATIN.search(last) else last.replace("'", "")
    return _merge([word_alternatives(word) for word in finished]), prefix


def _edit_distance(first, second):
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def _same_case(model, word):
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _replace_words(text, script, replace):
    """text with each word of script replaced, or None if one has no replacement."""
    parts = []
    end = 0
    for match in WORD.finditer(text):
        word = match.group()
        if script.search(word.casefold()):
            replacement = replace(normalize(word))
            if replacement is None:
                return None
            parts += [text[end : match.start()], _same_case(word, replacement)]
            end = match.end()
    return "".join([*parts, text[end:]])


def _read_back(word):
    candidates = cyrillic_candidates(_fold(word))
    return candidates[0] if candidates else None


def _uninflected(word):
    """The normal form closest in spelling to word («києві» → «київ», not «кий»)."""
    forms = morphology.normal_forms(word)
    return min(forms, key=lambda form: _edit_distance(word, form)) if forms else word


def suggestions(query: str) -> list[str]:
    """Other ways to write query, for a page with no results.

    In order: the Latin query read back as Ukrainian (if the dictionary knows every word),
    the un-inflected query, its transliteration, the transliteration of the query. Never the
    query itself, never twice the same.
    """
    text = unify_apostrophes(clean_query(query))
    read_back = _replace_words(text, LATIN, _read_back) if LATIN.search(text.casefold()) else None
    base = read_back or text
    uninflected = (
        _replace_words(base, CYRILLIC, _uninflected) if CYRILLIC.search(base.casefold()) else None
    )
    options = [read_back, uninflected]
    if uninflected:
        options.append(transliterate(uninflected))
    if CYRILLIC.search(text.casefold()):
        options.append(transliterate(text))
    seen = {normalize(text)}
    result = []
    for option in options:
        if option and normalize(option) not in seen:
            seen.add(normalize(option))
            result.append(option)
    return result[:MAX_SUGGESTIONS]
