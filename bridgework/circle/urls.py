from django.urls import URLPattern

app_name = "circle"
urlpatterns: list[URLPattern] = []
