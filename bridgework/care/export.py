"""The person's care data as plain JSON-ready data.

Links and consent are exported as a record (who, since when, what was shared), the looks
in full. A clinician account's export holds its own profile and how many links it has,
never a client's data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bridgework.core.rawrows import PlainQuery, PreparedObjects

from .models import AccessLog, CareLink, ClinicianProfile, Invitation
from .services import CONSENT_FIELDS

# Read on every export, never kept by core.exporting: clinicians' views of the person's data
# are logged without a write of the person's.
KEEP = False


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# Built once per process (core.rawrows): most people have no links, no invitations and no
# looks, and building these queries through the ORM cost more than running them.
_LINKS = PreparedObjects(lambda user_id: CareLink.objects.filter(user_id=user_id).order_by("created_at", "id"))
_OWN_PROFILE = PreparedObjects(lambda user_id: ClinicianProfile.objects.filter(user_id=user_id)[:1])
_INVITATIONS = PlainQuery(
    lambda user_id: Invitation.objects.filter(user_id=user_id).order_by("created_at"),
    "created_at",
    "expires_at",
    "redeemed_at",
)
_LOOKS = PlainQuery(
    lambda user_id: AccessLog.objects.filter(user_id=user_id).order_by("at", "id"),
    "at",
    ("clinician", "clinician_name"),
    "area",
    "object_id",
    "link_id",
)


def export_user_data(user: Any) -> dict[str, Any]:
    links = _LINKS.objects(user.pk)
    profiles = (
        {
            p.user_id: p
            for p in ClinicianProfile.objects.filter(user_id__in=[link.clinician_id for link in links])
        }
        if links
        else {}
    )
    own = _OWN_PROFILE.first(user.pk)
    return {
        "links": [
            {
                "id": link.pk,
                "clinician": profiles[link.clinician_id].introduction
                if link.clinician_id in profiles
                else "",
                "created_at": _iso(link.created_at),
                "ended_at": _iso(link.ended_at),
                "consent_changed_at": _iso(link.consent_changed_at),
                "shares": {name: getattr(link, name) for name in CONSENT_FIELDS},
                "shared_entry_ids": list(
                    link.shared_entries.order_by("id").values_list("entry_id", flat=True)
                ),
            }
            for link in links
        ],
        "invitations": _INVITATIONS.rows(user.pk),
        "looks": _LOOKS.rows(user.pk),
        "clinician_profile": (
            {
                "name": own.name,
                "profession": own.profession,
                "organisation": own.organisation,
                "open_links": CareLink.objects.filter(clinician=user, ended_at__isnull=True).count(),
            }
            if own is not None
            else None
        ),
    }
