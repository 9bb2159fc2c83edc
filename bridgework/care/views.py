"""The person's care page (invite, share, see every look) and the clinician's pages.

Every clinician page that shows a person's data reaches it only through
``access.get_client_for_clinician`` (or ``get_shared_entry_for_clinician``), which checks
the link, the consent and records the look; ``clinician_required`` checks the role and
two-factor authentication first.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import cast

from allauth.account.utils import complete_signup
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import report
from .access import (
    clinician_profile,
    clinician_required,
    get_client_for_clinician,
    get_invitation_for_user,
    get_link_for_user,
    get_open_link_for_user,
    get_shared_entry_for_clinician,
    record_looks,
)
from .fhir import assessment_bundle
from .forms import (
    ClinicianProfileForm,
    ClinicianSignupForm,
    ConsentForm,
    DashboardFilterForm,
    EntryShareForm,
    JoinForm,
    ReportForm,
)
from .models import (
    AREA_LABELS,
    AREAS,
    AccessLog,
    CareLink,
    ClinicianProfile,
    Invitation,
    SharedEntry,
)
from .roster import filter_rows, roster_for
from .services import (
    InvitationProblem,
    clinician_profile_save,
    consent_update,
    entry_share,
    entry_unshare,
    invitation_cancel,
    invitation_create,
    invitation_redeem,
    link_end,
)
from .summaries import (
    assessment_summaries_for,
    checkin_model,
    checkin_summary_for,
    circle_summary_for,
    ladder_summary_for,
    safety_sections,
    saved_safety_plan_for,
)

AUDIT_PAGE = 50

# ============================================================================ the person


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The person's care team: links and what each shares, open invitations, recent looks."""
    if clinician_profile(_me(request)) is not None:
        return redirect("care:clinician_home")
    links = list(
        CareLink.objects.filter(user=_me(request)).order_by("ended_at", "-created_at")
    )
    profiles = {
        p.user_id: p
        for p in ClinicianProfile.objects.filter(user_id__in=[link.clinician_id for link in links])
    }
    now = timezone.now()
    invitations = Invitation.objects.filter(
        user=_me(request),
        redeemed_at__isnull=True, expires_at__gt=now
    )
    looks = AccessLog.objects.filter(user=_me(request))[:20]
    return render(
        request,
        "care/index.html",
        {
            "open_links": [(link, profiles.get(link.clinician_id)) for link in links if link.is_open],
            "ended_links": [(link, profiles.get(link.clinician_id)) for link in links if not link.is_open],
            "invitations": invitations,
            "looks": looks,
            "area_labels": AREA_LABELS,
        },
    )


@login_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    """A new one-use code, shown once on this page (only its hash is kept)."""
    invitation, code = invitation_create(user=_me(request))
    join_url = request.build_absolute_uri(reverse("care:join")) + f"?code={code}"
    return render(
        request,
        "care/invitation.html",
        {"invitation": invitation, "code": code, "join_url": join_url},
        status=201,
    )


@login_required
@require_POST
def invitation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_invitation_for_user(_me(request), pk)
    invitation_cancel(user=_me(request), invitation=invitation)
    messages.success(request, "That invitation is cancelled: its code no longer works.")
    return redirect("care:index")


@login_required
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest, pk: int) -> HttpResponse:
    """What one clinician may see: the areas, and journal entries one by one."""
    care_link = get_link_for_user(_me(request), pk)
    profile = ClinicianProfile.objects.filter(user_id=care_link.clinician_id).first()
    status = 200
    form = ConsentForm(instance=care_link)
    if request.method == "POST":
        if not care_link.is_open:
            messages.error(request, "That link has ended; invite them again to share anything.")
            return redirect("care:link", pk=care_link.pk)
        # Bind to a copy so a rejected form does not change the link in memory.
        form = ConsentForm(request.POST, instance=CareLink.objects.get(pk=care_link.pk))
        if form.is_valid():
            consent_update(
                user=_me(request),
                link=care_link,
                shares={name: form.cleaned_data[name] for name in ConsentForm.Meta.fields},
            )
            messages.success(request, "Saved. This takes effect on their very next page.")
            return redirect("care:link", pk=care_link.pk)
        status = 400
    shared = SharedEntry.objects.filter(link=care_link).select_related("entry")
    return render(
        request,
        "care/link.html",
        {
            "link": care_link,
            "profile": profile,
            "form": form,
            "shared_entries": shared,
            "share_form": EntryShareForm(user=_me(request)),
            "looks": AccessLog.objects.filter(user=_me(request), link=care_link)[:20],
        },
        status=status,
    )


@login_required
@require_POST
def link_stop(request: HttpRequest, pk: int) -> HttpResponse:
    care_link = get_link_for_user(_me(request), pk)
    link_end(user=_me(request), link=care_link)
    messages.success(request, "Sharing with them has ended. They can no longer see anything.")
    return redirect("care:index")


@login_required
@require_POST
def entry_share_view(request: HttpRequest, pk: int) -> HttpResponse:
    care_link = get_open_link_for_user(_me(request), pk)
    form = EntryShareForm(request.POST, user=_me(request))
    if form.is_valid():
        entry_share(user=_me(request), link=care_link, entry=form.cleaned_data["entry"])
        messages.success(request, "That entry is shared with them, and only that entry.")
        return redirect("care:link", pk=care_link.pk)
    return render(
        request,
        "care/link.html",
        {
            "link": care_link,
            "profile": ClinicianProfile.objects.filter(user_id=care_link.clinician_id).first(),
            "form": ConsentForm(instance=care_link),
            "shared_entries": SharedEntry.objects.filter(link=care_link).select_related("entry"),
            "share_form": form,
            "looks": AccessLog.objects.filter(user=_me(request), link=care_link)[:20],
        },
        status=400,
    )


@login_required
@require_POST
def entry_unshare_view(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    care_link = get_link_for_user(_me(request), pk)
    entry_unshare(user=_me(request), link=care_link, entry_id=entry_pk)
    messages.success(request, "That entry is no longer shared.")
    return redirect("care:link", pk=care_link.pk)


@login_required
@require_GET
def audit(request: HttpRequest) -> HttpResponse:
    """Every look any clinician has taken at the person's data, newest first."""
    looks = AccessLog.objects.filter(user=_me(request))
    page = Paginator(looks, AUDIT_PAGE).get_page(request.GET.get("page"))
    return render(request, "care/audit.html", {"page": page})


@login_required
@require_GET
def report_form(request: HttpRequest) -> HttpResponse:
    """Choose the areas, then download the PDF (a GET with ``areas``)."""
    if "areas" not in request.GET:
        form = ReportForm(initial={"areas": AREAS})
        return render(request, "care/report_form.html", {"form": form})
    form = ReportForm(request.GET)
    if not form.is_valid():
        return render(request, "care/report_form.html", {"form": form}, status=400)
    return _pdf_response(_me(request), form.cleaned_data["areas"], request=request)


# ============================================================================ clinicians


@require_http_methods(["GET", "POST"])
def clinician_signup(request: HttpRequest) -> HttpResponse:
    """A clinician account: e-mail, password, and how they introduce themselves."""
    if request.user.is_authenticated:
        if clinician_profile(_me(request)) is not None:
            return redirect("care:clinician_home")
        messages.info(
            request,
            "You are logged in with a personal account. Log out first to create a clinician account.",
        )
        return redirect("care:index")
    form = ClinicianSignupForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                user = form.save(request)
                clinician_profile_save(
                    user=user,
                    name=form.cleaned_data["name"].strip(),
                    profession=form.cleaned_data["profession"].strip(),
                    organisation=form.cleaned_data.get("organisation", "").strip(),
                )
            messages.success(
                request, "Your clinician account is ready. Next: turn on two-step sign-in."
            )
            # allauth's own sign-up completion records the log-in, so turning on the
            # authenticator app straight after does not ask for the password again.
            return complete_signup(
                request, user, settings.ACCOUNT_EMAIL_VERIFICATION, reverse("care:clinician_home")
            )
        return render(request, "care/clinician_signup.html", {"form": form}, status=400)
    return render(request, "care/clinician_signup.html", {"form": form})


@clinician_required(two_factor=False)
@require_http_methods(["GET", "POST"])
def clinician_profile_edit(request: HttpRequest) -> HttpResponse:
    profile = request.clinician_profile  # type: ignore[attr-defined]
    form = ClinicianProfileForm(request.POST or None, instance=profile)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your profile is saved.")
            return redirect("care:clinician_home")
        return render(request, "care/clinician_profile.html", {"form": form}, status=400)
    return render(request, "care/clinician_profile.html", {"form": form})


@clinician_required()
@require_GET
def clinician_home(request: HttpRequest) -> HttpResponse:
    """The client list with scores and change, ladder, check-ins and last activity."""
    form = DashboardFilterForm(request.GET or None)
    rows = roster_for(_me(request))
    status = 200
    if form.is_bound:
        if form.is_valid():
            rows = filter_rows(
                rows,
                verdict=form.cleaned_data["verdict"],
                quiet_since=form.quiet_since(),
                shares=form.cleaned_data["shares"],
            )
        else:
            status = 400
    profile = request.clinician_profile  # type: ignore[attr-defined]
    record_looks([row.link for row in rows], area="dashboard", clinician_name=profile.introduction)
    return render(
        request,
        "care/clinician_home.html",
        {
            "form": form,
            "rows": rows,
            "profile": profile,
            "checkins_available": checkin_model() is not None,
        },
        status=status,
    )


@clinician_required()
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    """Redeem a client's invitation code; the client then chooses what to share."""
    if request.method == "POST":
        form = JoinForm(request.POST)
        if form.is_valid():
            try:
                care_link = invitation_redeem(
                    clinician=_me(request),
                    code=form.cleaned_data["code"],
                )
            except InvitationProblem as exc:
                form.add_error("code", str(exc))
            else:
                messages.success(
                    request,
                    "You are linked. You will see only what your client chooses to share.",
                )
                return redirect("care:client", pk=care_link.pk)
        return render(request, "care/join.html", {"form": form}, status=400)
    form = JoinForm(initial={"code": request.GET.get("code", "")[:40]})
    return render(request, "care/join.html", {"form": form})


@clinician_required(two_factor=False)
@require_GET
def clients(request: HttpRequest) -> HttpResponse:
    return redirect("care:clinician_home")


@clinician_required()
@require_GET
def client(request: HttpRequest, pk: int) -> HttpResponse:
    care_link = get_client_for_clinician(_me(request), pk, "overview")
    return render(
        request,
        "care/client.html",
        {
            "link": care_link,
            "name": _name(care_link),
            "shared": [(area, AREA_LABELS[area]) for area in care_link.shared_areas],
            "entry_count": care_link.shared_entries.count(),
        },
    )


def _area_page(
    request: HttpRequest, pk: int, area: str, read: Callable[[CareLink], dict[str, object]]
) -> HttpResponse:
    """One shared area of a client's data: consent checked and the look logged
    (``get_client_for_clinician``), then ``read(link)`` fills ``care/client_<area>.html``."""
    care_link = get_client_for_clinician(_me(request), pk, area)
    context = {"link": care_link, "name": _name(care_link), **read(care_link)}
    return render(request, f"care/client_{area}.html", context)


@clinician_required()
@require_GET
def client_assessments(request: HttpRequest, pk: int) -> HttpResponse:
    return _area_page(
        request, pk, "assessments", lambda link: {"summaries": assessment_summaries_for(link.user)}
    )


@clinician_required()
@require_GET
def client_fhir(request: HttpRequest, pk: int) -> HttpResponse:
    care_link = get_client_for_clinician(_me(request), pk, "assessments", object_id="fhir")
    bundle = assessment_bundle(care_link.user)
    response = HttpResponse(json.dumps(bundle, indent=2), content_type="application/fhir+json")
    response["Content-Disposition"] = f'attachment; filename="client-{care_link.pk}.fhir.json"'
    return response


@clinician_required()
@require_GET
def client_ladder(request: HttpRequest, pk: int) -> HttpResponse:
    return _area_page(
        request,
        pk,
        "ladder",
        lambda link: {"ladder": ladder_summary_for(link.user, notes=link.ladder_notes)},
    )


@clinician_required()
@require_GET
def client_checkins(request: HttpRequest, pk: int) -> HttpResponse:
    return _area_page(
        request, pk, "checkins", lambda link: {"checkins": checkin_summary_for(link.user)}
    )


@clinician_required()
@require_GET
def client_circle(request: HttpRequest, pk: int) -> HttpResponse:
    return _area_page(
        request,
        pk,
        "circle",
        lambda link: {"circle": circle_summary_for(link.user, names=link.circle_names)},
    )


def _safety_plan(care_link: CareLink) -> dict[str, object]:
    plan = saved_safety_plan_for(care_link.user)
    return {"plan": plan, "sections": safety_sections(plan) if plan else []}


@clinician_required()
@require_GET
def client_safety_plan(request: HttpRequest, pk: int) -> HttpResponse:
    return _area_page(request, pk, "safety_plan", _safety_plan)


@clinician_required()
@require_GET
def client_journal(request: HttpRequest, pk: int) -> HttpResponse:
    return _area_page(
        request,
        pk,
        "journal",
        lambda link: {
            "shares": link.shared_entries.select_related("entry").order_by("-entry__date")
        },
    )


@clinician_required()
@require_GET
def client_entry(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    care_link, entry = get_shared_entry_for_clinician(_me(request), pk, entry_pk)
    return render(
        request,
        "care/client_entry.html",
        {"link": care_link, "name": _name(care_link), "entry": entry},
    )


@clinician_required()
@require_GET
def client_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF of what the person shares (all of it, or the chosen shared areas)."""
    care_link = get_client_for_clinician(_me(request), pk, "report")
    wanted = request.GET.getlist("areas") or care_link.shared_areas
    if any(area not in care_link.shared_areas for area in wanted):
        return render(
            request,
            "care/client.html",
            {
                "link": care_link,
                "name": _name(care_link),
                "shared": [(area, AREA_LABELS[area]) for area in care_link.shared_areas],
                "entry_count": care_link.shared_entries.count(),
                "report_error": "A report can only hold areas your client shares with you.",
            },
            status=400,
        )
    return _pdf_response(
        care_link.user, wanted, request=request, notes=care_link.ladder_notes,
        names=care_link.circle_names, filename=f"client-{care_link.pk}-report.pdf",
    )


# ============================================================================ helpers


def _me(request: HttpRequest) -> User:
    # Behind login_required / clinician_required this is always a real user.
    return cast(User, request.user)


def _name(care_link: CareLink) -> str:
    from .roster import display_name

    return display_name(care_link)


def _pdf_response(
    person: object,
    areas: list[str],
    *,
    request: HttpRequest,
    notes: bool = True,
    names: bool = True,
    filename: str = "bridgework-report.pdf",
) -> HttpResponse:
    try:
        pdf = report.render_pdf(person, areas, notes=notes, names=names)
    except report.PdfUnavailable as exc:
        return render(request, "care/pdf_unavailable.html", {"reason": str(exc)}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

