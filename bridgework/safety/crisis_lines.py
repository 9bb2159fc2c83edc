"""The crisis-lines data file, validated at load."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from django.contrib.auth.models import User
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from bridgework.core.content import load_yaml

DATA_FILE = Path(__file__).parent / "data" / "crisis_lines.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Line(_Strict):
    name: str = Field(min_length=2)
    description: str = Field(min_length=10)
    phone: str | None = None
    sms: str | None = None
    sms_body: str | None = None
    url: HttpUrl | None = None
    hours: str | None = None
    source: HttpUrl
    checked: dt.date

    @field_validator("phone", "sms")
    @classmethod
    def _dialable(cls, value: str | None) -> str | None:
        if value is not None and not any(ch.isdigit() for ch in value):
            raise ValueError("must contain digits")
        return value

    @property
    def phone_href(self) -> str | None:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit()) if self.phone else None

    @property
    def sms_href(self) -> str | None:
        if not self.sms:
            return None
        number = "".join(ch for ch in self.sms if ch.isdigit())
        return f"sms:{number}" + (f"?&body={self.sms_body}" if self.sms_body else "")


class Directory(_Strict):
    name: str
    description: str
    url: HttpUrl
    source: HttpUrl
    checked: dt.date


class Country(_Strict):
    name: str
    emergency: str
    lines: list[Line] = Field(min_length=1)

    @property
    def emergency_href(self) -> str:
        """``tel:`` link for the first number of e.g. "112 or 999"."""
        return "tel:" + "".join(ch for ch in self.emergency.split(" or ")[0] if ch.isdigit())


class Fallback(_Strict):
    numbers: list[str] = Field(min_length=1)
    note: str


class CrisisLines(_Strict):
    international: list[Directory] = Field(min_length=1)
    emergency_fallback: Fallback
    countries: dict[str, Country]

    @field_validator("countries")
    @classmethod
    def _iso_codes(cls, value: dict[str, Country]) -> dict[str, Country]:
        for code in value:
            if len(code) != 2 or not code.isalpha() or not code.isupper():
                raise ValueError(f"{code!r} is not a two-letter upper-case country code")
        return value


def load(path: Path = DATA_FILE) -> CrisisLines:
    return load_yaml(path, CrisisLines)


@cache
def crisis_lines() -> CrisisLines:
    return load()


def country_choices() -> list[tuple[str, str]]:
    countries = crisis_lines().countries
    return [("", "Not listed / prefer not to say")] + sorted(
        ((code, c.name) for code, c in countries.items()), key=lambda pair: pair[1]
    )


def for_country(code: str | None) -> Country | None:
    return crisis_lines().countries.get(code or "")


def country_of(user: User) -> str:
    """The country code on the user's profile, "" when none is set.

    The profile is the accounts app's; it is reached through its one-to-one ``profile``
    accessor instead of an import, so the safety app imports no other app and every app
    can import it (for ``screen_texts``) without a cycle.
    """
    profile = getattr(user, "profile", None)  # a missing profile raises AttributeError
    return str(getattr(profile, "country", "") or "")
