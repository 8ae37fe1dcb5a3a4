from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("pipeline/", views.pipeline, name="pipeline"),
    path("neue-bedarfe/", views.new_needs, name="new_needs"),
    path("zwischengespraeche/", views.checkins, name="checkins"),
]
