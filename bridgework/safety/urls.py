from django.urls import path

from . import plan_views, views

app_name = "safety"
urlpatterns = [
    path("help/", views.help_now, name="help"),
    path("plan/", plan_views.plan, name="plan"),
    path("plan/edit/", plan_views.plan_edit, name="plan_edit"),
    path("checkin/", plan_views.checkin, name="checkin"),
]
