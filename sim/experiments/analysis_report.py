"""Tables and figures of the analyses, written under a sweep's folder (analysis/ by default):

    discover-<outcome>-<above|below>-<threshold>/   trajectory.csv, box.csv, discovery.json,
                                                    figures trajectory, box and stacking
    feature_scores.csv, feature_scores.png/.svg
    robustness.csv, robustness_<outcome>.png/.svg
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .. import analysis_plots as figures
from ..plots import save
from ..results_io import prepare_dir, write_json
from ..provenance import version
from .analysis import case_parameters, cases_of_interest
from .discovery import Prim
from .features import stack_grid
from .results import Results


def analysis_meta(results: Results) -> dict[str, Any]:
    """Caption and file metadata of an analysis figure."""
    name = results.spec.get("name") or (results.folder.name if results.folder else "sweep")
    return {"scenario": f"{name} ({len(results)} runs)", "seed": results.spec.get("seed", ""), "version": version()}


def rule_text(outcome: str, above: float | None, below: float | None) -> str:
    return f"{outcome} {'above' if above is not None else 'below'} {above if above is not None else below:g}"


def write_discovery(results: Results, found: Prim, outcome: str, above: float | None, below: float | None,
                    folder: Path) -> list[Path]:
    """The trajectory, the chosen box, a summary and three figures (trajectory, box, stacking)."""
    folder = prepare_dir(folder)
    box, meta, rule = found.box, analysis_meta(results), rule_text(outcome, above, below)
    found.trajectory.to_csv(folder / "trajectory.csv", index=False)
    box.limits.to_csv(folder / "box.csv", index=False)
    write_json(folder / "discovery.json", {"rule": rule, "outcome": outcome, "above": above, "below": below,
                                           **box.stats(), "cases": box.cases, "runs": len(results),
                                           "limits": box.limits.to_dict(orient="records")})
    written = [folder / "trajectory.csv", folder / "box.csv", folder / "discovery.json"]
    written += save(figures.trajectory_chart(found.trajectory, box.step, f"Peeling trajectory: {rule}", meta),
                    folder / "trajectory", meta)
    chart = figures.box_chart(box.limits, f"Where {rule} per year (step {box.step})", meta)
    written += save(chart, folder / "box", meta)
    grid = stack_grid(case_parameters(results), cases_of_interest(results, outcome, above, below))
    written += save(figures.stack_chart(grid, f"Share of runs with {rule}", meta), folder / "stacking", meta)
    return written


def write_features(results: Results, scores: pd.DataFrame, folder: Path) -> list[Path]:
    folder = prepare_dir(folder)
    scores.to_csv(folder / "feature_scores.csv")
    meta = analysis_meta(results)
    return [folder / "feature_scores.csv", *save(figures.scores_chart(scores, meta), folder / "feature_scores", meta)]


def write_robustness(results: Results, table: pd.DataFrame, folder: Path) -> list[Path]:
    folder = prepare_dir(folder)
    table.to_csv(folder / "robustness.csv", index=False)
    meta, written = analysis_meta(results), [folder / "robustness.csv"]
    for outcome in table.outcome.unique():
        written += save(figures.robustness_chart(table, outcome, meta), folder / f"robustness_{outcome}", meta)
    return written
