from django.urls import path, register_converter

from registry import views, views_jsonld


class RegisterIdConverter:
    """A register ID as the register defines it (see ``REGISTER_ID_PATTERN``)."""

    regex = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(RegisterIdConverter, "register_id")

app_name = "registry"

urlpatterns = [
    path("", views.object_list, name="object_list"),
    path("<register_id:register_id>/", views.object_detail, name="object_detail"),
    path(
        "<register_id:register_id>/object.jsonld",
        views_jsonld.object_jsonld,
        name="object_jsonld",
    ),
]
