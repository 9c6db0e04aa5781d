from django.urls import path

from registry import views

app_name = "registry"

urlpatterns = [
    path("", views.object_list, name="object_list"),
    path("<str:register_id>/", views.object_detail, name="object_detail"),
]
