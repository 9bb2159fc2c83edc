"""Classical test theory for item data: Cronbach's α, McDonald's ω, item statistics.

Pure numpy/scipy (no Django, no GPL code). The numbers follow R's ``psych`` package
(version 2.2.9) so results can be checked against it:

- covariances are pairwise-complete by default, exactly as R's ``cov(x, use="pairwise")``
  (each pair uses the rows where both items are present, with that pair's own means);
- raw α uses that covariance matrix, standardised α and the average inter-item r use
  ``cov2cor`` of it — which is what ``psych::alpha`` does, and why they differ slightly
  from values built on pairwise *correlations*;
- ω total comes from a one-factor minimum-residual (unweighted least squares) solution
  on the pairwise correlation matrix, ``1 - sum(uniquenesses) / sum(R)`` after flipping
  items with negative loadings, as ``psych::omega(x, nfactors=1)`` reports it;
- the corrected item–total r is psych's ``r.drop``; the 95 % interval for α is Feldt's,
  as ``psych::alpha.ci``.

Missing values are ``nan`` in the input matrix.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import optimize, stats

MISSING_MARKERS = frozenset({"", "na", "nan", "null", "."})

Matrix = NDArray[np.float64]


class PsychometricsError(ValueError):
    """Input that cannot be analysed; the message is one line, fit to show a person."""


@dataclass(frozen=True)
class ItemStats:
    name: str
    n: int
    mean: float
    sd: float
    alpha_if_dropped: float | None
    item_total: float


@dataclass(frozen=True)
class Reliability:
    n: int
    n_items: int
    alpha: float
    std_alpha: float
    average_r: float
    omega_total: float
    alpha_ci: tuple[float, float]
    items: tuple[ItemStats, ...]

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form used by the command line and exports."""
        return {
            "n": self.n,
            "n_items": self.n_items,
            "alpha": self.alpha,
            "std_alpha": self.std_alpha,
            "average_r": self.average_r,
            "omega_total": self.omega_total,
            "alpha_ci": {
                "lower": self.alpha_ci[0],
                "upper": self.alpha_ci[1],
                "level": 0.95,
                "method": "Feldt",
            },
            "alpha_if_dropped": {item.name: item.alpha_if_dropped for item in self.items},
            "item_total": {item.name: item.item_total for item in self.items},
        }


# --- covariance and correlation ---------------------------------------------------------


def pairwise_cov_cor(data: ArrayLike) -> tuple[Matrix, Matrix, NDArray[np.int64]]:
    """Pairwise-complete covariance and correlation matrices and pair counts.

    Matches R's ``cov``/``cor`` with ``use="pairwise"``. Without missing values it is a
    plain ``np.cov``; with them it costs three matrix products over the data.
    """
    x = np.asarray(data, dtype=np.float64)
    if x.ndim != 2:
        raise PsychometricsError("data must be a two-dimensional matrix (rows × items)")
    present = ~np.isnan(x)
    if present.all():
        n_rows = x.shape[0]
        if n_rows < 2:
            raise PsychometricsError("at least 2 rows with answers are needed")
        cov = np.cov(x, rowvar=False)
        counts = np.full((x.shape[1], x.shape[1]), n_rows, dtype=np.int64)
        sd = np.sqrt(np.diag(cov))
        with np.errstate(invalid="ignore", divide="ignore"):
            cor = cov / np.outer(sd, sd)
        return cov, cor, counts

    # Centre each column first: covariances do not change, rounding error shrinks.
    centred = x - np.nanmean(x, axis=0)
    mask = present.astype(np.float64)
    values = np.where(present, centred, 0.0)
    n = mask.T @ mask
    sums = values.T @ mask  # sums[i, j]: sum of item i over rows where j is present too
    squares = (values * values).T @ mask
    cross = values.T @ values
    with np.errstate(invalid="ignore", divide="ignore"):
        centred_cross = cross - sums * sums.T / n
        cov = centred_cross / (n - 1)
        ss_i = squares - sums * sums / n
        cor = centred_cross / np.sqrt(ss_i * ss_i.T)
    # The diagonal is each item's own variance over its own rows.
    np.fill_diagonal(cov, np.diag(centred_cross) / (np.diag(n) - 1))
    np.fill_diagonal(cor, 1.0)
    return cov, cor, n.astype(np.int64)


def cov2cor(cov: Matrix) -> Matrix:
    sd = np.sqrt(np.diag(cov))
    return np.asarray(cov / np.outer(sd, sd), dtype=np.float64)


# --- coefficients -----------------------------------------------------------------------


def alpha_from_cov(cov: Matrix) -> float:
    """Raw Cronbach's α from an item covariance matrix."""
    k = cov.shape[0]
    total = float(cov.sum())
    if total <= 0:
        # Items that cancel out (e.g. one the mirror of another): α is undefined.
        return math.nan
    return (1.0 - float(np.trace(cov)) / total) * k / (k - 1)


def std_alpha_from_cor(cor: Matrix) -> float:
    k = cor.shape[0]
    total = float(cor.sum())
    if total <= 0:
        return math.nan
    return (1.0 - k / total) * k / (k - 1)


def average_r(cor: Matrix) -> float:
    k = cor.shape[0]
    return (float(cor.sum()) - k) / (k * (k - 1))


def cronbach_alpha(data: ArrayLike, *, listwise: bool = False) -> float:
    """Raw α of a rows × items matrix (``nan`` = missing), pairwise unless ``listwise``."""
    x = np.asarray(data, dtype=np.float64)  # read-only here, so no copy
    if x.ndim != 2:
        raise PsychometricsError("data must be a two-dimensional matrix (rows × items)")
    if listwise:
        x = x[~np.isnan(x).any(axis=1)]
    k = x.shape[1]
    if k < 2:
        raise PsychometricsError("at least 2 items are needed")
    if not np.isnan(x).any():
        # Complete data: sum(C) is the variance of the row totals and trace(C) the sum of
        # item variances, so no k × k matrix is needed.
        if x.shape[0] < 2:
            raise PsychometricsError("at least 2 rows with answers are needed")
        centred = x - x.mean(axis=0)
        totals = centred.sum(axis=1)
        item_variances = float(np.einsum("ij,ij->", centred, centred))
        return (1.0 - item_variances / float(totals @ totals)) * k / (k - 1)
    cov, _, _ = pairwise_cov_cor(x)
    return alpha_from_cov(cov)


def feldt_ci(alpha: float, n: int, k: int, level: float = 0.95) -> tuple[float, float]:
    """Feldt's interval for α, as ``psych::alpha.ci`` computes it."""
    p = 1.0 - level
    df1, df2 = n - 1, (n - 1) * (k - 1)
    lower = 1.0 - (1.0 - alpha) * float(stats.f.ppf(1.0 - p / 2, df1, df2))
    upper = 1.0 - (1.0 - alpha) * float(stats.f.ppf(p / 2, df1, df2))
    return lower, upper


def smc(cor: Matrix) -> NDArray[np.float64]:
    """Squared multiple correlations (1 - 1/diag(R⁻¹)); pseudo-inverse if singular."""
    try:
        inverse = np.linalg.inv(cor)
    except np.linalg.LinAlgError:
        inverse = np.linalg.pinv(cor)
    return np.asarray(np.clip(1.0 - 1.0 / np.diag(inverse), 0.0, 1.0), dtype=np.float64)


def minres_one_factor(cor: Matrix) -> NDArray[np.float64]:
    """Loadings of a one-factor minimum-residual solution of a correlation matrix.

    Minimises the unweighted least-squares discrepancy over the uniquenesses ψ with
    the loadings concentrated out (top eigenpair of R − diag(ψ)), bounded to
    [0.005, 1] like psych's ``fa(fm="minres")``. At an interior optimum the diagonal
    residuals are zero, so this is also the converged principal-axis solution; psych
    stops its optimiser a little earlier, which moves ω by far less than 1e-6.
    """
    k = cor.shape[0]

    def loadings_for(psi: NDArray[np.float64]) -> tuple[NDArray[np.float64], Matrix]:
        reduced = cor.copy()
        reduced[np.diag_indices(k)] = 1.0 - psi
        values, vectors = np.linalg.eigh(reduced)
        loadings = vectors[:, -1] * math.sqrt(max(values[-1], 0.0))
        return loadings, reduced

    def objective(psi: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        loadings, reduced = loadings_for(psi)
        residual = reduced - np.outer(loadings, loadings)
        # Loss over the whole matrix; its gradient in ψ is −2·diag(residual).
        return float((residual * residual).sum()), -2.0 * np.diag(residual)

    start = np.clip(1.0 - smc(cor), 0.005, 1.0)
    result = optimize.minimize(
        objective,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=[(0.005, 1.0)] * k,
        options={"ftol": 1e-16, "gtol": 1e-13, "maxiter": 2000},
    )
    loadings, _ = loadings_for(np.asarray(result.x, dtype=np.float64))
    return loadings


def omega_total(cor: Matrix) -> float:
    """McDonald's ω total from a one-factor minres solution, as psych's ``omega``."""
    loadings = minres_one_factor(cor)
    key = np.where(loadings < 0, -1.0, 1.0)
    flipped = cor * np.outer(key, key)
    uniquenesses = 1.0 - loadings**2
    return 1.0 - float(uniquenesses.sum()) / float(flipped.sum())


# --- the whole analysis -----------------------------------------------------------------


def _as_matrix(data: ArrayLike) -> Matrix:
    x = np.array(data, dtype=np.float64)
    if x.ndim != 2:
        raise PsychometricsError("data must be a two-dimensional matrix (rows × items)")
    return x


def reliability(
    data: ArrayLike,
    *,
    items: Sequence[str] | None = None,
    reverse: Sequence[str] = (),
    minimum: float | None = None,
    maximum: float | None = None,
    listwise: bool = False,
) -> Reliability:
    """Reliability of a scale from a rows × items matrix (``nan`` = missing).

    Reverse-keyed items are rescored as ``minimum + maximum - x``; when the bounds are
    given every value must lie inside them.
    """
    x = _as_matrix(data)
    k = x.shape[1]
    names = list(items) if items is not None else [f"item{i + 1}" for i in range(k)]
    if len(names) != k:
        raise PsychometricsError(f"{len(names)} item names given for {k} columns")
    if k < 2:
        raise PsychometricsError("at least 2 items are needed")
    if not np.isfinite(x[~np.isnan(x)]).all():
        raise PsychometricsError("values must be finite numbers")
    for bound in (minimum, maximum):
        if bound is not None and not math.isfinite(bound):
            raise PsychometricsError("--min and --max must be finite numbers")
    if minimum is not None and maximum is not None:
        if minimum >= maximum:
            raise PsychometricsError("--min must be below --max")
        present = x[~np.isnan(x)]
        if present.size and (present.min() < minimum or present.max() > maximum):
            raise PsychometricsError(
                f"a value lies outside {minimum:g}–{maximum:g} "
                f"(found {present.min():g} to {present.max():g})"
            )
    unknown = [name for name in reverse if name not in names]
    if unknown:
        raise PsychometricsError(f"reverse-keyed item not among the items: {unknown[0]}")
    if reverse:
        if minimum is None or maximum is None:
            present = x[~np.isnan(x)]
            minimum, maximum = float(present.min()), float(present.max())
        for name in reverse:
            position = names.index(name)
            x[:, position] = minimum + maximum - x[:, position]

    # Pairwise, rows with a single answer still count towards that item's variance (as R).
    answered = ~np.isnan(x)
    x = x[answered.all(axis=1)] if listwise else x[answered.any(axis=1)]
    n = int(x.shape[0])
    if n < 3:
        raise PsychometricsError(f"too few usable rows ({n}); at least 3 are needed")

    cov, cor_pairwise, counts = pairwise_cov_cor(x)
    variances = np.diag(cov)
    flat = [names[i] for i in range(k) if not variances[i] > 0]
    if flat:
        raise PsychometricsError(f"item {flat[0]} has no variance; drop it and try again")
    if (counts < 2).any():
        raise PsychometricsError("some pairs of items are never answered together")

    cor = cov2cor(cov)
    alpha = alpha_from_cov(cov)
    item_stats = []
    for i, name in enumerate(names):
        rest = [j for j in range(k) if j != i]
        rest_cov = cov[np.ix_(rest, rest)]
        dropped = alpha_from_cov(rest_cov) if k > 2 else None
        covariance_with_rest = float(cov[:, i].sum() - cov[i, i])
        rest_variance = float(rest_cov.sum())
        # Pairwise covariances need not form a proper matrix, so the rest score's variance
        # can come out zero or negative; the correlation is then undefined, not an error.
        item_total = (
            covariance_with_rest / math.sqrt(cov[i, i] * rest_variance)
            if rest_variance > 0
            else math.nan
        )
        column = x[~np.isnan(x[:, i]), i]
        item_stats.append(
            ItemStats(
                name=name,
                n=int(column.size),
                mean=float(column.mean()),
                sd=float(column.std(ddof=1)),
                alpha_if_dropped=dropped,
                item_total=item_total,
            )
        )
    return Reliability(
        n=n,
        n_items=k,
        alpha=alpha,
        std_alpha=std_alpha_from_cor(cor),
        average_r=average_r(cor),
        omega_total=omega_total(cor_pairwise),
        alpha_ci=feldt_ci(alpha, n, k),
        items=tuple(item_stats),
    )


# --- reading item data ------------------------------------------------------------------


def _delimiter(header_line: str) -> str:
    if "," in header_line:
        return ","
    for candidate in (";", "\t"):
        if candidate in header_line:
            return candidate
    return ","


def read_items_csv(path: Path | str, items: Sequence[str]) -> Matrix:
    """Read the named columns of a CSV file with a header row into a float matrix.

    Empty cells and NA/NaN/null/. are missing. Commas separate fields; a header with no
    comma but semicolons (or tabs) — as spreadsheets in many locales save "CSV" — switches
    to that separator. Any other non-numeric cell, a missing column or an unreadable file
    raises ``PsychometricsError`` with a one-line message.
    """
    if len(items) < 2:
        raise PsychometricsError("at least 2 items are needed (--items A1,A2,...)")
    if len(set(items)) != len(items):
        raise PsychometricsError("an item is named twice in --items")
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            first_line = handle.readline()
            if not first_line:
                raise PsychometricsError(f"{path}: the file is empty")
            handle.seek(0)
            reader = csv.reader(handle, delimiter=_delimiter(first_line))
            header = next(reader, None)
            if header is None:
                raise PsychometricsError(f"{path}: the file is empty")
            header = [name.strip() for name in header]
            missing = [name for name in items if name not in header]
            if missing:
                raise PsychometricsError(f"{path}: no column named {missing[0]!r}")
            columns = [header.index(name) for name in items]
            rows: list[list[float]] = []
            for row in reader:
                line_number = reader.line_num
                if not row or all(not cell.strip() for cell in row):
                    continue
                values = []
                for name, column in zip(items, columns, strict=True):
                    cell = row[column].strip() if column < len(row) else ""
                    if cell.lower() in MISSING_MARKERS:
                        values.append(math.nan)
                        continue
                    try:
                        value = float(cell)
                    except ValueError:
                        raise PsychometricsError(
                            f"{path}:{line_number}: column {name} is not a number: {cell!r}"
                        ) from None
                    if not math.isfinite(value):
                        raise PsychometricsError(
                            f"{path}:{line_number}: column {name} is not a finite number"
                        )
                    values.append(value)
                rows.append(values)
    except OSError as exc:
        raise PsychometricsError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise PsychometricsError(f"{path}: not a readable CSV file ({exc})") from None
    if not rows:
        raise PsychometricsError(f"{path}: no data rows")
    return np.array(rows, dtype=np.float64)
