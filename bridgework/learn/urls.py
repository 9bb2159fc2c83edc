from django.urls import path

from . import views

app_name = "learn"
urlpatterns = [
    path("", views.index, name="index"),
    path("sounds-like-me/", views.mine, name="mine"),
    path("topics/<slug:topic_id>/toggle/", views.toggle, name="toggle"),
    path("<slug:slug>/", views.lesson, name="lesson"),
    path("<slug:slug>/complete/", views.complete, name="complete"),
]
