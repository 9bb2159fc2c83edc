"""Property-based fuzzing of every form (hypothesis): whatever a logged-in person posts to
any form on any page — odd text, 20-digit ids, bad dates, missing fields, choices that
do not exist — the answer is never a server error.

The forms are found by crawling every page as a user with data (as the ownership crawl
does) and reading each ``<form method="post">``: its action and the names of its fields
and their choices. A new form is fuzzed without this file knowing about it. Set
``BRIDGEWORK_FORM_FUZZ_EXAMPLES`` for a longer run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fill import fill_user
from .test_ownership_crawl import fill, has_id, routes

EXAMPLES = int(os.environ.get("BRIDGEWORK_FORM_FUZZ_EXAMPLES", "6"))
# Forms that end the session or the account would stop the crawl; they have their own tests.
SKIP_ACTIONS = ("/accounts/", "/account/delete/")
# Forms a page shows only in some states (an observation to dismiss), fuzzed anyway.
SOMETIMES_SHOWN = [("/circle/observations/over-giving/dismiss/", {"next": ["/circle/ledger/"]})]


@dataclass
class Form:
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name → offered values

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """One form per URL pattern and field names (not one per step, slug or id)."""
        try:
            route = resolve(urlsplit(self.action).path).route
        except Resolver404:
            route = self.action
        return route, tuple(sorted(self.fields))


class _Forms(HTMLParser):
    """The post forms of one page: action, field names and the values they offer."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                action = urlsplit(urljoin(self.url, a.get("action") or self.url))
                self.current = Form(action=action.path + (f"?{action.query}" if action.query else ""))
            return
        if self.current is None or not a.get("name") or a["name"] == "csrfmiddlewaretoken":
            return
        offered = self.current.fields.setdefault(a["name"], [])
        if tag == "select":
            self.select = a["name"]
        elif tag == "input" and a.get("type") not in ("submit", "button", "file"):
            offered.append(a.get("value", ""))
        elif tag == "button" and a.get("value"):
            offered.append(a["value"])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.current is not None:
            self.forms.append(self.current)
            self.current = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data: str) -> None:
        pass


class _Options(HTMLParser):
    """``<option value>`` lists, per select name (a second pass keeps _Forms simple)."""

    def __init__(self) -> None:
        super().__init__()
        self.select: str | None = None
        self.options: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select:
            self.options.setdefault(self.select, []).append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None


def forms_on(url: str, html: str) -> list[Form]:
    parser = _Forms(url)
    parser.feed(html)
    options = _Options()
    options.feed(html)
    for form in parser.forms:
        for name, values in options.options.items():
            if name in form.fields:
                form.fields[name].extend(values)
    return [form for form in parser.forms if not form.action.startswith(SKIP_ACTIONS)]


def discover(client: Client, ids: list[str]) -> list[Form]:
    found: dict[tuple[str, tuple[str, ...]], Form] = {}
    for route in routes():
        if route.startswith("api/"):
            continue
        for value in ids if has_id(route) else ["1"]:
            url = fill(route, value)
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in forms_on(url, response.content.decode()):
                found.setdefault(form.key, form)
    return list(found.values())


ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "9" * 20, "-1", "0", "1e9", "NaN", "2026-02-30", "9999-12-31",
                     "0001-01-01", "x", "<script>", "drifting:" + "9" * 20, "\x00", "😀" * 3]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(min_size=5000, max_size=5000, alphabet="ab "),
)


def values_for(form: Form) -> st.SearchStrategy[dict[str, Any]]:
    def one(offered: list[str]) -> st.SearchStrategy[Any]:
        choices = [value for value in offered if value]
        odd = ODD_TEXT if not choices else st.one_of(st.sampled_from(choices), ODD_TEXT)
        return st.one_of(odd, st.lists(odd, max_size=3))

    return st.fixed_dictionaries({}, optional={name: one(offered) for name, offered in form.fields.items()})


@pytest.mark.django_db
def test_no_form_answers_a_server_error_whatever_is_posted(user: Any, other_user: Any) -> None:
    fill_user(user)
    fill_user(other_user)  # foreign ids to post, too
    client = Client(raise_request_exception=False)
    client.force_login(user)
    from django.apps import apps

    from bridgework import MODULES

    # The person's own first object of every model (they were filled first, so it holds the
    # lowest key): every detail page with a form is reached whatever numbers the database's
    # sequences hand out (PostgreSQL's keep counting across tests).
    ids = sorted(
        {
            str(first)
            for model in apps.get_models()
            if model._meta.app_label in MODULES
            and (first := model._default_manager.order_by("pk").values_list("pk", flat=True).first()) is not None
        }
    )
    forms = discover(client, ids) + [Form(action, dict(fields)) for action, fields in SOMETIMES_SHOWN]
    assert len(forms) > 20, [form.action for form in forms]

    for form in forms:
        fuzz(client, form)


# Posted to each field of each form in turn, before the generated examples: the values
# that broke forms before (an id the database cannot hold, a word where a number goes).
EACH_FIELD = ["9" * 20, "x"]


def fuzz(client: Client, form: Form) -> None:
    """Each field with each of ``EACH_FIELD``, then ``EXAMPLES`` generated bodies."""
    for name in form.fields:
        for value in EACH_FIELD:
            response = client.post(form.action, {name: value})
            assert response.status_code < 500, f"POST {form.action} {name}={value!r} → {response.status_code}"

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=values_for(form))
    def post(data: dict[str, Any]) -> None:
        response = client.post(form.action, data)
        assert response.status_code < 500, f"POST {form.action} {data!r} → {response.status_code}"

    post()
