"""Ukrainian morphology through pymorphy3 and its Ukrainian dictionary.

One MorphAnalyzer per process, created on first use (loading takes a tenth of a second and
some memory, which a process that never searches should not pay). Parsing a word costs tens of
microseconds, so search.analysis.terms memoises the terms of each word (WORD_CACHE_SIZE
words): a national collection repeats a vocabulary of a few hundred thousand words over
millions of occurrences.
"""

import threading
from functools import lru_cache

import pymorphy3
from pymorphy3.units import DictionaryAnalyzer

# Distinct words whose terms are remembered per process (under a kilobyte each).
WORD_CACHE_SIZE = 262_144

_lock = threading.Lock()
_analyzer = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process's Ukrainian analyzer (read-only once built, so threads may share it).

    Dictionary look-up only: pymorphy3's guessers (unknown prefixes, known suffixes …) would
    invent normal forms for names and rare words, joining unrelated records, and cost three
    times as much.
    """
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                _analyzer = pymorphy3.MorphAnalyzer(lang="uk", units=[DictionaryAnalyzer()])
    return _analyzer


def normal_forms(word: str) -> tuple[str, ...]:
    """Every distinct dictionary normal form of a lower-case Cyrillic word, in parse order.

    All parses count, not only the first: «києві» is first a form of «кий» and only then of
    «київ», and the dictionary gives no useful preference between them. An unknown word has
    none. The dictionary also reads г as ґ, so «гудзик» gives «гудзик» and «ґудзик».
    """
    return tuple(analyzer().normal_forms(word))


def is_known(word: str) -> bool:
    """Whether word is a form in the dictionary (г read as ґ where that helps)."""
    return analyzer().word_is_known(word)


@lru_cache(maxsize=65536)
def starts_a_word(prefix: str) -> bool:
    """Whether some word form in the dictionary starts with prefix (to prune guesses early).

    Asks pymorphy3's word DAWG (MorphAnalyzer.dictionary.words) directly: the analyzer has no
    public prefix query, and walking the DAWG costs microseconds.
    """
    return next(iter(analyzer().dictionary.words.iterkeys(prefix)), None) is not None
