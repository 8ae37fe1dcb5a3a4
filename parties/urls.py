from django.urls import path

from . import views

app_name = "parties"

urlpatterns = [
    path("freigaben/", views.review, name="review"),
    path("neu/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/freigeben/", views.approve, name="approve"),
    path("<int:pk>/ablehnen/", views.reject, name="reject"),
    path("einladung/<str:token>/", views.invitation, name="invitation"),
]
