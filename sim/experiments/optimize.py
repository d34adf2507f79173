"""Policy search: which combinations of levers give the best trade-offs between outcomes?

    import sim
    found = sim.optimize("examples/optimize_prevention.toml", "results/optimize", workers=2)
    found.pareto          # the non-dominated policies: levers, objectives, noise, constraints
    found.convergence     # per generation: evaluations, runs, front size, hypervolume

A multi-objective genetic algorithm (NSGA-II with pymoo's mixed-variable operators: ranges,
integers, choices, booleans and named scenarios) proposes policies; each is evaluated on common
seeds, optionally robustly over N posterior draws (policy_eval.py), through a sweep's results
store. Constraints (at most, at least) on any outcome are handled by the algorithm's
constraint-domination. The search is seeded, so an optimisation started again proposes the same
policies and reads their runs back from the store: after a kill -9 only what was not stored yet
is simulated. The Pareto set is taken over every policy evaluated, not only the last generation.

Convergence is reported per generation as the hypervolume of the front so far (objectives scaled
to 0-1 over all policies evaluated, the reference point just beyond the worst) and the share of
the front that is new: a hypervolume that has stopped rising and a front that no longer changes
say that more generations are unlikely to find better trade-offs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..limits import check_setting, workers_bound
from ..run_folder import Holding, claim
from ..scenario import Scenario, load_scenario, resolve_named
from .optimize_spec import OptimizeSpec, load_optimize_spec
from .policy_eval import Evaluation, PolicyEvaluator, run_settings
from .sweep import named_by
from .crossed import lever_scenario
from .sweep_spec import FIELDS, apply_point

SIGNIFICANT = 4  # lever values are rounded to this many digits: finer differences are far below the noise


@dataclass(repr=False)
class Optimization:
    """The result of `optimize`.

    pareto: one row per non-dominated policy: policy, its lever values, each objective's and
        constraint's value (the robustness metric, per year) and `<outcome>_noise` (half-width of
        the 90 % interval that simulation noise alone gives its mean).
    policies: the same for every policy evaluated, with `feasible` and `pareto` (booleans).
    convergence: one row per generation: evaluations, runs, front (size), hypervolume (0-1), new_on_front.
    spec: the validated spec. simulated, reused: runs simulated now and read from the store.
    """

    pareto: pd.DataFrame
    policies: pd.DataFrame
    convergence: pd.DataFrame
    spec: OptimizeSpec
    simulated: int
    reused: int
    folder: Path | None = None

    def __repr__(self) -> str:
        return (f"Optimization({len(self.pareto)} non-dominated of {len(self.policies)} policies; "
                f"{len(self.convergence)} generations; {self.simulated} runs simulated, {self.reused} reused)")


def optimize(spec: OptimizeSpec | str | Path, out: str | Path, workers: int | None = None, cluster: str | None = None,
             force: bool = False, report: bool = True, progress: bool = True) -> Optimization:
    """Search the spec's levers for the policies with the best trade-offs between its objectives,
    within its constraints, storing every run in `out` (resumable); with `report`, write
    pareto.parquet/.csv, optimize.json, convergence.csv and figures into `out`."""
    from .cluster import check_workers, connect
    from .optimize_report import write_optimization
    from .store import check_kind

    spec_path = None if isinstance(spec, OptimizeSpec) else Path(spec)
    spec = spec if isinstance(spec, OptimizeSpec) else load_optimize_spec(spec)
    check_setting("workers", workers or 0, workers_bound())
    # an optimisation file's `scenario` (and levers.scenarios) may point where `extends` may
    base = load_scenario(resolve_named(spec.scenario, spec_path, "scenario")) if spec_path else load_scenario(
        spec.scenario)
    with named_by(spec_path):  # a bad population or lever is refused before the store is made
        run_settings(spec, spec_path)
        check_levers(spec, base, spec_path)
    claim(out, Holding("sweep"), force)  # the store's claim, made before anything is built
    check_kind(Path(out), "optimize", force)
    client = connect(cluster) if cluster else None
    try:
        if client is not None:
            check_workers(client)
        store = open_store(spec, base, Path(out), force)
        evaluator = PolicyEvaluator(spec, base, spec_path, store, workers or 0, client)
        convergence = search(spec, evaluator, progress)
    finally:
        if client is not None:
            client.close(timeout=10)
    policies = policy_table(spec, list(evaluator.evaluated.values()))
    result = Optimization(policies[policies.pareto].reset_index(drop=True), policies, convergence, spec,
                          evaluator.simulated, evaluator.reused, Path(out))
    if report:
        write_optimization(result)
    return result


def check_levers(spec: OptimizeSpec, base: Scenario, spec_path: Path | None) -> None:
    """Load every scenario named in levers.scenarios and apply every value a values list offers to
    the base scenario, so that the search cannot stop at a bad lever after its store is written
    (ranges are checked against the parameters' bounds when the spec is read)."""
    for name in spec.lever_scenarios:
        lever_scenario(name, base, spec_path)
    for path, lever in spec.lever_ranges.items():
        for value in lever.values or []:
            apply_point(base, {path: value}, spec.name)


def open_store(spec: OptimizeSpec, base: Scenario, out: Path, force: bool):
    """The results store of the optimisation (claimed as a study of kind "optimize")."""
    from .policy_eval import provenance
    from .store import ResultStore

    record = {"kind": "optimize", "spec": spec.model_dump(), **provenance(),
              "base_scenario": {"name": base.name, "files": list(base.files), "parameters": base.parameters()}}
    return ResultStore(out, record, lambda stored: stored.get("kind") == "optimize" and
                       (stored.get("spec") or {}).get("name") == spec.name, force)


def variables(spec: OptimizeSpec) -> dict[str, Any]:
    """pymoo's variables for the levers: Real or Integer for ranges, Choice for values and scenarios."""
    from pymoo.core.variable import Choice, Integer, Real

    out: dict[str, Any] = {}
    for path, lever in spec.levers.items():
        if isinstance(lever, list):
            out[path] = Choice(options=list(lever))
        elif lever.values is not None:
            out[path] = Choice(options=list(lever.values))
        elif _integer(path):
            out[path] = Integer(bounds=(round(lever.bounds[0]), round(lever.bounds[1])))
        else:
            out[path] = Real(bounds=lever.bounds)
    return out


def _integer(path: str) -> bool:
    default = FIELDS[path]["default"]
    return isinstance(default, int) and not isinstance(default, bool)


def levers_of(x: dict[str, Any]) -> dict[str, Any]:
    """A proposal as lever values: NumPy scalars as Python ones, reals rounded to SIGNIFICANT digits."""
    out = {}
    for name, value in x.items():
        value = value.item() if isinstance(value, np.generic) else value
        out[name] = float(f"{value:.{SIGNIFICANT}g}") if isinstance(value, float) else value
    return out


def search(spec: OptimizeSpec, evaluator: PolicyEvaluator, progress: bool) -> pd.DataFrame:
    """Run the genetic algorithm for the spec's generations; returns the convergence table."""
    from pymoo.algorithms.moo.nsga2 import RankAndCrowding
    from pymoo.core.mixed import MixedVariableGA
    from pymoo.optimize import minimize

    problem = _problem(spec, evaluator)
    tracker = _Tracker(spec, evaluator, progress)
    algorithm = MixedVariableGA(pop_size=spec.policies, survival=RankAndCrowding())
    minimize(problem, algorithm, ("n_gen", spec.generations), seed=spec.seed, callback=tracker, verbose=False)
    return tracker.table()


def _problem(spec: OptimizeSpec, evaluator: PolicyEvaluator):
    """The pymoo problem: a generation of proposals evaluated at once (in parallel) by the evaluator."""
    from pymoo.core.problem import Problem

    class PolicyProblem(Problem):
        def __init__(self) -> None:
            super().__init__(vars=variables(spec), n_obj=len(spec.objectives),
                             n_ieq_constr=sum((b.min is not None) + (b.max is not None)
                                              for b in spec.constraints.values()))

        def _evaluate(self, X, out, *args, **kwargs):
            found = evaluator.evaluate([levers_of(x) for x in X])
            out["F"] = np.array([minimised(spec, e) for e in found])
            if self.n_ieq_constr:
                out["G"] = np.array([violations(spec, e) for e in found])

    return PolicyProblem()


def minimised(spec: OptimizeSpec, e: Evaluation) -> list[float]:
    """The objectives as pymoo minimises them (outcomes to raise negated)."""
    return [e.values[o] if goal == "min" else -e.values[o] for o, goal in spec.objectives.items()]


def violations(spec: OptimizeSpec, e: Evaluation) -> list[float]:
    """Each limit as g <= 0 when it is met (value minus max; min minus value)."""
    out = []
    for outcome, bound in spec.constraints.items():
        if bound.min is not None:
            out.append(bound.min - e.values[outcome])
        if bound.max is not None:
            out.append(e.values[outcome] - bound.max)
    return out


class _Tracker:
    """Records the evaluations and the front after every generation (a pymoo callback)."""

    def __init__(self, spec: OptimizeSpec, evaluator: PolicyEvaluator, progress: bool) -> None:
        self.spec, self.evaluator, self.progress = spec, evaluator, progress
        self.rows: list[dict[str, Any]] = []
        self.fronts: list[set[str]] = []

    def __call__(self, algorithm) -> None:
        evaluated = list(self.evaluator.evaluated.values())
        front = set(policy_table(self.spec, evaluated).query("pareto").policy)
        new = len(front - self.fronts[-1]) / len(front) if self.fronts and front else 1.0
        self.fronts.append(front)
        self.rows.append({"generation": len(self.rows) + 1, "evaluations": len(evaluated),
                          "runs": len({t.run_id for t in self.evaluator.tasks}), "front": len(front),
                          "new_on_front": new, "_front": sorted(front)})
        if self.progress:
            import sys

            sys.stderr.write(f"generation {len(self.rows)}/{self.spec.generations}: {len(evaluated)} policies, "
                             f"{len(front)} on the front ({self.evaluator.simulated} runs simulated, "
                             f"{self.evaluator.reused} reused)\n")

    def table(self) -> pd.DataFrame:
        """The convergence table, hypervolumes on one scale (over every policy evaluated)."""
        evaluated = list(self.evaluator.evaluated.values())
        scaled = _scaled_objectives(self.spec, evaluated)
        table = pd.DataFrame(self.rows)
        table.insert(5, "hypervolume", [_hypervolume(scaled, set(front)) for front in table["_front"]])
        return table.drop(columns="_front")


def _scaled_objectives(spec: OptimizeSpec, evaluated: list[Evaluation]) -> dict[str, np.ndarray]:
    """Each policy's minimised objectives scaled to 0-1 over all policies evaluated."""
    f = np.array([minimised(spec, e) for e in evaluated], float)
    low, span = f.min(axis=0), np.ptp(f, axis=0)
    scaled = (f - low) / np.where(span > 0, span, 1.0)
    return {e.name: row for e, row in zip(evaluated, scaled)}


def _hypervolume(scaled: dict[str, np.ndarray], front: set[str]) -> float:
    """The share of the unit box (reference point 1.1 on every axis) that the front dominates."""
    from pymoo.indicators.hv import HV

    points = np.array([scaled[name] for name in front if name in scaled])
    if not len(points):
        return 0.0
    dims = points.shape[1]
    return float(HV(ref_point=np.full(dims, 1.1))(points)) / 1.1 ** dims


def policy_table(spec: OptimizeSpec, evaluated: list[Evaluation]) -> pd.DataFrame:
    """Every policy evaluated: its levers, outcomes and noise, `feasible` (meets every constraint)
    and `pareto` (feasible and dominated by no other feasible policy)."""
    from pymoo.util.nds.non_dominated_sorting import NonDominatedSorting

    rows = [{"policy": e.name, "evaluation": e.number, **e.levers, **e.values,
             **{f"{o}_noise": v for o, v in e.noise.items()}} for e in evaluated]
    table = pd.DataFrame(rows)
    table["feasible"] = [all(v <= 0 for v in violations(spec, e)) for e in evaluated]
    table["pareto"] = False
    feasible = np.flatnonzero(table.feasible.to_numpy())
    if feasible.size:
        f = np.array([minimised(spec, evaluated[i]) for i in feasible], float)
        front = NonDominatedSorting().do(f, only_non_dominated_front=True)
        table.loc[feasible[front], "pareto"] = True
    return table
