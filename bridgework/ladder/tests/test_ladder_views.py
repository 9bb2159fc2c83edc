"""The ladder page, the library, adopting, reordering: through HTTP."""

from __future__ import annotations

from typing import Any

from django.test import Client

from bridgework.ladder.models import Step

from .conftest import make_attempt, make_step, step_post


def test_an_empty_ladder_points_to_the_library(client: Client) -> None:
    response = client.get("/ladder/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Pick a first small step" in body
    assert "When does a step count as mastered?" in body  # the rule is documented on the page


def test_the_ladder_shows_status_and_highlights_the_next_step(client: Client, user: Any) -> None:
    easy = make_step(user, what="Easy one", expected_discomfort=20)
    make_attempt(easy)
    make_attempt(easy)
    practising = make_step(user, what="Middle one", expected_discomfort=50)
    make_attempt(practising, feared_happened="yes")
    make_step(user, what="Hard one", expected_discomfort=80)
    response = client.get("/ladder/")
    rows = response.context["rows"]
    assert [row.status for row in rows] == ["mastered", "practising", "not_tried"]
    assert [row.is_next for row in rows] == [False, True, False]
    body = response.content.decode()
    assert f'class="card ladder-step is-next" id="step-{practising.pk}"' in body
    assert "Not tried yet" in body


def test_the_ladder_shows_only_my_steps(client: Client, user: Any, other_step: Step) -> None:
    make_step(user, what="Mine")
    body = client.get("/ladder/").content.decode()
    assert "Mine" in body and "Bob's private step" not in body


def test_new_steps_slot_in_by_expected_discomfort(client: Client, user: Any) -> None:
    for what, discomfort in (("sixty", "60"), ("twenty", "20"), ("forty", "40"), ("ninety", "90")):
        client.post("/ladder/steps/new/", step_post(what=what, expected_discomfort=discomfort))
    order = [row.step.what for row, _ in client.get("/ladder/").context["items"]]
    assert order == ["twenty", "forty", "sixty", "ninety"]


def test_moving_a_step_up_and_down_works_without_javascript(client: Client, user: Any) -> None:
    a, b, c = (make_step(user, what=w) for w in "abc")
    response = client.post(f"/ladder/steps/{c.pk}/move/", {"direction": "up"})
    assert response.status_code == 302 and response["Location"].endswith(f"#step-{c.pk}")
    assert [s.what for s in Step.objects.filter(user=user)] == ["a", "c", "b"]
    client.post(f"/ladder/steps/{a.pk}/move/", {"direction": "down"})
    assert [s.what for s in Step.objects.filter(user=user)] == ["c", "a", "b"]
    # At either end nothing moves.
    client.post(f"/ladder/steps/{c.pk}/move/", {"direction": "up"})
    client.post(f"/ladder/steps/{b.pk}/move/", {"direction": "down"})
    assert [s.what for s in Step.objects.filter(user=user)] == ["c", "a", "b"]


def test_a_bad_move_direction_changes_nothing(client: Client, user: Any) -> None:
    a = make_step(user, what="a")
    make_step(user, what="b")
    response = client.post(f"/ladder/steps/{a.pk}/move/", {"direction": "sideways"})
    assert response.status_code == 302
    assert [s.what for s in Step.objects.filter(user=user)] == ["a", "b"]
    assert client.get(f"/ladder/steps/{a.pk}/move/").status_code == 405


def test_sort_puts_the_ladder_back_in_discomfort_order(client: Client, user: Any) -> None:
    make_step(user, what="hard", expected_discomfort=80)
    make_step(user, what="easy", expected_discomfort=10)
    assert client.post("/ladder/sort/").status_code == 302
    assert [s.what for s in Step.objects.filter(user=user)] == ["easy", "hard"]
    assert client.get("/ladder/sort/").status_code == 405


def test_the_library_lists_and_filters_templates(client: Client) -> None:
    response = client.get("/ladder/library/")
    assert response.status_code == 200
    assert len(response.context["templates"]) >= 48
    filtered = client.get("/ladder/library/", {"kind": "boundary", "stakes": "very-low"})
    templates = filtered.context["templates"]
    assert templates and all(t.kind == "boundary" and t.discomfort <= 20 for t in templates)
    assert "<label for=\"id_kind\">Kind of step" in filtered.content.decode()


def test_a_bad_library_filter_shows_everything_instead_of_failing(client: Client) -> None:
    response = client.get("/ladder/library/", {"kind": "nonsense", "stakes": "<script>"})
    assert response.status_code == 200
    assert len(response.context["templates"]) >= 48


def test_adopting_a_template_copies_it_and_opens_the_editor(client: Client, user: Any) -> None:
    response = client.post("/ladder/library/ask-directions/adopt/")
    step = Step.objects.get(user=user)
    assert response["Location"] == f"/ladder/steps/{step.pk}/edit/"
    assert step.template_slug == "ask-directions" and step.kind == "ask"
    assert step.expected_discomfort == 8 and step.feared_outcome
    library = client.get("/ladder/library/").content.decode()
    assert "Already on your ladder" in library


def test_adopting_needs_post_and_a_real_template(client: Client) -> None:
    assert client.get("/ladder/library/ask-directions/adopt/").status_code == 405
    assert client.post("/ladder/library/no-such-thing/adopt/").status_code == 404


def test_the_navigation_links_to_practise(client: Client) -> None:
    assert '<a href="/ladder/"' in client.get("/ladder/").content.decode()


def test_wrong_methods_on_the_list_pages_are_405(client: Client) -> None:
    for url in ("/ladder/", "/ladder/library/", "/ladder/progress/"):
        assert client.post(url).status_code == 405, url


def test_absurd_ids_are_404_not_500(client: Client) -> None:
    huge = "9" * 30
    assert client.get(f"/ladder/steps/{huge}/").status_code == 404
    assert client.get(f"/ladder/attempts/{huge}/").status_code == 404
    assert client.get(f"/api/v1/ladder/steps/{huge}").status_code in (404, 422)


def test_the_ladder_page_needs_the_same_few_queries_for_a_long_ladder(
    client: Client, user: Any, django_assert_max_num_queries: Any
) -> None:
    for index in range(12):
        step = make_step(user, what=f"step {index}")
        for _ in range(3):
            make_attempt(step)
    with django_assert_max_num_queries(8):
        assert client.get("/ladder/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/ladder/progress/").status_code == 200


def test_the_ladder_is_cached_until_the_person_changes_it(
    client: Client, user: Any, django_assert_max_num_queries: Any
) -> None:
    make_step(user, what="Ask Sam for a lift")
    assert "Ask Sam for a lift" in client.get("/ladder/").content.decode()
    with django_assert_max_num_queries(2):  # the session and the person
        assert "Ask Sam for a lift" in client.get("/ladder/").content.decode()
    client.post("/ladder/steps/new/", step_post(what="Ask Priya to water the plants"))
    body = client.get("/ladder/").content.decode()
    assert "Ask Priya to water the plants" in body and "Ask Sam for a lift" in body
