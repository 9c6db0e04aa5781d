"""Text analysis for reader search: Ukrainian lemmas, national transliteration, English stems.

Pure Python, no Django: every search backend indexes the terms computed here, so SQLite,
PostgreSQL and OpenSearch rank the same tokens. See search/analysis/terms.py for how a record
and a query meet.
"""

from .terms import document_terms, prefix_query, query_terms, suggestions
from .text import MAX_QUERY_CHARS, MAX_QUERY_WORDS, clean_query, normalize, tokens
from .transliteration import transliterate

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "clean_query",
    "document_terms",
    "normalize",
    "prefix_query",
    "query_terms",
    "suggestions",
    "tokens",
    "transliterate",
]
