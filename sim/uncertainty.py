"""Intervals that say what they cover: random noise, parameter uncertainty, or both.

Results come as an array `y[d, r]`: draw d (one joint set of uncertain parameters, see
sim/experiments/draws.py) and replication r (one seed; the same R seeds in every draw and every
scenario). Without posterior draws there is one "draw", the calibrated point. A run's
summary (sim.runner) and a comparison (sim.experiments.compare) both use these statistics.

- The noise-only interval is the precision of an R-replication mean at fixed parameters: a
  t-interval from the spread within draws, pooled over the draws. Without draws it is the
  interval over replications shown before.
- The parameter half-width is the normal 90 % range of the draws' means (what the effect would
  be in each plausible world), and the total interval combines the two half-widths in
  quadrature. With every draw the same (priors collapsed to points) the total interval is the
  noise-only interval; it always contains it.
- The variance decomposition splits the variance of single runs exactly (law of total
  variance): between draws (parameters) plus within draws (noise).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .intervals import NOISE, NOISE_AND_PARAMETERS

LEVEL = 0.90


@dataclass(frozen=True)
class Spread:
    """The mean of y over draws and replications, and its intervals at `LEVEL`.

    low/high: the total interval (noise only when there is one draw); low_noise/high_noise: the
    noise-only interval (nan with one replication); parameters_share/noise_share: the variance
    decomposition of single runs (nan when it cannot be split: one draw or one replication).
    """

    mean: float
    low: float
    high: float
    low_noise: float
    high_noise: float
    parameters_share: float
    noise_share: float


def spread(y: np.ndarray, level: float = LEVEL) -> Spread:
    """Intervals and variance shares of `y[d, r]` (a 1-d array is one draw of replications)."""
    y = np.atleast_2d(np.asarray(y, dtype=float))
    draw_means = y.mean(axis=1)
    mean = float(draw_means.mean())
    half_noise = _noise_half_width(y, level)
    if y.shape[0] == 1:
        half_total = half_noise
    else:
        from scipy import stats  # here, not at import: runs that only summarise need no scipy

        half_parameters = stats.norm.ppf(0.5 + level / 2) * float(np.std(draw_means, ddof=1))
        half_total = half_parameters if np.isnan(half_noise) else float(np.hypot(half_noise, half_parameters))
    share = parameters_share(y)
    return Spread(mean, mean - half_total, mean + half_total, mean - half_noise, mean + half_noise, share, 1 - share)


def _noise_half_width(y: np.ndarray, level: float) -> float:
    """Half the t-interval of an R-replication mean, with the within-draw variance pooled over the
    draws (distinct draws x (R - 1) degrees of freedom: a repeated draw adds no information)."""
    replications = y.shape[1]
    if replications < 2:
        return float("nan")
    from scipy import stats

    within_variance = float(np.mean(np.var(y, axis=1, ddof=1)))
    freedom = len(np.unique(y, axis=0)) * (replications - 1)
    return float(stats.t.ppf(0.5 + level / 2, freedom) * np.sqrt(within_variance / replications))


def decompose(y: np.ndarray) -> tuple[float, float]:
    """(between-draw, within-draw) variance of single runs; they sum to the variance of all runs."""
    y = np.atleast_2d(np.asarray(y, dtype=float))
    return float(np.var(y.mean(axis=1))), float(np.mean(np.var(y, axis=1)))


def parameters_share(y: np.ndarray) -> float:
    """The share of the variance of single runs that lies between draws (parameter uncertainty);
    nan where it cannot be split from noise: one draw, or one replication per draw."""
    y = np.atleast_2d(np.asarray(y, dtype=float))
    between, within = decompose(y)
    if y.shape[0] < 2 or y.shape[1] < 2 or between + within == 0:
        return float("nan")
    return between / (between + within)


def verdict(diff: np.ndarray, low: float, high: float) -> str:
    """The verdict words of a difference from its (total) interval."""
    if np.all(np.asarray(diff) == 0):
        return "no change"
    if np.isnan(low):
        return "one replication: no interval"
    if low <= 0 <= high:
        return "uncertain"
    return "lower" if high < 0 else "higher"


def covers(draws: int, replications: int) -> dict[str, object]:
    """`meta["uncertainty"]` of a result: what its intervals cover."""
    return {"covers": NOISE_AND_PARAMETERS if draws > 1 else NOISE, "posterior_draws": draws,
            "replications": replications, "level": LEVEL}
