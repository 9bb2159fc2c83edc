"""Train the crisis model and write ``data/crisis_model.json``.

Run: ``python -m bridgework.screening.train_crisis``. Uses only the ``train`` rows of
``tests/data/crisis_sentences.csv``; the held-out rows are for evaluation only.
Deterministic: the same data and library versions give the same file (a test checks).

The threshold is fixed at a value chosen by 5-fold cross-validation on the train rows:
at 0.7 the model alone recalled about 0.83 of crisis sentences while raising about 10 %
of hard negatives (after the screener's gates), so beside the rules (0 % there) the
screener stays under the 15 % false-alarm target.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from bridgework.screening import crisis_model
from bridgework.screening.crisis import prepare

DATA_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "crisis_sentences.csv"
C = 10.0
THRESHOLD = 0.7


PATTERN_FILE = DATA_FILE.with_name("pattern_sentences.csv")


def app_content_sentences() -> list[str]:
    """Text people will write here every day, from the app's own content files: ladder
    step templates (what I will do, what I fear) and journal prompts. None is crisis."""
    import yaml

    package = Path(__file__).resolve().parents[1]
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str) and len(node.split()) >= 2:
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted([*package.glob("ladder/data/*.yaml"), *package.glob("journal/data/*.yaml")]):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def read_train(
    path: Path = DATA_FILE, patterns_path: Path = PATTERN_FILE
) -> tuple[list[str], list[int]]:
    """Train rows of the crisis set, plus the train rows of the pattern set as negatives.

    The pattern sentences are this app's everyday writing ("I bottle everything up",
    "compliments slide off me"): without them the model mistakes the hyper-independence
    the program is about for crisis.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] == "train"]
    with patterns_path.open(encoding="utf-8", newline="") as handle:
        everyday = [row["text"] for row in csv.DictReader(handle) if row["split"] == "train"]
    everyday += app_content_sentences()
    texts = [prepare(r["text"]) for r in rows] + [prepare(t) for t in everyday]
    labels = [int(r["level"] != "none") for r in rows] + [0] * len(everyday)
    return texts, labels


def pipeline() -> object:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    union = FeatureUnion(
        [
            ("words", TfidfVectorizer(analyzer=crisis_model.word_features, sublinear_tf=True)),
            (
                "chars",
                TfidfVectorizer(analyzer=crisis_model.char_features, sublinear_tf=True, min_df=2),
            ),
        ]
    )
    model = LogisticRegression(
        C=C, class_weight="balanced", max_iter=5000, solver="liblinear", random_state=0
    )
    return make_pipeline(union, model)


def fit(texts: list[str], labels: list[int]) -> dict[str, object]:
    pipe = pipeline()
    pipe.fit(texts, labels)  # type: ignore[attr-defined]
    union, model = pipe.steps[0][1], pipe.steps[1][1]  # type: ignore[attr-defined]
    words, chars = union.transformer_list[0][1], union.transformer_list[1][1]
    coef = model.coef_[0]
    n_words = len(words.vocabulary_)

    def block(vectorizer: object, weights: object) -> dict[str, object]:
        vocabulary = sorted(vectorizer.vocabulary_.items(), key=lambda kv: kv[1])  # type: ignore[attr-defined]
        return {
            "vocabulary": {str(k): int(v) for k, v in vocabulary},
            "idf": [round(float(x), 6) for x in vectorizer.idf_],  # type: ignore[attr-defined]
            "coef": [round(float(x), 6) for x in weights],  # type: ignore[attr-defined]
        }

    return {
        "words": block(words, coef[:n_words]),
        "chars": block(chars, coef[n_words:]),
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": THRESHOLD,
    }


def main() -> int:
    texts, labels = read_train()
    data = fit(texts, labels)
    crisis_model.MODEL_FILE.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {crisis_model.MODEL_FILE} from {len(texts)} train sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
