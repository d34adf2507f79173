"""Global sensitivity analysis with SALib: Sobol indices or Morris screening, per outcome.

The samples are run through the sweep machinery (same store, resumable, parallel); each point's
outcome is its mean over replications. Sobol gives first-order (S1) and total (ST) indices
with confidence intervals; Morris gives mu* (mean absolute elementary effect) with its interval
and sigma. With crossed experiments ([uncertainties] and [levers]) the uncertainties are
sampled and every policy is analysed on the same sample. If the spec asks for it, scenario
discovery (discovery.py) finds the parameter ranges where an outcome exceeds a threshold.
Sobol indices from too few samples (S1 above ST, intervals wider than the index) are flagged.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .discovery import Box, prim
from ..pathway.outcomes import OUTCOMES
from .results import point_means
from .sweep import named_by, perform_experiments, with_posterior
from .sweep_spec import SweepSpec, check_runs, contexts_vary, count_policies, load_spec

CONF_LEVEL = 0.95
NOISE = 0.02  # index differences and interval widths below this are not taken as a sign of too few samples


class SensitivityWarning(UserWarning):
    """Indices that too few samples make unreliable."""


@dataclass(repr=False)
class Sensitivity:
    """A sensitivity analysis of a sweep spec.

    indices: one row per (policy,) outcome and parameter, ranked per outcome: S1, S1_conf, ST,
        ST_conf (Sobol) or mu_star, mu_star_conf, sigma (Morris, in the outcome's unit per year).
    points: the sample's parameter values and each point's mean outcomes over replications.
    discovery: the box of the spec's [discovery] table (see `sim.experiments.discovery`), or None.
    spec: the validated spec.
    warnings: why some indices cannot be trusted (too few samples), if so.
    """

    indices: pd.DataFrame
    points: pd.DataFrame
    discovery: Box | None
    spec: SweepSpec
    warnings: list[str] = field(default_factory=list)

    def unreliable(self) -> pd.DataFrame:
        """The Sobol indices that too few samples make unreliable (none for Morris)."""
        return unreliable(self.indices) if "ST" in self.indices else self.indices.iloc[:0]

    def __repr__(self) -> str:
        return (f"Sensitivity(method={self.spec.method!r}, outcomes={list(self.indices['outcome'].unique())}, "
                f"parameters={len(self.spec.sampled)}, points={len(self.points)}, "
                f"discovery={'yes' if self.discovery is not None else 'no'}, warnings={len(self.warnings)})")


def problem(spec: SweepSpec) -> dict[str, Any]:
    names = list(spec.sampled)
    bounds = [[spec.sampled[n].min, spec.sampled[n].max] for n in names]
    if any(None in b for b in bounds):
        raise ValueError("sensitivity analysis needs min and max for every sampled parameter (no values lists)")
    return {"num_vars": len(names), "names": names, "bounds": bounds}


def sample(spec: SweepSpec) -> np.ndarray:
    from SALib.sample import morris, sobol

    prob = problem(spec)
    if spec.method == "sobol":
        return sobol.sample(prob, spec.samples, calc_second_order=False, seed=spec.seed)
    return morris.sample(prob, spec.samples, num_levels=4, seed=spec.seed)


def sample_points(spec: SweepSpec, x: np.ndarray | None = None) -> list[dict[str, float]]:
    """The SALib sample as design points (dotted name -> value)."""
    x = sample(spec) if x is None else x
    return [dict(zip(problem(spec)["names"], map(float, row))) for row in x]


def check_samples(spec: SweepSpec) -> None:
    """Refuse a sensitivity analysis with nothing to sample, or whose runs exceed the limits of
    sim.limits (counted from the spec, before SALib draws a sample)."""
    if not spec.sampled:
        raise ValueError("sensitivity analysis needs parameters to sample: [parameters] or [uncertainties]")
    per_sample = len(spec.sampled) + (2 if spec.method == "sobol" else 1)  # SALib's points per sample
    check_runs(spec.method, spec.samples * per_sample * count_policies(spec), spec.replications,
               spec.posterior_draws, contexts_vary(spec))


def planned_tasks(spec: SweepSpec, spec_path: str | Path | None = None, progress: bool = False) -> list:
    """Every run the sensitivity analysis of `spec` plans (for counting what is stored already);
    refused as `sensitivity` refuses it, before SALib draws its sample. With `progress`, a plan
    that takes a while says how far it has come (`sweep.Planning`)."""
    from .sweep import planned

    with named_by(spec_path):
        check_samples(spec)
        points = sample_points(spec)
    return planned(spec, spec_path, points, progress)


def sensitivity(spec: SweepSpec | str | Path, out: str | Path, workers: int | None = None,
                cluster: str | None = None, progress: bool = True, report: bool = True,
                force: bool = False, posterior: int | None = None) -> Sensitivity:
    """Sample, run (or resume) and analyse; with `report`, write sensitivity.csv/.json and figures
    into `out` (see `outputs`); `force` replaces another result in `out`. `posterior` N runs every
    sample point in N joint draws of the parameters it does not sample (the indices then rank the
    sampled parameters with the others' uncertainty averaged over)."""
    from .outputs import write_sensitivity_report

    spec_path = None if isinstance(spec, SweepSpec) else spec
    spec = with_posterior(spec if isinstance(spec, SweepSpec) else load_spec(spec), posterior)
    with named_by(spec_path):
        check_samples(spec)
        x = sample(spec)
    results = perform_experiments(spec_path or spec, out, workers, cluster, progress, points=sample_points(spec, x),
                                  report=False, force=force, posterior=spec.posterior_draws, kind="sensitivity")
    outcomes = spec.outcomes or [o.name for o in OUTCOMES if o.kind == "flow"]
    table = point_means(results, outcomes)
    if spec.against is not None:
        table = effects(table, spec.against, outcomes)
    indices = pd.concat([_analyse(spec, x, group.sort_values("point")[o].to_numpy(), o).assign(policy=policy)
                         for policy, group in _by_policy(table) for o in outcomes], ignore_index=True)
    if "policy" not in table:
        indices = indices.drop(columns="policy")
    box, notes = _discover(spec, table, results.parameters)
    result = Sensitivity(indices, table, box, spec, notes + (sobol_warnings(indices, spec) if spec.method == "sobol"
                                                             else []))
    for text in result.warnings:
        warnings.warn(text, SensitivityWarning, stacklevel=2)
    if report:
        write_sensitivity_report(result, Path(out))
    return result


def effects(table: pd.DataFrame, against: str, outcomes: list[str]) -> pd.DataFrame:
    """Each policy's point means minus the `against` policy's at the same point (same parameters
    and seeds), named "<policy> - <against>"."""
    reference = table[table.policy == against].set_index("point")[outcomes]
    parts = []
    for policy, group in table[table.policy != against].groupby("policy", sort=False):
        group = group.set_index("point")
        group[outcomes] = group[outcomes] - reference.loc[group.index].to_numpy()
        parts.append(group.reset_index().assign(policy=f"{policy} - {against}"))
    return pd.concat(parts, ignore_index=True)


def _by_policy(table: pd.DataFrame) -> list[tuple[str | None, pd.DataFrame]]:
    return list(table.groupby("policy", sort=False)) if "policy" in table else [(None, table)]


def _discover(spec: SweepSpec, table: pd.DataFrame, parameters: list[str]) -> tuple[Box | None, list[str]]:
    """PRIM on the points' means, or why there is nothing to discover."""
    if not spec.discovery:
        return None, []
    d = spec.discovery
    values = table[d.outcome].to_numpy()
    if (values > d.above).all() or not (values > d.above).any():
        return None, [f"discovery: {d.outcome} is above {d.above:g} in {'all' if (values > d.above).all() else 'none'} "
                      f"of the {len(values)} points (it ranges from {values.min():,.4g} to {values.max():,.4g} per "
                      "year); choose a threshold in between"]
    names = [*parameters, *(["policy"] if spec.lever_scenarios else [])]  # else the levers name the policy
    return prim(table[names], values > d.above).box, []


def unreliable(indices: pd.DataFrame) -> pd.DataFrame:
    """The rows of Sobol indices that too few samples make unreliable: S1 above ST, or an interval
    wider than its index."""
    wide_s1 = (indices.S1_conf > indices.S1.abs()) & (indices.S1_conf > NOISE)
    wide_st = (indices.ST_conf > indices.ST.abs()) & (indices.ST_conf > NOISE)
    return indices[(indices.S1 > indices.ST + NOISE) | wide_s1 | wide_st]


def sobol_warnings(indices: pd.DataFrame, spec: SweepSpec) -> list[str]:
    """Where Sobol indices show too few samples: a first-order index above the total one (which
    cannot be), or a confidence interval wider than the index it belongs to."""
    bad = unreliable(indices)
    if bad.empty:
        return []
    r = bad.iloc[0]
    runs = spec.samples * (len(spec.sampled) + 2)
    return [f"Sobol indices are unreliable with samples = {spec.samples} ({runs} points): {len(bad)} of "
            f"{len(indices)} show S1 above ST or an interval wider than the index (e.g. {r['outcome']}, "
            f"{r['parameter']}: S1 {r['S1']:.2f} +- {r['S1_conf']:.2f}, ST {r['ST']:.2f} +- {r['ST_conf']:.2f}). "
            f"Raise samples (e.g. to {4 * spec.samples}) and run again: the runs stored so far are reused"]


def _analyse(spec: SweepSpec, x: np.ndarray, y: np.ndarray, outcome: str) -> pd.DataFrame:
    from SALib.analyze import morris, sobol

    prob = problem(spec)
    if np.ptp(y) == 0:
        zeros = {"S1": 0.0, "S1_conf": 0.0, "ST": 0.0, "ST_conf": 0.0} if spec.method == "sobol" else \
            {"mu_star": 0.0, "mu_star_conf": 0.0, "sigma": 0.0}
        frame = pd.DataFrame([{"parameter": n, **zeros} for n in prob["names"]])
    elif spec.method == "sobol":
        res = sobol.analyze(prob, y, calc_second_order=False, conf_level=CONF_LEVEL, seed=spec.seed)
        frame = pd.DataFrame({"parameter": prob["names"], "S1": res["S1"], "S1_conf": res["S1_conf"],
                              "ST": res["ST"], "ST_conf": res["ST_conf"]})
    else:
        res = morris.analyze(prob, x, y, conf_level=CONF_LEVEL, num_levels=4, seed=spec.seed)
        frame = pd.DataFrame({"parameter": prob["names"], "mu_star": res["mu_star"],
                              "mu_star_conf": res["mu_star_conf"], "sigma": res["sigma"]})
    rank_by = "ST" if spec.method == "sobol" else "mu_star"
    frame = frame.sort_values(rank_by, ascending=False).reset_index(drop=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    frame.insert(0, "outcome", outcome)
    return frame


def format_indices(result: Sensitivity) -> str:
    """A ranked table per outcome (and policy), readable in a terminal."""
    lines = []
    cols = ["S1", "S1_conf", "ST", "ST_conf"] if result.spec.method == "sobol" else ["mu_star", "mu_star_conf", "sigma"]
    keys = ["policy", "outcome"] if "policy" in result.indices else ["outcome"]
    for key, group in result.indices.groupby(keys, sort=False):
        title = " under ".join(reversed(key)) if isinstance(key, tuple) and len(key) > 1 else group.outcome.iloc[0]
        lines.append(f"{title} ({result.spec.method}, {int(CONF_LEVEL * 100)} % confidence)")
        lines.append(f"  {'rank':<5}{'parameter':<48}" + "".join(f"{c:>14}" for c in cols))
        for _, r in group.iterrows():
            lines.append(f"  {r['rank']:<5}{r['parameter']:<48}" + "".join(f"{r[c]:>14.3g}" for c in cols))
    d, box = result.spec.discovery, result.discovery
    if box is not None and d is not None:
        lines.append(f"\nscenario discovery: {d.outcome} above {d.above:g} in {box.cases} of "
                     f"{len(result.points)} points; the box holds {box.coverage:.0%} of them "
                     f"(density {box.density:.0%}, {box.mass:.0%} of all points)")
        for _, r in box.limits[box.limits.restricted > 0].iterrows():
            span = r["kept"] or f"{r['low']:.4g} .. {r['high']:.4g}   (of {r['full_low']:.4g} .. {r['full_high']:.4g})"
            lines.append(f"  {r['parameter']:<48} {span}; {r['restricted']:.0%} cut")
    for text in result.warnings:
        lines.append(f"\nwarning: {text}")
    return "\n".join(lines)
