"""Evaluating policies for the optimiser: each policy in every posterior draw, on common seeds,
through a sweep's results store.

A policy is one combination of lever values (and, if the spec names scenarios, one named
scenario's policy tables) on the base scenario's context. It runs in the same draws (the
calibration's medians when there are none) with the same replication seeds as every other
policy, so that policies are compared under the same luck. Every run is stored as a sweep stores
it (runs/<id>.parquet, with its metadata), so an optimisation killed at any moment and started
again reads back what it had, and only the missing runs are simulated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ..provenance import code_fingerprint, git_commit, git_dirty, version
from ..scenario import Scenario
from ..settings import RunSettings
from .crossed import lever_scenario, policy_name
from .draws import in_draws, posterior_draws
from .optimize_spec import PERCENTILE, OptimizeSpec
from .store import ResultStore
from .sweep import Task, execute, experiments_table, make_task
from .sweep_spec import apply_point, population_named

NOISE_LEVEL = 0.90  # the noise reference: half-width of a 90 % interval of a policy's mean from replications


@dataclass
class Evaluation:
    """One policy's outcomes: `values[outcome]` is the robustness metric over draws, `noise[outcome]`
    the half-width of the 90 % interval that simulation noise alone gives its mean (NaN with one
    replication), `by_draw[outcome]` the mean over replications in each draw."""

    number: int
    name: str
    levers: dict[str, Any]
    values: dict[str, float] = field(default_factory=dict)
    noise: dict[str, float] = field(default_factory=dict)
    by_draw: dict[str, np.ndarray] = field(default_factory=dict)


def run_settings(spec: OptimizeSpec, spec_path: Path | None = None) -> RunSettings:
    """The settings every run of the optimisation shares (checked as a run's are; a population file
    is taken relative to the optimisation file, as a sweep file's is)."""
    return RunSettings(population=population_named(spec.population, spec_path), months=spec.months,
                       warmup=spec.warmup, replications=spec.replications, seed=spec.seed, scale=spec.scale,
                       journey_sample=0)


class PolicyEvaluator:
    """Runs policies through a results store (locally or on a Dask client) and scores them."""

    def __init__(self, spec: OptimizeSpec, base: Scenario, spec_path: Path | None, store: ResultStore,
                 workers: int = 0, client: Any = None) -> None:
        self.spec, self.base, self.spec_path, self.store = spec, base, spec_path, store  # spec_path: its file
        self.workers, self.client = workers, client
        self.settings = run_settings(spec, spec_path)
        self.draws = posterior_draws(spec.posterior_draws, spec.seed, base).values if spec.posterior_draws else []
        self.outcomes = list(dict.fromkeys([*spec.objectives, *spec.constraints]))
        self.tasks: list[Task] = []           # every run planned so far, in order: the store's plan
        self.evaluated: dict[str, Evaluation] = {}
        self.simulated = self.reused = 0
        self.provenance = provenance()
        self.reference = self._reference() if spec.robustness == "regret" else None

    def evaluate(self, levers: list[dict[str, Any]]) -> list[Evaluation]:
        """Each policy's Evaluation (policies evaluated before are not run again)."""
        fresh = {}
        for values in levers:
            name = self.name_of(values)
            if name not in self.evaluated and name not in fresh:
                fresh[name] = values
        self._run({name: self._tasks(values, len(self.evaluated) + i)
                   for i, (name, values) in enumerate(fresh.items())}, fresh)
        return [self.evaluated[self.name_of(values)] for values in levers]

    def name_of(self, values: dict[str, Any]) -> str:
        named = values.get("scenarios")
        return policy_name(str(named) if named else "", {k: v for k, v in values.items() if k != "scenarios"})

    def _scenario(self, values: dict[str, Any], number: int) -> Scenario:
        """The policy's scenario: the named scenario's policy (or the base's) with the lever values."""
        named = values.get("scenarios")
        start = lever_scenario(str(named), self.base, self.spec_path) if named else self.base
        levers = {k: v for k, v in values.items() if k != "scenarios"}
        return apply_point(start, levers, f"{self.spec.name}-{number}")

    def _tasks(self, values: dict[str, Any], number: int, name: str | None = None) -> list[Task]:
        """The policy's runs: every draw x every replication seed."""
        scenario = self._scenario(values, number)
        keep = {k for k in values if k != "scenarios"}
        worlds = in_draws(scenario, self.draws, keep=keep) if self.draws else [scenario]
        name = name or self.name_of(values)
        tasks = []
        for d, world in enumerate(worlds):
            row = {**values, **({"draw": d} if self.draws else {})}
            row.pop("scenarios", None)
            tasks += [make_task(world, row, self.settings, seed, number, rep, name)
                      for rep, seed in enumerate(self.settings.replication_seeds)]
        return tasks

    def _run(self, planned: dict[str, list[Task]], levers: dict[str, dict[str, Any]]) -> None:
        """Run what is not stored yet, then score each planned policy from its stored runs."""
        new = [t for tasks in planned.values() for t in tasks]
        self.tasks += new
        self.store.write_plan(experiments_table(self.tasks))
        rows = self._rows(new)
        for name, tasks in planned.items():
            self.evaluated[name] = self._score(name, levers[name], tasks, rows)

    def _rows(self, tasks: list[Task]) -> dict[str, dict[str, Any]]:
        """Every task's stored row by run id, simulating (and storing) the missing ones."""
        done = self.store.done()
        todo = list({t.run_id: t for t in tasks if t.run_id not in done}.values())
        rows: dict[str, dict[str, Any]] = {}
        by_id = {t.run_id: t for t in todo}

        def keep(row: dict[str, Any]) -> None:
            self.store.write(row, run_meta(by_id[row["run_id"]], self.provenance))
            rows[row["run_id"]] = row
        execute(todo, self.workers, self.client, keep)
        for rid in {t.run_id for t in tasks} - set(rows):
            stored = self.store.read(rid)
            if stored is None:
                raise RuntimeError(f"{self.store.folder}: run {rid} is neither stored nor simulated")
            rows[rid] = stored
        self.simulated += len(todo)
        self.reused += len({t.run_id for t in tasks}) - len(todo)
        return rows

    def _score(self, name: str, levers: dict[str, Any], tasks: list[Task],
               rows: dict[str, dict[str, Any]]) -> Evaluation:
        number = tasks[0].point
        table = _table(tasks, rows, self.outcomes)
        result = Evaluation(number, name, levers)
        for outcome in self.outcomes:
            by_draw = table.groupby("draw")[outcome].mean().to_numpy(float)
            result.by_draw[outcome] = by_draw
            result.values[outcome] = self._robust(outcome, by_draw)
            result.noise[outcome] = noise_half_width(table, outcome)
        return result

    def _robust(self, outcome: str, by_draw: np.ndarray) -> float:
        """The robustness metric over draws: the mean, a percentile on the bad side, or the largest
        regret against the base scenario's policy in the same draw."""
        raise_it = self.spec.objectives.get(outcome) == "max"
        metric = self.spec.robustness
        if metric == "mean":
            return float(by_draw.mean())
        if metric == "regret" and self.reference is not None:
            change = by_draw - self.reference.by_draw[outcome]
            return float((-change if raise_it else change).max())
        match = PERCENTILE.match(metric)
        q = int(match.group(1)) if match else 50
        return float(np.percentile(by_draw, 100 - q if raise_it else q))

    def _reference(self) -> Evaluation:
        """The base scenario's own policy in every draw: what regret is measured against."""
        name = f"reference: {self.base.name}"
        tasks = self._tasks({}, -1, name)
        self.tasks += tasks
        rows = self._rows(tasks)
        table = _table(tasks, rows, self.outcomes)
        return Evaluation(-1, name, {}, by_draw={o: table.groupby("draw")[o].mean().to_numpy(float)
                                                 for o in self.outcomes})


def _table(tasks: list[Task], rows: dict[str, dict[str, Any]], outcomes: list[str]) -> pd.DataFrame:
    """One row per run of a policy: its draw and outcomes."""
    return pd.DataFrame([{"draw": t.values.get("draw", 0), **{o: rows[t.run_id][o] for o in outcomes}}
                         for t in tasks])


def noise_half_width(table: pd.DataFrame, outcome: str) -> float:
    """Half-width of the 90 % interval of a policy's mean that noise alone gives: the spread between
    replications within each draw (parameter uncertainty taken out), t-based; NaN with one replication."""
    groups = table.groupby("draw")[outcome]
    reps = int(groups.size().min())
    if reps < 2:
        return float("nan")
    within = float(groups.var(ddof=1).mean())
    n = len(table)
    return float(stats.t.ppf(0.5 + NOISE_LEVEL / 2, n - groups.ngroups) * np.sqrt(within / n))


def provenance() -> dict[str, Any]:
    """The code that runs the evaluations (asked once: git takes a moment)."""
    return {"version": version(), "code": code_fingerprint(), "git_commit": git_commit(), "git_dirty": git_dirty()}


def run_meta(task: Task, code: dict[str, Any]) -> dict[str, Any]:
    """What a stored run's file carries about itself, as a sweep stores it."""
    return {"run_id": task.run_id, "seed": task.seed, "population": task.population, "months": task.months,
            "warmup": task.warmup, "scale": task.scale, "parameters": task.scenario.parameters(), **code}
