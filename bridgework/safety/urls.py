from django.urls import path

from . import views

app_name = "safety"
urlpatterns = [
    path("help/", views.help_now, name="help"),
    path("plan/", views.plan, name="plan"),
    path("plan/edit/", views.plan_edit, name="plan_edit"),
    path("follow-up/", views.followup, name="followup"),
]
