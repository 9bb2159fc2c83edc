"""Train the learned reader of crisis screening and write ``data/crisis_model.npz``.

Run: ``python -m bridgework.screening.train_crisis``. Needs scikit-learn (installed with
the app). Deterministic: the same data and library versions give the same weights.

Two stages (see :mod:`.learned`):

1. A linear model over word 1–2-grams and character 2–5-grams with four heads, fitted on
   every training set below.
2. A combiner that weighs that model, and the training statements nearest to a text (the
   memory reading, ``learned.Neighbours``), against the frame. It must learn how far to trust
   each on statements *neither has seen*, so its inputs are out-of-fold: each set is
   scored by a first stage fitted without it. Only sets the frame was not developed on
   train the combiner (the frame knows the others too well to be judged on them).

Sets never used here: whatever sits outside ``tests/data`` (a sealed evaluation set is
kept elsewhere until it is measured) and the held-out rows of ``crisis_sentences.csv``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

from . import learned
from .crisis import combiner_features, screen_frame
from .normalise import prepare

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
# The frame's lexicons were written while reading these sets: its verdicts on them are
# not a fair input for the combiner.
FRAME_DEVELOPED_ON = frozenset({"crisis_sentences", "screening_own", "screening_a", "screening_b", "screening_d"})
C = 4.0
FOLDS = 5
THRESHOLDS = {"crisis": 0.5, "urgent": 0.4, "other": 0.5, "in_progress": 0.5}

Row = dict[str, object]


def _level_row(text: str, level: str, about: str, in_progress: bool, category: str, source: str) -> Row:
    # ``level`` is how serious, whoever is at risk; ``other`` says it is someone else.
    return {
        "text": text,
        "level": level,
        "other": about == "other" and level != "none",
        "in_progress": in_progress,
        "category": category,
        "source": source,
    }


def read_sets(data_dir: Path = DATA_DIR) -> dict[str, list[Row]]:
    """Every labelled crisis set under ``data_dir``, by file stem."""
    sets: dict[str, list[Row]] = {}
    with (data_dir / "crisis_sentences.csv").open(encoding="utf-8", newline="") as handle:
        sets["crisis_sentences"] = [
            _level_row(r["text"], r["level"], "self", False, r["kind"], "crisis_sentences")
            for r in csv.DictReader(handle)
            # Other people's risk was labelled "none" in this older set; it is not used.
            if r["split"] == "train" and r["kind"] != "other_person"
        ]
    paths = [
        data_dir / "screening_own.csv",
        *sorted((data_dir / "fresh").glob("screening_*.csv")),
        *sorted((data_dir / "sealed").glob("screening_*.csv")),
        *sorted((data_dir / "train").glob("screening_*.csv")),
    ]
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            sets[path.stem] = [
                _level_row(
                    r["text"],
                    r["level"],
                    r.get("about") or "self",
                    (r.get("in_progress") or "0").strip() == "1",
                    r.get("category", ""),
                    path.stem,
                )
                for r in csv.DictReader(handle)
                if r.get("level") in ("none", "concern", "urgent")
            ]
    return sets


# Everyday entries made from pattern sentences: how many, and how many sentences each.
EVERYDAY_ENTRIES = 1500
EVERYDAY_WEIGHT = 0.5


APP_DIR = Path(__file__).resolve().parents[1]


def app_sentences(app_dir: Path = APP_DIR) -> list[str]:
    """The app's own everyday writing: every sentence listed in the demo modules
    (``<app>/demo.py``), which a test already keeps free of crisis language."""
    import ast

    found: list[str] = []
    for path in sorted(app_dir.glob("*/demo.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.List | ast.Tuple):
                found += [
                    item.value
                    for item in node.elts
                    if isinstance(item, ast.Constant)
                    and isinstance(item.value, str)
                    and len(item.value.split()) >= 4
                ]
    return found


def everyday_sentences(data_dir: Path = DATA_DIR) -> list[str]:
    """Every sentence of the pattern sets and of the app's demo writing."""
    from .train_patterns import read_sentences, read_train

    sentences, _ = read_train(data_dir / "pattern_sentences.csv")
    # Pattern sets the pattern model does not use are still everyday writing.
    unused, _ = read_sentences(sorted((data_dir / "unused").glob("patterns_*.csv")))
    return sentences + unused + app_sentences()


def everyday_rows(data_dir: Path = DATA_DIR) -> list[Row]:
    """Ordinary hyper-independent writing, none of it a crisis: every sentence of the
    pattern sets and of the app's demo writing, and journal-like entries of two to five
    of them, for the learned
    reader to tell the everyday language of this app from danger. (The pattern writers
    wrote about asking for help, pushing people away and feeling numb, never crisis.)"""
    import random

    sentences = everyday_sentences(data_dir)
    rng = random.Random(11)
    entries = [" ".join(rng.sample(sentences, rng.randint(2, 5))) for _ in range(EVERYDAY_ENTRIES)]
    return [
        {"text": text, "level": "none", "other": False, "in_progress": False,
         "category": "everyday", "source": "patterns", "weight": EVERYDAY_WEIGHT}
        for text in sentences + entries
    ]


def _fit_stage_one(rows: list[Row]) -> dict[str, np.ndarray]:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [prepare(str(r["text"])) for r in rows]
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, dtype=np.float64)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, dtype=np.float64)
    word_matrix = words.fit_transform(texts)
    matrix = hstack([word_matrix, chars.fit_transform(texts)]).tocsr()
    levels = np.array([("none", "concern", "urgent").index(str(r["level"])) for r in rows])

    extra = np.array([float(r["weight"]) if "weight" in r else 0.0 for r in rows])  # type: ignore[arg-type]
    labelled = extra == 0.0

    def fit(target: np.ndarray) -> LogisticRegression:
        # Classes balanced over the labelled sets (as class_weight="balanced" would);
        # the everyday rows keep their own fixed weight.
        classes, counts = np.unique(target[labelled], return_counts=True)
        share = {c: labelled.sum() / (len(classes) * n) for c, n in zip(classes, counts, strict=True)}
        weights = np.where(labelled, [share.get(t, 1.0) for t in target], extra)
        return LogisticRegression(C=C, max_iter=5000).fit(matrix, target, sample_weight=weights)

    level = fit(levels)
    other = fit(np.array([bool(r["other"]) for r in rows]))
    now = fit(np.array([bool(r["in_progress"]) for r in rows]))
    coef = np.column_stack(
        [level.coef_[1] - level.coef_[0], level.coef_[2] - level.coef_[0], other.coef_[0], now.coef_[0]]
    )
    intercept = np.array(
        [
            level.intercept_[1] - level.intercept_[0],
            level.intercept_[2] - level.intercept_[0],
            other.intercept_[0],
            now.intercept_[0],
        ]
    )
    word_vocab = sorted(words.vocabulary_, key=words.vocabulary_.__getitem__)
    char_vocab = sorted(chars.vocabulary_, key=chars.vocabulary_.__getitem__)
    return {
        "heads": np.array(learned.HEADS),
        "combiner_inputs": np.array(learned.COMBINER_INPUTS),
        "word_vocabulary": np.array(word_vocab),
        "char_vocabulary": np.array(char_vocab),
        "word_idf": words.idf_.astype(np.float32),
        "char_idf": chars.idf_.astype(np.float32),
        "coef": coef.astype(np.float32),
        "intercept": intercept.astype(np.float32),
        # Neutral combiner until stage two: trust the model alone.
        "combiner_coef": np.zeros((2, len(learned.COMBINER_INPUTS)), dtype=np.float32),
        "combiner_intercept": np.zeros(2, dtype=np.float32),
        # The memory reading (learned.Neighbours): every statement's word vector, by feature.
        **_neighbours(word_matrix, levels),
        "threshold_names": np.array(list(THRESHOLDS)),
        "threshold_values": np.array(list(THRESHOLDS.values()), dtype=np.float32),
    }


def _neighbours(word_matrix: object, levels: np.ndarray) -> dict[str, np.ndarray]:
    """``word_matrix`` (statements × word features, l2-normalised rows) by feature, the
    crises first (``learned.Neighbours``)."""
    from scipy.sparse import csc_matrix, csr_matrix

    order = np.argsort(levels == 0, kind="stable")
    by_feature = csc_matrix(csr_matrix(word_matrix)[order])
    by_feature.sort_indices()
    return {
        "near_starts": by_feature.indptr.astype(np.int64),
        "near_rows": by_feature.indices.astype(np.min_scalar_type(len(levels))),
        "near_values": by_feature.data.astype(np.float16),
        "near_crises": np.array(int((levels > 0).sum())),
        "near_urgent": levels[order] == 2,
    }


def _folds(names: list[str]) -> list[list[str]]:
    """Whole sets per fold, so a fold's statements come from writers the model has not read."""
    ordered = sorted(names)
    return [ordered[i::FOLDS] for i in range(FOLDS)]


def train(
    data_dir: Path = DATA_DIR, *, exclude: frozenset[str] = frozenset(), log: bool = False
) -> dict[str, np.ndarray]:
    """Both stages' weights; ``exclude`` leaves sets out (to measure on them honestly)."""
    from sklearn.linear_model import LogisticRegression

    sets = {name: rows for name, rows in read_sets(data_dir).items() if name not in exclude}
    honest = [name for name in sets if name not in FRAME_DEVELOPED_ON]
    inputs: list[np.ndarray] = []
    crisis: list[bool] = []
    urgent: list[bool] = []
    everyday = everyday_rows(data_dir) if EVERYDAY_WEIGHT else []
    for fold in _folds(honest):
        train_rows = [r for name, rows in sets.items() if name not in fold for r in rows] + everyday
        model = learned.model_from_arrays(_fit_stage_one(train_rows))
        for name in fold:
            for row in sets[name]:
                text = str(row["text"])
                scores, spans, near = model.read_all(prepare(text))
                inputs.append(combiner_features(scores, spans, near, screen_frame(text), len(text)))
                crisis.append(row["level"] != "none")
                urgent.append(row["level"] == "urgent")
        if log:
            print(f"fold {fold}: {len(train_rows)} training statements", file=sys.stderr)
    arrays = _fit_stage_one([r for rows in sets.values() for r in rows] + everyday)
    features = np.vstack(inputs)
    weights = []
    for target in (crisis, urgent):
        fitted = LogisticRegression(C=1.0, max_iter=5000).fit(features, np.array(target))
        weights.append((fitted.coef_[0], fitted.intercept_[0]))
    arrays["combiner_coef"] = np.array([w for w, _ in weights], dtype=np.float32)
    arrays["combiner_intercept"] = np.array([b for _, b in weights], dtype=np.float32)
    return arrays


def main() -> None:
    arrays = train(log=True)
    np.savez_compressed(learned.MODEL_FILE, **arrays)  # type: ignore[arg-type]
    print(f"wrote {learned.MODEL_FILE}")


if __name__ == "__main__":
    main()
