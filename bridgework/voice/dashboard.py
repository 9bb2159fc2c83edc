from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.urls import reverse

from bridgework.core.modules import NextStep, Panel
from bridgework.core.rawrows import Prepared, PreparedObjects

from .models import Message

# The panel shows only this module's rows: cached until the person writes here (core.views.home).
AREAS = ["voice"]

# Built once per process (core.rawrows): the ORM took longer to build these three queries
# than the database to run them.
_counts = Prepared(
    lambda user_id: Message.objects.filter(user_id=user_id)
    .order_by()
    .values_list("user_id")
    .annotate(sent=Count("id", filter=Q(sent_at__isnull=False)))
)
_waiting = PreparedObjects(
    lambda user_id: Message.objects.filter(user_id=user_id, sent_at__isnull=False, debriefed_at__isnull=True)
    .only("id", "title")
    .order_by("-sent_at", "-id")[:1]
)
_draft = PreparedObjects(
    lambda user_id: Message.objects.filter(user_id=user_id, sent_at__isnull=True)
    .only("id", "title")
    .order_by("-updated_at", "-id")[:1]
)


def dashboard(user: User) -> Panel | None:
    """The voice panel: a sent message waiting for its debrief, else the latest draft.

    Three queries whatever the history; only the one title shown is decrypted."""
    counted = _counts.rows(user.pk)
    if not counted:
        return Panel(template="voice/_dashboard.html", context={"sent": 0, "waiting": None, "draft": None})
    sent = counted[0][1]
    waiting = _waiting.first(user.pk)
    draft = None
    if waiting is None:
        draft = _draft.first(user.pk)
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
        context={"sent": sent, "waiting": waiting, "draft": draft},
        next_step=next_step,
    )
