"""Scenario discovery: which parameter ranges lead to an outcome above a threshold.

A small PRIM (Friedman and Fisher's patient rule induction method, as in the EMA Workbench):
peel a box off the parameter space, a few percent at a time, always the slice that raises the
share of cases of interest inside most, until that share is high or the box is small.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass
class Box:
    limits: pd.DataFrame  # parameter, low, high, full_low, full_high, restricted (share of range cut)
    coverage: float       # share of all cases of interest that fall inside the box
    density: float        # share of cases inside the box that are of interest
    mass: float           # share of all points inside the box
    cases: int


def prim(x: pd.DataFrame, interesting: np.ndarray, alpha: float = 0.05, min_mass: float = 0.05,
         target_density: float = 0.95) -> Box:
    """Peel a box towards the points where `interesting` is true."""
    y = np.asarray(interesting, bool)
    inside = np.ones(len(x), bool)
    while inside.mean() > min_mass and y[inside].mean() < target_density:
        step = _best_peel(x, y, inside, alpha)
        if step is None:
            break
        inside = step
    return _box(x, y, inside)


def _best_peel(x: pd.DataFrame, y: np.ndarray, inside: np.ndarray, alpha: float) -> np.ndarray | None:
    best, best_density = None, y[inside].mean()
    for name in x.columns:
        values = x[name].to_numpy()
        for keep_above, q in ((True, alpha), (False, 1 - alpha)):
            cut = np.quantile(values[inside], q)
            peeled = inside & ((values > cut) if keep_above else (values < cut))
            if 0 < peeled.sum() < inside.sum() and y[peeled].mean() > best_density:
                best, best_density = peeled, y[peeled].mean()
    return best


def _box(x: pd.DataFrame, y: np.ndarray, inside: np.ndarray) -> Box:
    rows = []
    for name in x.columns:
        values = x[name].to_numpy()
        low, high = values[inside].min(), values[inside].max()
        full_low, full_high = values.min(), values.max()
        width = full_high - full_low
        rows.append({"parameter": name, "low": low, "high": high, "full_low": full_low, "full_high": full_high,
                     "restricted": 1 - (high - low) / width if width else 0.0})
    limits = pd.DataFrame(rows).sort_values("restricted", ascending=False).reset_index(drop=True)
    cases = int(y.sum())
    return Box(limits, float(y[inside].sum() / cases) if cases else float("nan"),
               float(y[inside].mean()), float(inside.mean()), cases)
