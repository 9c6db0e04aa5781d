"""One measured step of the readers' search benchmark, in its own process.

    python -m bench.search_worker rebuild
    python -m bench.search_worker queries --records 100000 [--per-set 40] [--repeat 3]
        [--warmup 1] [--view 10] [--seed 11] [--explain 3]

bench/search.py starts these with DJANGO_SETTINGS_MODULE=bench.settings on a database
loaded by the importer (bench/worker.py import). The last line of output is
``BENCH-RESULT {json}``, as in bench/worker.py.

``queries`` builds three query sets from the vocabulary of bench/generate.py — single words
(inflected Ukrainian forms, English words, Latin transliterations), two words, and one word
with a museum and a period facet taken from a generated record, so each faceted query has at
least that record to find — and times each query in Ukrainian and English with the portal's
engine (parse, run, present: everything but rendering the template) and with the baseline,
Wagtail's database backend used as a plain ``.search()`` on the same register rows.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from urllib.parse import urlencode

import django

from bench.worker import RESULT_PREFIX, peak_rss_mb, percentile

LANGUAGES = ("uk", "en")
SETS = ("single", "two", "faceted")

# Per object type of the generator (its narrow Ukrainian name): word forms a reader types for
# the object itself and for what qualifies it, in Ukrainian (inflected, as readers type
# them) and in English.
KIND_WORDS = {
    "Ікона": (
        ["ікона", "ікони", "іконою", "ікон", "іконі"],
        ["icon", "icons"],
        ["Миколая", "Богородиці", "Георгія", "Варвари", "Михаїла", "Покрови", "темперою"],
        ["Nicholas", "Virgin", "George", "Barbara", "Archangel", "Deesis", "tempera", "gilding"],
    ),
    "Портрет": (
        ["портрет", "портрета", "портрети", "портретом", "портретів"],
        ["portrait", "portraits"],
        ["гетьмана", "Мазепи", "старшини", "кобзаря", "священника", "Левицького", "олією"],
        ["Hetman", "Mazepa", "Cossack", "kobzar", "priest", "Levytskyi", "canvas"],
    ),
    "Пейзаж": (
        ["пейзаж", "пейзажу", "пейзажі", "пейзажем"],
        ["landscape", "landscapes"],
        ["Дніпром", "полонини", "садок", "степу", "вітряки", "Куїнджі", "Пимоненка"],
        ["Dnipro", "meadows", "orchard", "steppe", "windmills", "Kuindzhi", "sunset"],
    ),
    "Народний декоративний розпис": (
        ["розпис", "розпису", "розписом"],
        ["painting", "decorative"],
        ["Приймаченко", "Білокур", "звір", "лева", "квітами", "петриківського", "гуашшю"],
        ["Prymachenko", "Bilokur", "Petrykivka", "lion", "beast", "flowers", "gouache"],
    ),
    "Рушник": (
        ["рушник", "рушника", "рушники", "рушником", "рушників"],
        ["rushnyk", "towel", "towels"],
        ["весільний", "калини", "барвінку", "Полтавщини", "Поділля", "Буковини", "Волині"],
        ["wedding", "periwinkle", "Poltava", "Podillia", "Hutsul", "Bukovyna", "Volhynia"],
    ),
    "Сорочка": (
        ["сорочка", "сорочки", "сорочкою", "сорочок"],
        ["shirt", "shirts", "embroidered"],
        ["вишита", "жіноча", "Полтавщини", "Буковини", "Закарпаття", "низзю", "хрестиком"],
        ["embroidered", "woman's", "Bukovyna", "Transcarpathia", "hemp", "linen"],
    ),
    "Глечик": (
        ["глечик", "глечика", "глечики", "глечиком", "глечиків"],
        ["jug", "jugs"],
        ["мальований", "ангобом", "поливою", "глини", "Селюченко", "гончаря"],
        ["painted", "engobe", "glaze", "clay", "Seliuchenko", "Poshyvailo", "potter"],
    ),
    "Кахля": (
        ["кахля", "кахлі", "кахлею", "кахель"],
        ["tile", "tiles"],
        ["рельєфне", "поливою", "глини", "півники", "калиною"],
        ["stove", "relief", "glaze", "clay", "moulding"],
    ),
    "Амфора": (
        ["амфора", "амфори", "амфорою", "амфор"],
        ["amphora", "amphorae"],
        ["фрагмент", "клеймом", "кераміки"],
        ["fragment", "stamped", "ceramic"],
    ),
    "Скіфське золото": (
        ["бляшка", "бляшки", "бляшкою", "аплікації"],
        ["plaque", "plaques", "appliqué"],
        ["оленя", "пантери", "грифона", "золота", "скіфського", "карбування"],
        ["stag", "panther", "griffin", "gold", "Scythian", "repoussé"],
    ),
    "Монета": (
        ["монета", "монети", "монетою", "монет"],
        ["coin", "coins"],
        ["гріш", "срібний", "Сигізмунда", "Казимира", "Катерини", "срібла"],
        ["grosz", "silver", "Sigismund", "Casimir", "Catherine", "Peter"],
    ),
    "Шабля": (
        ["шабля", "шаблі", "шаблею", "шабель"],
        ["sabre", "sabres"],
        ["козацька", "сталі", "латуні", "куванням", "шкіри"],
        ["Cossack", "steel", "brass", "forging", "leather"],
    ),
    "Гравюра": (
        ["гравюра", "гравюри", "гравюрою", "гравюр"],
        ["engraving", "engravings"],
        ["офорт", "ксилографія", "Тарасевича", "Нарбута", "Кульчицької", "паперу"],
        ["etching", "woodcut", "Tarasevych", "Narbut", "Kulchytska", "paper"],
    ),
    "Писанка": (
        ["писанка", "писанки", "писанкою", "писанок"],
        ["pysanka", "pysanky"],
        ["воском", "барвінком", "оленчиками", "безконечником", "шкаралупи", "барвниками"],
        ["beeswax", "wax", "eggshell", "dyes", "periwinkle", "stags"],
    ),
    "Універсал": (
        ["універсал", "універсалу", "універсали", "універсалом"],
        ["universal", "decree"],
        ["гетьмана", "Мазепи", "Скоропадського", "Апостола", "Полуботка", "канцелярії"],
        ["Hetman", "Mazepa", "Skoropadskyi", "Apostol", "Polubotok", "Chancellery"],
    ),
    "Фотовідбиток": (
        ["фотографія", "фотографії", "фотографією", "фотовідбиток"],
        ["photograph", "photographs", "print"],
        ["вулиця", "Києві", "Львові", "Одесі", "Харкові", "Полтаві", "Щербаківського"],
        ["street", "Kyiv", "Lviv", "Odesa", "Kharkiv", "albumen", "Shcherbakivskyi"],
    ),
}
#: Places (origin cities, museums' towns) as readers type them.
PLACES = {
    "uk": ["Києві", "Києва", "Чернігова", "Полтаві", "Львова", "Харкова", "Одесі", "Херсоні",
           "Мелітополя", "Маріуполі", "Дніпрі", "Батурині", "Опішні", "Косові", "Петриківці"],
    "en": ["Kyiv", "Chernihiv", "Poltava", "Lviv", "Kharkiv", "Odesa", "Kherson", "Melitopol",
           "Mariupol", "Dnipro", "Baturyn", "Opishnia", "Kosiv", "Petrykivka"],
}  # fmt: skip
#: Latin transliterations a reader abroad types on the Ukrainian site, and Cyrillic forms an
#: English reader may type: both must find Cyrillic records.
CROSS_SCRIPT = {
    "uk": ["Kyiv", "Chernihiv", "Poltava", "Kharkiv", "pysanka", "pysanky", "rushnyk",
           "Shevchenko", "Mazepa", "Petrykivka", "Opishnia", "Prymachenko"],
    "en": ["ікони", "Києві", "рушника", "писанки", "Шевченка"],
}  # fmt: skip


def word_pool(language):
    column = {"uk": (0, 2), "en": (1, 3)}[language]
    pool = []
    for words in KIND_WORDS.values():
        for index in column:
            pool += words[index]
    pool += PLACES[language] + CROSS_SCRIPT[language]
    return sorted(set(pool))


def single_queries(language, count, rng):
    pool = word_pool(language)
    return [{"q": word} for word in rng.sample(pool, min(count, len(pool)))]


def two_word_queries(language, count, rng):
    objects, qualifiers = {"uk": (0, 2), "en": (1, 3)}[language]
    kinds = sorted(KIND_WORDS)
    queries = []
    for _ in range(count):
        words = KIND_WORDS[rng.choice(kinds)]
        pair = [rng.choice(words[objects]), rng.choice(words[qualifiers])]
        if rng.random() < 0.5:
            pair.reverse()
        queries.append({"q": " ".join(pair)})
    return queries


def faceted_queries(language, count, rng, records, museums):
    """A word of a generated record's object type, its museum and the century it began in."""
    from bench.generate import make_row  # noqa: PLC0415

    objects, qualifiers = {"uk": (0, 2), "en": (1, 3)}[language]
    queries = []
    while len(queries) < count:
        row = make_row(rng.randint(1, records))
        if row["published"] != "true":
            continue
        words = KIND_WORDS[row["object_type"].split(" > ")[1]]
        word = rng.choice(words[objects] + words[qualifiers][:2])
        period = int(row["date_earliest"]) // 100 * 100
        queries.append({"q": word, "museum": str(museums[row["holder"]]), "period": str(period)})
    return queries


def query_sets(options):
    from registry.models import HoldingMuseum  # noqa: PLC0415

    museums = dict(HoldingMuseum.objects.in_source_locale().values_list("code", "pk"))
    sets = {}
    for name in SETS:
        for language in LANGUAGES:
            rng = random.Random(f"{options.seed}-{name}-{language}")
            if name == "single":
                queries = single_queries(language, options.per_set, rng)
            elif name == "two":
                queries = two_word_queries(language, options.per_set, rng)
            else:
                queries = faceted_queries(language, options.per_set, rng, options.records, museums)
            sets[name, language] = queries
    return sets


# --- the two engines ----------------------------------------------------------------------


class Ours:
    """The portal's engine, everything a request does but rendering the template."""

    def __init__(self):
        from django.http import QueryDict  # noqa: PLC0415
        from django.utils import translation  # noqa: PLC0415

        from search import engine, presenters  # noqa: PLC0415

        self.QueryDict, self.translation = QueryDict, translation
        self.engine, self.presenters = engine, presenters

    def __call__(self, language, params):
        """Seconds for parsing, searching and presenting; and the number of results."""
        with self.translation.override(language):
            started = time.perf_counter()
            search = self.engine.parse(self.QueryDict(urlencode(params)), language)
            parsed = search.parsed
            parsed_at = time.perf_counter()
            outcome = self.engine.run(parsed)
            searched_at = time.perf_counter()
            page = self.presenters.present(search, outcome, f"/{language}/search/")
            done = time.perf_counter()
        parts = {
            "parse": parsed_at - started,
            "search": searched_at - parsed_at,
            "present": done - searched_at,
        }
        return done - started, parts, page.total


class Baseline:
    """Wagtail's database backend as a plain ``.search()``: the first 20 results as a list.

    RegisterObject's queryset has no ``.search()`` method (no SearchableQuerySetMixin), so
    the backend is called as that method would call it: ``backend.search(q, queryset)``.
    """

    def __init__(self):
        from wagtail.models import Locale  # noqa: PLC0415
        from wagtail.search.backends import get_search_backend  # noqa: PLC0415

        from registry.models import RegisterObject  # noqa: PLC0415

        self.objects = RegisterObject.objects
        self.backend = get_search_backend()
        # Its index filters on the locale, not on related fields: look the locales up once.
        self.locales = dict(Locale.objects.values_list("language_code", "pk"))

    def queryset(self, language, params):
        rows = self.objects.filter(locale=self.locales[language], published=True)
        if "museum" in params:
            rows = rows.filter(holder=int(params["museum"]))
        if "period" in params:
            start = int(params["period"])
            rows = rows.filter(date_earliest__lte=start + 99, date_latest__gte=start)
        return rows

    def __call__(self, language, params):
        started = time.perf_counter()
        hits = list(self.backend.search(params["q"], self.queryset(language, params))[:20])
        return time.perf_counter() - started, {}, len(hits)


# --- measuring ----------------------------------------------------------------------------


def summary(times, totals=None):
    milliseconds = [value * 1000 for value in times]
    row = {
        "samples": len(milliseconds),
        "p50_ms": round(statistics.median(milliseconds), 2),
        "p95_ms": round(percentile(milliseconds, 0.95), 2),
        "max_ms": round(max(milliseconds), 2),
        "mean_ms": round(statistics.fmean(milliseconds), 2),
    }
    if totals is not None:
        row["results_median"] = statistics.median(totals)
        row["zero_results"] = sum(1 for total in totals if total == 0)
    return row


def ratio(a, b):
    return round(a / b, 2) if a and b else None


def measure(sets, options):
    """Time every query with our engine, and as many as the budget allows with the baseline.

    Ours: a warm-up pass, then ``repeat`` passes over every query. The baseline can take
    seconds a query at 100,000 objects, so it runs each query once, in the same order and
    interleaved with ours (alternating which goes first), until ``baseline_budget`` seconds
    are spent on a set in a language (at least three queries); its first query is run once
    before, as its warm-up.
    """
    engines = {"ours": Ours(), "baseline": Baseline()}
    for _ in range(options.warmup):
        for (_name, language), queries in sets.items():
            engines["baseline"](language, queries[0])
            for params in queries:
                engines["ours"](language, params)
    samples = {key: {"ours": [], "baseline": []} for key in sets}
    for repeat in range(options.repeat):
        for key, queries in sets.items():
            language = key[1]
            spent = 0.0
            for number, params in enumerate(queries):
                order = ["ours"]
                if repeat == 0 and (number < 3 or spent < options.baseline_budget):
                    order = ["ours", "baseline"] if number % 2 == 0 else ["baseline", "ours"]
                for name in order:
                    seconds, parts, total = engines[name](language, params)
                    samples[key][name].append((number, seconds, parts, total))
                    if name == "baseline":
                        spent += seconds
    return samples


def compare(ours, baseline):
    """Summaries of both and their ratios, ours over the queries the baseline ran."""
    ran = {sample[0] for sample in baseline}
    same = [sample for sample in ours if sample[0] in ran]
    row = {
        "ours": summary([s[1] for s in ours], [s[3] for s in ours]),
        "baseline": summary([s[1] for s in baseline], [s[3] for s in baseline]),
        "ours_on_baseline_queries": summary([s[1] for s in same], [s[3] for s in same]),
    }
    row["ratio_p50"] = ratio(row["baseline"]["p50_ms"], row["ours_on_baseline_queries"]["p50_ms"])
    row["ratio_p95"] = ratio(row["baseline"]["p95_ms"], row["ours_on_baseline_queries"]["p95_ms"])
    return row


def set_results(sets, samples):
    """p50/p95 per set and language and per set over both languages, with the parts."""
    results = {}
    for name in SETS:
        combined = {"ours": [], "baseline": []}
        by_language = {}
        for language in LANGUAGES:
            key = (name, language)
            for engine in ("ours", "baseline"):
                # Query numbers made unique across languages for the combined figures.
                offset = 0 if language == LANGUAGES[0] else 10_000
                combined[engine] += [(n + offset, *rest) for n, *rest in samples[key][engine]]
            row = compare(samples[key]["ours"], samples[key]["baseline"])
            row["queries"] = list(sets[key])
            by_language[language] = row
        both = compare(combined["ours"], combined["baseline"])
        both["ours_parts_p50_ms"] = {
            part: round(statistics.median(s[2][part] for s in combined["ours"]) * 1000, 2)
            for part in ("parse", "search", "present")
        }
        both["ours_parts_p95_ms"] = {
            part: round(percentile([s[2][part] for s in combined["ours"]], 0.95) * 1000, 2)
            for part in ("parse", "search", "present")
        }
        results[name] = {"both": both, **by_language}
    return results


def slowest(sets, samples, count):
    """The ``count`` queries of each set whose median time with our engine is the highest."""
    found = {}
    for name in SETS:
        medians = []
        for language in LANGUAGES:
            key = (name, language)
            per_query = {}
            for number, seconds, _parts, total in samples[key]["ours"]:
                per_query.setdefault(number, []).append((seconds, total))
            for number, taken in per_query.items():
                medians.append(
                    (
                        statistics.median(seconds for seconds, _total in taken),
                        language,
                        sets[key][number],
                        taken[0][1],
                    )
                )
        medians.sort(key=lambda item: -item[0])
        found[name] = medians[:count]
    return found


def backend_statement(language, params):
    """The SQL and parameters the database backend runs for a search."""
    from django.db import connection  # noqa: PLC0415
    from django.http import QueryDict  # noqa: PLC0415

    from search import engine  # noqa: PLC0415
    from search.backends import database_backend  # noqa: PLC0415

    parsed = engine.parse(QueryDict(urlencode(params)), language).parsed
    captured = []

    def capture(execute, sql, sql_params, many, context):
        captured.append((sql, sql_params))
        return execute(sql, sql_params, many, context)

    with connection.execute_wrapper(capture):
        database_backend().search(parsed)
    matched_sql, matched_params = database_backend()._matched(parsed)
    return parsed, captured[-1], (matched_sql, matched_params)


def timed(cursor, sql, params, repeat=5):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        cursor.execute(sql, params)
        cursor.fetchall()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 2)


def explain(worst):
    """For the slowest queries: the plan, and the time of the match alone against the whole."""
    from django.db import connection  # noqa: PLC0415

    postgresql = connection.vendor == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgresql else "EXPLAIN QUERY PLAN "
    reports = {}
    for name, queries in worst.items():
        reports[name] = []
        for seconds, language, params, total in queries:
            _parsed, (sql, sql_params), (matched, matched_params) = backend_statement(
                language, params
            )
            with connection.cursor() as cursor:
                # The backend's own SQL, its values passed as parameters.
                count = f"SELECT COUNT(*) FROM ({matched}) x"  # noqa: S608
                match_ms = timed(cursor, count, matched_params)
                whole_ms = timed(cursor, sql, sql_params)
                cursor.execute(prefix + sql, sql_params)
                plan = [" | ".join(str(value) for value in row) for row in cursor.fetchall()]
            reports[name].append(
                {
                    "language": language,
                    "params": params,
                    "results": total,
                    "median_ms": round(seconds * 1000, 2),
                    "backend_statement_ms": whole_ms,
                    "match_only_ms": match_ms,
                    "plan": plan,
                }
            )
    return reports


def views(sets, count):
    """The full page through Django's test client for the first ``count`` queries of a set."""
    from django.test import Client  # noqa: PLC0415

    client = Client(raise_request_exception=False)
    results = {}
    for name in SETS:
        times, statuses = [], {}
        urls = [
            f"/{language}/search/?{urlencode(params)}"
            for language in LANGUAGES
            for params in sets[name, language][:count]
        ]
        for url in urls:  # warm-up
            client.get(url)
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1
        results[name] = {**summary(times), "statuses": statuses}
    return results


def do_queries(options):
    from django.db import connection  # noqa: PLC0415

    from search.models import SearchDocument  # noqa: PLC0415

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    sets = query_sets(options)
    started = time.perf_counter()
    samples = measure(sets, options)
    results = {
        "documents": SearchDocument.objects.count(),
        "vendor": connection.vendor,
        "per_set": options.per_set,
        "repeat": options.repeat,
        "warmup": options.warmup,
        "baseline_budget_s": options.baseline_budget,
        "seed": options.seed,
        "sets": set_results(sets, samples),
        "measure_seconds": round(time.perf_counter() - started, 1),
    }
    if options.explain:
        results["slowest"] = explain(slowest(sets, samples, options.explain))
    if options.view:
        results["views"] = views(sets, options.view)
    results["peak_rss_mb"] = peak_rss_mb()
    return results


def do_rebuild(_options):
    from django.db import connection  # noqa: PLC0415

    from search.indexing import rebuild  # noqa: PLC0415
    from search.models import SearchDocument  # noqa: PLC0415

    started = time.perf_counter()
    documents = rebuild()
    seconds = time.perf_counter() - started
    return {
        "documents": documents,
        "documents_uk": SearchDocument.objects.filter(language="uk").count(),
        "documents_en": SearchDocument.objects.filter(language="en").count(),
        "facet_values": sum(
            len(tokens) for tokens in SearchDocument.objects.values_list("facet_tokens", flat=True)
        ),
        "seconds": round(seconds, 1),
        "rate": round(documents / seconds, 1),
        "peak_rss_mb": peak_rss_mb(),
        "vendor": connection.vendor,
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("rebuild")
    queries = steps.add_parser("queries")
    queries.add_argument("--records", type=int, required=True, help="rows of the loaded file")
    queries.add_argument("--per-set", type=int, default=40)
    queries.add_argument("--repeat", type=int, default=2)
    queries.add_argument("--baseline-budget", type=float, default=60, help="seconds per set")
    queries.add_argument("--warmup", type=int, default=1)
    queries.add_argument("--view", type=int, default=10)
    queries.add_argument("--seed", type=int, default=11)
    queries.add_argument("--explain", type=int, default=3)
    options = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    step = {"rebuild": do_rebuild, "queries": do_queries}
    result = step[options.step](options)
    sys.stdout.write(RESULT_PREFIX + json.dumps(result, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
