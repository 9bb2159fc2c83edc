from __future__ import annotations

from typing import Any

from .models import profile_for

# Read on every export, never kept by core.exporting: the person's row and profile, a few
# fields.
KEEP = False


def export_user_data(user: Any) -> dict[str, Any]:
    profile = profile_for(user)
    return {
        "email": user.email,
        "date_joined": user.date_joined,
        "display_name": profile.display_name,
        "timezone": profile.timezone,
        "country": profile.country,
        "hide_scores": profile.hide_scores,
    }
