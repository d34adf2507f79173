"""Global sensitivity analysis with SALib: Sobol indices or Morris screening, per outcome.

The samples are run through the sweep machinery (same store, resumable, parallel); each point's
outcome is its mean over replications. Sobol gives first-order (S1) and total (ST) indices
with confidence intervals; Morris gives mu* (mean absolute elementary effect) with its interval
and sigma. If the spec asks for it, scenario discovery (discovery.py) finds the parameter
ranges where an outcome exceeds a threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .discovery import Box, prim
from ..pathway.outcomes import OUTCOMES
from .sweep import sweep
from .sweep_spec import SweepSpec, check_runs, load_spec

CONF_LEVEL = 0.95


@dataclass
class Sensitivity:
    indices: pd.DataFrame       # outcome, parameter, method columns, ranked per outcome
    points: pd.DataFrame        # parameter values and mean outcomes per point
    discovery: Box | None
    spec: SweepSpec


def problem(spec: SweepSpec) -> dict[str, Any]:
    names = list(spec.parameters)
    bounds = [[spec.parameters[n].min, spec.parameters[n].max] for n in names]
    if any(None in b for b in bounds):
        raise ValueError("sensitivity analysis needs min and max for every parameter (no values lists)")
    return {"num_vars": len(names), "names": names, "bounds": bounds}


def sample(spec: SweepSpec) -> np.ndarray:
    from SALib.sample import morris, sobol

    prob = problem(spec)
    if spec.method == "sobol":
        return sobol.sample(prob, spec.samples, calc_second_order=False, seed=spec.seed)
    return morris.sample(prob, spec.samples, num_levels=4, seed=spec.seed)


def sensitivity(spec: SweepSpec | str | Path, out: str | Path, workers: int | None = None,
                cluster: str | None = None, progress: bool = True, force: bool = False) -> Sensitivity:
    """Sample, run (or resume) and analyse; `force` replaces another result in `out`."""
    spec_path = None if isinstance(spec, SweepSpec) else spec
    spec = spec if isinstance(spec, SweepSpec) else load_spec(spec)
    per_sample = len(spec.parameters) + (2 if spec.method == "sobol" else 1)  # SALib's points per sample
    check_runs(spec.method, spec.samples * per_sample, spec.replications)
    x = sample(spec)
    names = list(spec.parameters)
    points = [dict(zip(names, map(float, row))) for row in x]
    runs = sweep(spec_path or spec, out, workers, cluster, progress, points=points, force=force)
    outcomes = spec.outcomes or [o.name for o in OUTCOMES if o.kind == "flow"]
    means = runs.groupby("point")[outcomes].mean().reindex(range(len(points)))
    indices = pd.concat([_analyse(spec, x, means[o].to_numpy(), o) for o in outcomes], ignore_index=True)
    table = pd.concat([pd.DataFrame(x, columns=names), means.reset_index(drop=True)], axis=1)
    box = None
    if spec.discovery:
        box = prim(table[names], table[spec.discovery.outcome].to_numpy() > spec.discovery.above)
    return Sensitivity(indices, table, box, spec)


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
    """A ranked table per outcome, readable in a terminal."""
    lines = []
    cols = ["S1", "S1_conf", "ST", "ST_conf"] if result.spec.method == "sobol" else ["mu_star", "mu_star_conf", "sigma"]
    for outcome, group in result.indices.groupby("outcome", sort=False):
        lines.append(f"{outcome} ({result.spec.method}, {int(CONF_LEVEL * 100)} % confidence)")
        lines.append(f"  {'rank':<5}{'parameter':<48}" + "".join(f"{c:>14}" for c in cols))
        for _, r in group.iterrows():
            lines.append(f"  {r['rank']:<5}{r['parameter']:<48}" + "".join(f"{r[c]:>14.3g}" for c in cols))
    if result.discovery is not None:
        d, box = result.spec.discovery, result.discovery
        lines.append(f"\nscenario discovery: {d.outcome} above {d.above:g} in {box.cases} of "
                     f"{len(result.points)} points; the box holds {box.coverage:.0%} of them "
                     f"(density {box.density:.0%}, {box.mass:.0%} of all points)")
        for _, r in box.limits.iterrows():
            lines.append(f"  {r['parameter']:<48} {r['low']:.4g} .. {r['high']:.4g}"
                         f"   (of {r['full_low']:.4g} .. {r['full_high']:.4g}; {r['restricted']:.0%} cut)")
    return "\n".join(lines)
