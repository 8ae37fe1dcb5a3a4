from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("vorschlaege/", views.suggestions, name="suggestions"),
    path("vorschlaege/<int:pk>/zuordnen/", views.suggestion_map, name="suggestion_map"),
    path("vorschlaege/<int:pk>/anlegen/", views.suggestion_create, name="suggestion_create"),
    path("vorschlaege/<int:pk>/ablehnen/", views.suggestion_reject, name="suggestion_reject"),
]
