from django.urls import include, path

from bridgework import MODULES
from bridgework.api.api import api

urlpatterns = [
    path("", include("bridgework.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("bridgework.accounts.urls")),
    *[path(f"{name}/", include(f"bridgework.{name}.urls")) for name in MODULES],
    path("api/", api.urls),
]
