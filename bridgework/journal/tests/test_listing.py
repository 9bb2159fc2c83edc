"""``journal.listing.entry_items`` writes, character for character, what the template loop
of ``journal/_entry_list.html`` writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from bridgework.journal.listing import entry_items
from bridgework.journal.models import Entry

pytestmark = pytest.mark.django_db


def test_it_writes_what_the_template_writes(user: Any) -> None:
    bodies = [
        "Plain words.",
        'Quotes " and \' and <b>tags</b> & ampersands > here',
        "Long " * 100,
        "Exactly two hundred characters " + "x" * 169,
        "Zoë 🙂 ünïcode\nwith a new line\n\nand a paragraph",
        "",
        "y" * 201,
        "e\u0301" * 150 + " combining accents, longer than shown",
    ]
    for n, body in enumerate(bodies):
        Entry.objects.create(
            user=user, date=dt.date(2026, 1, 1 + n), body=body, mood=["", "calm", "low", "numb", "", "mixed", "", "tired"][n]
        )
    Entry.objects.create(user=user, date=dt.date(2026, 2, 29 - 1), body="odd mood", mood="not-a-choice")
    page = Paginator(Entry.objects.filter(user=user).order_by("-date"), 25).get_page(1)
    request = RequestFactory().get("/journal/")
    request.user = user
    context: dict[str, Any] = {"page": page, "page_numbers": [], "form": None, "query": ""}
    by_template = render_to_string("journal/_entry_list.html", context, request)
    written = render_to_string(
        "journal/_entry_list.html", {**context, "entry_items": entry_items(page.object_list)}, request
    )
    assert "&lt;b&gt;" in written and "not-a-choice" in written
    assert written == by_template
