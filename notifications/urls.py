from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("<int:pk>/gelesen/", views.notification_read, name="read"),
    path("alle-gelesen/", views.notifications_read_all, name="read_all"),
    path("einstellungen/", views.notification_settings, name="settings"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path(
        "abbestellen/<str:token>/ein-klick/",
        views.unsubscribe_one_click,
        name="unsubscribe_one_click",
    ),
]
