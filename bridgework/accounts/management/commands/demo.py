"""``bridgework demo --email E --password P [--years N]``: a demo person with N years of data.

Creates the account (or deletes it and everything it owns first, so running it twice
gives the same person again), then runs every module's ``demo.py`` hook
(``bridgework.core.modules.demo_all``). The data is deterministic for a given ``--seed``,
``--years`` and day. Used by the browser tests, the screenshots and ``bench/``.
"""

from __future__ import annotations

import random
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from bridgework.core.management.base import BridgeworkCommand
from bridgework.core.modules import demo_all

MAX_YEARS = 20


def create_demo_person(
    *, email: str, password: str, years: float = 1.0, seed: int = 1, today: Any = None
) -> Any:
    """Create (or reset) the demo person and fill every area; returns the user."""
    from allauth.account.models import EmailAddress

    from bridgework.accounts.models import Profile
    from bridgework.accounts.services import account_delete

    email = email.strip().lower()
    User = get_user_model()
    with transaction.atomic():
        for existing in User.objects.filter(email__iexact=email):
            account_delete(user=existing)
        for address in EmailAddress.objects.filter(email__iexact=email):
            account_delete(user=address.user)
        user = User.objects.create_user(
            username=email.split("@")[0][:150], email=email, password=password
        )
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        Profile.objects.create(
            user=user, display_name="Sam", timezone="Europe/London", country="GB"
        )
        with timezone.override("Europe/London"):
            day = today or timezone.localdate()
            demo_all(user, years=years, rng=random.Random(seed), today=day)
    return user


class Command(BridgeworkCommand):
    help = (
        "Create (or reset) a demo person with realistic data in every area, "
        "ending today: bridgework demo --email sam@example.org --password '…' --years 1"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument(
            "--years", type=float, default=1.0, help="years of history (default 1; 0.1 is ~5 weeks)"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed; the same seed gives the same data"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        years = options["years"]
        if not 0 < years <= MAX_YEARS:
            raise CommandError(f"--years must be more than 0 and at most {MAX_YEARS}.")
        if "@" not in options["email"]:
            raise CommandError("--email must be an e-mail address.")
        if len(options["password"]) < 8:
            raise CommandError("--password must be at least 8 characters.")
        started = time.perf_counter()
        user = create_demo_person(
            email=options["email"], password=options["password"], years=years, seed=options["seed"]
        )
        self.stdout.write(
            f"Demo person {user.email} ready with {years:g} years of data "
            f"({time.perf_counter() - started:.1f} s). Log in with the password you gave."
        )
