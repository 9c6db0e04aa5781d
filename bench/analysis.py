"""`make bench` (analysis): how fast search.analysis turns text into index terms.

    .venv/bin/python bench/analysis.py [--records 20000]

Feeds the Ukrainian and English public text of generated register records (bench/generate.py:
titles, descriptions, subjects, makers, places, inscriptions, notes) through
search.analysis.document_terms twice: a cold pass, where every new word is parsed by
pymorphy3, transliterated and stemmed, and a warm pass over the same records, where the
per-word memo answers (the steady state of indexing a national collection, whose vocabulary
repeats). The generated records use a small vocabulary, so a third pass feeds distinct word
forms taken from the Ukrainian dictionary, every one new: the worst case, all cache misses.
Then times query analysis for a set of reader queries, cold and warm. Prints words/s, terms
per word, the number of distinct words and the process's peak memory (which includes the
per-word memo, full after a large fresh pass). No Django needed.
"""

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import make_row  # noqa: E402
from search.analysis import document_terms, query_terms, tokens  # noqa: E402
from search.analysis.morphology import analyzer  # noqa: E402
from search.analysis.terms import _raw_word_terms  # noqa: E402

FIELDS = (
    "title_uk",
    "title_en",
    "description_uk",
    "description_en",
    "subject",
    "subject_en",
    "maker",
    "maker_en",
    "place_of_origin",
    "place_of_origin_en",
    "inscriptions",
    "inscriptions_en",
    "distinguishing_features",
    "distinguishing_features_en",
    "status_note",
    "status_note_en",
)

QUERIES = (
    "ікона",
    "ікони Київ",
    "Києві",
    "Kyiv",
    "pysanky",
    "Chernihiv icons",
    "вишиванка Полтава",
    "рушник з вишивкою",
    "Шевченка",
    "embroidered towels",
    "Scythian gold",
    "Іван Скоропадський",
    "Ivano-Frankivsk",
    "portrait of a hetman",
    "XVIII ст.",
)


def _rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def texts(records):
    for index in range(records):
        row = make_row(index)
        yield " ".join(row[name] for name in FIELDS if row.get(name))


def dictionary_words(count):
    """count distinct word forms spread over the dictionary, as texts of 50 words."""
    seen = []
    previous = None
    for index, key in enumerate(analyzer().dictionary.words.iterkeys("")):
        if index % 7 == 0 and key != previous:
            seen.append(key)
            previous = key
            if len(seen) == count:
                break
    return [" ".join(seen[start : start + 50]) for start in range(0, len(seen), 50)]


def timed_pass(corpus):
    started = time.perf_counter()
    terms = sum(len(document_terms(text)) for text in corpus)
    return time.perf_counter() - started, terms


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--fresh", type=int, default=100000, help="distinct new words")
    args = parser.parse_args(argv)

    corpus = list(texts(args.records))
    words = sum(len(tokens(text)) for text in corpus)
    started = time.perf_counter()
    analyzer()
    load = time.perf_counter() - started

    loaded_mib = _rss_mib()
    cold, terms = timed_pass(corpus)
    warm, _terms = timed_pass(corpus)
    distinct = _raw_word_terms.cache_info().currsize
    fresh_corpus = dictionary_words(args.fresh)
    fresh_words = sum(len(tokens(text)) for text in fresh_corpus)
    fresh, _terms = timed_pass(fresh_corpus)

    started = time.perf_counter()
    for query in QUERIES:
        query_terms(query)
    query_cold = (time.perf_counter() - started) / len(QUERIES)
    started = time.perf_counter()
    rounds = 200
    for _round in range(rounds):
        for query in QUERIES:
            query_terms(query)
    query_warm = (time.perf_counter() - started) / (rounds * len(QUERIES))

    print(f"records                  {args.records}")
    print(f"words                    {words}  ({distinct} distinct)")
    print(f"terms per word           {terms / words:.2f}")
    print(f"analyzer load            {load * 1000:.0f} ms")
    print(f"document_terms cold      {words / cold:,.0f} words/s  ({cold:.2f} s)")
    print(f"document_terms warm      {words / warm:,.0f} words/s  ({warm:.2f} s)")
    print(f"document_terms new words {fresh_words / fresh:,.0f} words/s  ({fresh_words} words)")
    print(f"query_terms cold         {query_cold * 1000:.2f} ms/query")
    print(f"query_terms warm         {query_warm * 1e6:.1f} µs/query")
    cached = _raw_word_terms.cache_info().currsize
    print(f"peak memory              {_rss_mib():.0f} MiB  ({loaded_mib:.0f} MiB with the")
    print(f"                         dictionary loaded, before {cached} words were memoised)")


if __name__ == "__main__":
    main()
