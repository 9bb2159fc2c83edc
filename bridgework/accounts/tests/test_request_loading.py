"""The hand-written session and user queries (accounts/sessions.py, accounts/backends.py)
give what the ORM gives, and never keep a session or a user alive past a change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bridgework.accounts.backends import user_with_profile
from bridgework.accounts.models import Profile, Session
from bridgework.accounts.sessions import SessionStore
from bridgework.conftest import make_user


def test_it_loads_the_same_user_and_profile_as_the_orm(user: Any) -> None:
    Profile.objects.filter(user=user).update(hide_scores=True, timezone="Europe/London")
    loaded = user_with_profile(user.pk)
    expected = get_user_model().objects.select_related("profile").get(pk=user.pk)
    for field in get_user_model()._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
    for field in Profile._meta.concrete_fields:
        assert getattr(loaded.profile, field.attname) == getattr(expected.profile, field.attname)
    assert loaded.profile.display_name == "Alice"  # decrypted
    assert loaded.profile.hide_scores is True
    assert timezone.is_aware(loaded.date_joined)
    assert loaded.profile.user is loaded
    assert loaded._state.adding is False and loaded._state.db == "default"


def test_it_runs_one_query_for_the_user_and_profile(user: Any, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        loaded = user_with_profile(user.pk)
        assert loaded.profile.timezone


def test_a_user_without_a_profile_has_none_loaded(db: None) -> None:
    bare = get_user_model().objects.create_user(username="bare", password="x")
    loaded = user_with_profile(bare.pk)
    assert loaded == bare
    assert not hasattr(loaded, "profile")  # RelatedObjectDoesNotExist, like select_related


def test_an_unknown_or_malformed_user_id_is_nobody(db: None) -> None:
    assert user_with_profile(999_999) is None
    assert user_with_profile("not a number") is None


def test_a_deleted_session_row_logs_the_person_out(client: Client) -> None:
    assert client.get(reverse("core:privacy")).wsgi_request.user.is_authenticated
    Session.objects.all().delete()
    assert not client.get(reverse("core:privacy")).wsgi_request.user.is_authenticated


def test_an_expired_session_is_not_loaded(client: Client) -> None:
    key = client.cookies["sessionid"].value
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None
    assert not client.get(reverse("core:privacy")).wsgi_request.user.is_authenticated


def test_a_live_session_loads_what_was_saved(db: None) -> None:
    store = SessionStore()
    store["answer"] = 42
    store.create()
    assert SessionStore(store.session_key).load() == {"answer": 42}


def test_a_password_changed_elsewhere_ends_this_session(client: Client, user: Any) -> None:
    user.set_password("another calm river 43")
    user.save()
    assert not client.get(reverse("core:privacy")).wsgi_request.user.is_authenticated


def test_a_deactivated_user_is_logged_out(client: Client, user: Any) -> None:
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert not client.get(reverse("core:privacy")).wsgi_request.user.is_authenticated


def test_each_person_gets_their_own_user(client: Client, other_client: Client, other_user: Any) -> None:
    make_user("carol@example.org")
    alice: Any = client.get(reverse("core:privacy")).wsgi_request.user
    assert alice.email == "alice@example.org"
    assert other_client.get(reverse("core:privacy")).wsgi_request.user.pk == other_user.pk


def test_one_query_loads_the_session_the_user_and_the_profile(
    client: Client, user: Any, django_assert_num_queries: Any
) -> None:
    client.get(reverse("core:privacy"))
    with django_assert_num_queries(1):
        response = client.get(reverse("core:privacy"))
    loaded: Any = response.wsgi_request.user
    assert loaded.pk == user.pk
    assert loaded.profile.display_name == "Alice"  # decrypted


def test_the_session_row_names_its_user_and_goes_with_the_logout(client: Client, user: Any) -> None:
    key = client.cookies["sessionid"].value
    assert Session.objects.get(pk=key).user_id == user.pk
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(pk=key).exists()
    assert not client.get(reverse("core:privacy")).wsgi_request.user.is_authenticated


def test_an_anonymous_session_names_nobody(db: None) -> None:
    store = SessionStore()
    store["answer"] = 42
    store.create()
    assert Session.objects.get(pk=store.session_key).user_id is None


def test_deleting_the_user_deletes_their_sessions(client: Client, user: Any) -> None:
    key = client.cookies["sessionid"].value
    user.delete()
    assert not Session.objects.filter(pk=key).exists()
    assert not client.get(reverse("core:privacy")).wsgi_request.user.is_authenticated


def test_a_session_whose_column_names_someone_else_is_not_theirs(
    client: Client, user: Any, other_user: Any
) -> None:
    # The user comes from the session's own data, checked as Django checks it; the
    # column only saves a query, it never decides who is logged in.
    Session.objects.filter(pk=client.cookies["sessionid"].value).update(user=other_user)
    assert client.get(reverse("core:privacy")).wsgi_request.user.pk == user.pk


def test_the_session_query_reads_the_same_row_whether_queries_are_watched_or_not(
    client: Client, user: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    key = client.cookies["sessionid"].value
    assert not connection.queries_logged  # the production path: the driver's own cursor
    plain = SessionStore(key)
    plain_data = plain.load()
    with CaptureQueriesContext(connection) as captured:  # Django's cursor, counted
        watched = SessionStore(key)
        watched_data = watched.load()
    assert len(captured.captured_queries) == 1
    assert plain_data == watched_data and plain_data["_auth_user_id"] == str(user.pk)
    assert plain._bridgework_user.pk == watched._bridgework_user.pk == user.pk
