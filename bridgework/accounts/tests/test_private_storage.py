"""Smaller leaks: names and 2FA secrets encrypted, messages server-side, private files,
sign-up that does not say which e-mails have accounts."""

from __future__ import annotations

import importlib
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps as global_apps
from django.core import mail
from django.db import connection
from django.test import Client

from bridgework.accounts.models import Profile
from bridgework.env import ensure_private_dir, ensure_private_file

migration = importlib.import_module("bridgework.accounts.migrations.0002_encrypt_names_and_2fa_secrets")


def _raw(sql: str, params: list[Any]) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_display_name_is_encrypted_at_rest(user: Any) -> None:
    raw = _raw("SELECT display_name FROM accounts_profile WHERE user_id = %s", [user.pk])
    assert raw.startswith("bw1:") and "Alice" not in raw
    assert Profile.objects.get(user=user).display_name == "Alice"


def test_the_migration_encrypts_names_written_before(user: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_profile SET display_name = 'Old Name' WHERE user_id = %s", [user.pk])

    class Editor:
        connection = connection

    migration.encrypt_display_names(global_apps, Editor())
    raw = _raw("SELECT display_name FROM accounts_profile WHERE user_id = %s", [user.pk])
    assert raw.startswith("bw1:")
    assert Profile.objects.get(user=user).display_name == "Old Name"


def test_totp_secret_and_recovery_seed_are_encrypted(user: Any) -> None:
    secret = generate_totp_secret()
    totp = TOTP.activate(user, secret)
    codes = RecoveryCodes.activate(user)
    assert totp.instance.data["secret"].startswith("bw1:")
    assert secret not in str(Authenticator.objects.get(pk=totp.instance.pk).data)
    seed_row = Authenticator.objects.get(pk=codes.instance.pk).data["seed"]
    assert seed_row.startswith("bw1:")
    fresh = TOTP(Authenticator.objects.get(pk=totp.instance.pk))
    import time

    from allauth.mfa.totp.internal.auth import hotp_value

    assert fresh.validate_code(f"{hotp_value(secret, int(time.time()) // 30):06d}")
    assert len(RecoveryCodes(Authenticator.objects.get(pk=codes.instance.pk)).get_unused_codes()) == 10


def test_the_migration_encrypts_secrets_stored_in_the_clear(user: Any) -> None:
    secret = generate_totp_secret()
    row = Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": secret})
    migration.encrypt_mfa_secrets(global_apps, None)
    row.refresh_from_db()
    assert row.data["secret"].startswith("bw1:")
    assert TOTP(row).instance.data["secret"] != secret
    from bridgework.accounts.adapter import MFAAdapter

    assert MFAAdapter().decrypt(row.data["secret"]) == secret
    assert MFAAdapter().decrypt(secret) == secret  # a row not yet migrated still works


def test_messages_are_kept_on_the_server_not_in_a_cookie(client: Client) -> None:
    response = client.post(
        "/account/profile/", {"display_name": "Sam Private", "timezone": "UTC", "country": ""}
    )
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert "Your profile is saved." in client.get("/account/profile/").content.decode()


def test_an_existing_data_folder_and_database_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    db = folder / "bridgework.sqlite3"
    db.write_bytes(b"")
    os.chmod(db, 0o644)
    (folder / "bridgework.sqlite3-wal").write_bytes(b"")
    os.chmod(folder / "bridgework.sqlite3-wal", 0o644)
    ensure_private_dir(folder)
    ensure_private_file(db)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "bridgework.sqlite3-wal").stat().st_mode) == 0o600


def test_a_new_database_file_is_created_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        ensure_private_file(tmp_path / "new.sqlite3")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.sqlite3").stat().st_mode) == 0o600


SIGNUP = "/accounts/signup/"


def _signup(email: str) -> Any:
    return Client().post(
        SIGNUP, {"email": email, "password1": "a calm river 4242", "password2": "a calm river 4242"}
    )


def test_signup_does_not_reveal_which_emails_have_accounts(user: Any, settings: Any) -> None:
    # With a mail server, sign-up verifies the mailbox; then it can answer the same for both.
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    taken = _signup(user.email)
    fresh = _signup("someone.new@example.org")
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    assert len(mail.outbox) == 2  # the owner of the taken address hears about it by mail


def test_settings_verify_by_mail_when_a_mail_server_is_configured() -> None:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIDGEWORK_EMAIL")}
    code = "import django; django.setup(); from django.conf import settings as s; print(s.ACCOUNT_EMAIL_VERIFICATION)"
    for host, expected in (("smtp.example.org", "mandatory"), ("", "none")):
        env["BRIDGEWORK_EMAIL_HOST"] = host
        env["DJANGO_SETTINGS_MODULE"] = "bridgework.settings"
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             check=True, cwd=Path(__file__).resolve().parents[3]).stdout
        assert out.strip() == expected


def test_without_a_mail_server_signup_counts_the_address_verified(db: None) -> None:
    assert _signup("new.person@example.org").status_code == 302
    assert EmailAddress.objects.get(email="new.person@example.org").verified


@pytest.mark.parametrize("verified", [True, False])
def test_the_account_page_links_two_factor_and_email_verification(
    client: Client, user: Any, verified: bool
) -> None:
    EmailAddress.objects.filter(user=user).update(verified=verified)
    page = client.get("/account/profile/").content.decode()
    assert 'href="/accounts/2fa/"' in page
    assert ('href="/accounts/email/"' in page) is (not verified)
