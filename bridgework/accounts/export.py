from __future__ import annotations

from typing import Any

from .models import profile_for


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
