from django.urls import path

from . import views

app_name = "circle"
urlpatterns = [
    path("", views.index, name="index"),
    path("people/new/", views.person_new, name="person_new"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", views.person_delete_view, name="person_delete"),
    path("ledger/", views.ledger_view, name="ledger"),
    path("ledger/new/", views.exchange_new, name="exchange_new"),
    path("ledger/<int:pk>/edit/", views.exchange_edit, name="exchange_edit"),
    path("ledger/<int:pk>/delete/", views.exchange_delete_view, name="exchange_delete"),
    path("observations/<str:key>/dismiss/", views.dismiss, name="dismiss"),
]
