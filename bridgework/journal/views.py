from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bridgework.core.fragments import cached_for_person, cached_page, static_page
from bridgework.core.http import AuthedRequest, is_htmx
from bridgework.safety.services import screening_carry
from bridgework.screening.patterns import PATTERN_IDS, pattern_info

from . import services
from .access import get_entry_for_user
from .forms import EntryForm, SearchForm
from .listing import entry_items
from .models import Entry
from .prompts import prompts_by_id

# Entries per page of the list and of search results; each shown body is decrypted.
PAGE_SIZE = 25


def _page(paginator: Paginator[Entry], value: str | None) -> Page[Entry]:
    """The requested page, or the nearest valid one for junk, 0 or past the end."""
    try:
        number = max(int(value or 1), 1)
    except ValueError:
        # Junk means the first page; digits too many for int() are past the end.
        number = paginator.num_pages if (value or "").isdigit() else 1
    return paginator.get_page(number)


@login_required
@require_GET
@cached_page(areas=["journal"])
def index(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    entries: Sequence[Entry] | QuerySet[Entry]
    if query:
        # Search must decrypt everything; only the page it shows is rendered.
        entries = services.matching_entries_for(user=request.user, query=query)
    else:
        # Paging the lazy queryset loads (and decrypts) only this page's rows.
        entries = services.entries_for(user=request.user)
    page = _page(Paginator(entries, PAGE_SIZE), request.GET.get("page"))
    context: dict[str, Any] = {
        "page": page,
        "page_numbers": page.paginator.get_elided_page_range(page.number),
        "form": form,
        "query": query,
    }
    if not query:
        # A page of the list is rendered once, then served from the per-person cache
        # until the person writes to their journal (core/fragments.py); searches are not cached.
        context["list_html"] = cached_for_person(
            request,
            f"journal_page_{page.number}",
            lambda: render_to_string(
                "journal/_entry_list.html",
                {**context, "entry_items": entry_items(page.object_list)},
                request,
            ),
            areas=["journal"],
        )
    return render(request, "journal/index.html", context)


def _month(value: str | None) -> dt.date:
    """The first day of ``?month=YYYY-MM``, or of this month for junk or out-of-range values."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return dt.date(year, month, 1)
    except (ValueError, OverflowError):
        # OverflowError: a year too large for the C date type (e.g. 99999999999999999999).
        return today.replace(day=1)


def _neighbour_months(first: dt.date, last: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The months before and after, or None at the ends of the calendar (years 1 and 9999)."""
    previous = (first - dt.timedelta(days=1)).replace(day=1) if first > dt.date.min else None
    following = last + dt.timedelta(days=1) if last < dt.date.max else None
    return previous, following


@login_required
@require_GET
def calendar_view(request: AuthedRequest) -> HttpResponse:
    first = _month(request.GET.get("month"))
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    by_day: dict[dt.date, list[Entry]] = {}
    for entry in Entry.objects.filter(user=request.user, date__range=(first, last)).only(
        "id", "date", "mood"
    ):
        by_day.setdefault(entry.date, []).append(entry)
    # Day numbers (0 outside the month), not dates: the weeks around December 9999 would
    # need dates in the year 10000, which Python cannot represent.
    weeks = [
        [(first.replace(day=n), by_day.get(first.replace(day=n), [])) if n else (None, []) for n in week]
        for week in calendar.Calendar().monthdayscalendar(first.year, first.month)
    ]
    previous, following = _neighbour_months(first, last)
    return render(
        request,
        "journal/calendar.html",
        {
            "first": first,
            "weeks": weeks,
            "previous": previous,
            "following": following,
            "weekdays": list(calendar.day_abbr),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: AuthedRequest) -> HttpResponse:
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            entry, screening = services.entry_create(user=request.user, **form.cleaned_data)
            screening_carry(request, screening)
            messages.success(request, "Your entry is saved.")
            return redirect("journal:detail", pk=entry.pk)
    else:
        today = timezone.localdate()
        if not request.GET:
            # The empty form shows nobody's data, only the person's local date: the same
            # page for everyone on that day, rendered once per process (every newly
            # arriving browser opened it cold for its person, ~8 ms each).
            return static_page(
                request,
                "journal/form.html",
                lambda: {"form": EntryForm(initial={"date": today, "prompt_id": ""}), "entry": None},
                day=today,
            )
        prompt = request.GET.get("prompt", "")
        form = EntryForm(
            initial={"date": today, "prompt_id": prompt if prompt in prompts_by_id() else ""}
        )
    return render(request, "journal/form.html", {"form": form, "entry": None})


@login_required
@require_GET
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    info = pattern_info()
    reflections = [(match, info[match.id]) for match in services.entry_reflections(entry)]
    return render(request, "journal/detail.html", {"entry": entry, "reflections": reflections})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    if request.method == "POST":
        form = EntryForm(request.POST, instance=entry)
        if form.is_valid():
            # The form must not save by itself: the service screens the new text.
            data = form.cleaned_data
            _, screening = services.entry_update(
                entry=entry,
                body=data["body"],
                date=data["date"],
                mood=data["mood"],
                prompt_id=data["prompt_id"],
            )
            screening_carry(request, screening)
            messages.success(request, "Your changes are saved.")
            return redirect("journal:detail", pk=entry.pk)
    else:
        form = EntryForm(instance=entry)
    return render(request, "journal/form.html", {"form": form, "entry": entry})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    if request.method == "POST":
        entry.delete()
        messages.success(request, "The entry is deleted. It cannot be brought back.")
        return redirect("journal:index")
    return render(request, "journal/delete.html", {"entry": entry})


@login_required
@require_POST
def dismiss_pattern(request: AuthedRequest, pk: int, pattern_id: str) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    if pattern_id not in PATTERN_IDS:
        return HttpResponse("Unknown pattern", status=400)
    entry.dismiss_pattern(pattern_id)
    if is_htmx(request):
        return HttpResponse("")
    return HttpResponseRedirect(entry_url(entry))


def entry_url(entry: Entry) -> str:
    from django.urls import reverse

    return reverse("journal:detail", args=[entry.pk])
