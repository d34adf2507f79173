"""What an optimisation writes next to its results store:

    pareto.parquet, pareto.csv   the non-dominated policies: levers, objectives, constraints, noise
    optimize.json                the spec, every policy evaluated, the convergence and the stamp
    convergence.csv              per generation: evaluations, runs, front size, hypervolume, new on the front
    figures/tradeoff             the objectives of every policy, the Pareto set marked, with noise bars
    figures/convergence          hypervolume and the share of the front that is new, per generation
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import tradeoff_plots
from ..plots import save
from ..results_io import write_json, write_parquet
from .stamp import figure_stamp, plan_fingerprint, stamp, write_csv

FILES = ("pareto.parquet", "pareto.csv", "optimize.json", "convergence.csv")


def optimization_stamp(result: Any) -> dict[str, Any]:
    """The stamp of an optimisation's outputs: the runs of every policy evaluated."""
    from .results import read_results

    results = read_results(result.folder)
    return stamp(len(results), plan_fingerprint(results.experiments["run_id"]))


def write_optimization(result: Any) -> list[Path]:
    """The files above, in the optimisation's folder; returns them."""
    folder, spec = Path(result.folder), result.spec
    mark = optimization_stamp(result)
    write_parquet(folder / "pareto.parquet", result.pareto, {"stamp": mark, "objectives": spec.objectives})
    write_csv(folder / "pareto.csv", result.pareto, mark)
    write_csv(folder / "convergence.csv", result.convergence, mark)
    write_json(folder / "optimize.json", {"stamp": mark, "spec": spec.model_dump(),
                                          "objectives": spec.objectives, "robustness": spec.robustness,
                                          "simulated": result.simulated, "reused": result.reused,
                                          "convergence": result.convergence.to_dict(orient="records"),
                                          "policies": result.policies.to_dict(orient="records")})
    meta = {"scenario": f"{spec.name} (optimisation of {spec.scenario})", "seed": spec.seed,
            "version": mark["version"], **figure_stamp(mark)}
    written = [folder / name for name in FILES]
    chart = tradeoff_plots.tradeoff_chart(result.policies, dict(spec.objectives), spec.robustness, meta)
    written += save(chart, folder / "figures" / "tradeoff", meta)
    written += save(tradeoff_plots.convergence_chart(result.convergence, meta), folder / "figures" / "convergence",
                    meta)
    return written


def format_optimization(result: Any) -> str:
    """The Pareto set and the convergence, readable in a terminal."""
    spec = result.spec
    goals = ", ".join(f"{'lower' if g == 'min' else 'raise'} {o}" for o, g in spec.objectives.items())
    lines = [f"{spec.name}: {len(result.pareto)} non-dominated of {len(result.policies)} policies ({goals}; "
             f"robustness: {spec.robustness}"
             + (f" over {spec.posterior_draws} posterior draws)" if spec.posterior_draws else ", calibration medians)")]
    shown = ["policy", *spec.objectives, *[c for c in spec.constraints if c not in spec.objectives]]
    table = result.pareto[shown].copy()
    for outcome in spec.objectives:
        noise = result.pareto[f"{outcome}_noise"]
        table[outcome] = [f"{v:,.4g} ± {n:,.2g}" if n == n else f"{v:,.4g}" for v, n in zip(table[outcome], noise)]
    lines.append(table.to_string(index=False))
    lines.append("± : 90 % interval of the policy's mean from simulation noise alone (common seeds make differences "
                 "between policies less noisy than this)")
    lines.append("convergence (generation: policies, front, hypervolume, new on the front): " + "; ".join(
        f"{int(r.generation)}: {int(r.evaluations)}, {int(r.front)}, {r.hypervolume:.3f}, {r.new_on_front:.0%}"
        for r in result.convergence.itertuples()))
    lines.append(f"{result.simulated} runs simulated, {result.reused} read from the store")
    return "\n".join(lines)
