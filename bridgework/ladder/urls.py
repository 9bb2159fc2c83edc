from django.urls import path

from . import views

app_name = "ladder"
urlpatterns = [
    path("", views.index, name="index"),
    path("library/", views.library, name="library"),
    path("library/<slug:slug>/adopt/", views.adopt, name="adopt"),
    path("progress/", views.progress, name="progress"),
    path("sort/", views.sort, name="sort"),
    path("steps/new/", views.step_new, name="step_new"),
    path("steps/<int:pk>/", views.step_detail, name="step_detail"),
    path("steps/<int:pk>/edit/", views.step_edit, name="step_edit"),
    path("steps/<int:pk>/delete/", views.step_delete, name="step_delete"),
    path("steps/<int:pk>/move/", views.move, name="step_move"),
    path("steps/<int:pk>/override/", views.step_override, name="step_override"),
    path("steps/<int:pk>/attempts/new/", views.attempt_new, name="attempt_new"),
    path("attempts/<int:pk>/", views.attempt_detail, name="attempt_detail"),
    path("attempts/<int:pk>/edit/", views.attempt_edit, name="attempt_edit"),
    path("attempts/<int:pk>/delete/", views.attempt_delete, name="attempt_delete"),
]
