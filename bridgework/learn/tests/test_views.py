from typing import Any

from django.test import Client

from bridgework.learn.content import lessons
from bridgework.learn.models import LessonProgress, SoundsLikeMe


def test_the_lesson_list_is_public(anon_client: Client) -> None:
    response = anon_client.get("/learn/")
    assert response.status_code == 200
    for lesson in lessons():
        assert lesson.meta.title in response.content.decode()


def test_a_lesson_renders_its_body_and_toggles(client: Client) -> None:
    response = client.get("/learn/asking-and-needing/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h2>" in body
    assert 'action="/learn/topics/help_aversion/toggle/"' in body
    assert 'aria-pressed="false"' in body


def test_an_unknown_lesson_is_404(client: Client) -> None:
    assert client.get("/learn/no-such-lesson/").status_code == 404


def test_completing_a_lesson_moves_to_the_next(client: Client, user: Any) -> None:
    first, second = lessons()[0], lessons()[1]
    response = client.post(f"/learn/{first.slug}/complete/")
    assert response.status_code == 302
    assert response["Location"] == f"/learn/{second.slug}/"
    assert LessonProgress.objects.filter(user=user, lesson_slug=first.slug).exists()
    # Completing twice keeps one row.
    client.post(f"/learn/{first.slug}/complete/")
    assert LessonProgress.objects.filter(user=user).count() == 1


def test_completing_needs_post_and_login(client: Client, anon_client: Client) -> None:
    assert client.get("/learn/roots/complete/").status_code == 405
    assert anon_client.post("/learn/roots/complete/").status_code == 302
    assert client.post("/learn/nope/complete/").status_code == 404


def test_toggle_marks_and_unmarks(client: Client, user: Any) -> None:
    response = client.post("/learn/topics/control/toggle/")
    assert response.status_code == 302
    assert response["Location"].endswith("#topic-control")
    assert SoundsLikeMe.objects.filter(user=user, topic_id="control").exists()
    client.post("/learn/topics/control/toggle/")
    assert not SoundsLikeMe.objects.filter(user=user).exists()


def test_a_resubmitted_toggle_form_does_not_undo_itself(client: Client, user: Any) -> None:
    # A double click (or the browser resending the form) sends the same wanted state twice.
    for _ in range(2):
        client.post("/learn/topics/control/toggle/", {"marked": "1"})
    assert SoundsLikeMe.objects.filter(user=user, topic_id="control").count() == 1
    for _ in range(2):
        client.post("/learn/topics/control/toggle/", {"marked": "0"})
    assert not SoundsLikeMe.objects.filter(user=user).exists()


def test_the_toggle_form_asks_for_the_opposite_of_its_state(client: Client, user: Any) -> None:
    html = client.get("/learn/guarding-and-control/").content.decode()
    assert 'name="marked" value="1"' in html
    SoundsLikeMe.objects.create(user=user, topic_id="control")
    html = client.get("/learn/guarding-and-control/").content.decode()
    form = html.split('id="topic-control"')[1].split("</form>")[0]
    assert 'name="marked" value="0"' in form


def test_toggle_with_htmx_returns_the_partial(client: Client) -> None:
    response = client.post("/learn/topics/numbness/toggle/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith("<form")
    assert 'aria-pressed="true"' in body


def test_toggle_unknown_topic_is_404(client: Client) -> None:
    assert client.post("/learn/topics/not_a_topic/toggle/").status_code == 404


def test_marks_are_private_to_each_user(client: Client, other_client: Client, other_user: Any) -> None:
    SoundsLikeMe.objects.create(user=other_user, topic_id="pushing_away")
    assert "Pushing" not in client.get("/learn/sounds-like-me/").content.decode()
    home = client.get("/")
    assert home.context["panels"][0].context["marked"] == []


def test_marked_topics_show_on_the_dashboard(client: Client) -> None:
    client.post("/learn/topics/competence_mask/toggle/")
    panel = client.get("/").context["panels"][0]
    assert [topic.id for topic in panel.context["marked"]] == ["competence_mask"]
