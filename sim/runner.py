"""The boundary: scenario + population + seed in, tidy results out. No printing, no files.

`run` simulates replications of one scenario and returns a `RunResult` with the monthly table
(one row per replication and month, one column per outcome, scaled to the real population),
the journeys of the sampled households, the summary per outcome and the metadata needed to
reproduce it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Callable

import numpy as np
import pandas as pd

from .limits import (DEFAULT_WARMUP, JOURNEYS, MONTHS, POSTERIOR, REPLICATIONS, SEED, WARMUP, check_households,
                     check_setting)
from .pathway.model import EvictionModel
from .pathway.outcomes import FLOWS, OUTCOMES, STOCKS
from .pathway.population import COMPOSITIONS, Profile
from .provenance import git_commit, git_dirty, version
from .scenario import Scenario, load_scenario, resolve_population
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
    summary: dict[str, dict[str, float]]
    meta: dict[str, Any]
    by_municipality: pd.DataFrame = field(default_factory=pd.DataFrame)

    def __repr__(self) -> str:
        m = self.meta
        return (f"RunResult(scenario={m.get('scenario')!r}, replications={len(m.get('replication_seeds', []))}, "
                f"months={m.get('months')}, households={m.get('households')}, outcomes={len(self.summary)})")


def replication_seeds(seed: int, replications: int) -> list[int]:
    """Independent seeds for each replication, derived from the run's one seed."""
    children = np.random.SeedSequence(seed).spawn(replications)
    return [int(c.generate_state(1, np.uint32)[0]) for c in children]


def run(scenario: Scenario | str = "baseline", population: str | int | Path = "medium_town",
        months: int = 120, seed: int = 1, replications: int = 1, scale: float = 1.0,
        warmup: int = DEFAULT_WARMUP, journey_sample: int = 500, posterior: int = 0,
        workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Simulate `replications` runs of a scenario; results are for the real population.

    With `posterior` N (at least 2), the scenario runs in N joint draws of its uncertain
    parameters (sim.experiments.draws), each with the same `replications` seeds, on `workers`
    processes: the summary's intervals then cover parameter uncertainty and noise. Without it,
    the parameters are the calibration's medians and the intervals cover noise only.
    `progress(done, total)` is called as each simulation (a replication in a draw) ends."""
    check_settings(months, replications, scale, warmup, seed, journeys=journey_sample, posterior=posterior)
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    real = resolve_population(population)
    check_households(sum(p.households for p in real), scale, population)
    seeds = replication_seeds(seed, replications)
    if posterior:
        return _posterior_results([scenario], population, real, months, seed, seeds, scale, warmup, journey_sample,
                                  posterior, workers, progress)[scenario.name]
    tables, journeys, local = [], [], []
    for rep, rep_seed in enumerate(seeds):
        model = simulate(scenario, real, months, rep_seed, scale, warmup, journey_sample)
        tables.append(_monthly_frame(model, rep, warmup, 1.0 / scale))
        journeys.append(_journey_frame(model, rep, warmup))
        local.append(model.by_municipality.frame(rep, real, 1.0 / scale))
        if progress is not None:
            progress(rep + 1, len(seeds))
    return _result(scenario, population, real, months, seed, seeds, scale, warmup,
                   pd.concat(tables, ignore_index=True), pd.concat(journeys, ignore_index=True),
                   by_municipality=pd.concat(local, ignore_index=True))


def run_many(scenarios: list[Scenario], population: str | int | Path = "medium_town", months: int = 120,
             seed: int = 1, replications: int = 1, scale: float = 1.0, warmup: int = DEFAULT_WARMUP,
             journey_sample: int = 500, posterior: int = 2, workers: int | None = None) -> dict[str, RunResult]:
    """Several scenarios in the same `posterior` draws (the first scenario's calibration) and on the
    same seeds, all runs in parallel on `workers` processes; by scenario name."""
    check_settings(months, replications, scale, warmup, seed, journeys=journey_sample, posterior=posterior)
    real = resolve_population(population)
    check_households(sum(p.households for p in real), scale, population)
    return _posterior_results(scenarios, population, real, months, seed, replication_seeds(seed, replications), scale,
                              warmup, journey_sample, posterior, workers)


def _posterior_results(scenarios: list[Scenario], population, real: tuple[Profile, ...], months: int, seed: int,
                       seeds: list[int], scale: float, warmup: int, journey_sample: int, posterior: int,
                       workers: int | None, progress: Callable[[int, int], None] | None = None) -> dict[str, RunResult]:
    from .experiments.draws import posterior_draws
    from .experiments.propagate import run_draws

    draws = posterior_draws(posterior, seed, scenarios[0])
    frames = run_draws(scenarios, real, draws, months, seed, len(seeds), scale, warmup, journey_sample, workers,
                       progress)
    return {s.name: _result(s, population, real, months, seed, seeds, scale, warmup, *frames[s.name][:2],
                            draws.describe(), frames[s.name][2]) for s in scenarios}


def _result(scenario: Scenario, population, real: tuple[Profile, ...], months: int, seed: int, seeds: list[int],
            scale: float, warmup: int, monthly: pd.DataFrame, journeys: pd.DataFrame,
            draws: dict[str, Any] | None = None, by_municipality: pd.DataFrame | None = None) -> RunResult:
    meta = _meta(scenario, population, real, months, seed, seeds, scale, warmup)
    meta["uncertainty"] = covers(draws["draws"] if draws else 1, len(seeds))
    if draws:
        meta["posterior"] = draws
    return RunResult(monthly, journeys, summarise(monthly, sum(p.households for p in real)), meta,
                     by_municipality if by_municipality is not None else pd.DataFrame())


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


def check_settings(months: int, replications: int, scale: float, warmup: int, seed: int,
                   prefix: str = "", journeys: int = 0, posterior: int = 0) -> None:
    """Reject run settings outside sim.limits, naming the setting (with `prefix`, e.g. "--"), value and range."""
    for name, value, bound in (("months", months, MONTHS), ("replications", replications, REPLICATIONS),
                               ("warmup", warmup, WARMUP), ("seed", seed, SEED), ("journeys", journeys, JOURNEYS),
                               ("posterior", posterior, POSTERIOR)):
        check_setting(name, value, bound, prefix)
    if posterior == 1:
        setting = f"{prefix}posterior 1" if prefix else "posterior = 1"
        raise ValueError(f"{setting}: one draw cannot show parameter uncertainty; use 0 (the calibration's "
                         "medians) or at least 2 draws")
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0 < scale <= 1:
        raise ValueError(f"{prefix}scale {scale!r}: must be above 0 and at most 1" if prefix
                         else f"scale = {scale!r}: must be above 0 and at most 1")


def _monthly_frame(model: EvictionModel, rep: int, warmup: int, factor: float) -> pd.DataFrame:
    values = model.outcomes.values[warmup:] * factor
    frame = pd.DataFrame(values, columns=[o.name for o in OUTCOMES])
    frame.insert(0, "month", np.arange(len(frame), dtype=np.int32))
    frame.insert(0, "replication", np.int32(rep))
    return frame


def _journey_frame(model: EvictionModel, rep: int, warmup: int) -> pd.DataFrame:
    frame = model.journeys.frame()
    frame["month"] -= warmup
    who = model.journeys.who
    ids = frame["household"].tolist()
    composition = np.array([who.get(h, (0, 0, False))[0] for h in ids], dtype=np.int8)
    frame["composition"] = pd.Categorical.from_codes(composition, list(COMPOSITIONS))
    frame["children"] = np.array([who.get(h, (0, 0, False))[1] for h in ids], dtype=np.int8)
    frame["landlord"] = np.where([who.get(h, (0, 0, False))[2] for h in ids], "private", "corporation")
    frame.insert(0, "replication", np.int32(rep))
    return frame


def yearly_by_replication(monthly: pd.DataFrame) -> pd.DataFrame:
    """One row per replication: flows as yearly totals, stocks as their monthly mean."""
    months = monthly.groupby("replication")["month"].count()
    by_rep = monthly.groupby("replication")
    flows = by_rep[list(FLOWS)].sum().div(months / 12, axis=0)
    stocks = by_rep[list(STOCKS)].mean()
    return pd.concat([flows, stocks], axis=1)[[o.name for o in OUTCOMES]]


def summarise(monthly: pd.DataFrame, households: int) -> dict[str, dict[str, float]]:
    """Per outcome: yearly value (flows summed per year, stocks averaged), its mean and the 5-95 %
    range of single runs. With posterior draws (a `draw` column), `p5`/`p95` range over all runs
    (parameters and noise), `p5_noise`/`p95_noise` over runs with each draw's mean taken out
    (noise only), and `parameters_share` is the share of the runs' variance between draws."""
    yearly = yearly_by_replication(monthly)
    draws = _draws_of_replications(monthly)
    summary = {}
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


def _meta(scenario: Scenario, population, real: tuple[Profile, ...], months: int, seed: int,
          seeds: list[int], scale: float, warmup: int) -> dict[str, Any]:
    return {
        "scenario": scenario.name, "description": scenario.description, "scenario_files": list(scenario.files),
        "parameters": scenario.parameters(), "calibration": scenario.calibration,
        "population": "+".join(p.name for p in real) if not isinstance(population, (str, int, Path)) else str(population),
        "profiles": [p.model_dump() for p in real], "households": sum(p.households for p in real),
        "months": months, "warmup_months": warmup, "seed": seed, "replication_seeds": seeds, "scale": scale,
        "version": version(), "git_commit": git_commit(), "git_dirty": git_dirty(),
    }
