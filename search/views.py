"""The readers' search page and the search box's suggestions."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from registry.presenters import current_language, reverse_in_languages, source_language, unprefixed
from search.analysis import clean_query, prefix_query
from search.engine import BadSearch, autocomplete, execute, parse
from search.models import Kind, SearchDocument
from search.presenters import present

#: Suggestions the search box offers.
SUGGESTIONS = 8


def _alternates(request):
    query = request.GET.urlencode()
    urls = reverse_in_languages("search:search", query=f"?{query}" if query else "")
    return {"alternate_urls": urls, "x_default_url": unprefixed(urls[source_language()])}


def search_page(request):
    try:
        search = parse(request.GET, current_language())
    except BadSearch as error:
        return render(
            request,
            "search/bad_request.html",
            {"reason": str(error), **_alternates(request)},
            status=400,
        )
    page = present(search, execute(search), request.path)
    return render(
        request,
        "search/search.html",
        {
            "query": search.query,
            "raw_query_too_long": len(search.raw_query.strip()) > len(search.query),
            "page": page,
            **_alternates(request),
        },
    )


def suggest(request):
    """Up to eight items whose titles begin with what the reader is typing, as JSON."""
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    if raw[-1:].isspace() and query:
        query += " "
    suggestions = []
    if query.strip():
        words, prefix = prefix_query(query)
        ids = autocomplete(current_language(), words, prefix, SUGGESTIONS)
        documents = SearchDocument.objects.filter(pk__in=ids).select_related("image")
        by_id = {document.pk: document for document in documents}
        for pk in ids:
            document = by_id.get(pk)
            if document is None:
                continue
            thumbnail = None
            if document.image is not None:
                thumbnail = document.image.get_rendition("fill-96x96").url
            suggestions.append(
                {
                    "title": document.title,
                    "url": document.url,
                    "kind": document.kind,
                    "kind_label": str(Kind(document.kind).label),
                    "thumbnail": thumbnail,
                    "lang": document.text_language or None,
                }
            )
    response = JsonResponse({"query": query.strip(), "suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=60)
    return response
