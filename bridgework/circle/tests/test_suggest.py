from bridgework.circle.suggest import Candidate, exchange_kind_for_step, suggest

SAM = Candidate(1, "Sam", 80, ("listening",))
ADA = Candidate(2, "Ada", 90, ("practical",))
LEE = Candidate(3, "Lee", 30, ("practical", "information"))
KIM = Candidate(4, "kim", 90, ("practical",))


def test_suggestions_match_the_kind_of_step_and_put_comfort_first() -> None:
    assert suggest([SAM, ADA, LEE], "ask") == [ADA, LEE]
    assert suggest([SAM, ADA, LEE], "share") == [SAM]


def test_equal_comfort_is_ordered_by_name() -> None:
    assert suggest([KIM, ADA], "accept") == [ADA, KIM]


def test_without_a_matching_kind_everyone_is_considered() -> None:
    assert suggest([LEE, SAM, ADA], "boundary") == [ADA, SAM, LEE]
    assert suggest([LEE, SAM, ADA], None, limit=2) == [ADA, SAM]


def test_the_ledger_kind_follows_the_step_kind() -> None:
    assert exchange_kind_for_step("share") == "listening"
    assert exchange_kind_for_step("boundary") == "practical"
    assert exchange_kind_for_step("unknown") == "practical"
