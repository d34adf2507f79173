"""Scenario discovery: which parameter ranges lead to an outcome of interest (PRIM).

Friedman and Fisher's patient rule induction method as the EMA Workbench uses it for scenario
discovery (Bryant and Lempert 2010): peel a small slice off the box of all cases, each time the
slice whose removal raises the share of cases of interest inside the most per case removed, and
record every step. The steps form the peeling trajectory: coverage (the share of all cases of
interest inside the box) falls as density (the share of cases inside that are of interest)
rises, and the analyst picks the box with the trade-off they want (`select`).

Cuts fall halfway between two distinct values, so a parameter with few levels (a grid, a
Morris sample) loses a whole level at a time instead of shrinking to one value; booleans and
names (a policy) are peeled one category at a time. Only peeling, no pasting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats


@dataclass(repr=False)
class Box:
    """One box of a peeling trajectory.

    limits: one row per parameter: low, high (the box), full_low, full_high (all cases),
        restricted (share of the range, or of the categories, cut off), kept (the categories
        left, for booleans and names), qp (quasi-p value of the restriction: how likely the
        box's density would be that high without it; small is meaningful), ordered by restricted.
    coverage, density, mass: shares (0-1) of all cases of interest inside, of the cases inside
        that are of interest, and of all cases inside. cases: the number of cases of interest.
    """

    step: int
    limits: pd.DataFrame
    coverage: float
    density: float
    mass: float
    cases: int
    inside: np.ndarray = field(repr=False)

    @property
    def restricted(self) -> list[str]:
        """The parameters this box restricts."""
        return list(self.limits.loc[self.limits.restricted > 0, "parameter"])

    def stats(self) -> dict[str, float]:
        return {"step": self.step, "coverage": self.coverage, "density": self.density, "mass": self.mass,
                "restricted_dimensions": len(self.restricted)}

    def __repr__(self) -> str:
        return (f"Box(step {self.step}: coverage {self.coverage:.0%}, density {self.density:.0%}, "
                f"mass {self.mass:.0%}, restricts {self.restricted})")


@dataclass(repr=False)
class Prim:
    """A peeling trajectory and the box chosen on it (`box`); `select(step)` picks another."""

    x: pd.DataFrame
    y: np.ndarray
    masks: list[np.ndarray]
    trajectory: pd.DataFrame  # step, coverage, density, mass, restricted_dimensions, n, k
    chosen: int

    @property
    def box(self) -> Box:
        return self.select(self.chosen)

    def select(self, step: int) -> Box:
        """The box at `step` of the trajectory (0: all cases)."""
        if not 0 <= step < len(self.masks):
            raise ValueError(f"step {step}: the trajectory has steps 0..{len(self.masks) - 1}")
        inside = self.masks[step]
        cases = int(self.y.sum())
        row = self.trajectory.iloc[step]
        return Box(step, _limits(self.x, self.y, inside), float(row.coverage), float(row.density), float(row.mass),
                   cases, inside)

    def inspect(self, step: int | None = None) -> str:
        """The box at `step` (default: the chosen one) as text, one line per restricted parameter."""
        box = self.select(self.chosen if step is None else step)
        lines = [f"box at step {box.step} of {len(self.masks) - 1}: coverage {box.coverage:.0%}, "
                 f"density {box.density:.0%}, mass {box.mass:.0%} ({box.cases} cases of interest "
                 f"among {len(self.y)})"]
        for r in box.limits[box.limits.restricted > 0].itertuples():
            span = r.kept if r.kept else f"{r.low:.4g} .. {r.high:.4g}   (of {r.full_low:.4g} .. {r.full_high:.4g})"
            lines.append(f"  {r.parameter:<46} {span}   {r.restricted:.0%} cut, quasi-p {r.qp:.2g}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (f"Prim({len(self.masks)} steps on {len(self.y)} cases, {int(self.y.sum())} of interest; "
                f"chosen {self.box!r})")


def prim(x: pd.DataFrame, interesting: np.ndarray, alpha: float = 0.05, min_mass: float = 0.05,
         min_coverage: float = 0.5) -> Prim:
    """Peel boxes towards the cases where `interesting` is true; choose the densest box that
    still covers `min_coverage` of them (the earliest of nearly equal ones)."""
    x = x.reset_index(drop=True)
    y = np.asarray(interesting, bool)
    if len(y) != len(x) or len(y) == 0:
        raise ValueError(f"prim: {len(x)} cases but {len(y)} outcomes")
    masks = [np.ones(len(y), bool)]
    while (step := _best_peel(x, y, masks[-1], alpha, min_mass)) is not None:
        masks.append(step)
    trajectory = pd.DataFrame([_stats(x, y, m, i) for i, m in enumerate(masks)])
    return Prim(x, y, masks, trajectory, _choose(trajectory, min_coverage))


def _best_peel(x: pd.DataFrame, y: np.ndarray, inside: np.ndarray, alpha: float, min_mass: float) -> np.ndarray | None:
    """The candidate box with the largest gain in density per case removed, or None."""
    best, best_gain = None, 0.0
    mean = y[inside].mean()
    for name in x.columns:
        for peeled in _candidates(x[name], inside, alpha):
            removed = inside.sum() - peeled.sum()
            if removed <= 0 or peeled.sum() < min_mass * len(y):
                continue
            gain = (y[peeled].mean() - mean) / removed
            if gain > best_gain:
                best, best_gain = peeled, gain
    return best


def _candidates(column: pd.Series, inside: np.ndarray, alpha: float) -> list[np.ndarray]:
    values = column.to_numpy()
    if _categorical(column):
        kept = pd.unique(values[inside])
        return [inside & (values != c) for c in kept] if len(kept) > 1 else []
    ordered = np.sort(values[inside].astype(float))
    return [inside & (values >= _cut(ordered, alpha, lower=True)),
            inside & (values <= _cut(ordered, 1 - alpha, lower=False))]


def _cut(ordered: np.ndarray, q: float, lower: bool) -> float:
    """The q-quantile moved to halfway between two distinct values (as sdtoolkit and the EMA
    Workbench do), so that a cut never falls on a value shared by many cases."""
    i = (len(ordered) - 1) * q
    lo, hi = int(np.floor(i)), int(np.ceil(i))
    if lower:
        while hi < len(ordered) - 1 and ordered[lo] == ordered[hi]:
            hi += 1
    else:
        while lo > 0 and ordered[lo] == ordered[hi]:
            lo -= 1
    return (ordered[lo] + ordered[hi]) / 2


def _categorical(column: pd.Series) -> bool:
    return not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)


def _stats(x: pd.DataFrame, y: np.ndarray, inside: np.ndarray, step: int) -> dict[str, float]:
    k, n = int(y[inside].sum()), int(inside.sum())
    restricted = sum(_restriction(x[c], inside)[2] > 0 for c in x.columns)
    return {"step": step, "coverage": k / max(int(y.sum()), 1), "density": k / n if n else 0.0,
            "mass": n / len(y), "restricted_dimensions": restricted, "n": n, "k": k}


def _choose(trajectory: pd.DataFrame, min_coverage: float) -> int:
    eligible = trajectory[trajectory.coverage >= min_coverage]
    if eligible.empty:
        return 0
    best = eligible.density.max()
    return int(eligible[eligible.density >= best - 0.01].step.iloc[0])


def _restriction(column: pd.Series, inside: np.ndarray) -> tuple[object, object, float, str]:
    """(low, high, share cut, categories kept) of one parameter in a box."""
    values = column.to_numpy()
    if _categorical(column):
        every, kept = pd.unique(values), pd.unique(values[inside])
        text = ", ".join(str(v).lower() if isinstance(v, (bool, np.bool_)) else str(v) for v in kept)
        return np.nan, np.nan, 1 - len(kept) / len(every), text if len(kept) < len(every) else ""
    full = values.astype(float)
    low, high = _box_edges(full, inside)
    width = full.max() - full.min()
    return low, high, (1 - (high - low) / width) if width else 0.0, ""


def _box_edges(values: np.ndarray, inside: np.ndarray) -> tuple[float, float]:
    """The box's limits: halfway between the outermost case inside and the nearest one cut off."""
    kept = values[inside]
    lo, hi = kept.min(), kept.max()
    below, above = values[values < lo], values[values > hi]
    return ((lo + below.max()) / 2 if below.size else values.min(),
            (hi + above.min()) / 2 if above.size else values.max())


def _limits(x: pd.DataFrame, y: np.ndarray, inside: np.ndarray) -> pd.DataFrame:
    rows = []
    for name in x.columns:
        low, high, cut, kept = _restriction(x[name], inside)
        numeric = not _categorical(x[name])
        rows.append({"parameter": name, "low": low, "high": high,
                     "full_low": float(x[name].min()) if numeric else np.nan,
                     "full_high": float(x[name].max()) if numeric else np.nan,
                     "restricted": cut, "kept": kept, "qp": _quasi_p(x, y, inside, name) if cut > 0 else np.nan})
    return pd.DataFrame(rows).sort_values("restricted", ascending=False, kind="stable").reset_index(drop=True)


def _quasi_p(x: pd.DataFrame, y: np.ndarray, inside: np.ndarray, name: str) -> float:
    """One-sided binomial test (Bryant and Lempert 2010): the box's hits against the density of
    the same box without the restriction on `name`."""
    others = np.ones(len(y), bool)
    for column in x.columns:
        if column != name:
            others &= _within(x[column], inside)
    n, k = int(inside.sum()), int(y[inside].sum())
    p = y[others].mean() if others.any() else 0.0
    return float(stats.binomtest(k, n, min(max(p, 0.0), 1.0), alternative="greater").pvalue) if n else np.nan


def _within(column: pd.Series, inside: np.ndarray) -> np.ndarray:
    """The cases inside the box's limits on one parameter (ignoring the other parameters)."""
    values = column.to_numpy()
    if _categorical(column):
        return np.isin(values, pd.unique(values[inside]))
    low, high = _box_edges(values.astype(float), inside)
    return (values >= low) & (values <= high)
