"""``core.rawrows.Prepared``: a query built once, run for any user, gives what the ORM gives."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bridgework.conftest import make_user
from bridgework.core.rawrows import Prepared
from bridgework.ladder import services
from bridgework.ladder.models import Attempt, Step

from .fill import fill_user

pytestmark = pytest.mark.django_db


def _steps(user_id: int) -> Any:
    return (
        Step.objects.filter(user=user_id)
        .annotate(n=Count("attempts"))
        .order_by("position", "id")
        .values_list("pk", "what", "override_at", "n", "created_at")
    )


def test_it_gives_what_the_orm_gives_for_each_user(user: Any) -> None:
    fill_user(user)
    other = make_user("bob@example.org")
    fill_user(other)
    prepared = Prepared(_steps)
    for person in (user, other, user):
        rows = prepared.rows(person.pk)
        assert rows == list(_steps(person.pk))
        assert rows and all(timezone.is_aware(row[4]) for row in rows)  # converted, as the ORM does
    assert prepared.rows(999_999) == []


def test_it_is_one_query_and_counted(user: Any) -> None:
    fill_user(user)
    prepared = Prepared(_steps)
    prepared.rows(user.pk)
    with CaptureQueriesContext(connection) as captured:
        prepared.rows(user.pk)
    assert len(captured.captured_queries) == 1


def test_a_value_written_into_the_sql_is_refused(user: Any) -> None:
    with pytest.raises(ValueError):
        Prepared(lambda user_id: Step.objects.filter(pk__gt=0).values_list("pk")).rows(user.pk)


def test_the_ladder_panels_queries_give_what_the_orm_gives(user: Any) -> None:
    fill_user(user)
    row = services.next_suggested_row_for(user)
    expected = services.ladder_rows_for(user)
    assert row is not None and row.step.pk == next(r for r in expected if r.is_next).step.pk
    assert row.step.what == Step.objects.get(pk=row.step.pk).what
    last = services.last_attempt_for(user)
    orm = Attempt.objects.filter(step__user=user).select_related("step").order_by("-happened_on", "-created_at", "-id").first()
    assert last is not None and orm is not None
    assert (last.pk, last.happened_on, last.discomfort_peak, last.feared_happened) == (
        orm.pk, orm.happened_on, orm.discomfort_peak, orm.feared_happened
    )
    assert (last.step.pk, last.step.what, last.step.expected_discomfort) == (orm.step.pk, orm.step.what, orm.step.expected_discomfort)
    assert set(last.get_deferred_fields()) == {"what_happened", "learned"}


def test_the_learn_and_ladder_counts_give_what_the_orm_gives(user: Any) -> None:
    from bridgework.learn import services as learn
    from bridgework.learn.models import LessonProgress, SoundsLikeMe

    empty = make_user("carol@example.org")
    fill_user(user)
    for person in (user, empty):
        assert learn.completed_slugs_for(person) == set(
            LessonProgress.objects.filter(user=person).values_list("lesson_slug", flat=True)
        )
        assert learn.marked_topics_for(person) == set(
            SoundsLikeMe.objects.filter(user=person).values_list("topic_id", flat=True)
        )
        assert services.step_count_for(person) == Step.objects.filter(user=person).count()
    assert learn.completed_slugs_for(user) and learn.marked_topics_for(user)
    assert services.step_count_for(user) > 0 and services.step_count_for(empty) == 0
