"""Sweeps: run a design of parameter points x replications, in parallel, into a results store.

Runs go to local worker processes by default, or to an existing Dask distributed cluster
(`cluster="tcp://host:port"`). Results come back to this process, which alone writes them,
one file per run, as they finish: memory stays flat however many runs there are, and a
sweep started again skips what is already stored, also when it has grown (more points,
replications, policies or outcomes).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
import warnings
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import pandas as pd
from pydantic import ValidationError

from ..errors import ScenarioError
from ..limits import POSTERIOR, check_setting, workers_bound
from ..provenance import code_fingerprint, git_commit, git_dirty, version
from ..run_folder import Holding, claim
from ..runner import journey_frame, monthly_outcomes, municipality_frame, simulate, yearly_outcomes
from ..scenario import Population, Scenario, format_errors, resolve_population
from ..settings import RunSettings
from .cluster import connect, first_completed, result_of, wait_for_workers
from .calibrated import check_posterior_ranges
from .crossed import planned_points
from .draws import in_draws, posterior_draws
from .results import Results
from .store import (JOURNEYS_KEY, LOCAL_KEY, RUN_ID_CHARS, SERIES_KEY, ResultStore, check_kind, identity_text,
                    load_results)
from .sweep_spec import (SweepSpec, base_scenario, check_runs, contexts_vary, count_points, count_policies, load_spec,
                         population_of)


@dataclass(frozen=True, slots=True)  # slots: a plan of a million runs holds a million of these
class Task:
    """One simulation: its id, where it sits in the plan, its seed and scenario, and how to run it."""

    run_id: str
    point: int
    replication: int
    seed: int
    values: dict[str, Any]
    scenario: Scenario
    population: Population      # as the plan names it, or the profiles themselves
    months: int
    warmup: int
    scale: float
    policy: str | None = None   # crossed experiments: the policy's name
    series: bool = False        # also return the monthly series
    code: str = ""              # the client's code fingerprint, which the run id stands for
    journeys: int = 0           # also return the journeys of this many sampled households
    local: bool = False         # also return the outcomes by municipality


def run_task(task: Task) -> dict[str, Any]:
    """Simulate one run and return its stored row: its id and the yearly value of every outcome
    (and its monthly table under SERIES_KEY, if asked for). Runs in a worker process, which
    refuses if its model code is not the client's (a Dask worker that joined late)."""
    if task.code and task.code != code_fingerprint():
        raise ValueError(f"a worker runs evictsim {version()} with model code {code_fingerprint()}, the client code "
                         f"{task.code}; install the same evictsim on every worker (docs/cluster.md). "
                         "The runs finished so far are stored")
    real = resolve_population(task.population)
    model = simulate(task.scenario, real, task.months, task.seed, task.scale, task.warmup, task.journeys)
    row = {"run_id": task.run_id, **yearly_outcomes(model, task.scale)}
    if task.series:
        row[SERIES_KEY] = monthly_outcomes(model, task.scale)
    if task.journeys:
        row[JOURNEYS_KEY] = journey_frame(model)
    if task.local:
        row[LOCAL_KEY] = municipality_frame(model, real, task.scale)
    return row


def make_task(scenario: Scenario, values: dict[str, Any], settings: RunSettings, seed: int, point: int = 0,
              replication: int = 0, policy: str | None = None, series: bool = False) -> Task:
    """A run of the scenario with `seed` and `settings` (population, months, warm-up, scale) and its
    id: a hash of everything that determines its result, code included."""
    return point_tasks(scenario, values, settings, [seed], point, policy, series, first=replication)[0]


def point_tasks(scenario: Scenario, values: dict[str, Any], settings: RunSettings, seeds: list[int], point: int,
                policy: str | None = None, series: bool = False, first: int = 0) -> list[Task]:
    """The runs of one point's scenario, one per seed (replications `first`, `first` + 1, ...)."""
    ids = run_ids(scenario, settings, seeds)
    return [Task(rid, point, first + rep, seed, values, scenario, population=settings.population,
                 months=settings.months, warmup=settings.warmup, scale=settings.scale, policy=policy, series=series,
                 code=code_fingerprint()) for rep, (rid, seed) in enumerate(zip(ids, seeds))]


_SEED_MARK = "\x00seed\x00"  # stands for the seed in a run's identity (no parameter value holds a NUL)


def run_ids(scenario: Scenario, settings: RunSettings, seeds: list[int]) -> list[str]:
    """`store.run_id` of the scenario's run with each seed: a hash of everything that determines its
    result (all parameter values, population, months, warm-up, scale, seed, code). The identity is
    serialised and its part before the seed hashed once for all seeds (the parameters are 6 KB)."""
    identity = {"parameters": scenario.parameters(), "population": settings.population, "months": settings.months,
                "warmup": settings.warmup, "scale": settings.scale, "seed": _SEED_MARK,
                "code": {"version": version(), "code": code_fingerprint()}}
    head, tail = identity_text(identity).split(json.dumps(_SEED_MARK))
    before = hashlib.sha256(head.encode())
    ids = []
    for seed in seeds:
        digest = before.copy()
        digest.update(f"{seed}{tail}".encode())
        ids.append(digest.hexdigest()[:RUN_ID_CHARS])
    return ids


def plan(spec: SweepSpec, spec_path: str | Path | None = None, points: list[dict[str, Any]] | None = None,
         progress: Callable[[int], None] | None = None) -> list[Task]:
    """Every run of the sweep (the spec's design, or the given points), with its id;
    `progress(points planned)` after each point."""
    base = base_scenario(spec, spec_path)
    settings = run_settings(spec, spec_path)
    seeds = settings.replication_seeds  # the same at every point
    draws = _draws(spec, base)
    tasks = []
    for n, p in enumerate(planned_points(spec, base, spec_path, points), start=1):
        # the point's scenario in each draw's world (the point's own values stay), made once
        worlds = in_draws(p.scenario, draws, keep=set(p.values)) if draws else [p.scenario]
        for d, scenario in enumerate(worlds):
            values = {**p.values, "draw": d} if draws else p.values
            tasks += point_tasks(scenario, values, settings, seeds, p.number, p.policy, spec.series)
        if progress is not None:
            progress(n)
    return tasks


def run_settings(spec: SweepSpec, spec_path: str | Path | None = None) -> RunSettings:
    """The settings every run of the sweep shares; its draws are applied to each point's scenario."""
    return RunSettings(population=population_of(spec, spec_path), months=spec.months, warmup=spec.warmup,
                       replications=spec.replications, seed=spec.seed, scale=spec.scale, journey_sample=0)


def _draws(spec: SweepSpec, base: Scenario) -> list[dict[str, Any]]:
    """The spec's posterior draws (the same at every point and for every policy); none without."""
    if not spec.posterior_draws:
        return []
    return posterior_draws(spec.posterior_draws, spec.seed, base).values


def experiments_table(tasks: list[Task]) -> pd.DataFrame:
    """The plan as a table: run_id, point, policy (crossed only), replication, seed, parameter values.
    Built column by column: a list of a million row dicts would take a gigabyte."""
    columns: dict[str, list[Any]] = {"run_id": [t.run_id for t in tasks], "point": [t.point for t in tasks]}
    if tasks and tasks[0].policy is not None:
        columns["policy"] = [t.policy for t in tasks]
    columns["replication"] = [t.replication for t in tasks]
    columns["seed"] = [t.seed for t in tasks]
    for name in dict.fromkeys(name for t in tasks for name in t.values):
        columns[name] = [t.values.get(name) for t in tasks]
    return pd.DataFrame(columns)


def perform_experiments(spec: SweepSpec | str | Path, out: str | Path, workers: int | None = None,
                        cluster: str | None = None, progress: bool = True,
                        points: list[dict[str, Any]] | None = None, report: bool = True,
                        force: bool = False, posterior: int | None = None, kind: str = "sweep") -> Results:
    """Run (or resume, or grow) a sweep into `out` and return its `Results`
    (`experiments, outcomes = perform_experiments(...)`, as in the EMA Workbench). Runs already
    stored are reused. With `report`, also writes results.csv and figures (see `outputs`).
    Another result in `out` (a run, a comparison, another sweep, or another kind of study of
    this one: a sensitivity analysis, an optimisation) is refused unless `force`, which replaces
    it. `posterior` N runs every point in N joint draws of the uncertain parameters (instead of
    the spec's `posterior_draws`). `kind` is the study the plan belongs to ("sensitivity" when
    `sim.sensitivity` calls it)."""
    from .outputs import prune_figures, warn_stale_analyses, write_sweep_report

    spec_path = None if isinstance(spec, SweepSpec) else spec
    spec = with_posterior(spec if isinstance(spec, SweepSpec) else load_spec(spec), posterior)
    check_setting("workers", workers or 0, workers_bound())
    if points is not None:
        check_runs("given", len(points) * count_policies(spec), spec.replications, spec.posterior_draws,
                   contexts_vary(spec))
    claim(out, Holding("sweep"), force)  # before planning, which takes a while for a large sweep
    check_kind(Path(out), kind, force)
    with named_by(spec_path):
        check_posterior_ranges(spec, spec_path)
    tasks = planned(spec, spec_path, points, progress)
    client = connect(cluster) if cluster else None
    try:
        _run_plan(spec, spec_path, tasks, Path(out), workers or 0, client, progress, force, kind)
    finally:
        if client is not None:
            client.close(timeout=10)
    results = load_results(out)
    if report:
        prune_figures(results, write_sweep_report(results, spec))
    warn_stale_analyses(results)
    return results


def _run_plan(spec: SweepSpec, spec_path: str | Path | None, tasks: list[Task], out: Path, workers: int,
              client, progress: bool, force: bool = False, kind: str = "sweep") -> None:
    """Claim the store, write the plan, and run what is not stored yet (repeated points once)."""
    from .cluster import check_workers

    if client is not None:
        check_workers(client)
    provenance = {"version": version(), "code": code_fingerprint(), "git_commit": git_commit(),
                  "git_dirty": git_dirty()}
    store = ResultStore(out, _record(spec, spec_path, provenance, kind),
                        lambda stored: _same_sweep(stored, spec, kind), force)
    store.write_plan(experiments_table(tasks))
    done = store.done(series=spec.series)
    todo = list({t.run_id: t for t in tasks if t.run_id not in done}.values())
    unique = len({t.run_id for t in tasks})
    with Progress(unique, unique - len(todo), enabled=progress) as bar:
        execute(todo, workers, client, _writer(store, todo, provenance, bar))


def sweep(spec: SweepSpec | str | Path, out: str | Path, workers: int | None = None, cluster: str | None = None,
          progress: bool = True, points: list[dict[str, Any]] | None = None, report: bool = True,
          force: bool = False, posterior: int | None = None) -> pd.DataFrame:
    """Run (or resume, or grow) a sweep into `out`; one row per run: its experiment and the yearly
    value of every outcome. With `report`, also writes results.csv and figures/ into `out`;
    `force` replaces another result in `out`; `posterior` N runs each point in N joint draws."""
    return perform_experiments(spec, out, workers=workers, cluster=cluster, progress=progress, points=points,
                               report=report, force=force, posterior=posterior).runs


def with_posterior(spec: SweepSpec, posterior: int | None) -> SweepSpec:
    """The spec with `posterior_draws` set (validated again), or as it is when `posterior` is None."""
    if posterior is None:
        return spec
    check_setting("posterior", posterior, POSTERIOR)
    try:
        return SweepSpec.model_validate({**spec.model_dump(), "posterior_draws": posterior})
    except ValidationError as err:
        raise ScenarioError(format_errors(f"{spec.name} in {posterior} posterior draws", "", SweepSpec, err)) from None


@contextmanager
def named_by(spec_path: str | Path | None) -> Iterator[None]:
    """Errors while a sweep file is planned name that file: its population, scenario or posterior
    file may be at fault, and a message such as "population '99': ..." would not say where it is."""
    try:
        yield
    except ValueError as err:
        if spec_path is None or str(err).startswith(str(spec_path)):
            raise
        raise ScenarioError(f"{spec_path}: {err}") from None


def planned(spec: SweepSpec, spec_path: str | Path | None = None, points: list[dict[str, Any]] | None = None,
            progress: bool = True) -> list[Task]:
    """`plan`, saying how far it has come on stderr once it takes over a second (`Planning`);
    its errors name the sweep file (`named_by`)."""
    with Planning(planned_points_count(spec, points), enabled=progress) as planning, named_by(spec_path):
        return plan(spec, spec_path, points, planning.show)


def planned_points_count(spec: SweepSpec, points: list[dict[str, Any]] | None = None) -> int:
    """How many points `plan` builds: every policy's points of the design (or of `points`)."""
    return len(points) * count_policies(spec) if points is not None else count_points(spec)


def _writer(store: ResultStore, todo: list[Task], provenance: dict[str, Any], bar: Progress) -> Callable:
    """Store each finished run with its metadata (parameters, seed, settings, code) in its file."""
    by_id = {t.run_id: t for t in todo}

    def write(row: dict[str, Any]) -> None:
        t = by_id[row["run_id"]]
        store.write(row, {"run_id": t.run_id, "seed": t.seed, "population": t.population, "months": t.months,
                          "warmup": t.warmup, "scale": t.scale, "parameters": t.scenario.parameters(), **provenance})
        bar.advance()
    return write


def _record(spec: SweepSpec, spec_path: str | Path | None, provenance: dict[str, Any],
            kind: str = "sweep") -> dict[str, Any]:
    """sweep.json: the kind of study, the spec, the code that ran it, and the base scenario's parameters."""
    base = base_scenario(spec, spec_path)
    return {"kind": kind, "spec": spec.model_dump(), **provenance,
            "base_scenario": {"name": base.name, "files": list(base.files), "parameters": base.parameters()}}


def _same_sweep(stored: dict[str, Any], spec: SweepSpec, kind: str = "sweep") -> bool:
    """A folder holds the same study (perhaps grown or revised) if it has the same name and kind."""
    return (isinstance(stored.get("spec"), dict) and stored["spec"].get("name") == spec.name
            and stored.get("kind", "sweep") == kind)


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

    # never more processes than runs: with fork, every one of them starts at once
    workers = min(workers if workers > 0 else (os.cpu_count() or 1), len(tasks))
    with warnings.catch_warnings(), ProcessPoolExecutor(max_workers=workers, mp_context=_start_method(),
                                                        initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        # Python warns about any OS thread at fork; see _start_method for why these are safe.
        warnings.filterwarnings("ignore", message=".*use of fork\\(\\) may lead to deadlocks",
                                category=DeprecationWarning)
        def done(running):
            finished, rest = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                on_result(future.result())
            return rest
        try:
            _bounded(tasks, lambda t: pool.submit(run_task, t), done, 4 * workers)
        except KeyboardInterrupt:
            _stop(pool)
            raise


def _worker_start(parent: int) -> None:
    """Set up a worker process: Ctrl-C is left to the parent, which stops the workers and says
    how to resume (otherwise every idle worker prints a KeyboardInterrupt traceback), and on
    Linux the worker is killed with its parent, so that a sweep killed with kill -9 leaves no
    orphans simulating for minutes."""
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:  # the parent died before prctl took effect
            os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the workers at once and drop the queued runs (the runs already written are kept).
    ProcessPoolExecutor has no public way to end running tasks before Python 3.14."""
    for process in list((pool._processes or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


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


class Planning:
    """"planning 12,000/31,000 points" on stderr while a plan takes more than a second to build, so
    that a large sweep is never silent."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.start = self.shown = time.perf_counter()
        self.written = False

    def __enter__(self) -> Planning:
        return self

    def __exit__(self, *exc) -> None:
        if self.written:
            sys.stderr.write("\n")

    def show(self, planned: int) -> None:
        now = time.perf_counter()
        if self.enabled and now - self.start > 1 and now - self.shown > 0.5:
            sys.stderr.write(f"\rplanning {planned:,}/{self.total:,} points   ")
            sys.stderr.flush()
            self.shown, self.written = now, True


class Progress:
    """Runs done/left with an ETA on stderr."""

    def __init__(self, total: int, done: int, enabled: bool) -> None:
        self.total, self.done, self.start_done = total, done, done
        self.enabled = enabled
        self.start = time.perf_counter()

    def __enter__(self) -> Progress:
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
