from django.urls import path

from . import views

app_name = "voice"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.message_new, name="new"),
    path("check/", views.check_text, name="check"),
    path("scripts/", views.scripts, name="scripts"),
    path("notes/", views.notes, name="notes"),
    path("<int:pk>/", views.message_detail, name="detail"),
    path("<int:pk>/edit/", views.message_edit, name="edit"),
    path("<int:pk>/delete/", views.message_delete, name="delete"),
    path("<int:pk>/dismiss/", views.message_dismiss, name="dismiss"),
    path("<int:pk>/rehearse/", views.rehearse, name="rehearse"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/sent/", views.mark_sent, name="sent"),
    path("<int:pk>/debrief/", views.debrief, name="debrief"),
]
