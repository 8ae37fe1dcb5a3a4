from django.urls import path

from . import views

app_name = "advisors"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("empfehlungen/", views.recommendation_list, name="recommendations"),
    path("empfehlung/<int:pk>/", views.recommendation_detail, name="recommendation_detail"),
    path("empfehlung/<int:pk>/bearbeiten/", views.recommendation_edit, name="recommendation_edit"),
    path(
        "empfehlung/<int:pk>/zurueckziehen/",
        views.recommendation_withdraw,
        name="recommendation_withdraw",
    ),
    path("bedarf/<int:pk>/empfehlen/", views.recommend, name="recommend"),
    path("bedarf/<int:pk>/empfehlungen/", views.need_recommendations, name="need_recommendations"),
    path("netzwerke/", views.network_list, name="networks"),
    path("netzwerke/neu/", views.network_create, name="network_create"),
    path("netzwerke/<int:pk>/", views.network_detail, name="network_detail"),
    path("netzwerke/<int:pk>/bearbeiten/", views.network_edit, name="network_edit"),
    path("netzwerke/<int:pk>/beitreten/", views.network_join, name="network_join"),
    path("netzwerke/<int:pk>/austreten/", views.network_leave, name="network_leave"),
    path("verbindungen/neu/", views.tie_add, name="tie_add"),
    path("verbindungen/<int:pk>/entfernen/", views.tie_remove, name="tie_remove"),
]
