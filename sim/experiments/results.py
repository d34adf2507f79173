"""A sweep's results as the EMA Workbench hands them out: a table of experiments and a table of
outcomes, row by row the same runs.

    experiments, outcomes = sim.load_results("results/my-sweep")
    results = sim.load_results("results/my-sweep")
    results.runs                      # both side by side: one row per run
    results.series("evictions")       # monthly series: one row per run, one column per month

`experiments` has run_id, point (the design point; in crossed experiments, the point in the
uncertainties), policy (crossed experiments only: the levers' name), replication, seed and one
column per varied parameter. `outcomes` has every outcome's yearly value (flows summed per
year, stocks averaged; `evictsim outcomes` lists them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import pandas as pd

from ..pathway.outcomes import OUTCOMES
from ..results_io import OutputError
from .layout import PLAN_FILE, RUNS, SERIES, SPEC_FILE

ID_COLUMNS = ("run_id", "point", "policy", "draw", "replication", "seed")  # draw: posterior draws (draws.py)


class Results:
    """The experiments and outcomes of a sweep; unpacks as `experiments, outcomes`."""

    def __init__(self, experiments: pd.DataFrame, outcomes: pd.DataFrame, folder: Path | None = None,
                 spec: dict[str, Any] | None = None) -> None:
        self.experiments = experiments.reset_index(drop=True)
        self.outcomes = outcomes.reset_index(drop=True)
        self.folder = folder
        self.spec = spec or {}

    def __iter__(self) -> Iterator[pd.DataFrame]:
        return iter((self.experiments, self.outcomes))

    def __len__(self) -> int:
        return len(self.experiments)

    def __repr__(self) -> str:
        e = self.experiments
        policies = f" x {e['policy'].nunique()} policies" if "policy" in e else ""
        points = e["point"].nunique() if "point" in e else len(e)
        reps = e["replication"].nunique() if "replication" in e else 1
        return (f"Results({len(e)} runs: {points} points{policies} x {reps} replications; "
                f"{len(self.parameters)} parameters, {self.outcomes.shape[1]} outcomes; folder {self.folder})")

    @property
    def runs(self) -> pd.DataFrame:
        """Experiments and outcomes side by side, one row per run."""
        return pd.concat([self.experiments, self.outcomes], axis=1)

    @property
    def parameters(self) -> list[str]:
        """The varied parameters (dotted names), uncertainties first."""
        return [c for c in self.experiments.columns if c not in ID_COLUMNS]

    @property
    def levers(self) -> list[str]:
        """The levers: those of a crossed spec, or else the varied `policy.*` parameters."""
        if self.spec.get("levers"):
            return [p for p in self.spec["levers"] if p in self.experiments]
        return [p for p in self.parameters if p.startswith("policy.")]

    @property
    def uncertainties(self) -> list[str]:
        """The varied parameters that are not levers."""
        return [p for p in self.parameters if p not in self.levers]

    def series(self, outcome: str) -> pd.DataFrame:
        """One outcome's monthly series: one row per run (as in `experiments`), one column per month."""
        if outcome not in {o.name for o in OUTCOMES}:
            raise ValueError(f"unknown outcome {outcome!r}; `evictsim outcomes` lists them")
        folder = (self.folder or Path(".")) / SERIES
        missing = [rid for rid in self.experiments["run_id"].unique() if not (folder / f"{rid}.parquet").is_file()]
        if missing:
            raise OutputError(f"{self.folder}: {len(missing)} run(s) have no monthly series; "
                              "set series = true in the spec and run the sweep again (stored runs are reused)")
        columns = ["month", outcome]
        frames = {rid: pd.read_parquet(folder / f"{rid}.parquet", columns=columns).set_index("month")[outcome]
                  for rid in self.experiments["run_id"].unique()}
        return pd.DataFrame([frames[rid].to_numpy() for rid in self.experiments["run_id"]],
                            columns=next(iter(frames.values())).index if frames else None)


def read_results(folder: Path) -> Results:
    """The finished runs of the sweep in `folder`, in the order of its plan."""
    runs = folder / RUNS
    if not runs.is_dir():
        raise OutputError(f"{folder}: no sweep results here (no {RUNS}/ folder)")
    stored = _stored_runs(runs)
    spec = _spec(folder)
    if not (folder / PLAN_FILE).is_file():
        return _legacy(stored, folder, spec)
    plan = pd.read_parquet(folder / PLAN_FILE)
    if stored.empty:
        return Results(plan.iloc[:0], pd.DataFrame(), folder, spec)
    joined = plan.merge(stored, on="run_id", how="inner", sort=False)
    return Results(joined[plan.columns], joined[[c for c in stored.columns if c != "run_id"]], folder, spec)


def _stored_runs(runs: Path) -> pd.DataFrame:
    files = sorted(runs.glob("*.parquet"))
    if not files:
        return pd.DataFrame()
    return pd.concat((pd.read_parquet(f) for f in files), ignore_index=True).drop_duplicates("run_id")


def _spec(folder: Path) -> dict[str, Any]:
    path = folder / SPEC_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("spec") or {}
    except (OSError, ValueError, AttributeError):
        return {}


def _legacy(stored: pd.DataFrame, folder: Path, spec: dict[str, Any]) -> Results:
    """A store written before experiments.parquet: each run file holds its own experiment."""
    if stored.empty:
        return Results(pd.DataFrame(), pd.DataFrame(), folder, spec)
    stored = stored.sort_values([c for c in ("point", "replication") if c in stored]).reset_index(drop=True)
    outcomes = [o.name for o in OUTCOMES if o.name in stored]
    return Results(stored.drop(columns=outcomes), stored[outcomes], folder, spec)


def point_means(results: Results, outcomes: list[str]) -> pd.DataFrame:
    """Each (policy and) point's mean outcomes over its replications, with its parameter values."""
    keys = [c for c in ("policy", "point") if c in results.experiments]
    frame = results.runs
    means = frame.groupby(keys, sort=False)[outcomes].mean()
    first = frame.groupby(keys, sort=False)[results.parameters].first()
    return pd.concat([first, means], axis=1).reset_index()


def as_results(source: Results | str | Path) -> Results:
    """A Results object from itself or from a sweep folder."""
    return source if isinstance(source, Results) else read_results(Path(source))

