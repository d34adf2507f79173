"""The boundary: scenario + run settings in, tidy results out. No printing, no files.

`run_replications` simulates the replications of one scenario and returns a `RunResult` with the
monthly table (one row per replication and month, one column per outcome, scaled to the real
population), the journeys of the sampled households, the outcomes by municipality, the summary per
outcome and the metadata needed to reproduce it. `simulate` and the one-replication tables below
are what a sweep's worker runs (sim.experiments.sweep); the same tables in posterior draws are
assembled by sim.experiments.propagate. `sim.run` (sim.experiments.runs) chooses between the two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .limits import DEFAULT_WARMUP
from .pathway.model import EvictionModel
from .pathway.outcomes import FLOWS, MEANS, OUTCOMES, STOCKS
from .pathway.population import COMPOSITIONS, Profile
from .provenance import git_commit, git_dirty, version
from .scenario import Scenario
from .settings import RunSettings
from .uncertainty import covers, parameters_share


@dataclass(repr=False)
class RunResult:
    """Replications of one scenario, for the real population.

    monthly: one row per replication and month, one column per outcome (`evictsim outcomes`).
    journeys: event logs of the sampled households (and of every household that reached court).
    summary: per outcome: yearly `mean`, `p5`, `p95` over replications, `per_1000_households`,
        `kind` (flow or stock) and `unit`.
    by_municipality: one row per replication, municipality and reported year: its type, shelter
        region, households and the outcomes of pathway/by_municipality.py (with `draw` for
        posterior runs).
    meta: scenario, every parameter value, population, seeds, version and git commit: all that
        is needed to run it again.
    """

    monthly: pd.DataFrame
    journeys: pd.DataFrame
    summary: dict[str, dict[str, Any]]
    meta: dict[str, Any]
    by_municipality: pd.DataFrame = field(default_factory=pd.DataFrame)

    def __repr__(self) -> str:
        m = self.meta
        return (f"RunResult(scenario={m.get('scenario')!r}, replications={len(m.get('replication_seeds', []))}, "
                f"months={m.get('months')}, households={m.get('households')}, outcomes={len(self.summary)})")


def run_replications(scenario: Scenario, settings: RunSettings,
                     progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Simulate `settings.replications` runs of a scenario on the calibrated point, one after
    another; `progress(done, total)` after each. Posterior runs are sim.experiments.propagate's."""
    tables, journeys, local = [], [], []
    seeds, factor = settings.replication_seeds, 1.0 / settings.scale
    for rep, rep_seed in enumerate(seeds):
        model = simulate(scenario, settings.profiles, settings.months, rep_seed, settings.scale, settings.warmup,
                         settings.journey_sample)
        tables.append(_monthly_frame(model, rep, settings.warmup, factor))
        journeys.append(_journey_frame(model, rep, settings.warmup))
        local.append(model.by_municipality.frame(rep, list(settings.profiles), factor))
        if progress is not None:
            progress(rep + 1, len(seeds))
    return run_result(scenario, settings, pd.concat(tables, ignore_index=True), pd.concat(journeys, ignore_index=True),
                      pd.concat(local, ignore_index=True))


def run_result(scenario: Scenario, settings: RunSettings, monthly: pd.DataFrame, journeys: pd.DataFrame,
               by_municipality: pd.DataFrame, draws: dict[str, Any] | None = None) -> RunResult:
    """A scenario's tables with their summary and metadata; `draws` describes the posterior draws
    they were run in (sim.experiments.draws.Draws.describe), None on the calibrated point."""
    meta = _meta(scenario, settings)
    meta["uncertainty"] = covers(draws["draws"] if draws else 1, settings.replications)
    if draws:
        meta["posterior"] = draws
    return RunResult(monthly, journeys, summarise(monthly, settings.households), meta, by_municipality)


def simulate(scenario: Scenario, real: tuple[Profile, ...], months: int, seed: int, scale: float = 1.0,
             warmup: int = DEFAULT_WARMUP, journey_sample: int = 0) -> EvictionModel:
    """One replication with its own seed, run to the end (`months` reported after `warmup`)."""
    profiles = tuple(p.scaled(scale) for p in real) if scale != 1.0 else real
    model = EvictionModel(scenario, profiles, months + warmup, seed, warmup, journey_sample)
    model.run()
    return model


def monthly_outcomes(model: EvictionModel, scale: float = 1.0) -> pd.DataFrame:
    """One replication's monthly outcomes for the real population: month, then one column per outcome."""
    return _monthly_frame(model, 0, model.warmup, 1.0 / scale).drop(columns="replication")


def municipality_frame(model: EvictionModel, real: tuple[Profile, ...], scale: float = 1.0) -> pd.DataFrame:
    """One replication's outcomes by municipality and reported year, for the real population."""
    return model.by_municipality.frame(0, list(real), 1.0 / scale).drop(columns="replication")


def journey_frame(model: EvictionModel) -> pd.DataFrame:
    """One replication's journeys of sampled households, months on the report's clock."""
    return _journey_frame(model, 0, model.warmup)


def yearly_outcomes(model: EvictionModel, scale: float = 1.0) -> dict[str, float]:
    """One replication's yearly outcomes for the real population (flows per year, stocks averaged)."""
    frame = _monthly_frame(model, 0, model.warmup, 1.0 / scale)
    return yearly_by_replication(frame).iloc[0].to_dict()


def _monthly_frame(model: EvictionModel, rep: int, warmup: int, factor: float) -> pd.DataFrame:
    """The reported months' outcomes for the real population: counts times `factor` (1 / scale),
    averages (MEANS) as they are."""
    values = model.outcomes.values[warmup:].copy()
    values[:, _SCALED] *= factor
    frame = pd.DataFrame(values, columns=[o.name for o in OUTCOMES])
    frame.insert(0, "month", np.arange(len(frame), dtype=np.int32))
    frame.insert(0, "replication", np.int32(rep))
    return frame


_SCALED = np.array([o.name not in MEANS for o in OUTCOMES])  # the columns that scale up (counts)


def _journey_frame(model: EvictionModel, rep: int, warmup: int) -> pd.DataFrame:
    frame = model.journeys.frame()
    frame["month"] -= warmup
    # Who each household is, looked up once per household (a run logs about a hundred events each)
    households, row_of = np.unique(frame["household"].to_numpy(), return_inverse=True)
    who = model.journeys.who
    known = np.array([who.get(h, (0, 0, False)) for h in households.tolist()], dtype=np.int8).reshape(-1, 3)
    composition, children, private = known[row_of, 0], known[row_of, 1], known[row_of, 2].astype(bool)
    frame["composition"] = pd.Categorical.from_codes(composition, list(COMPOSITIONS))
    frame["children"] = children
    frame["landlord"] = np.where(private, "private", "corporation")
    frame.insert(0, "replication", np.int32(rep))
    return frame


def yearly_by_replication(monthly: pd.DataFrame) -> pd.DataFrame:
    """One row per replication: flows as yearly totals, stocks as their monthly mean."""
    months = monthly.groupby("replication")["month"].count()
    by_rep = monthly.groupby("replication")
    flows = by_rep[list(FLOWS)].sum().div(months / 12, axis=0)
    stocks = by_rep[list(STOCKS)].mean()
    return pd.concat([flows, stocks], axis=1)[[o.name for o in OUTCOMES]]


def summarise(monthly: pd.DataFrame, households: int) -> dict[str, dict[str, Any]]:
    """Per outcome: yearly value (flows summed per year, stocks averaged), its mean and the 5-95 %
    range of single runs. With posterior draws (a `draw` column), `p5`/`p95` range over all runs
    (parameters and noise), `p5_noise`/`p95_noise` over runs with each draw's mean taken out
    (noise only), and `parameters_share` is the share of the runs' variance between draws."""
    yearly = yearly_by_replication(monthly)
    draws = _draws_of_replications(monthly)
    summary: dict[str, dict[str, Any]] = {}
    for outcome in OUTCOMES:
        values = yearly[outcome.name].to_numpy()
        mean = float(values.mean())
        summary[outcome.name] = {
            "mean": mean, "p5": float(np.percentile(values, 5)), "p95": float(np.percentile(values, 95)),
            "per_1000_households": 1000 * mean / households, "kind": outcome.kind, "unit": outcome.unit,
        }
        if draws is not None:
            by_draw = values.reshape(draws, -1)
            noise = (by_draw - by_draw.mean(axis=1, keepdims=True) + mean).ravel()
            noise = np.maximum(noise, 0) if values.min() >= 0 else noise  # counts and costs stay >= 0
            summary[outcome.name].update({
                "p5_noise": float(np.percentile(noise, 5)), "p95_noise": float(np.percentile(noise, 95)),
                "parameters_share": parameters_share(by_draw)})
    return summary


def _draws_of_replications(monthly: pd.DataFrame) -> int | None:
    """The number of posterior draws behind a monthly table (runs numbered draw-major), or None."""
    return int(monthly["draw"].max()) + 1 if "draw" in monthly and monthly["draw"].max() > 0 else None


def _meta(scenario: Scenario, settings: RunSettings) -> dict[str, Any]:
    return {
        "scenario": scenario.name, "description": scenario.description, "scenario_files": list(scenario.files),
        "parameters": scenario.parameters(), "calibration": scenario.calibration,
        "population": settings.population_name, "profiles": [p.model_dump() for p in settings.profiles],
        "households": settings.households, "months": settings.months, "warmup_months": settings.warmup,
        "seed": settings.seed, "replication_seeds": settings.replication_seeds, "scale": settings.scale,
        "version": version(), "git_commit": git_commit(), "git_dirty": git_dirty(),
    }
