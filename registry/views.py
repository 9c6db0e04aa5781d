from django.http import Http404
from django.shortcuts import render

from registry.models import RegisterObject


def object_list(request):
    objects = RegisterObject.objects.public().in_source_locale()[:24]
    return render(request, "registry/object_list.html", {"objects": objects})


def object_detail(request, register_id):
    obj = RegisterObject.objects.public().in_source_locale().filter(register_id=register_id).first()
    if obj is None:
        raise Http404
    return render(request, "registry/object_detail.html", {"object": obj})
