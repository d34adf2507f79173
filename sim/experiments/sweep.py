"""Sweeps: run a design of parameter points x replications, in parallel, into a results store.

Runs go to local worker processes by default, or to an existing Dask distributed cluster
(`cluster="tcp://host:port"`). Results come back to this process, which alone writes them,
one file per run, as they finish: memory stays flat however many runs there are, and a
sweep started again skips what is already stored.
"""

from __future__ import annotations

import sys
import time
import warnings
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd

from ..scenario import resolve_population
from ..runner import code_fingerprint, replication_seeds, simulate, version, yearly_outcomes
from ..scenario import Scenario
from ..limits import check_households
from .cluster import connect, first_completed, result_of, wait_for_workers
from .store import ResultStore, load_results, run_id
from .sweep_spec import SweepSpec, apply_point, base_scenario, design_points, load_spec


@dataclass(frozen=True)
class Task:
    run_id: str
    point: int
    replication: int
    seed: int
    values: dict[str, Any]
    scenario: Scenario
    population: str
    months: int
    warmup: int
    scale: float
    outcomes: tuple[str, ...]


def run_task(task: Task) -> dict[str, Any]:
    """Simulate one run and return its stored row (runs in a worker process)."""
    model = simulate(task.scenario, resolve_population(task.population), task.months, task.seed,
                     task.scale, task.warmup)
    yearly = yearly_outcomes(model, task.scale)
    kept = {k: v for k, v in yearly.items() if not task.outcomes or k in task.outcomes}
    return {"run_id": task.run_id, "point": task.point, "replication": task.replication, "seed": task.seed,
            **task.values, **kept}


def make_task(scenario: Scenario, values: dict[str, Any], population: str, months: int, warmup: int,
              scale: float, seed: int, point: int = 0, replication: int = 0,
              outcomes: tuple[str, ...] = ()) -> Task:
    """A run and its id: a hash of everything that determines its result, code included."""
    identity = {"parameters": scenario.parameters(), "population": population, "months": months,
                "warmup": warmup, "scale": scale, "seed": seed,
                "code": {"version": version(), "code": code_fingerprint()}}
    return Task(run_id(identity), point, replication, seed, values, scenario, population, months, warmup,
                scale, outcomes)


def plan(spec: SweepSpec, spec_path: str | Path | None = None,
         points: list[dict[str, Any]] | None = None) -> list[Task]:
    """Every run of the sweep (the spec's design, or the given points), with its id."""
    base = base_scenario(spec, spec_path)
    check_households(sum(p.households for p in resolve_population(spec.population)), spec.scale, spec.population)
    seeds = replication_seeds(spec.seed, spec.replications)
    tasks = []
    for point, values in enumerate(design_points(spec) if points is None else points):
        scenario = apply_point(base, values, f"{spec.name}-{point}")
        tasks += [make_task(scenario, values, spec.population, spec.months, spec.warmup, spec.scale, seed,
                            point, rep, tuple(spec.outcomes)) for rep, seed in enumerate(seeds)]
    return tasks


def sweep(spec: SweepSpec | str | Path, out: str | Path, workers: int | None = None, cluster: str | None = None,
          progress: bool = True, points: list[dict[str, Any]] | None = None, force: bool = False) -> pd.DataFrame:
    """Run (or resume) a sweep into `out` and return all its results. Another result in `out`
    (a run, a comparison, another sweep) is refused unless `force`, which replaces it."""
    spec_path = None if isinstance(spec, SweepSpec) else spec
    spec = spec if isinstance(spec, SweepSpec) else load_spec(spec)
    tasks = plan(spec, spec_path, points)
    client = connect(cluster) if cluster else None
    try:
        store = ResultStore(out, {"spec": spec.model_dump(), "version": version(), "code": code_fingerprint()},
                            force)
        todo = [t for t in tasks if t.run_id not in store.done()]
        with Progress(len(tasks), len(tasks) - len(todo), enabled=progress) as bar:
            execute(todo, workers or 0, client, lambda row: (store.write(row), bar.advance()))
    finally:
        if client is not None:
            client.close(timeout=10)
    return _per_task(load_results(out), tasks)


def _per_task(stored: pd.DataFrame, tasks: list[Task]) -> pd.DataFrame:
    """One row per planned run. Points with identical values share one stored run (same id,
    same result under common random numbers), so rows are looked up by run id."""
    by_id = stored.set_index("run_id")
    frame = by_id.loc[[t.run_id for t in tasks]].reset_index()
    frame["point"] = [t.point for t in tasks]
    frame["replication"] = [t.replication for t in tasks]
    return frame


def execute(tasks: list[Task], workers: int, client, on_result: Callable[[dict], None]) -> None:
    """Run tasks in this process (workers 1), in local processes, or on a Dask cluster."""
    if client is not None:
        _on_dask(tasks, client, on_result)
    elif workers == 1 or len(tasks) <= 1:
        for task in tasks:
            on_result(run_task(task))
    else:
        _on_processes(tasks, workers, on_result)


def _bounded(tasks: list[Task], submit: Callable, done: Callable, window: int) -> None:
    """Keep at most `window` runs in flight so that memory does not grow with the sweep."""
    queue: Iterable[Task] = iter(tasks)
    running = set()
    for task in queue:
        running.add(submit(task))
        if len(running) >= window:
            running = done(running)
    while running:
        running = done(running)


def _on_processes(tasks: list[Task], workers: int, on_result: Callable[[dict], None]) -> None:
    import os

    workers = workers if workers > 0 else (os.cpu_count() or 1)
    with warnings.catch_warnings(), ProcessPoolExecutor(max_workers=workers, mp_context=_start_method()) as pool:
        # Python warns about any OS thread at fork; see _start_method for why these are safe.
        warnings.filterwarnings("ignore", message=".*use of fork\\(\\) may lead to deadlocks", category=DeprecationWarning)
        def done(running):
            finished, rest = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                on_result(future.result())
            return rest
        _bounded(tasks, lambda t: pool.submit(run_task, t), done, 4 * workers)


def _start_method():
    """How worker processes start.

    Fork is fastest (the model is already imported; 16 runs of 100k households took 7.0 s
    against 9.6 s from a fork server) and needs no `if __name__ == "__main__"` guard in a
    user's script. Forking while other Python threads run (a Dask client, a notebook) can
    deadlock a child, so then a fork server (a single-threaded process that imports the model
    once) starts the workers. Native pools that NumPy and pyarrow start register fork handlers
    and the workers do no Parquet I/O, so they do not count. Elsewhere (macOS, Windows): spawn.
    """
    import threading

    if sys.platform != "linux":
        return get_context("spawn")
    if threading.active_count() == 1:
        return get_context("fork")
    context = get_context("forkserver")
    context.set_forkserver_preload(["sim.experiments.sweep"])
    return context


def _on_dask(tasks: list[Task], client, on_result: Callable[[dict], None]) -> None:
    workers = wait_for_workers(client)

    def done(running):
        finished, rest = first_completed(client, running)  # stops when the cluster has no workers
        for future in finished:
            on_result(result_of(future))
            future.release()
        return rest
    _bounded(tasks, lambda t: client.submit(run_task, t, pure=False), done, 4 * workers)


class Progress:
    """Runs done/left with an ETA on stderr."""

    def __init__(self, total: int, done: int, enabled: bool) -> None:
        self.total, self.done, self.start_done = total, done, done
        self.enabled = enabled
        self.start = time.perf_counter()

    def __enter__(self) -> "Progress":
        self._show()
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            sys.stderr.write("\n")

    def advance(self) -> None:
        self.done += 1
        self._show()

    def _show(self) -> None:
        if not self.enabled:
            return
        new = self.done - self.start_done
        elapsed = time.perf_counter() - self.start
        eta = elapsed / new * (self.total - self.done) if new else float("nan")
        eta_text = "?" if eta != eta else f"{eta:,.0f} s"
        sys.stderr.write(f"\rruns {self.done}/{self.total} done, {self.total - self.done} left, ETA {eta_text}   ")
        sys.stderr.flush()
