"""The learned reader: features exactly as in training, windows that cover the text."""

from __future__ import annotations

import numpy as np
import pytest

from bridgework.screening import learned
from bridgework.screening.crisis import screen

ODD_TEXTS = [
    "I can't do this anymore, honestly. ill kys tonight",
    "  Tabs\tand\nnewlines   and  double  spaces ",
    "Ünïcödé façade — naïve café; 日本語 and emoji 🙂🙂",
    "a I x",
    "",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_features_are_the_ones_scikit_learn_trains_on(text: str) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    assert learned.word_features(text) == words(text)
    assert learned.char_features(text) == chars(text)


def test_the_shipped_model_loads_with_the_heads_the_code_expects() -> None:
    model = learned.load_model()
    assert model.coef.shape == (len(model.word_vocabulary) + len(model.char_vocabulary), 4)
    assert model.combiner_coef.shape == (2, len(learned.COMBINER_INPUTS))
    assert set(model.thresholds) == {"crisis", "urgent", "other", "in_progress"}


def test_scores_are_probabilities() -> None:
    scores, _, _ = learned.load_model().read_all("Took the whole bottle an hour ago and I feel sick.")
    assert scores.shape == (4,)
    assert np.all((scores >= 0) & (scores <= 1))
    assert scores[0] + scores[1] <= 1.0 + 1e-9


def test_a_short_text_is_one_window() -> None:
    assert learned.windows("Just one line.") == ["Just one line."]


def test_windows_cover_a_long_text_and_stay_small() -> None:
    sentences = [f"Sentence number {i} is about the allotment and the bus." for i in range(200)]
    text = " ".join(sentences)
    parts = learned.windows(text)
    assert len(parts) > 5
    assert all(len(p) <= learned.WINDOW_CHARS + 80 for p in parts)
    joined = " ".join(parts)
    assert all(s in joined for s in sentences)


def test_one_huge_sentence_is_cut_into_pieces() -> None:
    parts = learned.windows("word " * 5000)
    assert all(len(p) <= learned.WINDOW_CHARS for p in parts)
    assert sum(len(p) for p in parts) >= 25_000


def test_risk_in_the_middle_of_a_long_entry_is_found() -> None:
    ordinary = (
        "Worked a double shift and did the school run after. "
        "The car needs new tyres and the boiler is making that noise again. "
    )
    text = ordinary * 30 + "I swallowed every pill in the cabinet an hour ago. " + ordinary * 30
    result = screen(text)
    assert result.level == "urgent"
    assert result.in_progress


def test_a_text_no_longer_than_a_span_is_read_once() -> None:
    model = learned.load_model()
    whole, span, _ = model.read_all("Took the whole bottle an hour ago and I feel sick.")
    assert span is whole


def test_one_risky_sentence_counts_more_in_its_span_than_in_its_window() -> None:
    model = learned.load_model()
    text = (
        "mock results came back, not bad considering i revised alone at 3am every night. "
        "teacher said i should lean on people more. the bus was late again and the canteen "
        "ran out of chips so i had a sandwich. been stockpiling pills in a sock and i am "
        "taking them all saturday while everyone is at the wedding. bought a new phone "
        "charger and did the washing. mum wants me to help with the garden at the weekend."
    )
    whole, span, _ = model.read_all(text)
    assert len(text) > learned.SPAN_CHARS
    assert span[0] + span[1] > whole[0] + whole[1]


def test_a_very_long_text_reads_spans_in_a_few_windows_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = learned.load_model()
    text = "The allotment needs weeding and the bus was late again today. " * 2000
    calls: list[int] = []
    original = learned.CrisisModel._scores_of

    def counted(self: learned.CrisisModel, words: np.ndarray, chars: np.ndarray) -> np.ndarray:
        calls.append(len(chars))
        return original(self, words, chars)

    monkeypatch.setattr(learned.CrisisModel, "_scores_of", counted)
    model.read_all(text)
    windows = len(learned.windows(text))
    first = learned.windows(text)[0]
    spans_per_window = len(learned.windows(first, learned.SPAN_CHARS))
    assert windows > learned.SPAN_WINDOWS
    assert len(calls) <= windows + learned.SPAN_WINDOWS * (spans_per_window + 1)


def test_a_model_file_from_other_code_is_refused() -> None:
    model = learned.load_model()
    arrays = {
        "heads": np.array(["concern", "urgent"]),
        "combiner_inputs": np.array(learned.COMBINER_INPUTS),
        "word_vocabulary": np.array(list(model.word_vocabulary)),
    }
    with pytest.raises(ValueError, match="retrain"):
        learned.model_from_arrays(arrays)


def test_every_field_of_a_learned_verdict_is_plain_python_for_json() -> None:
    import json

    text = (
        "I just swallowed every pill in the cabinet and I feel really strange now, my head "
        "is spinning and I wanted to write it down here before anything else happens."
    )
    result = screen(text)
    assert result.level == "urgent"
    assert type(result.in_progress) is bool
    json.dumps({"level": result.level, "in_progress": result.in_progress, "about": result.about})


_SENTENCE = "Took the whole bottle an hour ago, and I feel sick. "
STRETCHES = [
    "short line. another one",
    "one line only",
    "i bought the gun on saturday. i am using it this weekend. bus home was packed.",
    "mock results came back. " * 14,
    "the allotment needs weeding and the bus was late again today. " * 60,
    "  tabs\tand\nnewlines.   and  double  spaces!\n\n" * 40,
    "no full stop at all and i want to die tonight with the pills " * 60,
    "k" * 3000 + " i want to die. " + "unbroken" * 400,
    "x" * 1001,
    ".\n  \n" * 400 + "i am done. " * 30,
    "\n\n   leading whitespace. " + _SENTENCE.lower() * 30 + "   \n",
    "ένα δύο. 日本語の文 . " * 50,
]


@pytest.mark.parametrize("text", STRETCHES)
def test_reading_features_once_gives_what_reading_each_window_gives(text: str) -> None:
    model = learned.load_model()
    whole, span, near = model.read_all(text)
    expected_whole, expected_span, expected_near = model._read_all_strings(text)
    assert whole.tolist() == expected_whole.tolist()
    assert span.tolist() == expected_span.tolist()
    assert near.tolist() == expected_near.tolist()


def test_the_stretches_are_the_windows_and_spans_windows_builds() -> None:
    model = learned.load_model()
    for text in STRETCHES:
        reading = learned._Reading(model, text)
        sentences = reading.sentences
        for window, built in zip(reading.windows(), learned.windows(text), strict=True):
            assert window.length == len(built)
            if window.sentences is not None and len(text) > learned.WINDOW_CHARS:
                first, stop = window.sentences
                assert " ".join(sentences[first:stop]) == built
            if window.piece is not None:
                index, start, end = window.piece
                assert sentences[index][start:end] == built
            spans = learned.windows(built, learned.SPAN_CHARS)
            assert [s.length for s in reading.spans(window)] == [len(s) for s in spans]


def test_the_memory_reading_is_the_cosine_with_every_training_statement() -> None:
    from scipy.sparse import random as sparse_random

    from bridgework.screening.train_crisis import _neighbours

    rng = np.random.default_rng(3)
    matrix = sparse_random(40, 30, density=0.2, format="csr", random_state=3)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    matrix = matrix.multiply(1 / np.where(norms, norms, 1)[:, None]).tocsr()
    levels = rng.integers(0, 3, size=40)
    arrays = _neighbours(matrix, levels)
    near = learned.Neighbours(
        starts=arrays["near_starts"],
        rows=arrays["near_rows"].astype(np.int32),
        values=arrays["near_values"].astype(np.float32),
        crises=int(arrays["near_crises"]),
        urgent=arrays["near_urgent"],
    )
    features = np.array([2, 5, 11, 29])
    weights = np.array([0.5, 0.5, 0.5, 0.5])
    query = np.zeros(30)
    query[features] = weights
    cosine = matrix @ query
    crisis = np.sort(cosine[levels > 0])[::-1][: learned.NEAR]
    none = np.sort(cosine[levels == 0])[::-1][: learned.NEAR]
    nearest = np.argsort(-cosine, kind="stable")[: learned.NEAR]
    found = near.read(features, weights)
    assert found[:4] == pytest.approx([crisis[0], none[0], crisis.mean(), none.mean()], abs=2e-3)
    assert found[6] == pytest.approx(crisis[0] - none[0], abs=2e-3)
    if len(set(np.round(cosine[nearest], 6))) == learned.NEAR:  # no ties at the edge
        assert found[4] == pytest.approx((levels[nearest] > 0).mean())
        assert found[5] == pytest.approx((levels[nearest] == 2).mean())


def test_a_text_sharing_no_word_with_training_has_no_neighbours() -> None:
    model = learned.load_model()
    assert model.near is not None
    assert not model.nearest(np.array([], dtype=np.int64)).any()
    _, _, near = model.read_all("zzqx vvkp")
    assert not near.any()


def test_an_everyday_line_is_nearer_everyday_statements_than_crisis_ones() -> None:
    model = learned.load_model()
    _, _, near = model.read_all("did the shopping on my own again, did not want to bother anyone")
    crisis_max, none_max = near[0], near[1]
    assert none_max > crisis_max
