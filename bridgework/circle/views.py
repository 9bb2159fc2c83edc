from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bridgework.core.fragments import cached_for_person, cached_page
from bridgework.core.http import AuthedRequest, is_htmx
from bridgework.core.links import url_for_pk
from bridgework.core.paging import page_numbers, page_of
from bridgework.safety.services import screening_carry
from bridgework.screening.crisis import Screening

from . import ledger
from .access import get_exchange_for_user, get_person_for_user
from .circlemap import MapPerson, layout, render_svg
from .forms import ExchangeForm, PersonForm
from .services import (
    exchange_create,
    exchange_delete,
    exchange_update,
    observation_dismiss,
    people_for,
    person_create,
    person_delete,
    person_update,
    summary,
)

# Exchanges per page on a person's page (each shown note is decrypted).
EXCHANGES_PER_PAGE = 30
PREFILL = ("person", "direction", "kind", "size", "discomfort", "occurred_on", "note")
OBSERVATION_KEY = re.compile(r"^(over-giving|receiving-easier|drifting:\d{1,12})$")


def _saved(request: AuthedRequest, screening: Screening, message: str, next_url: str) -> HttpResponse:
    """After a save: redirect; crisis help (if the text suggested a crisis) comes first on
    the next page (``base.html``)."""
    screening_carry(request, screening)
    messages.success(request, message)
    return redirect(next_url)


@login_required
@require_GET
@cached_page(areas=["circle"])
def index(request: AuthedRequest) -> HttpResponse:
    """The circle map and list: rendered once, then from the per-person cache until the
    person changes something in their circle (core/fragments.py)."""

    def body() -> str:
        people = people_for(request.user)
        person_url = url_for_pk("circle:person")
        placed = layout(
            MapPerson(
                id=person.pk,
                name=person.name,
                ring=person.ring,
                helps_with=tuple(person.helps_with),
                url=person_url(person.pk),
            )
            for person in people
        )
        context = {
            "circle": summary(people),
            # render_svg escapes every name and URL it interpolates.
            "map_svg": mark_safe(render_svg(placed)) if people else "",  # noqa: S308
        }
        return render_to_string("circle/_index_body.html", context, request)

    return render(
        request,
        "circle/index.html",
        {"body": cached_for_person(request, "circle_index", body, areas=["circle"])},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_new(request: AuthedRequest) -> HttpResponse:
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person, screening = person_create(user=request.user, **form.cleaned_data)
        return _saved(
            request, screening, f"{person.name} is in your circle.", reverse("circle:index")
        )
    return render(request, "circle/person_form.html", {"form": form, "person": None})


@login_required
@require_GET
def person(request: AuthedRequest, pk: int) -> HttpResponse:
    found = get_person_for_user(request.user, pk)
    page = page_of(found.exchanges.all(), request.GET.get("page"), EXCHANGES_PER_PAGE)
    return render(
        request,
        "circle/person.html",
        {
            "person": found,
            "page": page,
            "page_numbers": page_numbers(page),
            "exchange_rows": (rows := ledger.exchange_rows(page)),
            "exchange_table": ledger.exchange_table(
                rows, "Exchanges with this person, latest first", hide_person=True
            ),
            "tally": ledger.tally_sql(found.exchanges.all()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    found = get_person_for_user(request.user, pk)
    form = PersonForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        _, screening = person_update(person=found, **form.cleaned_data)
        return _saved(
            request, screening, "Your changes are saved.", reverse("circle:person", args=[pk])
        )
    return render(request, "circle/person_form.html", {"form": form, "person": found})


@login_required
@require_http_methods(["GET", "POST"])
def person_delete_view(request: AuthedRequest, pk: int) -> HttpResponse:
    found = get_person_for_user(request.user, pk)
    if request.method == "POST":
        name = found.name
        person_delete(person=found)
        messages.success(
            request, f"{name} is no longer in your circle. Your exchanges with them are kept."
        )
        return redirect("circle:index")
    return render(
        request,
        "circle/person_delete.html",
        {
            "person": found,
            "exchange_count": found.exchanges.count(),
            "step_count": ledger.ladder_step_count(found),
            "in_safety_plan": found.safety_plans.exists(),
        },
    )


@login_required
@require_GET
@cached_page(areas=["circle"])
def ledger_view(request: AuthedRequest) -> HttpResponse:
    """The ledger: rendered from the history once, then from the per-person cache until
    the person changes something in their circle (or the day changes)."""

    def body() -> str:
        people = people_for(request.user)
        context = {
            **ledger.ledger_context(request.user, people),
            "exchange_rows": (rows := ledger.exchange_rows(ledger.recent_exchanges(request.user))),
            "exchange_table": ledger.exchange_table(rows, "Latest first"),
            "people": people,
        }
        return render_to_string("circle/_ledger_body.html", context, request)

    return render(
        request, "circle/ledger.html", {"body": cached_for_person(request, "circle_ledger", body, areas=["circle"])}
    )


@login_required
@require_http_methods(["GET", "POST"])
def exchange_new(request: AuthedRequest) -> HttpResponse:
    people = people_for(request.user)
    form = ExchangeForm(request.POST or None, people=people)
    if request.method == "GET":
        # Links may prefill the form (e.g. "add this ladder practice to my ledger");
        # nothing is saved until the person submits it.
        form.initial.update(
            {name: request.GET[name] for name in PREFILL if request.GET.get(name, "").strip()}
        )
    if request.method == "POST" and form.is_valid():
        _, screening = exchange_create(user=request.user, **form.cleaned_data)
        return _saved(request, screening, "Logged in your ledger.", reverse("circle:ledger"))
    return render(
        request, "circle/exchange_form.html", {"form": form, "exchange": None, "people": people}
    )


@login_required
@require_http_methods(["GET", "POST"])
def exchange_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    found = get_exchange_for_user(request.user, pk)
    people = people_for(request.user)
    form = ExchangeForm(request.POST or None, instance=found, people=people)
    if request.method == "POST" and form.is_valid():
        _, screening = exchange_update(exchange=found, **form.cleaned_data)
        return _saved(request, screening, "Your changes are saved.", reverse("circle:ledger"))
    return render(
        request, "circle/exchange_form.html", {"form": form, "exchange": found, "people": people}
    )


@login_required
@require_http_methods(["GET", "POST"])
def exchange_delete_view(request: AuthedRequest, pk: int) -> HttpResponse:
    found = get_exchange_for_user(request.user, pk)
    if request.method == "POST":
        exchange_delete(exchange=found)
        messages.success(request, "That exchange is deleted.")
        return redirect("circle:ledger")
    return render(request, "circle/exchange_delete.html", {"exchange": found})


@login_required
@require_POST
def dismiss(request: AuthedRequest, key: str) -> HttpResponse:
    if not OBSERVATION_KEY.match(key):
        raise Http404("No such observation")
    observation_dismiss(user=request.user, key=key)
    if is_htmx(request):
        return HttpResponse("")
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("circle:ledger")
    messages.success(request, "Hidden. It will not come back for at least 8 weeks.")
    # Not redirect(): it would take a bare word such as "x" for a view name.
    return HttpResponseRedirect(next_url)
