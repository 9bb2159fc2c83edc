"""Care-team personas: a clinician with two-step sign-in, one without, and links."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time
from typing import Any

from django.test import Client
from django.utils import timezone

from bridgework.conftest import make_user

from ..models import CareLink, ClinicianProfile
from ..services import consent_update, invitation_create, invitation_redeem

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA1 over the 30-second counter, dynamic truncation, six digits."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def make_clinician(email: str, *, totp: bool = True, name: str = "Dr Carol Care") -> Any:
    from allauth.mfa.totp.internal.auth import TOTP

    user = make_user(email, display_name="")
    ClinicianProfile.objects.create(
        user=user, name=name, profession="Clinical psychologist", organisation="Riverside Practice"
    )
    if totp:
        TOTP.activate(user, TOTP_SECRET)
    return user


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def link_between(person: Any, clinician: Any, **shares: bool) -> CareLink:
    _, code = invitation_create(user=person)
    link = invitation_redeem(clinician=clinician, code=code)
    if shares:
        consent_update(user=person, link=link, shares=shares)
    link.refresh_from_db()
    return link


def now() -> Any:
    return timezone.now()
