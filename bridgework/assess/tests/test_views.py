"""Every assess page through HTTP, as a person would use it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from bridgework.assess.instruments import all_instruments
from bridgework.assess.models import Sitting
from bridgework.safety.models import ScreeningEvent

pytestmark = pytest.mark.django_db

PHQ9 = all_instruments()["phq9"]
BII = all_instruments()["bii"]


def post_answers(instrument: Any, values: list[Any], action: str = "submit") -> dict[str, Any]:
    data: dict[str, Any] = {"action": action}
    for item, value in zip(instrument.items, values, strict=True):
        if value is not None:
            data[item.id] = str(value)
    return data


def start(client: Any, instrument_id: str) -> Sitting:
    response = client.post(reverse("assess:start", args=[instrument_id]))
    assert response.status_code == 302
    return Sitting.objects.latest("started_at")


def submitted(
    user: Any, instrument_id: str, total: float, subscales: dict | None = None
) -> Sitting:
    from django.utils import timezone

    return Sitting.objects.create(
        user=user,
        instrument_id=instrument_id,
        instrument_version="1",
        submitted_at=timezone.now(),
        total=total,
        subscales=subscales or {},
    )


# --- index and about ---------------------------------------------------------------------


def test_index_lists_every_questionnaire(client: Any) -> None:
    response = client.get(reverse("assess:index"))
    assert response.status_code == 200
    for title in ("Interdependence Inventory", "PHQ-9", "GAD-7", "PSS-10"):
        assert title in response.content.decode()


def test_index_needs_login(anon_client: Any) -> None:
    assert anon_client.get(reverse("assess:index")).status_code == 302


def test_index_rejects_post(client: Any) -> None:
    assert client.post(reverse("assess:index")).status_code == 405


def test_about_page_shows_citation_and_licence(client: Any) -> None:
    response = client.get(reverse("assess:about", args=["pss10"]))
    assert response.status_code == 200
    assert "Cohen" in response.content.decode()


def test_about_unknown_instrument_is_404(client: Any) -> None:
    assert client.get(reverse("assess:about", args=["nope"])).status_code == 404


# --- starting, pausing, resuming -----------------------------------------------------------


def test_start_creates_a_sitting_and_resumes_an_unfinished_one(client: Any, user: Any) -> None:
    first = start(client, "gad7")
    assert first.user == user and not first.is_submitted
    again = client.post(reverse("assess:start", args=["gad7"]))
    assert again.url == reverse("assess:take", args=[first.pk])
    assert Sitting.objects.count() == 1


def test_start_rejects_get_and_unknown_instruments(client: Any) -> None:
    assert client.get(reverse("assess:start", args=["gad7"])).status_code == 405
    assert client.post(reverse("assess:start", args=["nope"])).status_code == 404


def test_take_page_renders_radio_groups_in_fieldsets(client: Any) -> None:
    sitting = start(client, "phq9")
    html = client.get(reverse("assess:take", args=[sitting.pk])).content.decode()
    assert html.count("<fieldset") == 9 and "<legend>" in html
    assert "Nearly every day" in html


def test_pausing_keeps_partial_answers_and_they_come_back(client: Any) -> None:
    sitting = start(client, "phq9")
    url = reverse("assess:take", args=[sitting.pk])
    response = client.post(
        url, post_answers(PHQ9, [1, 2, None, None, None, None, None, None, None], "save")
    )
    assert response.status_code == 302
    assert sitting.answers() == {"phq9_1": 1, "phq9_2": 2}
    html = client.get(url).content.decode()
    assert 'value="2" id="id_phq9_2_2" checked' in html or "checked" in html


def test_answers_can_be_changed_before_submitting(client: Any) -> None:
    sitting = start(client, "gad7")
    url = reverse("assess:take", args=[sitting.pk])
    client.post(url, post_answers(all_instruments()["gad7"], [3] * 7, "save"))
    client.post(url, post_answers(all_instruments()["gad7"], [0] * 7, "submit"))
    sitting.refresh_from_db()
    assert sitting.total == 0 and sitting.is_submitted


def test_submitting_scores_and_redirects_to_results(client: Any) -> None:
    sitting = start(client, "phq9")
    response = client.post(
        reverse("assess:take", args=[sitting.pk]), post_answers(PHQ9, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    )
    assert response.url == reverse("assess:results", args=[sitting.pk])
    sitting.refresh_from_db()
    assert sitting.total == 8 and sitting.band == "Mild"


def test_a_missing_required_answer_is_rejected_and_other_answers_kept(client: Any) -> None:
    sitting = start(client, "phq9")
    response = client.post(
        reverse("assess:take", args=[sitting.pk]),
        post_answers(PHQ9, [2, 2, 2, 2, 2, 2, 2, 2, None]),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please choose an answer for this question." in html
    assert html.count("checked") == 8
    sitting.refresh_from_db()
    assert not sitting.is_submitted
    assert len(sitting.answers()) == 8


def test_an_out_of_range_answer_is_rejected_with_a_clear_message(client: Any) -> None:
    sitting = start(client, "phq9")
    data = post_answers(PHQ9, [1] * 9)
    data["phq9_3"] = "7"
    response = client.post(reverse("assess:take", args=[sitting.pk]), data)
    assert response.status_code == 400
    assert "not one of the options offered" in response.content.decode()
    assert "phq9_3" not in sitting.answers() and sitting.answers()["phq9_1"] == 1


def test_a_rejected_submit_keeps_answers_checked_and_errors_beside_their_question(
    client: Any,
) -> None:
    sitting = start(client, "phq9")
    data = post_answers(PHQ9, [2, 3, 1, 0, 2, 2, 2, 2, None])
    data["phq9_1"] = "7"
    response = client.post(reverse("assess:take", args=[sitting.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    # Every valid answer is still chosen, by value and with its own id and label.
    assert 'value="3" id="id_phq9_2_3" checked' in html
    assert 'value="0" id="id_phq9_4_0" checked' in html
    assert '<label for="id_phq9_3_1">' in html
    # Nothing is chosen for the rejected or missing answers, and their errors sit beside them.
    assert 'name="phq9_1" value="0" aria-invalid="true" id="id_phq9_1_0">' in html
    for item in ("phq9_1", "phq9_9"):
        assert f'<fieldset aria-describedby="id_{item}_errors">' in html
        assert f'<div class="errors" id="id_{item}_errors" role="alert">' in html
        assert f'href="#id_{item}_errors"' in html
    assert html.count(" checked") == 7
    assert html.count("<legend>") == 9
    assert " required" not in html.split('class="stack assessment-form"')[1].split("</form>")[0]


def test_bii_items_can_be_skipped(client: Any) -> None:
    sitting = start(client, "bii")
    values: list[Any] = ["skip"] * 2 + [3] * 28
    response = client.post(reverse("assess:take", args=[sitting.pk]), post_answers(BII, values))
    assert response.status_code == 302
    sitting.refresh_from_db()
    assert sitting.total == 3.0 and sitting.subscales["guarded"] == 3.0
    assert sitting.subscales["asking"] is None  # two of its five skipped


def test_take_rejects_wrong_method(client: Any) -> None:
    sitting = start(client, "gad7")
    assert client.put(reverse("assess:take", args=[sitting.pk])).status_code == 405


def test_another_persons_sitting_is_404(client: Any, other_client: Any) -> None:
    sitting = start(client, "gad7")
    for name in ("take", "results", "sitting_fhir"):
        assert other_client.get(reverse(f"assess:{name}", args=[sitting.pk])).status_code == 404
    assert other_client.post(reverse("assess:take", args=[sitting.pk]), {}).status_code == 404
    assert other_client.post(reverse("assess:delete", args=[sitting.pk])).status_code == 404
    assert Sitting.objects.filter(pk=sitting.pk).exists()


def test_a_double_clicked_submit_counts_once_and_goes_to_results(
    client: Any, user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bridgework.assess import views

    sitting = start(client, "phq9")
    stale = Sitting.objects.get(pk=sitting.pk)
    url = reverse("assess:take", args=[sitting.pk])
    assert client.post(url, post_answers(PHQ9, [1] * 9)).status_code == 302
    first = Sitting.objects.get(pk=sitting.pk)
    # The second request of a double click read the sitting before the first one saved.
    monkeypatch.setattr(views, "get_sitting_for_user", lambda *_: stale)
    response = client.post(url, post_answers(PHQ9, [3] * 9))
    assert response.status_code == 302
    assert response["Location"] == reverse("assess:results", args=[sitting.pk])
    again = Sitting.objects.get(pk=sitting.pk)
    assert again.total == 9 and again.submitted_at == first.submitted_at
    assert again.responses.count() == 9


def test_a_submitted_sitting_cannot_be_retaken(client: Any, user: Any) -> None:
    sitting = submitted(user, "gad7", 3)
    response = client.post(reverse("assess:take", args=[sitting.pk]), {"action": "submit"})
    assert response.url == reverse("assess:results", args=[sitting.pk])


# --- safety --------------------------------------------------------------------------------


def test_phq9_item_9_shows_crisis_help_and_is_recorded(client: Any, user: Any) -> None:
    sitting = start(client, "phq9")
    response = client.post(
        reverse("assess:take", args=[sitting.pk]),
        post_answers(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 1]),
        follow=True,
    )
    assert response.status_code == 200
    assert 'id="crisis-help"' in response.content.decode()
    event = ScreeningEvent.objects.get(user=user)
    assert event.source == "assess.phq9" and event.level == "concern"
    # The help shown matches the recorded level: gentle for "several days".
    assert "It sounds like things are really hard right now." in response.content.decode()
    sitting.refresh_from_db()
    assert sitting.is_submitted and sitting.flagged


def test_item_9_on_a_pause_also_shows_help_and_records_once(client: Any, user: Any) -> None:
    sitting = start(client, "phq9")
    url = reverse("assess:take", args=[sitting.pk])
    answers = [None] * 8 + [3]
    response = client.post(url, post_answers(PHQ9, answers, "save"), follow=True)
    assert 'id="crisis-help"' in response.content.decode()
    client.post(url, post_answers(PHQ9, [0] * 8 + [3]))
    assert ScreeningEvent.objects.filter(user=user).count() == 1
    assert ScreeningEvent.objects.get(user=user).level == "urgent"


def test_no_crisis_help_when_item_9_is_zero(client: Any, user: Any) -> None:
    sitting = start(client, "phq9")
    response = client.post(
        reverse("assess:take", args=[sitting.pk]), post_answers(PHQ9, [3] * 8 + [0]), follow=True
    )
    assert 'id="crisis-help"' not in response.content.decode()
    assert not ScreeningEvent.objects.filter(user=user).exists()


# --- results -------------------------------------------------------------------------------


def test_bii_results_show_profile_table_and_say_it_is_not_a_diagnosis(client: Any) -> None:
    sitting = start(client, "bii")
    values = [1 if item.reverse else 4 for item in BII.items]
    client.post(reverse("assess:take", args=[sitting.pk]), post_answers(BII, values))
    html = client.get(reverse("assess:results", args=[sitting.pk])).content.decode()
    assert "not a diagnosis" in html and "not been validated" in html
    assert "<svg" in html and "<table" in html
    for subscale in BII.subscales:
        assert subscale.title in html
    assert "Doing it alone is a strong habit" in html
    # practice links only to pages that exist
    assert reverse("learn:index") in html


def test_results_link_only_to_existing_pages(client: Any, user: Any) -> None:
    from django.urls import NoReverseMatch

    sitting = submitted(user, "pss10", 20)
    html = client.get(reverse("assess:results", args=[sitting.pk])).content.decode()
    try:
        circle = reverse("circle:index")
    except NoReverseMatch:
        assert "Open your circle" not in html
    else:
        assert circle in html


def test_results_of_an_unfinished_sitting_go_back_to_the_form(client: Any) -> None:
    sitting = start(client, "gad7")
    response = client.get(reverse("assess:results", args=[sitting.pk]))
    assert response.url == reverse("assess:take", args=[sitting.pk])


def test_results_reject_post(client: Any, user: Any) -> None:
    sitting = submitted(user, "gad7", 3)
    assert client.post(reverse("assess:results", args=[sitting.pk])).status_code == 405


def test_results_show_reliable_change_since_last_time(client: Any, user: Any) -> None:
    submitted(user, "phq9", 20)
    latest = submitted(user, "phq9", 5)
    html = client.get(reverse("assess:results", args=[latest.pk])).content.decode()
    assert "reliably better" in html


# --- history and reliable change -------------------------------------------------------------


def test_history_shows_chart_table_and_compares_any_two(client: Any, user: Any) -> None:
    first = submitted(user, "gad7", 15)
    middle = submitted(user, "gad7", 14)
    submitted(user, "gad7", 3)
    response = client.get(reverse("assess:history", args=["gad7"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "<table" in html and "reliably better" in html
    chosen = client.get(
        reverse("assess:history", args=["gad7"]), {"before": first.pk, "after": middle.pk}
    )
    assert "no reliable change" in chosen.content.decode()
    assert "smallest reliable change" in chosen.content.decode()


def test_history_with_subscales_has_a_chart_for_each(client: Any, user: Any) -> None:
    submitted(user, "bii", 3.2, {s.id: 3.0 for s in BII.subscales})
    html = client.get(reverse("assess:history", args=["bii"])).content.decode()
    charts = html.count('<svg class="chart"')
    assert charts == 1 + len(BII.subscales)
    assert "Hidden strain" in html


def test_history_rejects_another_persons_sitting_as_a_choice(
    client: Any, other_user: Any, user: Any
) -> None:
    submitted(user, "gad7", 10)
    foreign = submitted(other_user, "gad7", 1)
    response = client.get(reverse("assess:history", args=["gad7"]), {"before": foreign.pk})
    assert response.status_code == 400
    assert "Please choose two of your own" in response.content.decode()


def test_history_unknown_instrument_is_404_and_post_is_405(client: Any) -> None:
    assert client.get(reverse("assess:history", args=["nope"])).status_code == 404
    assert client.post(reverse("assess:history", args=["gad7"])).status_code == 405


def test_history_table_marks_a_sitting_without_a_score(client: Any, user: Any) -> None:
    submitted(user, "bii", 3.2, {s.id: 3.0 for s in BII.subscales})
    no_score = submitted(user, "bii", 3.0, {s.id: None for s in BII.subscales})
    no_score.total = None
    no_score.save(update_fields=["total"])
    html = client.get(reverse("assess:history", args=["bii"])).content.decode()
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")
    assert "<td></td>" not in rows[-1]
    # Total, band and every subscale: a dash, never an empty cell.
    assert rows[-1].count("<td>—</td>") == 2 + len(BII.subscales)
    assert "(no score)" in html


def test_history_chart_dates_are_in_the_persons_time_zone(client: Any, user: Any) -> None:
    from datetime import UTC, datetime

    user.profile.timezone = "Pacific/Auckland"
    user.profile.save(update_fields=["timezone"])
    sitting = submitted(user, "gad7", 5)
    # 1 January 13:00 UTC is already 2 January in Auckland.
    sitting.submitted_at = datetime(2025, 1, 1, 13, 0, tzinfo=UTC)
    sitting.save(update_fields=["submitted_at"])
    html = client.get(reverse("assess:history", args=["gad7"])).content.decode()
    chart = html.split('<svg class="chart"')[1].split("</svg>")[0]
    assert "02 Jan 2025" in chart and "01 Jan 2025" not in chart
    assert "2 Jan 2025" in html.split("<tbody>")[1]


def test_history_only_shows_own_sittings(client: Any, other_user: Any) -> None:
    submitted(other_user, "gad7", 17)
    html = client.get(reverse("assess:history", args=["gad7"])).content.decode()
    assert "not completed" in html


# --- delete ----------------------------------------------------------------------------------


def test_delete_removes_a_sitting_and_its_answers(client: Any, user: Any) -> None:
    sitting = submitted(user, "gad7", 3)
    response = client.post(reverse("assess:delete", args=[sitting.pk]))
    assert response.url == reverse("assess:index")
    assert not Sitting.objects.filter(pk=sitting.pk).exists()


def test_delete_rejects_get(client: Any, user: Any) -> None:
    sitting = submitted(user, "gad7", 3)
    assert client.get(reverse("assess:delete", args=[sitting.pk])).status_code == 405


# --- CSV ------------------------------------------------------------------------------------


def test_csv_has_every_score_of_the_person_only(client: Any, user: Any, other_user: Any) -> None:
    submitted(user, "bii", 3.5, {"asking": 4.0, "strain": None})
    submitted(other_user, "gad7", 9)
    response = client.get(reverse("assess:scores_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("sitting,instrument")
    assert len(lines) == 4
    assert "gad7" not in response.content.decode()


def test_csv_rejects_post(client: Any) -> None:
    assert client.post(reverse("assess:scores_csv")).status_code == 405


# --- dashboard and export ----------------------------------------------------------------------


def test_dashboard_proposes_the_bii_until_it_is_taken(user: Any) -> None:
    from bridgework.assess.dashboard import dashboard

    panel = dashboard(user)
    assert panel.next_step is not None and panel.next_step.priority == 20
    submitted(user, "bii", 3.0)
    assert dashboard(user).next_step is None


def test_home_page_shows_the_panel(client: Any) -> None:
    html = client.get("/").content.decode()
    assert "Recognise" in html


def test_export_has_answers_and_scores(client: Any, user: Any) -> None:
    from bridgework.assess.export import export_user_data

    sitting = start(client, "gad7")
    client.post(
        reverse("assess:take", args=[sitting.pk]), post_answers(all_instruments()["gad7"], [1] * 7)
    )
    data = export_user_data(user)
    [row] = data["sittings"]
    assert row["total"] == 7 and row["responses"]["gad7_1"] == 1
    import json

    json.dumps(data)
