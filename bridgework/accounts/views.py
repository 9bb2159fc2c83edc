from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from bridgework.core.exporting import export_bytes
from bridgework.core.http import AuthedRequest
from bridgework.core.importing import ImportProblem, plain_words
from bridgework.core.modules import has_user_data

from .forms import DeleteAccountForm, ImportForm, ProfileForm, WelcomeForm
from .models import profile_for
from .services import NOT_EMPTY, account_delete, account_import


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=profile_for(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    # allauth switches two-factor on only for a verified address; say so and link the fix.
    email_verified = EmailAddress.objects.filter(user=request.user, verified=True).exists()
    return render(
        request, "accounts/profile.html", {"form": form, "email_verified": email_verified}
    )


@login_required
@require_http_methods(["GET", "POST"])
def welcome(request: AuthedRequest) -> HttpResponse:
    """Straight after sign-up: the two optional facts "Get help now" needs, then home."""
    form = WelcomeForm(request.POST or None, instance=profile_for(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("core:home")
    return render(request, "accounts/welcome.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: AuthedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


@login_required
@require_GET
def export_data(request: AuthedRequest) -> HttpResponse:
    """All of the user's data as one JSON file (decrypted: it is theirs); ``import_data`` reads
    it. Each module's part is kept sealed until the person writes again (``core.exporting``)."""
    response = HttpResponse(
        export_bytes(request.user), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="bridgework-export-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_data(request: AuthedRequest) -> HttpResponse:
    """Restore a JSON export into this account, all or nothing, only while it is empty."""
    # Bound on every POST, even an empty one, so a missing file is named.
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        try:
            count = account_import(user=request.user, payload=form.cleaned_data["file"])
        except ImportProblem as exc:
            form.add_error(
                "file",
                f"Nothing was imported. {plain_words(str(exc))} If the file was changed by "
                f"hand, that is the place to look; otherwise download a fresh copy and try "
                f"again. (Technical detail: {exc})",
            )
        except IntegrityError:
            form.add_error(
                "file", "Nothing was imported: the file repeats a row that can only be there once."
            )
        else:
            messages.success(request, f"Your data is restored: {count} rows imported.")
            return redirect("accounts:profile")
    not_empty = not form.errors and has_user_data(request.user)
    return render(
        request,
        "accounts/import.html",
        {"form": form, "not_empty": not_empty, "not_empty_text": NOT_EMPTY},
    )
