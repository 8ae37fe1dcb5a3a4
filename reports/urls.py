from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("kennzahlen.csv", views.series_csv, name="series_csv"),
    path("kennzahlen.xlsx", views.series_xlsx, name="series_xlsx"),
    path("<int:year>/", views.report_detail, name="detail"),
    path("<int:year>/jahresbericht.pdf", views.report_pdf_view, name="pdf"),
    path("<int:year>/kennzahlen.csv", views.report_csv, name="csv"),
    path("<int:year>/kennzahlen.xlsx", views.report_xlsx, name="xlsx"),
    path("<int:year>/bearbeiten/", views.report_edit, name="edit"),
    path("<int:year>/veroeffentlichen/", views.report_publish, name="publish"),
    path("<int:year>/zurueckziehen/", views.report_unpublish, name="unpublish"),
]
