from django.urls import include, path

from . import views

app_name = "care"

# One client's pages, under clinician/clients/<pk>/ (names stay in the care namespace).
client_pages = [
    path("", views.client, name="client"),
    path("assessments/", views.client_assessments, name="client_assessments"),
    path("assessments/fhir/", views.client_fhir, name="client_fhir"),
    path("ladder/", views.client_ladder, name="client_ladder"),
    path("checkins/", views.client_checkins, name="client_checkins"),
    path("circle/", views.client_circle, name="client_circle"),
    path("safety-plan/", views.client_safety_plan, name="client_safety_plan"),
    path("journal/", views.client_journal, name="client_journal"),
    path("journal/<int:entry_pk>/", views.client_entry, name="client_entry"),
    path("report.pdf", views.client_report, name="client_report"),
]
urlpatterns = [
    # The person
    path("", views.index, name="index"),
    path("invite/", views.invite, name="invite"),
    path("invitations/<int:pk>/cancel/", views.invitation_delete, name="invitation_delete"),
    path("links/<int:pk>/", views.link, name="link"),
    path("links/<int:pk>/end/", views.link_stop, name="link_stop"),
    path("links/<int:pk>/entries/", views.entry_share_view, name="entry_share"),
    path(
        "links/<int:pk>/entries/<int:entry_pk>/unshare/",
        views.entry_unshare_view,
        name="entry_unshare",
    ),
    path("looks/", views.audit, name="audit"),
    path("report/", views.report_form, name="report"),
    # Clinicians
    path("clinicians/signup/", views.clinician_signup, name="clinician_signup"),
    path("clinician/", views.clinician_home, name="clinician_home"),
    path("clinician/profile/", views.clinician_profile_edit, name="clinician_profile"),
    path("clinician/join/", views.join, name="join"),
    # The client list lives at clinician/; clients/ leads there (and is the URL base).
    path("clinician/clients/", views.clients, name="clients"),
    path("clinician/clients/<int:pk>/", include(client_pages)),
]
