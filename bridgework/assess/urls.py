from django.urls import URLPattern

app_name = "assess"
urlpatterns: list[URLPattern] = []
