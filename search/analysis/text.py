"""Normalisation, tokenisation and query cleaning: the first step of every analysis.

Records and queries go through the same functions, so whatever a reader types and whatever a
record says meet in one form: NFC, case-folded, one apostrophe ("'"), no stress marks, no
invisible characters, single spaces. Ukrainian is written with at least six apostrophe look-alikes
(the dictionary knows only the ASCII one), editors paste stress marks from dictionaries, and
register exports mix Latin look-alike letters into Cyrillic words ("Kиїв" with a Latin K); each
of these would otherwise make one word into two that never match.
"""

import re
import unicodedata

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12

# Every apostrophe look-alike met in Ukrainian text, unified to the ASCII one.
APOSTROPHES = "'\u2019\u02bc`\u2018\u2032\u00b4\u02b9\u02bb\uff07"
_APOSTROPHE = re.compile("[" + APOSTROPHES[1:] + "]")

_STRESS = re.compile("[\u0300\u0301]")
_COMBINING_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Combining marks left over once everything composable has been composed.
_COMBINING = re.compile(f"[{_COMBINING_RANGES}]")
# Text that may hold a stress mark, alone or inside a precomposed letter (Latin, Greek, ѐ ѝ …);
# plain Cyrillic and ASCII text skips the costly decomposition.
_MAYBE_MARKED = re.compile(
    f"[{_COMBINING_RANGES}\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u1f00-\u1fff"
    "\u0400\u0403\u040c\u040d\u0450\u0453\u045c\u045d]"
)
# Invisible format characters (soft hyphen, zero-width spaces and joiners, direction marks, BOM).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")

# A word: letters and digits, with apostrophes inside it ("п'ять"); hyphens separate words.
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
CYRILLIC = re.compile("[\u0400-\u052f]")
LATIN = re.compile("[a-z\u00c0-\u024f\u1e00-\u1eff]")
_SCRIPT_RUN = re.compile(
    "[\u0400-\u052f]+(?:'[\u0400-\u052f]+)*|[^\\W\u0400-\u052f_]+(?:'[^\\W\u0400-\u052f_]+)*"
)

# Lower-case letters that look the same in both alphabets (after case folding, so the Latin
# side stands for capitals too: "B" for "В", "H" for "Н", "M" for "М", "T" for "Т").
_LOOKALIKES = "aа bв cс eе hн iі kк mм oо pр tт xх yу ïї"
_TO_CYRILLIC = str.maketrans({pair[0]: pair[1] for pair in _LOOKALIKES.split()})
_TO_LATIN = str.maketrans({pair[1]: pair[0] for pair in _LOOKALIKES.split()})

_SYNTAX_APOSTROPHE_OR_HYPHEN = "[" + re.escape(APOSTROPHES) + "\\-\u2010\u2011]"
# An apostrophe or hyphen that does not join two letters or digits is syntax, not spelling.
_LOOSE_JOINER = re.compile(
    rf"(?<![^\W_]){_SYNTAX_APOSTROPHE_OR_HYPHEN}|{_SYNTAX_APOSTROPHE_OR_HYPHEN}(?![^\W_])"
)
_NOT_QUERY_TEXT = re.compile(rf"(?:(?!{_SYNTAX_APOSTROPHE_OR_HYPHEN})[\W_])+")


def unify_apostrophes(text: str) -> str:
    """text with every apostrophe look-alike replaced by the ASCII apostrophe."""
    return _APOSTROPHE.sub("'", text)


def _strip_marks(text):
    """NFC text without stress marks or stray combining marks (й and ї stay composed)."""
    text = unicodedata.normalize("NFC", text)
    if not _MAYBE_MARKED.search(text):
        return text
    text = _STRESS.sub("", unicodedata.normalize("NFD", text))
    return _COMBINING.sub("", unicodedata.normalize("NFC", text))


def normalize(text: str) -> str:
    """The canonical form of text for matching (see the module docstring)."""
    text = _strip_marks(_INVISIBLE.sub("", text).casefold())
    return _SPACES.sub(" ", _APOSTROPHE.sub("'", text)).strip()


def script_words(word: str) -> tuple[str, ...]:
    """One matched word as words of a single script.

    A word mixing Cyrillic and Latin letters is usually one script with look-alikes typed from
    the wrong keyboard: they are turned into the majority script (Cyrillic on a tie). Whatever
    still mixes scripts afterwards is split where the script changes.
    """
    if not (CYRILLIC.search(word) and LATIN.search(word)):
        return (word,)
    if len(CYRILLIC.findall(word)) >= len(LATIN.findall(word)):
        word = word.translate(_TO_CYRILLIC)
    else:
        word = word.translate(_TO_LATIN)
    if not (CYRILLIC.search(word) and LATIN.search(word)):
        return (word,)
    return tuple(_SCRIPT_RUN.findall(word))


def tokens(text: str) -> list[str]:
    """The words of normalize(text), in order.

    Apostrophes inside a word stay ("п'ять"); hyphens split ("Івано-Франківськ" gives "івано"
    and "франківськ"), so a hyphenated name matches its parts typed with or without the
    hyphen, and an autocomplete prefix after the hyphen still works. Numbers are words.
    """
    words = []
    for raw in WORD.findall(normalize(text)):
        words.extend(script_words(raw))
    return words


def clean_query(raw: str) -> str:
    """A reader's query with control characters and search syntax removed; never raises.

    Field prefixes, wildcards, quotes, brackets, boolean signs and backslashes become spaces, so
    no backend ever sees syntax; AND, OR and NOT stay as plain words. Letters keep their case
    (the cleaned query is shown back to the reader). The result has at most MAX_QUERY_WORDS
    words and MAX_QUERY_CHARS characters, cut between words.
    """
    if not isinstance(raw, str):
        return ""
    text = _strip_marks(_INVISIBLE.sub("", _CONTROL.sub(" ", raw)))
    text = _LOOSE_JOINER.sub(" ", _NOT_QUERY_TEXT.sub(" ", text))
    text = " ".join(text.split()[:MAX_QUERY_WORDS])
    if len(text) > MAX_QUERY_CHARS:
        cut = text[:MAX_QUERY_CHARS]
        if text[MAX_QUERY_CHARS] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip()
    return text
