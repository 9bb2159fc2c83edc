from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bridgework.accounts.models import profile_for

from .crisis_lines import crisis_lines, for_country


@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """Crisis lines, for everyone, logged in or not. A ``?country=XX`` picks another country."""
    data = crisis_lines()
    code = request.GET.get("country", "").upper()
    if not code and request.user.is_authenticated:
        code = profile_for(request.user).country
    country = for_country(code)
    return render(
        request,
        "safety/help.html",
        {
            "country": country,
            "country_code": code if country else "",
            "countries": sorted(data.countries.items(), key=lambda item: item[1].name),
            "international": data.international,
            "fallback": data.emergency_fallback,
        },
    )
