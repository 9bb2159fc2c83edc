"""Write paths of the care team: invitations, links, consent and shared journal entries.

None of these save free text the person writes (the clinician's profile is not about the
person), so nothing here is screened.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from bridgework.journal.models import Entry

from .models import AREAS, CareLink, ClinicianProfile, Invitation, SharedEntry

INVITATION_DAYS = 7
# No 0/O, 1/I/L or U: the code is read aloud and typed by someone else.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_LENGTH = 16  # 30**16 ≈ 2**78: guessing one of a handful of open codes is hopeless


class InvitationProblem(ValueError):
    """A code that cannot be redeemed; the message says why in plain words."""


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    # The code carries ~78 random bits, so a plain SHA-256 cannot be reversed by guessing.
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def invitation_create(*, user: User) -> tuple[Invitation, str]:
    """A new one-use invitation and its code (shown once: only the hash is kept)."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    invitation = Invitation.objects.create(
        user=user,
        code_hash=hash_code(code),
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    return invitation, format_code(code)


def invitation_cancel(*, user: User, invitation: Invitation) -> None:
    if invitation.user_id != user.pk:
        raise ValueError("not the person's invitation")
    invitation.delete()


def invitation_redeem(*, clinician: User, code: str) -> CareLink:
    """Link the clinician to the person who made the code; nothing is shared yet.

    Raises InvitationProblem for a wrong, used or expired code, or a code of one's own.
    """
    if not ClinicianProfile.objects.filter(user=clinician).exists():
        raise InvitationProblem("Only a clinician account can use an invitation code.")
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(code_hash=hash_code(code)).first()
        )
        if invitation is None:
            raise InvitationProblem(
                "That code does not match any invitation. Check it with the person who gave it."
            )
        if invitation.redeemed_at is not None:
            raise InvitationProblem("That code has already been used. Ask for a new one.")
        if invitation.expires_at <= timezone.now():
            raise InvitationProblem("That code has expired (codes last 7 days). Ask for a new one.")
        if invitation.user_id == clinician.pk:
            raise InvitationProblem("That is your own invitation: give it to your clinician.")
        if CareLink.objects.filter(
            user_id=invitation.user_id, clinician=clinician, ended_at__isnull=True
        ).exists():
            raise InvitationProblem("You are already linked with this person.")
        try:
            link = CareLink.objects.create(user_id=invitation.user_id, clinician=clinician)
        except IntegrityError:  # the same pair linked a moment ago by another request
            raise InvitationProblem("You are already linked with this person.") from None
        invitation.redeemed_at = timezone.now()
        invitation.link = link
        invitation.save(update_fields=["redeemed_at", "link"])
    return link


CONSENT_FIELDS = [*AREAS, "ladder_notes", "circle_names"]


def consent_update(*, user: User, link: CareLink, shares: dict[str, bool]) -> CareLink:
    """Set what the clinician sees from the next request on (unnamed areas: unchanged)."""
    if link.user_id != user.pk or not link.is_open:
        raise ValueError("not an open link of the person's")
    unknown = set(shares) - set(CONSENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown areas: {sorted(unknown)}")
    for name, value in shares.items():
        setattr(link, name, bool(value))
    # A detail cannot be shared without its area.
    link.ladder_notes = link.ladder_notes and link.ladder
    link.circle_names = link.circle_names and link.circle
    link.consent_changed_at = timezone.now()
    link.save(update_fields=[*CONSENT_FIELDS, "consent_changed_at"])
    return link


def link_end(*, user: User, link: CareLink) -> CareLink:
    """Stop sharing everything with this clinician at once; the audit stays."""
    if link.user_id != user.pk:
        raise ValueError("not the person's link")
    if link.ended_at is None:
        for name in CONSENT_FIELDS:
            setattr(link, name, False)
        link.ended_at = timezone.now()
        link.consent_changed_at = link.ended_at
        link.save(update_fields=[*CONSENT_FIELDS, "ended_at", "consent_changed_at"])
        SharedEntry.objects.filter(link=link).delete()
    return link


def entry_share(*, user: User, link: CareLink, entry: Entry) -> SharedEntry:
    if link.user_id != user.pk or entry.user_id != user.pk or not link.is_open:
        raise ValueError("the link and the entry must be the person's own, the link open")
    share, _ = SharedEntry.objects.get_or_create(link=link, entry=entry)
    return share


def entry_unshare(*, user: User, link: CareLink, entry_id: int) -> int:
    if link.user_id != user.pk:
        raise ValueError("not the person's link")
    deleted, _ = SharedEntry.objects.filter(link=link, entry_id=entry_id).delete()
    return deleted


def clinician_profile_save(
    *, user: User, name: str, profession: str, organisation: str
) -> ClinicianProfile:
    profile, _ = ClinicianProfile.objects.update_or_create(
        user=user,
        defaults={"name": name, "profession": profession, "organisation": organisation},
    )
    return profile
