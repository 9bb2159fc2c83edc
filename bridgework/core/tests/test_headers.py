"""Security headers, private caching, no inline code, and the one switch for TLS."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

PACKAGE = Path(__file__).resolve().parents[2]
REPO = PACKAGE.parent


def test_every_page_has_a_strict_csp_and_permissions_policy(anon_client: Client) -> None:
    response = anon_client.get("/learn/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "path",
    ["/", "/journal/", "/safety/plan/", "/account/profile/", "/account/export/",
     "/assess/", "/assess/scores.csv", "/api/v1/circle/people", "/api/v1/ladder/steps"],
)
def test_pages_with_a_persons_data_are_never_stored(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code < 400, path
    cache_control = response.get("Cache-Control", "")
    assert "no-store" in cache_control and "private" in cache_control, path


def test_public_static_files_stay_cacheable(anon_client: Client) -> None:
    response = anon_client.get("/learn/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_no_inline_script_or_style_in_any_template() -> None:
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
    problems = []
    for template in PACKAGE.rglob("templates/**/*.html"):
        text = template.read_text()
        for pattern in (inline_script, re.compile(r"<style", re.I), re.compile(r"\sstyle=", re.I),
                        re.compile(r"\son[a-z]+=", re.I)):
            if pattern.search(text):
                problems.append(f"{template.relative_to(PACKAGE)}: {pattern.pattern}")
    assert problems == []


def _run(env_extra: dict[str, str], *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BRIDGEWORK_", "DJANGO_", "DATABASE_URL"))
    }
    env.update(BRIDGEWORK_DATA_DIR=str(tmp_path), **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "bridgework", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


DEPLOYED = {
    "BRIDGEWORK_DEBUG": "0",
    "BRIDGEWORK_ALLOWED_HOSTS": "bridgework.example.org",
    "BRIDGEWORK_SECURE_COOKIES": "1",
    "BRIDGEWORK_EMAIL_HOST": "smtp.example.org",
}


def test_deploy_check_passes_behind_tls(tmp_path: Path) -> None:
    result = _run(DEPLOYED, "check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_warns_without_the_switch(tmp_path: Path) -> None:
    env = {**DEPLOYED, "BRIDGEWORK_SECURE_COOKIES": "0"}
    result = _run(env, "check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path)
    assert result.returncode != 0 and "SECURE_SSL_REDIRECT" in result.stderr


def test_the_tls_switch_turns_on_hsts_redirect_and_https_links(tmp_path: Path) -> None:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.ACCOUNT_DEFAULT_HTTP_PROTOCOL)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIDGEWORK_")}
    env.update(DEPLOYED, BRIDGEWORK_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="bridgework.settings")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert out.split() == ["True", "31536000", "('HTTP_X_FORWARDED_PROTO',", "'https')", "True",
                           "True", "https"]


def test_password_reset_links_use_https_behind_tls(anon_client: Client, user: Any, settings: Any) -> None:
    from django.core import mail

    settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
    anon_client.post("/accounts/password/reset/", {"email": user.email})
    assert "https://testserver/accounts/password/reset/key/" in mail.outbox[0].body
