from django.urls import path

from . import views

app_name = "journal"
urlpatterns = [
    path("", views.index, name="index"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path(
        "<int:pk>/patterns/<slug:pattern_id>/dismiss/",
        views.dismiss_pattern,
        name="dismiss_pattern",
    ),
]
