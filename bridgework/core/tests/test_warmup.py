"""A server process loads the screening models at start-up, touching no data."""

from __future__ import annotations

from typing import Any

import pytest

from bridgework.warmup import warm_up


@pytest.mark.django_db
def test_warming_up_reads_and_writes_nothing_in_the_database(
    django_assert_num_queries: Any,
) -> None:
    with django_assert_num_queries(0):
        warm_up()


def test_the_wsgi_module_leaves_the_models_loaded() -> None:
    import bridgework.wsgi  # noqa: F401
    from bridgework.screening import learned, patterns

    assert learned.load_model.cache_info().currsize >= 1
    assert patterns.load_model.cache_info().currsize >= 1


def test_what_the_process_loaded_is_kept_out_of_the_collectors_sight() -> None:
    import gc

    warm_up()
    assert gc.get_freeze_count() > 10_000


def test_warming_up_compiles_every_template_of_the_app() -> None:
    from bridgework.warmup import load_templates

    # Each app's own templates (a broken one would fail here, at start-up, not for a person).
    assert load_templates() > 100


@pytest.mark.django_db
def test_warming_up_builds_the_pages_queries_without_running_them(
    django_assert_num_queries: Any,
) -> None:
    from bridgework.core.rawrows import compile_prepared
    from bridgework.warmup import load_code

    with django_assert_num_queries(0):
        load_code()
    assert compile_prepared() >= 15
