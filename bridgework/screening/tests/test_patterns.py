"""Pattern recognition, as plain functions: no database."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bridgework.screening import patterns, train_patterns
from bridgework.screening.patterns import PATTERN_IDS, load_model, pattern_info, recognise


def test_the_pattern_ids_are_the_contract() -> None:
    assert PATTERN_IDS == (
        "help_aversion",
        "neediness_stigma",
        "vulnerability_guarding",
        "rejection_fear",
        "competence_mask",
        "control",
        "self_reliance_rule",
        "doing_it_alone",
        "pushing_away",
        "praise_dismissal",
        "numbness",
    )


def test_every_pattern_has_a_name_description_and_reframe() -> None:
    info = pattern_info()
    assert set(info) == set(PATTERN_IDS)
    assert all(item.reframe.endswith("?") for item in info.values())


def test_it_finds_a_pattern_with_its_evidence() -> None:
    text = "Work was long. My partner offered to cook and I said I'd do it myself."
    found = recognise(text)
    assert found and found[0].id == "doing_it_alone"
    assert "offered to cook" in found[0].evidence
    assert 0 < found[0].score <= 1


def test_it_finds_nothing_in_a_plain_day() -> None:
    assert recognise("We went to the park and had ice cream.") == []


def test_limit_caps_the_number_of_patterns() -> None:
    text = (
        "I never ask for help. Needing people is pathetic. "
        "I pushed him away when we got close. Compliments just slide off me."
    )
    assert len(recognise(text, limit=2)) == 2


@pytest.mark.parametrize("text", ["", "   ", "🙂" * 1000, "日本語のテキスト", "x" * 100_001])
def test_it_never_crashes_on_odd_input(text: str) -> None:
    assert isinstance(recognise(text), list)


def test_the_shipped_model_matches_what_training_produces() -> None:
    shipped = json.loads(patterns.MODEL_FILE.read_text(encoding="utf-8"))
    fresh = train_patterns.train()
    assert fresh["patterns"] == shipped["patterns"]
    assert fresh["vocabulary"] == shipped["vocabulary"]
    assert fresh["thresholds"] == shipped["thresholds"]
    np.testing.assert_allclose(
        np.asarray(fresh["coef"], dtype=float), np.asarray(shipped["coef"]), atol=1e-4
    )


def test_numpy_inference_matches_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts, _ = train_patterns.read_train()
    model = load_model()
    vectorizer = TfidfVectorizer(analyzer=patterns.analyse, sublinear_tf=True)
    vectorizer.fit(texts)
    sample = ["I never ask anyone for help, ever ever.", "Compliments make me squirm"]
    np.testing.assert_allclose(
        model.transform(sample), vectorizer.transform(sample).toarray(), atol=1e-5
    )


def test_the_sparse_scoring_equals_the_dense_tf_idf_product() -> None:
    model = load_model()
    texts = ["I never ask anyone for help.", "", "日本語", "Redid the slides Priya made, again."]
    dense = 1.0 / (1.0 + np.exp(-(model.transform(texts) @ model.coef.T + model.intercept)))
    np.testing.assert_allclose(model.predict_proba(texts), dense, atol=1e-12)


def test_a_short_entry_is_also_read_whole_and_a_long_one_sentence_by_sentence() -> None:
    from bridgework.screening.patterns import readings

    assert readings(["Sam offered to drive."]) == ["Sam offered to drive."]
    assert readings(["Sam offered to drive.", "I said I'd manage."]) == [
        "Sam offered to drive.",
        "I said I'd manage.",
        "Sam offered to drive. I said I'd manage.",
    ]
    many = [f"Sentence {n}." for n in range(9)]
    assert readings(many) == many


def test_the_evidence_is_one_sentence_even_when_the_whole_entry_scored_highest() -> None:
    text = (
        "Work was fine, a long meeting about the budget. Mum rang and asked how I was. "
        "Said fine, busy, and changed the subject. Nobody needs to know I'm not coping."
    )
    found = recognise(text)
    assert found
    parts = patterns.sentences(text)
    for match in found:
        assert match.evidence in parts, match
