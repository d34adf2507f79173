"""What a sweep and a sensitivity analysis write next to their results store, from Python and
from the command line alike:

    results.csv                one row per run: its experiment and the reported outcomes (the stamp
                               in `#` lines at the top: pd.read_csv(path, comment="#"))
    figures/<outcome>_vs_<parameter>.png/.svg   every reported outcome against every varied parameter
    sensitivity.csv/.parquet/.json             indices (and the discovered box), sensitivity only
    figures/indices_<outcome>, figures/discovery
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from .. import plots
from ..analysis_plots import box_chart
from ..results_io import write_atomic, write_json, write_parquet
from ..provenance import version
from .results import Results
from .stamp import figure_stamp, results_stamp, stale_outputs, write_csv
from .store import load_results
from .sweep_spec import SweepSpec

DEFAULT_OUTCOMES = ("evictions",)  # plotted when a spec names no outcomes


def figure_meta(spec: SweepSpec, mark: dict[str, Any] | None = None) -> dict[str, Any]:
    """The caption and file metadata of a sweep's figures (with the stamp's commit and runs, if given)."""
    return {"scenario": f"{spec.name} (sweep of {spec.scenario})", "seed": spec.seed, "version": version(),
            **(figure_stamp(mark) if mark else {})}


class StaleOutputWarning(UserWarning):
    """Outputs in a folder were made from another plan than the one it holds now."""


def warn_stale_analyses(results: Results) -> list[str]:
    """Warn (and return) which analysis outputs under the folder were made from another plan."""
    if results.folder is None:
        return []
    stale = stale_outputs(results.folder / "analysis", results_stamp(results)["plan"])
    if stale:
        warnings.warn(f"{len(stale)} analysis output(s) were made from an earlier plan of this folder, which now "
                      f"holds {len(results)} runs: {', '.join(stale[:3])}{' ...' if len(stale) > 3 else ''}; run "
                      "the analyses again (discover, features, robustness, cart, rsa, plot)",
                      StaleOutputWarning, stacklevel=3)
    return stale


def prune_figures(results: Results, written: list[Path]) -> None:
    """Remove the figures of an earlier plan (parameters no longer varied, another method's indices),
    so that figures/ shows only what the folder's plan gives."""
    folder = (results.folder or Path(".")) / "figures"
    keep = {p.resolve() for p in written}
    for path in folder.glob("*.*") if folder.is_dir() else []:
        if path.suffix in (".png", ".svg") and path.resolve() not in keep:
            path.unlink(missing_ok=True)


def slug(text: str) -> str:
    """A policy's name as part of a file name ("baseline · families_duty=true" -> "baseline_families_duty=true")."""
    return re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9_.=-]", "_", text)).strip("_")


def reported(spec: SweepSpec) -> list[str]:
    return list(spec.outcomes) or list(DEFAULT_OUTCOMES)


def write_sweep_report(results: Results, spec: SweepSpec) -> list[Path]:
    """results.csv and a figure of each reported outcome against each varied parameter (no cap;
    in crossed experiments one line per policy), in the sweep's folder, stamped with the code
    and the runs they come from. Returns the files written."""
    folder = results.folder
    if folder is None:
        raise ValueError("these results were not read from a sweep's folder: there is nowhere to write their report")
    mark = results_stamp(results)
    columns = [*results.experiments.columns, *(spec.outcomes or results.outcomes.columns)]
    written = [write_csv(folder / "results.csv", results.runs[columns], mark)]
    if len(results) == 0:
        return written
    meta, runs = figure_meta(spec, mark), results.runs
    for outcome in reported(spec):
        for parameter in results.parameters:
            lever = parameter in results.levers and spec.crossed
            by = "policy" if "policy" in runs and not lever else None
            sampled = spec.design != "grid" and not lever
            fig = plots.sweep_scatter(runs, parameter, outcome, meta, by=by, sampled=sampled)
            written += plots.save(fig, folder / "figures" / f"{outcome}_vs_{parameter}", meta)
    return written


def write_sensitivity_report(result: Any, folder: Path) -> list[Path]:
    """sensitivity.parquet/.csv/.json, the index and discovery figures of a `Sensitivity`, and the
    sweep report of its runs (results.csv and figures), all from the same plan and stamped with it."""
    spec = result.spec
    results = load_results(folder)
    mark = results_stamp(results)
    written = write_sweep_report(results, spec)
    write_parquet(folder / "sensitivity.parquet", result.indices, {"stamp": mark})
    # Plain, without the stamp's `#` lines: the dashboard's Explore page reads it as it is; the stamp
    # is in sensitivity.json and sensitivity.parquet beside it.
    write_atomic(folder / "sensitivity.csv", lambda tmp: result.indices.to_csv(tmp, index=False))
    report = {"stamp": mark, "method": spec.method, "indices": result.indices.to_dict(orient="records"),
              "warnings": list(result.warnings)}
    meta = figure_meta(spec, mark)
    written += [folder / "sensitivity.parquet", folder / "sensitivity.csv", folder / "sensitivity.json"]
    policies = result.indices.groupby("policy", sort=False) if "policy" in result.indices else [("", result.indices)]
    bad = result.unreliable()
    for policy, indices in policies:
        for outcome in indices.outcome.unique():
            stem = f"indices_{outcome}_{slug(policy)}" if policy else f"indices_{outcome}"
            warning = unreliable_note(bad[bad.policy == policy] if policy else bad, outcome)
            chart = plots.indices_chart(indices, outcome, meta, warning=warning)
            written += plots.save(chart, folder / "figures" / stem, meta)
    if result.discovery is not None:
        report["discovery"] = _discovery(result, meta, folder, written)
    write_json(folder / "sensitivity.json", report)
    prune_figures(results, written)
    return written


def _discovery(result: Any, meta: dict[str, Any], folder: Path, written: list[Path]) -> dict[str, Any]:
    """The discovered box's figure (added to `written`) and its summary for sensitivity.json."""
    box, rule = result.discovery, result.spec.discovery
    title = f"Where {rule.outcome} is above {rule.above:g} per year"
    written += plots.save(box_chart(box.limits, title, meta), folder / "figures" / "discovery", meta)
    return {"outcome": rule.outcome, "above": rule.above, **box.stats(), "limits": box.limits.to_dict(orient="records")}


def unreliable_note(bad: Any, outcome: str) -> str | None:
    """The figure's warning when some Sobol indices of `outcome` among `bad` (a Sensitivity's
    `unreliable()` rows, of one policy) are unreliable (too few samples)."""
    rows = bad[bad.outcome == outcome]
    return None if rows.empty else (f"unreliable: {len(rows)} of these indices show S1 above ST or an interval wider "
                                    "than the index (too few samples); raise samples and run again")
