from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.urls import reverse

from bridgework.core.modules import NextStep, Panel

from .models import Message

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["voice"]


def dashboard(user: User) -> Panel | None:
    """The voice panel: a sent message waiting for its debrief, else the latest draft.

    Three queries whatever the history; only the one title shown is decrypted."""
    mine = Message.objects.filter(user=user)
    counts = mine.aggregate(total=Count("id"), sent=Count("id", filter=Q(sent_at__isnull=False)))
    if not counts["total"]:
        return Panel(template="voice/_dashboard.html", context={"sent": 0, "waiting": None, "draft": None})
    waiting = (
        mine.filter(sent_at__isnull=False, debriefed_at__isnull=True).only("id", "title").order_by("-sent_at", "-id").first()
    )
    draft = None
    if waiting is None:
        draft = mine.filter(sent_at__isnull=True).only("id", "title").order_by("-updated_at", "-id").first()
    next_step = None
    if waiting is not None:
        next_step = NextStep(
            text=f"How did “{waiting.title}” go? Note it while it's fresh",
            url=reverse("voice:debrief", args=[waiting.pk]),
            priority=55,
            label="Write the debrief",
        )
    elif draft is not None:
        next_step = NextStep(
            text=f"Rehearse and send your message “{draft.title}”",
            url=reverse("voice:rehearse", args=[draft.pk]),
            priority=40,
            label="Rehearse it",
        )
    return Panel(
        template="voice/_dashboard.html",
        context={"sent": counts["sent"], "waiting": waiting, "draft": draft},
        next_step=next_step,
    )
