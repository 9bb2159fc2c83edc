from django.urls import path

from . import views

app_name = "assess"
urlpatterns = [
    path("", views.index, name="index"),
    path("scores.csv", views.scores_csv, name="scores_csv"),
    path("sittings/<int:pk>/", views.take, name="take"),
    path("sittings/<int:pk>/results/", views.results, name="results"),
    path("sittings/<int:pk>/delete/", views.delete, name="delete"),
    path("sittings/<int:pk>/fhir/", views.sitting_fhir, name="sitting_fhir"),
    path("<slug:instrument_id>/", views.about, name="about"),
    path("<slug:instrument_id>/start/", views.start, name="start"),
    path("<slug:instrument_id>/history/", views.history, name="history"),
    path("<slug:instrument_id>/fhir/", views.questionnaire_fhir, name="questionnaire_fhir"),
]
