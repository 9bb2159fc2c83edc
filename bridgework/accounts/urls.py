from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("welcome/", views.welcome, name="welcome"),
    path("profile/", views.profile, name="profile"),
    path("delete/", views.delete, name="delete"),
    path("export/", views.export_data, name="export"),
    path("import/", views.import_data, name="import"),
]
