"""The command-line contract: ``bridgework score`` and ``bridgework psychometrics``."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

BFI = Path(__file__).resolve().parents[3] / "tests" / "data" / "bfi.csv"
# The bfi agreeableness scale, A1 reverse-keyed, answers 1–6 (as in R psych's examples).
AGREEABLENESS = (
    "psychometrics", str(BFI), "--items", "A1,A2,A3,A4,A5", "--reverse", "A1", "--min", "1", "--max", "6"
)


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and the error line, as the command line would report them."""
    out = StringIO()
    try:
        call_command(*args, stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), f"CommandError: {exc}\n"
    return 0, out.getvalue(), ""


def test_score_prints_the_contract_json() -> None:
    code, out, _ = run("score", "phq9", "--responses", "1,1,1,1,1,1,1,1,0")
    assert code == 0
    assert json.loads(out) == {"instrument": "phq9", "total": 8, "band": "Mild", "subscales": {}}


def test_score_prorates_an_empty_field() -> None:
    code, out, _ = run("score", "gad7", "--responses", "3,3,3,3,3,3,")
    assert code == 0 and json.loads(out)["total"] == 21


def test_score_with_too_many_missing_gives_nulls() -> None:
    _, out, _ = run("score", "gad7", "--responses", "3,3,3,3,3,,")
    assert json.loads(out) == {"instrument": "gad7", "total": None, "band": None, "subscales": {}}


def test_score_bii_includes_subscales() -> None:
    _, out, _ = run("score", "bii", "--responses", ",".join(["3"] * 30))
    data = json.loads(out)
    assert data["total"] == 3.0 and data["subscales"]["strain"] == 3.0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("score", "nope", "--responses", "1"), "unknown instrument"),
        (("score", "gad7", "--responses", "1,1,1,1,1,1,9"), "out of range"),
        (("score", "gad7", "--responses", "1,1"), "has 7 items"),
        (("score", "gad7"), "required"),
    ],
)
def test_score_bad_input_exits_2_with_one_line(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_psychometrics_reproduces_psych_on_bfi() -> None:
    code, out, _ = run(*AGREEABLENESS)
    assert code == 0
    data = json.loads(out)
    assert data["alpha"] == pytest.approx(0.7030184, abs=1e-6)
    assert data["std_alpha"] == pytest.approx(0.7130286, abs=1e-6)
    assert data["average_r"] == pytest.approx(0.3319677, abs=1e-6)
    assert data["omega_total"] == pytest.approx(0.7229431, abs=1e-6)
    assert data["alpha_if_dropped"]["A3"] == pytest.approx(0.6002596, abs=1e-6)
    assert set(data["item_total"]) == {"A1", "A2", "A3", "A4", "A5"}
    assert data["alpha_ci"]["lower"] < data["alpha"] < data["alpha_ci"]["upper"]


def test_psychometrics_listwise() -> None:
    _, out, _ = run(*AGREEABLENESS, "--listwise")
    data = json.loads(out)
    assert data["n"] == 2709 and data["alpha"] == pytest.approx(0.7037559, abs=1e-6)


@pytest.mark.parametrize(
    ("content", "items", "message"),
    [
        ("a,b\n1,2\n2,x\n", "a,b", "not a number"),
        ("a,b\n1,2\n2,3\n", "a,c", "no column named"),
        ("a,b\n1,2\n2,3\n", "a", "at least 2 items"),
        ("a,b\n1,2\n2,9\n3,1\n", "a,b", "outside"),
        ("", "a,b", "the file is empty"),
        ("a,b\n", "a,b", "no data rows"),
        ("\ufeffa;b\r\n1;2\r\n2;x\r\n", "a,b", "data.csv:3: column b is not a number"),
        # Two items that mirror each other: their total never varies, so α is undefined.
        ("a,b\n1,6\n2,5\n3,4\n", "a,b", "do not vary together"),
    ],
)
def test_psychometrics_bad_csv_exits_2_with_one_line(
    tmp_path: Path, content: str, items: str, message: str
) -> None:
    path = tmp_path / "data.csv"
    path.write_text(content, encoding="utf-8")
    code, out, err = run("psychometrics", str(path), "--items", items, "--min", "1", "--max", "6")
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_psychometrics_missing_file_and_bad_flags_exit_2(tmp_path: Path) -> None:
    code, _, err = run(
        "psychometrics", str(tmp_path / "none.csv"), "--items", "a,b", "--min", "1", "--max", "6"
    )
    assert code == 2 and "cannot read file" in err
    code, _, err = run("psychometrics", str(BFI), "--items", "A1,A2", "--min", "one", "--max", "6")
    assert code == 2 and err.count("\n") == 1


def test_psychometrics_reads_a_semicolon_separated_file_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("\ufeffa;b;c\r\n1;2;3\r\n2;3;4\r\n3;3;5\r\n4;5;5\r\n", encoding="utf-8")
    comma = tmp_path / "plain.csv"
    comma.write_text("a,b,c\n1,2,3\n2,3,4\n3,3,5\n4,5,5\n", encoding="utf-8")
    args = ("--items", "a,b,c", "--min", "1", "--max", "6")
    code, out, _ = run("psychometrics", str(path), *args)
    assert code == 0
    assert json.loads(out) == json.loads(run("psychometrics", str(comma), *args)[1])


def test_psychometrics_prints_null_not_nan_for_an_undefined_item_figure(tmp_path: Path) -> None:
    # Dropping c leaves a and b, which cancel out: α without c and c's item–rest r are
    # undefined. The output must still be JSON (no NaN), with null for those figures.
    path = tmp_path / "data.csv"
    path.write_text("a,b,c\n1,6,3\n2,5,3\n3,4,4\n4,3,4\n", encoding="utf-8")
    code, out, err = run("psychometrics", str(path), "--items", "a,b,c", "--min", "1", "--max", "6")
    assert code == 0, err

    def no_nan(constant: str) -> None:
        raise AssertionError(f"{constant} in the JSON output")

    data = json.loads(out, parse_constant=no_nan)
    assert data["alpha_if_dropped"]["c"] is None and data["item_total"]["c"] is None
    assert data["alpha_if_dropped"]["b"] == pytest.approx(0.8)


@pytest.mark.parametrize(("low", "high"), [("nan", "6"), ("1", "inf")])
def test_psychometrics_rejects_bounds_that_are_not_finite(low: str, high: str) -> None:
    code, out, err = run(
        "psychometrics",
        str(BFI),
        "--items",
        "A1,A2",
        "--reverse",
        "A1",
        "--min",
        low,
        "--max",
        high,
    )
    assert code == 2 and out == ""
    assert "finite" in err and err.count("\n") == 1
