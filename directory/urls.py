from django.urls import path, register_converter

from . import views
from .formats import FORMATS


class FormatConverter:
    regex = "|".join(FORMATS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "directory_format")

app_name = "directory"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("import/<uuid:token>/", views.report, name="report"),
    path("import/<uuid:token>/importieren/", views.run, name="run"),
    path("export/<directory_format:fmt>/", views.export, name="export"),
]
