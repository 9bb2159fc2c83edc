from django.urls import path

from . import views

app_name = "compassion"
urlpatterns = [
    path("", views.index, name="index"),
    path("practice/<slug:exercise_id>/", views.practice, name="practice"),
    path("sessions/<int:pk>/", views.session, name="session"),
    path("sessions/<int:pk>/delete/", views.session_delete, name="session_delete"),
    path("kindness/", views.kindness, name="kindness"),
    path("kindness/new/", views.kindness_new, name="kindness_new"),
    path("kindness/<int:pk>/edit/", views.kindness_edit, name="kindness_edit"),
    path("kindness/<int:pk>/delete/", views.kindness_delete, name="kindness_delete"),
]
