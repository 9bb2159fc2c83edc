"""Reliability statistics checked against R psych 2.2.9 on the public bfi data.

Reference values (R 4.x, psych 2.2.9):
    a <- psych::bfi[, paste0("A", 1:5)]
    psych::alpha(a, keys = c("A1"))                     # pairwise (default)
    psych::omega(..., nfactors = 1)                     # on the A1-reversed items
    psych::alpha(na.omit(a), keys = c("A1"))            # listwise
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from bridgework.assess import psychometrics as pm

BFI = Path(__file__).resolve().parents[3] / "tests" / "data" / "bfi.csv"
ITEMS = ["A1", "A2", "A3", "A4", "A5"]
TOL = 1e-6


@pytest.fixture(scope="module")
def agreeableness() -> np.ndarray:
    return pm.read_items_csv(BFI, ITEMS)


@pytest.fixture(scope="module")
def pairwise(agreeableness: np.ndarray) -> pm.Reliability:
    return pm.reliability(agreeableness, items=ITEMS, reverse=["A1"], minimum=1, maximum=6)


def test_it_reads_the_bfi_items_with_missing_values(agreeableness: np.ndarray) -> None:
    assert agreeableness.shape == (2800, 5)
    assert np.isnan(agreeableness).any()


def test_raw_alpha_matches_psych(pairwise: pm.Reliability) -> None:
    assert pairwise.alpha == pytest.approx(0.7030184, abs=TOL)


def test_standardised_alpha_matches_psych(pairwise: pm.Reliability) -> None:
    assert pairwise.std_alpha == pytest.approx(0.7130286, abs=TOL)


def test_average_r_matches_psych(pairwise: pm.Reliability) -> None:
    assert pairwise.average_r == pytest.approx(0.3319677, abs=TOL)


def test_alpha_if_a3_dropped_matches_psych(pairwise: pm.Reliability) -> None:
    by_name = {item.name: item for item in pairwise.items}
    assert by_name["A3"].alpha_if_dropped == pytest.approx(0.6002596, abs=TOL)


def test_omega_total_matches_psych(pairwise: pm.Reliability) -> None:
    assert pairwise.omega_total == pytest.approx(0.7229431, abs=TOL)


def test_listwise_alpha_matches_psych(agreeableness: np.ndarray) -> None:
    result = pm.reliability(
        agreeableness, items=ITEMS, reverse=["A1"], minimum=1, maximum=6, listwise=True
    )
    assert result.n == 2709
    assert result.alpha == pytest.approx(0.7037559, abs=TOL)


def test_omega_does_not_depend_on_reversing_first(agreeableness: np.ndarray) -> None:
    # psych::omega flips items with negative loadings itself.
    _, cor, _ = pm.pairwise_cov_cor(agreeableness)
    assert pm.omega_total(cor) == pytest.approx(0.7229431, abs=TOL)


def test_item_total_is_the_corrected_item_rest_correlation(pairwise: pm.Reliability) -> None:
    # Without missing data r.drop equals the correlation of an item with the sum of the rest.
    rng = np.random.default_rng(1)
    data = rng.integers(1, 6, size=(200, 4)).astype(float)
    data[:, 1] += data[:, 0]
    result = pm.reliability(data)
    rest = data[:, 1:].sum(axis=1)
    expected = np.corrcoef(data[:, 0], rest)[0, 1]
    assert result.items[0].item_total == pytest.approx(expected, abs=1e-12)
    assert all(-1 <= item.item_total <= 1 for item in pairwise.items)


def test_pairwise_matrices_match_numpy_without_missing_values() -> None:
    rng = np.random.default_rng(2)
    data = rng.normal(size=(50, 6))
    cov, cor, counts = pm.pairwise_cov_cor(data)
    assert np.allclose(cov, np.cov(data, rowvar=False))
    assert np.allclose(cor, np.corrcoef(data, rowvar=False))
    assert (counts == 50).all()


def test_pairwise_covariance_uses_each_pairs_own_rows() -> None:
    data = np.array([[1.0, 2.0, 1.0], [2.0, np.nan, 3.0], [3.0, 5.0, 2.0], [4.0, 4.0, np.nan]])
    cov, cor, counts = pm.pairwise_cov_cor(data)
    both = ~np.isnan(data[:, 0]) & ~np.isnan(data[:, 1])
    assert counts[0, 1] == 3
    assert cov[0, 1] == pytest.approx(np.cov(data[both, 0], data[both, 1])[0, 1])
    assert cor[0, 1] == pytest.approx(np.corrcoef(data[both, 0], data[both, 1])[0, 1])
    assert cov[0, 0] == pytest.approx(np.var(data[:, 0], ddof=1))


def test_feldt_interval_brackets_alpha(pairwise: pm.Reliability) -> None:
    lower, upper = pairwise.alpha_ci
    assert lower < pairwise.alpha < upper
    assert upper - lower < 0.05


def test_cronbach_alpha_shortcut_agrees(agreeableness: np.ndarray) -> None:
    data = agreeableness.copy()
    data[:, 0] = 7 - data[:, 0]
    assert pm.cronbach_alpha(data) == pytest.approx(0.7030184, abs=TOL)
    assert pm.cronbach_alpha(data, listwise=True) == pytest.approx(0.7037559, abs=TOL)


def test_as_dict_is_json_ready(pairwise: pm.Reliability) -> None:
    data = pairwise.as_dict()
    assert set(data) >= {"n", "alpha", "std_alpha", "average_r", "omega_total", "alpha_ci"}
    dropped, item_total = data["alpha_if_dropped"], data["item_total"]
    assert isinstance(dropped, dict) and isinstance(item_total, dict)
    assert set(dropped) == set(ITEMS)
    assert all(isinstance(v, float) for v in item_total.values())


def test_two_items_have_no_alpha_if_dropped() -> None:
    data = np.array([[1, 2], [2, 2], [3, 4], [4, 5], [5, 4]], dtype=float)
    result = pm.reliability(data, items=["x", "y"])
    assert result.items[0].alpha_if_dropped is None
    assert math.isfinite(result.alpha)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"items": ["a"]}, "names given"),
        ({"reverse": ["zz"], "items": ["a", "b", "c"]}, "not among the items"),
        ({"minimum": 1, "maximum": 3, "items": ["a", "b", "c"]}, "outside"),
        ({"minimum": 5, "maximum": 1, "items": ["a", "b", "c"]}, "below"),
    ],
)
def test_it_rejects_bad_arguments(kwargs: dict, message: str) -> None:
    data = np.array([[1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 4, 4]], dtype=float)
    with pytest.raises(pm.PsychometricsError, match=message):
        pm.reliability(data, **kwargs)


def test_it_rejects_a_single_item() -> None:
    with pytest.raises(pm.PsychometricsError, match="at least 2 items"):
        pm.reliability(np.ones((5, 1)))


def test_it_rejects_an_item_without_variance() -> None:
    data = np.array([[1, 2], [1, 3], [1, 4], [1, 1]], dtype=float)
    with pytest.raises(pm.PsychometricsError, match="no variance"):
        pm.reliability(data, items=["a", "b"])


def test_it_rejects_too_few_rows() -> None:
    with pytest.raises(pm.PsychometricsError, match="too few"):
        pm.reliability(np.array([[1.0, 2.0], [2.0, 3.0]]))


def test_csv_with_a_non_numeric_cell_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n3,high\n", encoding="utf-8")
    with pytest.raises(pm.PsychometricsError, match=r"x\.csv:3: column b is not a number"):
        pm.read_items_csv(path, ["a", "b"])


def test_csv_with_a_missing_column_says_which(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(pm.PsychometricsError, match="no column named 'c'"):
        pm.read_items_csv(path, ["a", "c"])


def test_csv_needs_two_items(tmp_path: Path) -> None:
    with pytest.raises(pm.PsychometricsError, match="at least 2 items"):
        pm.read_items_csv(tmp_path / "x.csv", ["a"])


def test_csv_that_does_not_exist_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(pm.PsychometricsError, match="cannot read file") as info:
        pm.read_items_csv(tmp_path / "missing.csv", ["a", "b"])
    assert "\n" not in str(info.value)


def test_csv_treats_blank_and_na_cells_as_missing(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,NA\n,2\n3,4\n", encoding="utf-8")
    data = pm.read_items_csv(path, ["a", "b"])
    assert np.isnan(data[0, 1]) and np.isnan(data[1, 0])
    assert data[2].tolist() == [3.0, 4.0]


def test_cronbach_alpha_fast_path_matches_the_covariance_formula() -> None:
    rng = np.random.default_rng(3)
    data = rng.integers(1, 7, size=(300, 8)).astype(float) + rng.normal(size=(300, 1))
    cov = np.cov(data, rowvar=False)
    assert pm.cronbach_alpha(data) == pytest.approx(pm.alpha_from_cov(cov), abs=1e-12)
