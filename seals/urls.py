from django.urls import path, register_converter

from .views import coordinator, holder, public


class SealFileConverter:
    """The image file names of a seal (siegel-240.png, siegel.svg, …)."""

    regex = r"siegel(?:-[a-z0-9]+)?\.(?:png|svg)"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SealFileConverter, "sealfile")

app_name = "seals"

urlpatterns = [
    path("", coordinator.seal_list, name="list"),
    path("ausstellen/<int:pk>/", coordinator.issue, name="issue"),
    path("<int:pk>/widerrufen/", coordinator.revoke, name="revoke"),
    path("partei/<int:pk>/", holder.party_seals, name="party"),
    path("<int:pk>/medienpaket.zip", holder.kit, name="kit"),
    path("pruefen/", public.lookup, name="lookup"),
    path("pruefen/<str:code>.json", public.verify_json, name="verify_json"),
    path("pruefen/<str:code>/", public.verify, name="verify"),
    # Mangled addresses (a code cut short, extra slashes) get the same clear answer.
    path("pruefen/<path:code>", public.verify, name="verify_mangled"),
    # The embedding URLs: stable for the seal's whole life.
    path("<str:code>/<sealfile:filename>", public.image, name="image"),
]
