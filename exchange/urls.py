from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path("parteien/<int:party_pk>/bedarfe/", views.party_needs, name="party_needs"),
    path("parteien/<int:party_pk>/bedarfe/neu/", views.need_create, name="need_create"),
    path("bedarfe/<int:pk>/", views.need_detail, name="need_detail"),
    path("bedarfe/<int:pk>/bearbeiten/", views.need_edit, name="need_edit"),
]
