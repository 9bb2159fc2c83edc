"""The journal through HTTP, as a person would use it."""

from __future__ import annotations

import datetime as dt
import html
import re
import zoneinfo
from typing import Any
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from bridgework.core import encryption
from bridgework.journal.models import Entry
from bridgework.journal.views import PAGE_SIZE
from bridgework.safety.models import ScreeningEvent

pytestmark = pytest.mark.django_db


def _post(client: Any, body: str, **extra: str) -> Any:
    data = {"date": "2026-03-14", "prompt_id": "", "mood": "", "body": body, **extra}
    return client.post(reverse("journal:new"), data, follow=True)


def _entry(user: Any, body: str = "A quiet day.", date: dt.date | None = None) -> Entry:
    return Entry.objects.create(user=user, body=body, date=date or dt.date(2026, 3, 14))


def test_it_saves_an_entry_with_prompt_and_mood(client: Any, user: Any) -> None:
    response = _post(client, "I asked for help today.", prompt_id="asking-1", mood="hopeful")
    entry = Entry.objects.get(user=user)
    assert entry.body == "I asked for help today." and entry.mood == "hopeful"
    assert response.status_code == 200
    assert "Your entry is saved" in response.text
    assert "When did you last think about asking for help" in response.text


def test_new_form_offers_prompts_and_preselects_one(client: Any) -> None:
    response = client.get(reverse("journal:new") + "?prompt=mask-1")
    assert response.status_code == 200
    # Prompts are radio buttons (grouped by pillar); the one asked for is checked.
    assert re.search(r'value="mask-1" id="id_prompt_id_[0-9_]+" checked', response.text)


def test_it_rejects_an_empty_entry_with_a_clear_message(client: Any, user: Any) -> None:
    response = _post(client, "   ")
    assert "The entry is empty" in response.text
    assert not Entry.objects.filter(user=user).exists()


def test_it_rejects_an_entry_over_100000_characters(client: Any, user: Any) -> None:
    response = _post(client, "a" * 100_001)
    assert "the limit is 100,000" in response.text
    assert not Entry.objects.filter(user=user).exists()


def test_crisis_language_shows_help_and_still_saves(client: Any, user: Any) -> None:
    response = _post(client, "Honestly I want to kill myself.")
    assert Entry.objects.filter(user=user).count() == 1
    assert 'id="crisis-help"' in response.text
    assert ScreeningEvent.objects.filter(user=user, source="journal.entry").exists()
    # Shown once, not on every later visit.
    again = client.get(reverse("journal:detail", args=[Entry.objects.get(user=user).pk]))
    assert 'id="crisis-help"' not in again.text


def test_a_plain_entry_shows_no_crisis_help(client: Any) -> None:
    assert 'id="crisis-help"' not in _post(client, "Walked by the river.").text


def test_it_reflects_at_most_two_patterns_with_evidence(client: Any) -> None:
    body = (
        "My partner offered to cook and I said I'd do it myself. I never ask for help. "
        "Compliments just slide off me. I feel numb."
    )
    response = _post(client, body)
    assert response.text.count('class="card reflection"') == 2
    assert "You wrote:" in response.text and "If you like, reflect:" in response.text


def test_an_entry_in_crisis_gets_support_not_pattern_reflection(client: Any) -> None:
    body = "I never ask for help. I do everything myself. Everyone would be better off without me."
    response = _post(client, body)
    assert 'id="crisis-help"' in response.text
    assert 'class="card reflection"' not in response.text
    # Coming back to it later, still no pattern cards beside those words.
    entry_url = response.redirect_chain[-1][0]
    assert 'class="card reflection"' not in client.get(entry_url).text


def test_dismissing_a_pattern_hides_it(client: Any, user: Any) -> None:
    entry = _entry(user, "My partner offered to cook and I said I'd do it myself.")
    url = reverse("journal:dismiss_pattern", args=[entry.pk, "doing_it_alone"])
    assert client.post(url).status_code == 302
    entry.refresh_from_db()
    assert entry.dismissed_patterns == ["doing_it_alone"]
    assert (
        "reflection-doing_it_alone"
        not in client.get(reverse("journal:detail", args=[entry.pk])).text
    )


def test_dismiss_answers_htmx_with_an_empty_fragment(client: Any, user: Any) -> None:
    entry = _entry(user)
    response = client.post(
        reverse("journal:dismiss_pattern", args=[entry.pk, "control"]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and response.content == b""


def test_dismiss_rejects_an_unknown_pattern_and_get(client: Any, user: Any) -> None:
    entry = _entry(user)
    assert (
        client.post(reverse("journal:dismiss_pattern", args=[entry.pk, "nope"])).status_code == 400
    )
    assert (
        client.get(reverse("journal:dismiss_pattern", args=[entry.pk, "control"])).status_code
        == 405
    )


def test_index_lists_only_my_entries(client: Any, user: Any, other_user: Any) -> None:
    _entry(user, "mine about the garden")
    _entry(other_user, "theirs about the sea")
    response = client.get(reverse("journal:index"))
    assert "mine about the garden" in response.text and "theirs about the sea" not in response.text


def test_search_finds_my_entries_case_insensitively(
    client: Any, user: Any, other_user: Any
) -> None:
    _entry(user, "Asked Sam for a LIFT to the station")
    _entry(user, "Cooked dinner")
    _entry(other_user, "a lift from Quentin")
    response = client.get(reverse("journal:index"), {"q": "lift"})
    assert "1 entry containing" in response.text
    assert "Asked Sam" in response.text and "Quentin" not in response.text


def _days(user: Any, count: int, text: str = "A quiet day") -> list[Entry]:
    """``count`` entries on consecutive days from 1 January 2026, each tagged ``note-NN``."""
    start = dt.date(2026, 1, 1)
    return Entry.objects.bulk_create(
        Entry(user=user, body=f"{text}, note-{i:02d}.", date=start + dt.timedelta(days=i))
        for i in range(1, count + 1)
    )


def _index(client: Any, **params: str) -> str:
    response = client.get(reverse("journal:index"), params)
    assert response.status_code == 200
    return str(response.text)


def _page_links(text: str) -> list[str]:
    """The hrefs inside the page navigation, unescaped."""
    nav = text.split('<nav aria-label="Pages"', 1)[1].split("</nav>", 1)[0]
    return [html.unescape(part.split('"', 1)[0]) for part in nav.split('href="')[1:]]


def test_index_shows_the_newest_entries_first_and_older_ones_on_page_2(
    client: Any, user: Any
) -> None:
    _days(user, 30)
    first = _index(client)
    assert first.count("note-") == PAGE_SIZE
    assert first.index("note-30") < first.index("note-29") and "note-06" in first
    assert "note-05" not in first
    second = _index(client, page="2")
    assert all(f"note-{i:02d}" in second for i in range(1, 6))
    assert "note-06" not in second and "note-30" not in second


def test_index_pages_are_linked_accessibly(client: Any, user: Any) -> None:
    _days(user, 60)
    text = _index(client, page="2")
    assert '<nav aria-label="Pages"' in text
    nav = text.split('<nav aria-label="Pages"', 1)[1].split("</nav>", 1)[0]
    assert 'href="?page=1" rel="prev"' in nav and 'href="?page=3" rel="next"' in nav
    assert 'href="?page=2" aria-current="page"' in nav and nav.count("aria-current") == 1
    assert "Page 2 of 3" in text


def test_a_short_journal_shows_no_page_links(client: Any, user: Any) -> None:
    _days(user, PAGE_SIZE)
    assert 'aria-label="Pages"' not in _index(client)


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("junk", 1), ("0", 1), ("-3", 1), ("2.5", 1), ("", 1), ("3", 3), ("99", 3), ("9" * 5000, 3)],
)
def test_a_bad_page_number_shows_the_nearest_page(
    client: Any, user: Any, asked: str, shown: int
) -> None:
    _days(user, 60)
    text = _index(client, page=asked)
    assert f"Page {shown} of 3" in text


def test_search_is_paged_and_keeps_the_query_in_page_links(client: Any, user: Any) -> None:
    _days(user, 30, text="Asked for a lift")
    _days(user, 10, text="Cooked dinner alone")
    first = _index(client, q="lift")
    assert "30 entries containing" in first and "Cooked dinner" not in first
    assert _page_links(first) == ["?q=lift&page=1", "?q=lift&page=2", "?q=lift&page=2"]
    second = _index(client, q="lift", page="2")
    assert "30 entries containing" in second and "Page 2 of 2" in second
    assert "note-01" in second and "note-06" not in second and "Cooked dinner" not in second
    assert all("q=lift" in link for link in _page_links(second))


def test_page_links_keep_other_parameters(client: Any, user: Any) -> None:
    _days(user, 30)
    links = _page_links(_index(client, mood="calm", page="1"))
    assert links and all("mood=calm" in link for link in links)


def test_pages_and_search_never_show_another_users_entries(
    client: Any, user: Any, other_user: Any
) -> None:
    _days(user, 30, text="Mine by the garden")
    _days(other_user, 50, text="Theirs by the sea")
    for params in ({}, {"page": "2"}, {"page": "5"}, {"q": "by the"}, {"q": "sea"}):
        text = _index(client, **params)
        assert "Theirs" not in text
    assert "Page 2 of 2" in _index(client, page="5")
    assert "30 entries containing" in _index(client, q="by the")
    assert "0 entries containing" in _index(client, q="sea")


def test_the_list_decrypts_only_the_entries_on_its_page(client: Any, user: Any) -> None:
    _days(user, 100)
    with mock.patch.object(encryption, "decrypt", wraps=encryption.decrypt) as decrypt:
        _index(client, page="2")
    # The page's entries, plus the display name (encrypted, read with the profile).
    assert decrypt.call_count == PAGE_SIZE + 1


def test_calendar_links_days_with_entries(client: Any, user: Any) -> None:
    entry = _entry(user, date=dt.date(2026, 2, 3))
    response = client.get(reverse("journal:calendar"), {"month": "2026-02"})
    assert response.status_code == 200
    assert reverse("journal:detail", args=[entry.pk]) in response.text
    assert "February 2026" in response.text


def test_calendar_survives_a_bad_month(client: Any) -> None:
    assert client.get(reverse("journal:calendar"), {"month": "junk"}).status_code == 200


def test_edit_changes_the_entry_and_screens_it(client: Any, user: Any) -> None:
    entry = _entry(user)
    url = reverse("journal:edit", args=[entry.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"date": "2026-03-15", "prompt_id": "", "mood": "low", "body": "i want to die"},
        follow=True,
    )
    entry.refresh_from_db()
    assert entry.body == "i want to die" and entry.mood == "low"
    assert 'id="crisis-help"' in response.text


def test_delete_asks_first_then_deletes(client: Any, user: Any) -> None:
    entry = _entry(user)
    url = reverse("journal:delete", args=[entry.pk])
    assert "Yes, delete this entry" in client.get(url).text
    assert Entry.objects.filter(pk=entry.pk).exists()
    assert client.post(url).status_code == 302
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("name", ["detail", "edit", "delete"])
def test_another_users_entry_is_404(other_client: Any, user: Any, name: str) -> None:
    entry = _entry(user)
    assert other_client.get(reverse(f"journal:{name}", args=[entry.pk])).status_code == 404
    if name != "detail":
        assert other_client.post(reverse(f"journal:{name}", args=[entry.pk]), {}).status_code == 404
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_dismiss_on_another_users_entry_is_404(other_client: Any, user: Any) -> None:
    entry = _entry(user)
    url = reverse("journal:dismiss_pattern", args=[entry.pk, "control"])
    assert other_client.post(url).status_code == 404


@pytest.mark.parametrize("name", ["index", "calendar", "new"])
def test_pages_need_login(anon_client: Any, name: str) -> None:
    assert anon_client.get(reverse(f"journal:{name}")).status_code == 302


@pytest.mark.parametrize("name", ["index", "calendar"])
def test_read_only_pages_refuse_post(client: Any, name: str) -> None:
    assert client.post(reverse(f"journal:{name}")).status_code == 405


def test_detail_refuses_post(client: Any, user: Any) -> None:
    assert client.post(reverse("journal:detail", args=[_entry(user).pk])).status_code == 405


def test_navigation_shows_journal(client: Any) -> None:
    assert 'href="/journal/"' in client.get("/").text


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1-1", "99999999999999999999-1", "2026-13"])
def test_calendar_survives_months_at_the_edges_of_the_calendar(client: Any, month: str) -> None:
    assert client.get(reverse("journal:calendar"), {"month": month}).status_code == 200


def test_calendar_in_december_9999_shows_its_entries_and_no_next_month(client: Any, user: Any) -> None:
    entry = _entry(user, date=dt.date(9999, 12, 31))
    response = client.get(reverse("journal:calendar"), {"month": "9999-12"})
    assert response.status_code == 200
    assert reverse("journal:detail", args=[entry.pk]) in response.text
    assert 'rel="next"' not in response.text
    assert 'rel="prev"' in response.text


def test_it_rejects_a_date_in_the_future_and_keeps_the_text(client: Any, user: Any) -> None:
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = _post(client, "Words I do not want to lose", date=tomorrow)
    assert "That date is in the future" in response.text
    assert "Words I do not want to lose" in response.text
    assert not Entry.objects.filter(user=user).exists()


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31"])
def test_it_rejects_a_date_before_1900(client: Any, user: Any, day: str) -> None:
    response = _post(client, "A quiet day.", date=day)
    assert "before 1900" in response.text
    assert not Entry.objects.filter(user=user).exists()


def test_it_accepts_today(client: Any, user: Any) -> None:
    _post(client, "Today.", date=timezone.localdate().isoformat())
    assert Entry.objects.filter(user=user, date=timezone.localdate()).exists()


@pytest.mark.parametrize("name", ["edit", "delete"])
def test_edit_and_delete_refuse_other_methods_and_change_nothing(
    client: Any, user: Any, name: str
) -> None:
    entry = _entry(user)
    url = reverse(f"journal:{name}", args=[entry.pk])
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
    assert Entry.objects.get(pk=entry.pk).body == "A quiet day."


def test_new_refuses_put(client: Any) -> None:
    assert client.put(reverse("journal:new")).status_code == 405


def test_a_multi_megabyte_paste_gets_the_clear_message_and_keeps_the_text(client: Any) -> None:
    body = "I wrote and wrote. " * 160_000  # about 3 MB, more than Django's default limit
    response = client.post(
        reverse("journal:new"), {"date": "2026-03-14", "prompt_id": "", "mood": "", "body": body}
    )
    assert response.status_code == 200
    assert "100,000" in response.text
    assert body[:200] in response.text


def test_the_list_is_cached_until_a_write_and_searches_are_not(
    client: Any, user: Any, django_assert_max_num_queries: Any
) -> None:
    _days(user, 3, text="Asked for a lift")
    assert _index(client).count("note-") == 3
    # Cached: the session, the person and the page count; no entry is read.
    with django_assert_max_num_queries(3):
        assert _index(client).count("note-") == 3
    # A write of the person's own makes the cached page stale at once.
    client.post(
        reverse("journal:new"),
        {"date": timezone.localdate().isoformat(), "body": "note-new", "mood": ""},
    )
    assert "note-new" in _index(client)
    assert "30 entries" not in _index(client, q="lift") and "3 entries containing" in _index(client, q="lift")


def _without_tokens(page: str) -> str:
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", page)


def test_the_empty_form_is_one_page_for_everyone_with_their_own_token(
    client: Any, other_client: Any, user: Any, other_user: Any, django_assert_num_queries: Any
) -> None:
    from bridgework.core.fragments import _placeholder

    mine = client.get(reverse("journal:new")).content.decode()
    with django_assert_num_queries(1):  # the session with the person: no cache, no render
        theirs = other_client.get(reverse("journal:new")).content.decode()
    assert _placeholder() not in mine and _placeholder() not in theirs
    assert _without_tokens(mine) == _without_tokens(theirs)
    assert mine != theirs  # each browser's own CSRF token
    assert f'value="{timezone.localdate().isoformat()}"' in mine


def test_the_empty_form_shows_the_persons_own_local_date(client: Any, user: Any) -> None:
    now = timezone.now()
    # Where it is already tomorrow, or still yesterday, when it is not here.
    zone = "Pacific/Kiritimati" if now.astimezone(dt.UTC).hour >= 10 else "Pacific/Pago_Pago"
    client.get(reverse("journal:new"))  # today's page is in memory now
    user.profile.timezone = zone
    user.profile.save(update_fields=["timezone"])
    local = timezone.localtime(now, timezone=zoneinfo.ZoneInfo(zone)).date()
    assert local != timezone.localdate(now)
    assert f'value="{local.isoformat()}"' in client.get(reverse("journal:new")).content.decode()


def test_the_empty_form_shows_a_waiting_message_once(client: Any, user: Any) -> None:
    client.get(reverse("journal:new"))
    _post(client, "A note.")  # follows the redirect: the message is shown and used up
    client.post(reverse("journal:new"), {"date": "2026-03-14", "prompt_id": "", "mood": "", "body": "Two."})
    assert "Your entry is saved." in client.get(reverse("journal:new")).content.decode()
    assert "Your entry is saved." not in client.get(reverse("journal:new")).content.decode()
