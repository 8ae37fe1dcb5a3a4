from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("", views.need_list, name="needs"),
    path("bedarf/<int:pk>/", views.need_suggestions, name="need"),
    path("bedarf/<int:pk>/neu-berechnen/", views.need_recompute, name="recompute"),
    path("vorschlag/<int:pk>/vormerken/", views.shortlist, name="shortlist"),
    path("vorschlag/<int:pk>/ausschliessen/", views.exclude, name="exclude"),
    path("partei/<int:pk>/", views.party_opportunities, name="party"),
    path("passt-zu-ihnen/<int:pk>/", views.fits_you, name="fits_you"),
    path("gewichtung/", views.weights, name="weights"),
]
