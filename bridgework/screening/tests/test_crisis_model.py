import json

import numpy as np
import pytest

from bridgework.screening import crisis_model, train_crisis
from bridgework.screening.crisis import prepare, screen


def test_the_shipped_model_matches_what_training_produces() -> None:
    shipped = json.loads(crisis_model.MODEL_FILE.read_text(encoding="utf-8"))
    fresh = train_crisis.fit(*train_crisis.read_train())
    assert fresh["threshold"] == shipped["threshold"]
    for block in ("words", "chars"):
        fresh_block, shipped_block = fresh[block], shipped[block]
        assert isinstance(fresh_block, dict)
        assert fresh_block["vocabulary"] == shipped_block["vocabulary"]
        np.testing.assert_allclose(fresh_block["coef"], shipped_block["coef"], atol=1e-4)


def test_pure_inference_matches_scikit_learn() -> None:
    texts, labels = train_crisis.read_train()
    pipe = train_crisis.pipeline()
    pipe.fit(texts, labels)  # type: ignore[attr-defined]
    model = crisis_model.model_from_dict(train_crisis.fit(texts, labels))
    sample = [prepare(t) for t in ["I keep thinking nobody would notice", "Lovely walk by the sea today"]]
    expected = pipe.predict_proba(sample)[:, 1]  # type: ignore[attr-defined]
    got = [model.probability(text) for text in sample]
    np.testing.assert_allclose(got, expected, atol=1e-4)


@pytest.mark.parametrize(
    "text",
    [
        "I keep a list of reasons to stay and it is getting shorter",
        "Part of me has already checked out of life",
    ],
)
def test_the_model_catches_phrasings_no_rule_names(text: str) -> None:
    assert screen(text).level == "concern"


@pytest.mark.parametrize(
    "text",
    [
        "My sister talks about not wanting to live and I worry about her",
        "The report said suicide rates fell last year",
        "I asked for help today and it felt strange but fine",
    ],
)
def test_the_model_respects_the_gates(text: str) -> None:
    assert screen(text).level == "none"


def test_the_character_analyser_is_scikit_learns() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    for text in ["i am ok", "a bb ccc dddd eeeee ffffff", "x", "  spaced   out  "]:
        assert sorted(crisis_model.char_features(text)) == sorted(reference(text))


@pytest.mark.parametrize(
    "text",
    ["\ufdfa" * 20_000, "I want to die " * 1_500, "a " * 20_000],
)
def test_long_repetitive_or_expanding_text_is_screened(text: str) -> None:
    # bench/bench_screening.py times these at the 100,000-character limit (under ~1 s).
    result = screen(text)
    assert result.level in ("none", "concern", "urgent")
    assert ("die" in text) == result.crisis
