"""Ukrainian ↔ Latin by the national standard (Cabinet of Ministers resolution 55 of 2010).

Forward: translitua's UkrainianKMU table, the 2010 standard (Київ → Kyiv, Згорани →
Zghorany, Юрій → Yurii). Backward there is no table, because the standard loses information
(и and й both give "y", і ї й give "i", the soft sign and the apostrophe vanish): Latin text
is read as a lattice of Cyrillic choices, walked depth first and pruned by the Ukrainian
dictionary, so only spellings that can still become a real word are followed.
"""

from functools import lru_cache

from translitua import UkrainianKMU, translit

from . import morphology
from .text import unify_apostrophes

# Latin spelling → Cyrillic readings, the standard's reading first. The standard writes є ї й
# ю я as ye yi y yu ya at the start of a word and ie i i iu ia elsewhere; readers mix the two,
# so both readings are tried everywhere. "g" is also read as г (the pre-2010 habit).
_READINGS = {
    "shch": ("щ",),
    "zgh": ("зг",),
    "kh": ("х",),
    "zh": ("ж",),
    "ts": ("ц",),
    "ch": ("ч",),
    "sh": ("ш",),
    "ye": ("є",),
    "yi": ("ї",),
    "yu": ("ю",),
    "ya": ("я",),
    "ie": ("є",),
    "iu": ("ю",),
    "ia": ("я",),
    "a": ("а",),
    "b": ("б",),
    "v": ("в",),
    "h": ("г",),
    "g": ("ґ", "г"),
    "d": ("д",),
    "e": ("е",),
    "z": ("з",),
    "y": ("и", "й"),
    "i": ("і", "ї", "й", "и"),
    "k": ("к",),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у",),
    "f": ("ф",),
}
_LONGEST = max(map(len, _READINGS))
# Letters the standard drops, and after which consonants they may have stood.
_SOFTENED = frozenset("дзлнрстц")
_APOSTROPHISED = frozenset("бвкмпрф")

# Candidates returned per Latin word, and dictionary look-ups spent finding them.
MAX_CANDIDATES = 4
MAX_STEPS = 600


def transliterate(text: str) -> str:
    """text with Ukrainian letters in the national standard's Latin, keeping case."""
    return translit(unify_apostrophes(text), UkrainianKMU)


def latin(term: str) -> str | None:
    """The Latin transliteration of a lower-case Cyrillic term, or None if not all ASCII.

    Letters outside the Ukrainian alphabet (ы, э, ъ …) have no standard spelling; a half-Latin
    term would match nothing a reader can type.
    """
    result = transliterate(term)
    return result if result.isascii() else None


def _after(reading):
    yield reading
    if reading[-1] in _SOFTENED:
        yield reading + "ь"
    if reading[-1] in _APOSTROPHISED:
        yield reading + "'"


@lru_cache(maxsize=16384)
def cyrillic_candidates(word: str) -> tuple[str, ...]:
    """Ukrainian words the dictionary knows whose Latin spelling could be word (lower case).

    "kyiv" → ("київ",), "pysanky" → ("писанки",), "lviv" → ("львів",). At most
    MAX_CANDIDATES, in lattice order (the standard's reading first); () for anything that is
    not plain ASCII letters, or when the search runs out of its MAX_STEPS look-ups.
    """
    if not (word.isascii() and word.isalpha()):
        return ()
    found = []
    steps = MAX_STEPS

    def walk(position, prefix):
        nonlocal steps
        if position == len(word):
            if morphology.is_known(prefix) and prefix not in found:
                found.append(prefix)
            return
        for size in range(min(_LONGEST, len(word) - position), 0, -1):
            for reading in _READINGS.get(word[position : position + size], ()):
                for spelling in _after(reading):
                    if len(found) >= MAX_CANDIDATES or steps <= 0:
                        return
                    steps -= 1
                    if morphology.starts_a_word(prefix + spelling):
                        walk(position + size, prefix + spelling)

    walk(0, "")
    return tuple(found)
