from django.urls import path

from .views import browse, interests, merge, needs, offers

app_name = "exchange"

urlpatterns = [
    path("parteien/<int:party_pk>/bedarfe/", needs.party_needs, name="party_needs"),
    path("parteien/<int:party_pk>/bedarfe/neu/", needs.need_create, name="need_create"),
    path("bedarfe/", browse.browse, name="browse"),
    path("bedarfe/<int:pk>/", needs.need_detail, name="need_detail"),
    path("bedarfe/<int:pk>/zusammenfuehren/", merge.need_merge, name="need_merge"),
    path(
        "bedarfe/<int:pk>/zusammenfuehren/bestaetigen/",
        merge.need_merge_confirm,
        name="need_merge_confirm",
    ),
    path("bedarfe/<int:pk>/helfen/", interests.interest_create, name="interest_create"),
    path("interessen/", interests.interest_list, name="interests"),
    path("interessen/<int:pk>/nicht-weiter/", interests.interest_decline, name="interest_decline"),
    path("bedarfe/<int:pk>/bearbeiten/", needs.need_edit, name="need_edit"),
    path("parteien/<int:party_pk>/angebote/", offers.offer_list, name="offers"),
    path("parteien/<int:party_pk>/angebote/neu/", offers.offer_create, name="offer_create"),
    path("angebote/<int:pk>/bearbeiten/", offers.offer_edit, name="offer_edit"),
    path("angebote/<int:pk>/loeschen/", offers.offer_delete, name="offer_delete"),
]
