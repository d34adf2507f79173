"""The calibrated point: the posterior's medians, refined where the targets ask for it.

ABC-SMC gives a weighted sample of the posterior; `--posterior` runs draw from it, so intervals
carry what the calibration leaves uncertain. A run without `--posterior` needs one point. Each
parameter's weighted median is a natural one, but it is not a point the calibration ever
simulated: with correlated parameters the medians can sit off the ridge the particles lie on.
Re-simulated on the calibration of 2026-12-06, the medians missed three of the sixteen fitted
bands (the arrears targets, by 1-4 %), while points close to them inside the posterior met all.

So the point is refined by a coordinate search that starts at the medians and stays inside the
posterior's 5-95 % range of every parameter (on the prior's scale, log where the prior is):
each parameter in turn moves a step up or down where that lowers the calibration's own distance
to the targets, simulated with the same seeds for every point (common random numbers, so two
points differ by what their parameters do, not by luck); the step halves when no move helps. It
is a search near the posterior's centre, not a new fit: the posterior, its ranges and every
`--posterior` run stay what ABC-SMC gave.

Searching on a few seeds could fit their noise. So the search uses seeds of its own, and the
refined point is kept only if it also beats the medians on other seeds: those of
`evictsim calibrate --check`, which then reports a distance the search never saw. Otherwise the
medians stay. calibration.json records both points, the search and the two verdicts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .calibrate import FOLDER, Prior, Settings, _read, calibrated_toml, load_priors
from .calibrated import HIGH, LOW, _weighted_quantiles
from .calibration_check import SEEDS, _simulate
from .targets import distance, load_targets

EVALUATIONS = 64     # points simulated by the search (each on SEEDS seeds): two passes, about 6 minutes on 2 cores
FIRST_STEP = 0.25    # the first step: this share of each parameter's 5-95 % range
SMALLEST_STEP = FIRST_STEP / 8
SEARCH_SEED_OFFSET = 1  # the search's seeds: the calibration's seed plus this (the check keeps its own)


@dataclass(frozen=True)
class Refinement:
    """What the search found: the points, their distances on the search's seeds and on the check's."""

    medians: dict[str, float]
    refined: dict[str, float]
    evaluations: int
    search_medians: float
    search_refined: float
    check_medians: float
    check_refined: float

    @property
    def kept(self) -> bool:
        """The refined point is used only if it fits better on seeds the search never saw."""
        return self.check_refined < self.check_medians

    @property
    def estimate(self) -> dict[str, float]:
        return self.refined if self.kept else self.medians

    def report(self) -> str:
        moved = [f"  {name:<52} {self.medians[name]:.4g} -> {self.refined[name]:.4g}"
                 for name in self.medians if not np.isclose(self.medians[name], self.refined[name])]
        verdict = ("kept: it fits better on the check's seeds too" if self.kept else
                   "not kept: on the check's seeds the medians fit as well or better, so they stay")
        return "\n".join([
            f"refined the calibrated point in {self.evaluations} simulated points ({SEEDS} seeds each)",
            f"distance on the search's seeds: medians {self.search_medians:.3f}, refined {self.search_refined:.3f}",
            f"distance on the check's seeds:  medians {self.check_medians:.3f}, refined {self.check_refined:.3f}",
            *(moved or ["  (no parameter moved)"]), f"refined point {verdict}"])


class _Space:
    """The parameters on the prior's scale (log where the prior is), bounded by the posterior's 5-95 %."""

    def __init__(self, priors: dict[str, Prior], posterior: pd.DataFrame) -> None:
        self.priors = priors
        self.names = list(priors)
        weights = posterior["weight"].to_numpy(float)
        ranges = [_weighted_quantiles(posterior[n].to_numpy(float), weights, (LOW, HIGH)) for n in self.names]
        self.low = np.array([self.scale(n, lo) for n, (lo, _) in zip(self.names, ranges)])
        self.high = np.array([self.scale(n, hi) for n, (_, hi) in zip(self.names, ranges)])

    def scale(self, name: str, value: float) -> float:
        return float(np.log(value)) if self.priors[name].log else float(value)

    def point(self, values: dict[str, float]) -> np.ndarray:
        return np.clip([self.scale(n, values[n]) for n in self.names], self.low, self.high)

    def values(self, x: np.ndarray) -> dict[str, float]:
        return {n: float(np.exp(v)) if self.priors[n].log else float(v) for n, v in zip(self.names, x)}


def coordinate_search(objective: Callable[[np.ndarray], float], start: np.ndarray, low: np.ndarray,
                      high: np.ndarray, evaluations: int) -> tuple[np.ndarray, float, float, int]:
    """Minimise `objective` from `start` within [low, high], one coordinate at a time: a step up,
    else a step down, kept where it lowers the objective; every step halves after a pass without a
    move, down to SMALLEST_STEP of the range. Returns the best point, its value, the start's value
    and the points evaluated (at most `evaluations`, the start included)."""
    best, value = start.copy(), objective(start)
    start_value, used, step = value, 1, FIRST_STEP
    while step >= SMALLEST_STEP and used < evaluations:
        moved = False
        for i in range(start.size):
            for sign in (1.0, -1.0):
                if used >= evaluations:
                    break
                trial = best.copy()
                trial[i] = np.clip(best[i] + sign * step * (high[i] - low[i]), low[i], high[i])
                if trial[i] == best[i]:
                    continue
                trial_value, used = objective(trial), used + 1
                if trial_value < value:
                    best, value, moved = trial, trial_value, True
                    break
        if not moved:
            step /= 2
    return best, value, start_value, used


def refine(folder: str | Path = FOLDER, workers: int = 0, evaluations: int = EVALUATIONS,
           say: Callable[[str], None] | None = None) -> Refinement:
    """Search near the posterior's medians for the point that fits the targets best (see the module)."""
    folder = Path(folder)
    settings = Settings.model_validate(_read(folder / "settings.toml"))
    record = json.loads((folder / "calibration.json").read_text(encoding="utf-8"))
    medians = record.get("medians", record["estimate"])
    space = _Space(load_priors(folder / "parameters.toml"), pd.read_csv(folder / "posterior.csv"))
    targets = [t for t in load_targets(folder / "targets.csv") if t.kind == "fit"]
    search_settings = settings.model_copy(update={"seed": settings.seed + SEARCH_SEED_OFFSET})

    def fit(values: dict[str, float], on: Settings) -> float:
        return distance(targets, _simulate(on, values, workers, SEEDS))

    calls = 0

    def objective(x: np.ndarray) -> float:
        nonlocal calls
        value = fit(space.values(x), search_settings)
        calls += 1
        if say is not None:
            say(f"point {calls} of at most {evaluations}: distance {value:.3f}")
        return value

    start = space.point(medians)
    best, best_value, start_value, used = coordinate_search(objective, start, space.low, space.high, evaluations)
    refined = {**medians, **space.values(best)} if not np.array_equal(best, start) else dict(medians)
    return Refinement(medians, refined, used, start_value, best_value, fit(medians, settings), fit(refined, settings))


def write_refinement(folder: str | Path, refinement: Refinement) -> dict[str, Any]:
    """Record the search in calibration.json (the medians, the refined point, the distances and
    whether it was kept) and write calibrated.toml with the point the baseline is to use."""
    folder = Path(folder)
    record = json.loads((folder / "calibration.json").read_text(encoding="utf-8"))
    record["medians"] = refinement.medians
    record["estimate"] = refinement.estimate
    record["refinement"] = {"date": date.today().isoformat(), "kept": refinement.kept,
                            **{k: v for k, v in asdict(refinement).items() if k not in ("medians",)}}
    (folder / "calibration.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    (folder / "calibrated.toml").write_text(calibrated_toml(record["estimate"], record), encoding="utf-8")
    return record
