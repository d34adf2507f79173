"""What a sweep and a sensitivity analysis write next to their results store, from Python and
from the command line alike:

    results.csv                one row per run: its experiment and the reported outcomes
    figures/<outcome>_vs_<parameter>.png/.svg   every reported outcome against every varied parameter
    sensitivity.csv/.parquet/.json             indices (and the discovered box), sensitivity only
    figures/indices_<outcome>, figures/discovery
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import plots
from ..analysis_plots import box_chart
from ..results_io import write_atomic, write_json, write_parquet
from ..provenance import version
from .results import Results
from .sweep_spec import SweepSpec

DEFAULT_OUTCOMES = ("evictions",)  # plotted when a spec names no outcomes


def figure_meta(spec: SweepSpec) -> dict[str, Any]:
    """The caption and file metadata of a sweep's figures."""
    return {"scenario": f"{spec.name} (sweep of {spec.scenario})", "seed": spec.seed, "version": version()}


def slug(text: str) -> str:
    """A policy's name as part of a file name ("baseline · families_duty=true" -> "baseline_families_duty=true")."""
    return re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9_.=-]", "_", text)).strip("_")


def reported(spec: SweepSpec) -> list[str]:
    return list(spec.outcomes) or list(DEFAULT_OUTCOMES)


def write_sweep_report(results: Results, spec: SweepSpec) -> list[Path]:
    """results.csv and a figure of each reported outcome against each varied parameter (no cap;
    in crossed experiments one line per policy), in the sweep's folder. Returns the files written."""
    folder = results.folder
    if folder is None:
        raise ValueError("these results were not read from a sweep's folder: there is nowhere to write their report")
    columns = [*results.experiments.columns, *(spec.outcomes or results.outcomes.columns)]
    write_atomic(folder / "results.csv", lambda tmp: results.runs[columns].to_csv(tmp, index=False))
    written = [folder / "results.csv"]
    if len(results) == 0:
        return written
    meta, runs = figure_meta(spec), results.runs
    for outcome in reported(spec):
        for parameter in results.parameters:
            lever = parameter in results.levers and spec.crossed
            by = "policy" if "policy" in runs and not lever else None
            sampled = spec.design != "grid" and not lever
            fig = plots.sweep_scatter(runs, parameter, outcome, meta, by=by, sampled=sampled)
            written += plots.save(fig, folder / "figures" / f"{outcome}_vs_{parameter}", meta)
    return written


def write_sensitivity_report(result: Any, folder: Path) -> list[Path]:
    """sensitivity.parquet/.csv/.json and the index and discovery figures of a `Sensitivity`."""
    spec = result.spec
    write_parquet(folder / "sensitivity.parquet", result.indices)
    write_atomic(folder / "sensitivity.csv", lambda tmp: result.indices.to_csv(tmp, index=False))
    report = {"method": spec.method, "indices": result.indices.to_dict(orient="records"),
              "warnings": list(result.warnings)}
    meta = figure_meta(spec)
    written = [folder / "sensitivity.parquet", folder / "sensitivity.csv", folder / "sensitivity.json"]
    policies = result.indices.groupby("policy", sort=False) if "policy" in result.indices else [("", result.indices)]
    for policy, indices in policies:
        for outcome in indices.outcome.unique():
            stem = f"indices_{outcome}_{slug(policy)}" if policy else f"indices_{outcome}"
            written += plots.save(plots.indices_chart(indices, outcome, meta), folder / "figures" / stem, meta)
    if result.discovery is not None:
        box = result.discovery
        report["discovery"] = {"outcome": spec.discovery.outcome, "above": spec.discovery.above, **box.stats(),
                               "limits": box.limits.to_dict(orient="records")}
        title = f"Where {spec.discovery.outcome} is above {spec.discovery.above:g} per year"
        written += plots.save(box_chart(box.limits, title, meta), folder / "figures" / "discovery", meta)
    write_json(folder / "sensitivity.json", report)
    return written
