import pytest

from search import backends


@pytest.fixture(autouse=True)
def empty_search_service(settings):
    """Each test starts with the configured backends and, if there is one, an empty service.

    The database documents roll back with the test; a search service (``make
    test-opensearch``) keeps its indexes between tests, so they are emptied here.
    """
    settings.SEARCH_INDEX_REFRESH = True
    backends.reset()
    service = backends.service_backend()
    if service is not None:
        service.rebuild([])
    yield
    backends.reset()
