"""The person's care data as plain JSON-ready data.

Links and consent are exported as a record (who, since when, what was shared), the looks
in full. A clinician account's export holds its own profile and how many links it has,
never a client's data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .models import AccessLog, CareLink, ClinicianProfile, Invitation
from .services import CONSENT_FIELDS


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_user_data(user: Any) -> dict[str, Any]:
    links = list(CareLink.objects.filter(user=user).order_by("created_at", "id"))
    profiles = {
        p.user_id: p
        for p in ClinicianProfile.objects.filter(user_id__in=[link.clinician_id for link in links])
    }
    own = ClinicianProfile.objects.filter(user=user).first()
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
        "invitations": [
            {
                "created_at": _iso(i.created_at),
                "expires_at": _iso(i.expires_at),
                "redeemed_at": _iso(i.redeemed_at),
            }
            for i in Invitation.objects.filter(user=user).order_by("created_at")
        ],
        "looks": [
            {
                "at": _iso(look.at),
                "clinician": look.clinician_name,
                "area": look.area,
                "object_id": look.object_id,
                "link_id": look.link_id,
            }
            for look in AccessLog.objects.filter(user=user).order_by("at", "id")
        ],
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
