"""IIIF Image API addresses (names in the "iiif" namespace, see iiif/urls.py).

/iiif/3/{identifier}, …/info.json and …/{region}/{size}/{rotation}/{quality}.{format}, and the
same under /iiif/2/ for Image API 2.1. Anything else under those prefixes is the service's
own 404, with CORS like every other response.
"""

from django.urls import path, re_path

from . import views
from .params import V2, V3

REQUEST = "<str:identifier>/<str:region>/<str:size>/<str:rotation>/<str:quality_format>"

urlpatterns = [
    path("3/<str:identifier>", views.image_base, {"version": V3}, name="image_base"),
    path("3/<str:identifier>/info.json", views.image_info, {"version": V3}, name="image_info"),
    path(f"3/{REQUEST}", views.image_request, {"version": V3}, name="image_request"),
    path("2/<str:identifier>", views.image_base, {"version": V2}, name="image2_base"),
    path("2/<str:identifier>/info.json", views.image_info, {"version": V2}, name="image2_info"),
    path(f"2/{REQUEST}", views.image_request, {"version": V2}, name="image2_request"),
    re_path(r"^(?P<version>[23])/", views.unknown),
]
