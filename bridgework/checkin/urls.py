from django.urls import path

from . import reminder_views, views

app_name = "checkin"
urlpatterns = [
    path("", views.index, name="index"),
    path("day/<str:day>/", views.day, name="day"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("trends/", views.trends_view, name="trends"),
    path("insights/", views.insights_view, name="insights"),
    path("reminders/", reminder_views.reminders, name="reminders"),
    path("reminders/new-link/", reminder_views.revoke, name="revoke"),
    path("reminders/feed/<str:token>.ics", reminder_views.feed, name="feed"),
]
