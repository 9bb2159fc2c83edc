"""The ledger's arithmetic and the edges of every observation threshold. No database."""

from datetime import date, timedelta

from bridgework.circle.observations import (
    DISMISS_DAYS,
    DRIFT_DAYS,
    EASIER_LOOKBACK,
    EASIER_MIN_DROP,
    EASIER_MIN_RECEIVED,
    OVER_GIVING_MIN_GIVEN,
    OVER_GIVING_RATIO,
    OVER_GIVING_WINDOW_DAYS,
    ExchangeFact,
    Observation,
    PersonFact,
    drifting,
    observations,
    over_giving,
    receiving_easier,
    tallies_by_person,
    tally,
    visible,
    weekly_balance,
)

TODAY = date(2025, 6, 18)  # a Wednesday


def gave(days_ago: int, size: str = "small", person: int | None = 1) -> ExchangeFact:
    return ExchangeFact(person, "gave", size, TODAY - timedelta(days=days_ago))


def received(
    days_ago: int, size: str = "small", person: int | None = 1, discomfort: int | None = None
) -> ExchangeFact:
    return ExchangeFact(person, "received", size, TODAY - timedelta(days=days_ago), discomfort)


def close_friend(added_days_ago: int = 100, pid: int = 1, name: str = "Sam") -> PersonFact:
    return PersonFact(pid, name, "close", TODAY - timedelta(days=added_days_ago))


# --------------------------------------------------------------------------- tallies


def test_sizes_weigh_one_two_three_and_balance_is_received_minus_given() -> None:
    total = tally([gave(1, "large"), received(2, "medium"), received(3, "small")])
    assert (total.given, total.received, total.count, total.balance) == (3, 3, 3, 0)


def test_tallies_keep_removed_people_under_none() -> None:
    result = tallies_by_person([gave(1, person=1), received(1, person=None), gave(2, person=None)])
    assert result[1].given == 1
    assert (result[None].given, result[None].received) == (1, 1)


def test_weekly_balance_runs_on_from_before_the_window() -> None:
    facts = [gave(200, "large"), received(0, "medium"), gave(9)]
    rows = weekly_balance(facts, TODAY, weeks=4)
    assert [row.start.weekday() for row in rows] == [0, 0, 0, 0]
    assert rows[-1].start == date(2025, 6, 16)
    assert rows[0].running_balance == -3  # the large gift 200 days ago
    assert rows[-2].given == 1 and rows[-2].running_balance == -4
    assert rows[-1].received == 2 and rows[-1].running_balance == -2


def test_weekly_balance_ignores_future_rows() -> None:
    rows = weekly_balance([gave(-3)], TODAY, weeks=2)
    assert all(row.given == 0 for row in rows)


# --------------------------------------------------------------------------- over-giving


def test_over_giving_triggers_exactly_at_the_minimum_and_ratio() -> None:
    assert OVER_GIVING_MIN_GIVEN == 6 and OVER_GIVING_RATIO == 3
    facts = [gave(1, "large"), gave(2, "large"), received(3, "medium")]  # 6 given, 2 received
    found = over_giving(facts, TODAY)
    assert found is not None and found.key == "over-giving"
    assert "6 points of giving and 2 of receiving" in found.text


def test_over_giving_needs_the_minimum_amount_of_giving() -> None:
    facts = [gave(1, "large"), gave(2, "medium")]  # 5 given, nothing received
    assert over_giving(facts, TODAY) is None


def test_over_giving_is_not_shown_when_the_ratio_is_just_below_three() -> None:
    facts = [gave(1, "large"), gave(2, "large"), received(3, "small"), received(4, "small"), received(5, "small")]
    # 6 given, 3 received: 6 < 3 * 3
    assert over_giving(facts, TODAY) is None
    facts = [*facts[:2], gave(6, "large"), *facts[2:]]  # 9 given, 3 received: exactly 3x
    assert over_giving(facts, TODAY) is not None


def test_over_giving_window_is_the_last_eight_weeks_including_today() -> None:
    assert OVER_GIVING_WINDOW_DAYS == 56
    inside = [gave(0, "large"), gave(55, "large")]
    assert over_giving(inside, TODAY) is not None
    outside = [gave(0, "large"), gave(56, "large")]
    assert over_giving(outside, TODAY) is None


# --------------------------------------------------------------------------- drifting


def test_a_close_person_drifts_after_exactly_four_weeks() -> None:
    assert DRIFT_DAYS == 28
    person = close_friend()
    assert drifting([person], [gave(27)], TODAY) == []
    found = drifting([person], [gave(28)], TODAY)
    assert [o.key for o in found] == ["drifting:1"]
    assert found[0].person_id == 1 and "Sam" in found[0].title
    assert "4 weeks" in found[0].text


def test_drifting_counts_from_when_someone_was_added_if_nothing_is_logged() -> None:
    assert drifting([close_friend(added_days_ago=27)], [], TODAY) == []
    assert len(drifting([close_friend(added_days_ago=28)], [], TODAY)) == 1


def test_a_logged_exchange_counts_even_if_it_predates_adding_the_person() -> None:
    newly_added = close_friend(added_days_ago=0)
    assert len(drifting([newly_added], [gave(28)], TODAY)) == 1


def test_only_the_close_ring_is_watched_for_drifting() -> None:
    middle = PersonFact(2, "Ada", "middle", TODAY - timedelta(days=365))
    outer = PersonFact(3, "Lee", "outer", TODAY - timedelta(days=365))
    assert drifting([middle, outer], [], TODAY) == []


def test_drifting_uses_the_latest_exchange_either_way_and_sorts_longest_gap_first() -> None:
    people = [close_friend(pid=1, name="Sam"), close_friend(pid=2, name="Kim")]
    facts = [gave(90, person=1), received(30, person=1), gave(60, person=2)]
    assert [o.key for o in drifting(people, facts, TODAY)] == ["drifting:2", "drifting:1"]


# --------------------------------------------------------------------------- receiving easier


def test_receiving_easier_needs_at_least_four_scored_receipts() -> None:
    assert EASIER_MIN_RECEIVED == 4
    three = [received(3, discomfort=90), received(2, discomfort=50), received(1, discomfort=10)]
    assert receiving_easier(three) is None
    four = [received(4, discomfort=90), *three]
    assert receiving_easier(four) is not None


def test_receiving_easier_triggers_at_a_ten_point_drop_and_not_below() -> None:
    assert EASIER_MIN_DROP == 10
    exactly = [received(4, discomfort=60), received(3, discomfort=60), received(2, discomfort=50), received(1, discomfort=50)]
    found = receiving_easier(exactly)
    assert found is not None and "about 60 to about 50" in found.text
    assert "hint, not a measurement" in found.text  # few entries say so
    just_under = [received(4, discomfort=60), received(3, discomfort=59), received(2, discomfort=50), received(1, discomfort=50)]
    assert receiving_easier(just_under) is None


def test_receiving_easier_ignores_giving_and_unscored_receipts() -> None:
    facts = [gave(5), received(4), received(3, discomfort=80), received(2, discomfort=80), received(1, discomfort=20)]
    assert receiving_easier(facts) is None  # only three scored receipts


def test_receiving_easier_leaves_out_the_middle_of_an_odd_count_and_looks_back_ten() -> None:
    assert EASIER_LOOKBACK == 10
    # Old, very uncomfortable receipts beyond the last ten do not count.
    old = [received(100 + day, discomfort=100) for day in range(5)]
    recent = [received(day, discomfort=40) for day in range(10, 0, -1)]
    assert receiving_easier(old + recent) is None
    odd = [received(5, discomfort=50), received(4, discomfort=50), received(3, discomfort=0), received(2, discomfort=40), received(1, discomfort=40)]
    assert receiving_easier(odd) is not None  # 50 → 40; the middle 0 is left out


def test_rising_discomfort_is_not_reported() -> None:
    facts = [received(4, discomfort=10), received(3, discomfort=10), received(2, discomfort=80), received(1, discomfort=90)]
    assert receiving_easier(facts) is None


# --------------------------------------------------------------------------- together


def test_observations_put_encouraging_news_first() -> None:
    facts = [
        received(50, discomfort=90), received(49, discomfort=90),
        received(48, discomfort=20), received(47, discomfort=20),
        gave(3, "large"), gave(2, "large"), gave(1, "large"), gave(1, "large"),
    ]
    found = observations([close_friend()], facts, TODAY)
    assert [o.key for o in found] == ["receiving-easier", "over-giving"]


def test_a_dismissed_observation_stays_hidden_for_eight_weeks() -> None:
    assert DISMISS_DAYS == 56
    note = Observation("over-giving", "t", "x")
    hidden = {"over-giving": TODAY - timedelta(days=55)}
    assert visible([note], hidden, TODAY) == []
    back = {"over-giving": TODAY - timedelta(days=56)}
    assert visible([note], back, TODAY) == [note]
    assert visible([note], {"drifting:1": TODAY}, TODAY) == [note]
