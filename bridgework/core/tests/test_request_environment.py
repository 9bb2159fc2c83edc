"""Whatever server runs the app, no environment value and no stranger's body is stored."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from bridgework.accounts.models import Session
from bridgework.conftest import PASSWORD
from bridgework.core.middleware import EdgeMiddleware

MARKER = "envmarker-7f3a"
# What Django's development server (wsgiref) puts into every request: the process environment.
LEAKY_ENVIRON: dict[str, Any] = {
    "BRIDGEWORK_SECRET_KEY": MARKER,
    "BRIDGEWORK_ENCRYPTION_KEYS": f"k1:{MARKER}",
    "PATH": "/usr/bin",
    "HOME": "/root",
}


def _stored_sessions() -> str:
    return "\n".join(str(s.get_decoded()) + s.session_data for s in Session.objects.all())


def test_the_middleware_keeps_only_the_request_itself(rf: RequestFactory) -> None:
    request = rf.post("/x/", {"a": "b"}, HTTP_X_TEST="1", **LEAKY_ENVIRON)
    seen: dict[str, Any] = {}

    def view(req: HttpRequest) -> HttpResponse:
        seen.update(req.META)
        return HttpResponse()

    EdgeMiddleware(view)(request)
    assert not any(key in seen for key in LEAKY_ENVIRON)
    for key in ("REQUEST_METHOD", "PATH_INFO", "CONTENT_TYPE", "CONTENT_LENGTH", "REMOTE_ADDR",
                "SERVER_NAME", "SERVER_PORT", "HTTP_X_TEST", "wsgi.input", "QUERY_STRING"):
        assert key in seen, key


def test_an_anonymous_2fa_post_stores_nothing(anon_client: Client) -> None:
    for path in ("/accounts/2fa/totp/activate/", "/accounts/2fa/recovery-codes/generate/"):
        response = anon_client.post(path, {"code": "1" * 100_000}, **LEAKY_ENVIRON)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    assert Session.objects.count() == 0


def test_a_post_needing_the_password_again_is_not_stashed(client: Client, user: Any) -> None:
    # force_login leaves no recent authentication: security pages ask for the password.
    response = client.post(
        "/accounts/2fa/totp/activate/", {"code": "123456", "pad": "x" * 50_000}, **LEAKY_ENVIRON
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    stored = _stored_sessions()
    assert MARKER not in stored and "xxxxxxxxxx" not in stored
    assert len(stored) < 2000
    # After the password, the person lands back on the page and submits again.
    response = client.post(response["Location"], {"password": PASSWORD}, **LEAKY_ENVIRON)
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    assert MARKER not in _stored_sessions()
