"""The demo collection: fictional objects, grouped by the museum they are attributed to."""

from . import chernihiv, folk_art, history, honchar, kharkiv, kherson, lviv, namu

OBJECTS = [
    *namu.OBJECTS,
    *honchar.OBJECTS,
    *folk_art.OBJECTS,
    *history.OBJECTS,
    *lviv.OBJECTS,
    *chernihiv.OBJECTS,
    *kharkiv.OBJECTS,
    *kherson.OBJECTS,
]

__all__ = ["OBJECTS"]
