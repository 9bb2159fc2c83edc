"""The JSON API (django-ninja) under ``/api/v1/``, OpenAPI docs at ``/api/docs``.

Each module with an ``api.py`` exposing ``router`` is mounted at ``/api/v1/<module>/``.
Authentication is the browser session (with CSRF), so the API sees exactly what the
logged-in person sees and nothing more.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from ninja.security import django_auth

from bridgework import MODULES
from bridgework.core.modules import module_hook

from . import errors


class BridgeworkAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI schema is built once per path prefix, not on every request
    (building it walks every route and schema: ~45 ms). Routes never change at run time."""

    _schemas: dict[str, OpenAPISchema]

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        cache = self.__dict__.setdefault("_schemas", {})
        if path_prefix not in cache:
            cache[path_prefix] = super().get_openapi_schema(path_prefix=path_prefix)
        return cache[path_prefix]


api = BridgeworkAPI(
    title="Bridgework API",
    version="1",
    description="Your own Bridgework data. Every endpoint is scoped to the logged-in user.",
    auth=django_auth,
    urls_namespace="api",
    docs_url="/docs",
)
errors.install(api)

for _name in MODULES:
    _module = module_hook(_name, "api")
    if _module is not None:
        api.add_router(f"/v1/{_name}/", _module.router, tags=[_name])
