"""The one way in to a person's data for a clinician, and the person's own care objects.

``get_client_for_clinician`` is the only function a clinician view uses to reach a
client: it checks the link is the clinician's own, still open and sharing the area, and
records the look in the person's audit before anything is shown. Anything else is a 404
— another clinician's client, an ended link, an unshared area, an unshared entry — so
a clinician cannot even learn that an id exists.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from bridgework.core.access import owned_or_404
from bridgework.journal.models import Entry

from .models import AREAS, LOOK_LABELS, AccessLog, CareLink, ClinicianProfile, Invitation

View = Callable[..., HttpResponse]


# ----------------------------------------------------------------------------- clinicians


def clinician_profile(user: Any) -> ClinicianProfile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return ClinicianProfile.objects.get(user=user)
    except ClinicianProfile.DoesNotExist:
        return None


def has_totp(user: Any) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def clinician_required(*, two_factor: bool = True) -> Callable[[View], View]:
    """Logged in (else the login page), a clinician (else 404) and, unless told otherwise,
    with an authenticator app turned on (else a page that says so and links to it).

    Every clinician view that shows a client's data keeps ``two_factor=True``.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            profile = clinician_profile(request.user)
            if profile is None:
                return render(request, "care/clinicians_only.html", status=404)
            if two_factor and not has_totp(request.user):
                return render(
                    request, "care/needs_two_factor.html", {"profile": profile}, status=403
                )
            request.clinician_profile = profile  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorate


def get_client_for_clinician(
    clinician: User, pk: Any, area: str, *, object_id: str = ""
) -> CareLink:
    """The clinician's own open link ``pk`` that shares ``area``, with the look recorded.

    ``area`` is one of ``AREAS``, or ``"overview"`` (which areas are shared; needs only an
    open link), ``"journal"`` (needs at least one shared entry; use
    ``get_shared_entry_for_clinician`` for an entry) or ``"report"``. Raises Http404
    otherwise. Writes one ``AccessLog`` row: the person sees every look.
    """
    if area not in LOOK_LABELS or area == "dashboard":
        raise ValueError(f"unknown area {area!r}")
    link = _open_link(clinician, pk)
    if area in AREAS and not link.shares(area):
        raise Http404("Not shared")
    if area == "journal" and not link.shared_entries.exists():
        raise Http404("Not shared")
    if area == "report" and not link.shares_anything:
        raise Http404("Not shared")
    record_look(link=link, area=area, object_id=object_id)
    return link


def get_shared_entry_for_clinician(clinician: User, pk: Any, entry_pk: Any) -> tuple[CareLink, Entry]:
    """One journal entry the person shared on this link, or 404; the look is recorded."""
    link = _open_link(clinician, pk)
    entry = owned_or_404(Entry.objects.filter(user_id=link.user_id, care_shares__link=link), entry_pk)
    record_look(link=link, area="journal", object_id=str(entry.pk))
    return link, entry


def _open_link(clinician: User, pk: Any) -> CareLink:
    links = CareLink.objects.select_related("user").filter(clinician=clinician, ended_at__isnull=True)
    return owned_or_404(links, pk)


def record_look(*, link: CareLink, area: str, object_id: str = "") -> AccessLog:
    name = _clinician_name(link)
    return AccessLog.objects.create(
        user_id=link.user_id, link=link, area=area, object_id=object_id, clinician_name=name
    )


def record_looks(links: list[CareLink], *, area: str, clinician_name: str | None = None) -> None:
    """One audit row per link in a single insert (the dashboard shows many clients)."""
    if not links:
        return
    name = _clinician_name(links[0]) if clinician_name is None else clinician_name
    AccessLog.objects.bulk_create(
        AccessLog(user_id=link.user_id, link=link, area=area, clinician_name=name)
        for link in links
    )


def _clinician_name(link: CareLink) -> str:
    profile = ClinicianProfile.objects.filter(user_id=link.clinician_id).first()
    return profile.introduction if profile else ""


# ----------------------------------------------------------------------------- the person


def get_link_for_user(user: Any, pk: Any) -> CareLink:
    """The person's own link (open or ended), or 404."""
    return owned_or_404(CareLink.objects.filter(user=user), pk)


def get_open_link_for_user(user: Any, pk: Any) -> CareLink:
    link = get_link_for_user(user, pk)
    if not link.is_open:
        raise Http404("That link has ended")
    return link


def get_invitation_for_user(user: Any, pk: Any) -> Invitation:
    return owned_or_404(Invitation.objects.filter(user=user), pk)
