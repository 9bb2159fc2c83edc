"""The JSON API (django-ninja) under ``/api/v1/``, OpenAPI docs at ``/api/docs``.

Each module with an ``api.py`` exposing ``router`` is mounted at ``/api/v1/<module>/``.
Authentication is the browser session (with CSRF), so the API sees exactly what the
logged-in person sees and nothing more.
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.security import django_auth

from bridgework import MODULES
from bridgework.core.modules import module_hook

api = NinjaAPI(
    title="Bridgework API",
    version="1",
    description="Your own Bridgework data. Every endpoint is scoped to the logged-in user.",
    auth=django_auth,
    urls_namespace="api",
    docs_url="/docs",
)

for _name in MODULES:
    _module = module_hook(_name, "api")
    if _module is not None:
        api.add_router(f"/v1/{_name}/", _module.router, tags=[_name])
