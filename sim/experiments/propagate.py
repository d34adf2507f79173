"""Scenarios run in every world of the posterior draws, in parallel through the sweep machinery.

Each draw d applies to every scenario (sim.experiments.draws.in_draws), and every scenario in
every draw runs the same R replication seeds, so scenarios are paired within a draw and the
draws differ by their parameters, not by their luck. A scenario's monthly table numbers its
runs `replication = d * R + r` and carries the `draw`; journeys are kept for draw 0.
"""

from __future__ import annotations

from typing import Any
from collections.abc import Callable

import numpy as np
import pandas as pd

from ..runner import RunResult, run_result
from ..scenario import Scenario
from ..settings import RunSettings
from .draws import Draws, in_draws, posterior_draws
from .store import JOURNEYS_KEY, LOCAL_KEY, SERIES_KEY
from .sweep import Task, execute

Frames = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]  # a scenario's monthly, journeys, by municipality


def posterior_runs(scenarios: list[Scenario], settings: RunSettings,
                   progress: Callable[[int, int], None] | None = None) -> dict[str, RunResult]:
    """Each scenario's runs in the same `settings.posterior` draws (of the first scenario's
    calibration) and on the same seeds, all in parallel on `settings.workers` processes; by
    scenario name. `progress(done, total)` after each run."""
    draws = posterior_draws(settings.posterior, settings.seed, scenarios[0])
    frames = run_draws(scenarios, settings, draws, progress)
    return {s.name: run_result(s, settings, *frames[s.name], draws.describe()) for s in scenarios}


def run_draws(scenarios: list[Scenario], settings: RunSettings, draws: Draws,
              progress: Callable[[int, int], None] | None = None) -> dict[str, Frames]:
    """Each scenario's (monthly, journeys, by municipality) over draws x replications, run on
    `settings.workers` processes (all cores by default); `progress(done, total)` after each run."""
    drawn = {s.name: in_draws(s, draws.values) for s in scenarios}  # each scenario in each draw, once
    worlds = [(d, drawn[s.name][d]) for d in range(len(draws.values)) for s in scenarios]
    tasks = [_task(world, d, r, rep_seed, settings)
             for d, world in worlds for r, rep_seed in enumerate(settings.replication_seeds)]
    rows: dict[str, dict[str, Any]] = {}

    def keep(row: dict[str, Any]) -> None:
        rows[row["run_id"]] = row
        if progress is not None:
            progress(len(rows), len(tasks))
    execute(tasks, settings.workers or 0, None, keep)
    by_scenario = {s.name: [t for t in tasks if t.policy == s.name] for s in scenarios}
    return {name: _frames([rows[t.run_id] for t in own], own) for name, own in by_scenario.items()}


def _task(drawn: Scenario, d: int, r: int, seed: int, settings: RunSettings) -> Task:
    """Replication r of draw d of a scenario (already in the draw's world)."""
    return Task(f"{drawn.name}/{d}/{r}", d, d * settings.replications + r, seed, {"draw": d}, drawn,
                population=settings.profiles, months=settings.months, warmup=settings.warmup, scale=settings.scale,
                policy=drawn.name, series=True, journeys=settings.journey_sample if d == 0 else 0, local=True)


def _frames(rows: list[dict[str, Any]], tasks: list[Task]) -> Frames:
    monthly, journeys, local = [], [], []
    for row, task in zip(rows, tasks):
        frame = row[SERIES_KEY]
        frame.insert(0, "draw", task.point)
        frame.insert(0, "replication", task.replication)
        monthly.append(frame)
        by_municipality = row[LOCAL_KEY]
        by_municipality.insert(0, "draw", np.int32(task.point))
        by_municipality.insert(0, "replication", np.int32(task.replication))
        local.append(by_municipality)
        if JOURNEYS_KEY in row:
            journeys.append(row[JOURNEYS_KEY].assign(replication=task.replication))
    kept = pd.concat(journeys, ignore_index=True) if journeys else pd.DataFrame()
    return pd.concat(monthly, ignore_index=True), kept, pd.concat(local, ignore_index=True)
