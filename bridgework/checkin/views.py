from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from bridgework.core.charts import Point, line_chart
from bridgework.safety.services import screening_carry

from . import insights, services, trends
from .access import get_checkin_for_user, get_checkin_on_day
from .feelings import quadrants
from .forms import CheckInForm
from .models import PAST_DAYS, CheckIn


def _owner(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # every view here is login_required
    return user


def _url_or_none(name: str) -> str | None:
    """The URL of a page another app may or may not offer yet."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _kindness_url() -> str | None:
    for name in ("compassion:kindness_new", "compassion:index"):
        url = _url_or_none(name)
        if url:
            return url
    return None


def _recent_days(user: User, today: dt.date) -> list[tuple[dt.date, CheckIn | None]]:
    first = today - dt.timedelta(days=PAST_DAYS)
    by_day = {
        checkin.date: checkin
        for checkin in CheckIn.objects.filter(user=user, date__range=(first, today)).only(
            "id", "date", "mood", "stress"
        )
    }
    return [(today - dt.timedelta(days=n), by_day.get(today - dt.timedelta(days=n))) for n in range(PAST_DAYS + 1)]


def feelings_picker(chosen: set[str]) -> SafeString:
    """The ~100 feeling words as checkbox chips, one fieldset per mood-meter quadrant.

    Built in Python: a template loop over 100 words costs several milliseconds."""
    parts = ['<div class="quadrants">']
    for quadrant in quadrants():
        parts.append(
            f'<fieldset class="quadrant quadrant-{escape(quadrant.id)}" aria-describedby="feelings_help">'
            f"<legend>{escape(quadrant.title)}</legend>"
            f'<p class="muted">{escape(quadrant.hint)}</p><div class="chip-row">'
        )
        for word in quadrant.words:
            checked = " checked" if word in chosen else ""
            parts.append(
                f'<label class="chip"><input type="checkbox" name="feelings" value="{escape(word)}"{checked}> {escape(word)}</label>'
            )
        parts.append("</div></fieldset>")
    parts.append("</div>")
    # Every interpolated value is escaped.
    return mark_safe("".join(parts))  # noqa: S308


def _checkin_page(request: HttpRequest, day: dt.date) -> HttpResponse:
    user = _owner(request)
    today = timezone.localdate()
    checkin = get_checkin_on_day(user, day)
    if checkin is None and not (today - dt.timedelta(days=PAST_DAYS) <= day <= today):
        raise Http404("Check-ins can be filled in for today and the 7 days before it.")
    if request.method == "POST":
        data = request.POST.copy()
        data["date"] = day.isoformat()  # the day is the page's, whatever the form says
        form = CheckInForm(data, instance=checkin, user=user)
        if form.is_valid():
            if checkin is None:
                checkin, screening = services.checkin_create(user=user, **form.cleaned_data)
                messages.success(request, "Checked in. Thank you for noticing how the day was.")
            else:
                checkin, screening = services.checkin_update(
                    user=user, checkin=checkin, **form.cleaned_data
                )
                messages.success(request, "Your check-in is updated.")
            screening_carry(request, screening)
            target = reverse("checkin:index") if day == today else reverse("checkin:day", args=[day.isoformat()])
            return redirect(f"{target}?saved=1")
    else:
        form = CheckInForm(instance=checkin, initial={"date": day}, user=user)
    chosen = set(form["feelings"].value() or [])
    return render(
        request,
        "checkin/checkin.html",
        {
            "form": form,
            "day": day,
            "today": today,
            "checkin": checkin,
            "saved": request.GET.get("saved") == "1" and checkin is not None,
            "recent": _recent_days(user, today),
            "feelings_picker": feelings_picker(chosen),
            "chosen": chosen,
            "ladder_url": _url_or_none("ladder:index"),
            "kindness_url": _kindness_url(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    """Today's check-in: new, or today's to change."""
    return _checkin_page(request, timezone.localdate())


def _parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Http404("Not a date.") from None


@login_required
@require_http_methods(["GET", "POST"])
def day(request: HttpRequest, day: str) -> HttpResponse:
    """One of the last seven days (or any day that already has a check-in)."""
    return _checkin_page(request, _parse_day(day))


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = get_checkin_for_user(_owner(request), pk)
    if request.method == "POST":
        services.checkin_delete(user=_owner(request), checkin=checkin)
        messages.success(request, f"The check-in for {checkin.date:%A %-d %B} is deleted.")
        return redirect("checkin:trends")
    return render(request, "checkin/delete.html", {"checkin": checkin})


def _anchor(value: str | None, today: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return today


def _chart_rows(rows: list[dict[str, Any]], first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    by_day = {row["date"]: row for row in rows}
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [{"date": d, **by_day.get(d, {})} for d in days]


@login_required
@require_GET
def trends_view(request: HttpRequest) -> HttpResponse:
    """A week or a month: one chart per measure, each followed by its table."""
    user = _owner(request)
    today = timezone.localdate()
    period = "month" if request.GET.get("period") == "month" else "week"
    first, last, previous_first, previous_last = trends.period_bounds(
        period, _anchor(request.GET.get("start"), today)
    )
    # One query for both periods (the previous one only feeds the feelings comparison).
    everything = trends.checkin_rows_for(user, first=previous_first, last=last)
    rows = [row for row in everything if row["date"] >= first]
    previous = [row for row in everything if row["date"] < first]
    days = _chart_rows(rows, first, last)
    label_format = "%a" if period == "week" else "%-d"
    charts = []
    for field, title, minimum, maximum in trends.CHARTS:
        values = [None if d.get(field) is None else float(d[field]) for d in days]
        top = max([maximum, *(v for v in values if v is not None)])
        charts.append(
            {
                "title": title,
                "field": field,
                "svg": line_chart(
                    title,
                    [Point(d["date"].strftime(label_format), v) for d, v in zip(days, values, strict=True)],
                    minimum=minimum,
                    maximum=top,
                ),
                "cells": [(d["date"], v) for d, v in zip(days, values, strict=True)],
                "recorded": sum(v is not None for v in values),
            }
        )
    step = dt.timedelta(days=1)
    return render(
        request,
        "checkin/trends.html",
        {
            "period": period,
            "first": first,
            "last": last,
            "previous_start": previous_first,
            "next_start": last + step if last < today else None,
            "charts": charts,
            "count": len(rows),
            "days": days,
            "feelings": trends.feeling_counts(rows, previous),
            "period_word": "month" if period == "month" else "week",
        },
    )


def _insight_table(results: list[insights.PairResult], caption: str) -> SafeString:
    """The numbers behind the sentences, one row per pair. Built in Python: a template
    loop over 165 pairs costs tens of milliseconds."""
    rows = []
    for r in results:
        q = f"{r.q:.3f}" if r.q >= 0.001 else "&lt; 0.001"
        rows.append(
            f"<tr><td>{escape(insights.MEASURES[r.x].noun)}</td><td>{escape(insights.MEASURES[r.y].noun)}</td>"
            f"<td>{'next day' if r.lag else 'same day'}</td><td>{r.n}</td>"
            f"<td>{r.rho:.2f} ({insights.strength(r.rho)})</td>"
            f"<td>{r.ci_low:.2f} to {r.ci_high:.2f}</td><td>{q}</td></tr>".replace("-", "−")
        )
    head = (
        '<div class="table-scroll"><table class="insight-table">'
        f"<caption>{escape(caption)}</caption><thead><tr>"
        '<th scope="col">First</th><th scope="col">Then</th><th scope="col">When</th>'
        '<th scope="col">n</th><th scope="col">ρ</th><th scope="col">95 % interval</th>'
        '<th scope="col">q</th></tr></thead><tbody>'
    )
    # Every interpolated text is escaped; the numbers are formatted here.
    return mark_safe(head + "".join(rows) + "</tbody></table></div>")  # noqa: S308


def _sentences(results: list[insights.PairResult], css: str) -> SafeString:
    items = "".join(
        f'<li class="{css}{" is-clear" if r.q < 0.05 else ""}"><p>{escape(insights.describe(r))}</p></li>'
        for r in results
    )
    return mark_safe(f'<ul class="insights">{items}</ul>')  # noqa: S308 - escaped above


@login_required
@require_GET
def insights_view(request: HttpRequest) -> HttpResponse:
    user = _owner(request)
    results, days = trends.insights_for(user, today=timezone.localdate())
    main = [r for r in results if insights.relevance(r) < 2]
    other = [r for r in results if insights.relevance(r) == 2]
    return render(
        request,
        "checkin/insights.html",
        {
            "main": main,
            "other": other,
            "main_sentences": _sentences(main, "card insight"),
            "main_table": _insight_table(main, "The numbers behind these sentences"),
            "other_sentences": _sentences(other, "insight"),
            "other_table": _insight_table(other, "The numbers behind the other pairs"),
            "days": days,
            "min_n": insights.MIN_N,
        },
    )
