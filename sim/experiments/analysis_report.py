"""Tables and figures of the analyses, written under a sweep's folder (analysis/ by default):

    discover-<outcome>-<above|below>-<threshold>/   trajectory.csv, box.csv, discovery.json,
                                                    figures trajectory, box and stacking
    cart-<rule>/                                     leaves.csv, cart.json, figure leaves
    rsa-<rule>/                                      regional.csv, regional.json, figure distributions
    feature_scores.csv/.json, feature_scores.png/.svg
    robustness.csv/.json, robustness_<outcome>.png/.svg

Every file carries the stamp (sim.experiments.stamp): the version, git commit and dirty flag of
the code, the number of runs used and the plan they came from; CSV files in `#` lines at the top.
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
from .cart import Cart
from .discovery import Prim
from .features import stack_grid
from .results import Results
from .stamp import figure_stamp, results_stamp, write_csv


def analysis_meta(results: Results) -> dict[str, Any]:
    """Caption and file metadata of an analysis figure: the study, the code and the runs it used."""
    name = results.spec.get("name") or (results.folder.name if results.folder else "sweep")
    return {"scenario": name, "seed": results.spec.get("seed", ""), "version": version(),
            **figure_stamp(results_stamp(results))}


def rule_text(outcome: str, above: float | None, below: float | None) -> str:
    return f"{outcome} {'above' if above is not None else 'below'} {above if above is not None else below:g}"


def write_discovery(results: Results, found: Prim, outcome: str, above: float | None, below: float | None,
                    folder: Path) -> list[Path]:
    """The trajectory, the chosen box, a summary and three figures (trajectory, box, stacking)."""
    folder = prepare_dir(folder)
    box, meta, rule, mark = found.box, analysis_meta(results), rule_text(outcome, above, below), results_stamp(results)
    written = [write_csv(folder / "trajectory.csv", found.trajectory, mark),
               write_csv(folder / "box.csv", box.limits, mark)]
    write_json(folder / "discovery.json", {"stamp": mark, "rule": rule, "outcome": outcome, "above": above,
                                           "below": below, **box.stats(), "cases": box.cases, "runs": len(results),
                                           "limits": box.limits.to_dict(orient="records")})
    written.append(folder / "discovery.json")
    written += save(figures.trajectory_chart(found.trajectory, box.step, f"Peeling trajectory: {rule}", meta),
                    folder / "trajectory", meta)
    chart = figures.box_chart(box.limits, f"Where {rule} per year (step {box.step})", meta)
    written += save(chart, folder / "box", meta)
    grid = stack_grid(case_parameters(results), cases_of_interest(results, outcome, above, below))
    written += save(figures.stack_chart(grid, f"Share of runs with {rule}", meta), folder / "stacking", meta)
    return written


def write_cart(results: Results, found: Cart, rule: str, folder: Path) -> list[Path]:
    """leaves.csv, cart.json (with the stamp) and the leaves chart."""
    folder = prepare_dir(folder)
    mark, meta = results_stamp(results), analysis_meta(results)
    written = [write_csv(folder / "leaves.csv", found.leaves, mark)]
    write_json(folder / "cart.json", {"stamp": mark, "rule": rule, "cases": found.cases, "runs": found.runs,
                                      "leaves": found.leaves.to_dict(orient="records")})
    written.append(folder / "cart.json")
    return [*written, *save(figures.leaves_chart(found.leaves, f"CART leaves: {rule}", meta), folder / "leaves", meta)]


def write_regional(results: Results, table: pd.DataFrame, outcome: str, above: float | None, below: float | None,
                   folder: Path) -> list[Path]:
    """regional.csv, regional.json (with the stamp) and the distributions of the parameters."""
    folder = prepare_dir(folder)
    mark, meta, rule = results_stamp(results), analysis_meta(results), rule_text(outcome, above, below)
    written = [write_csv(folder / "regional.csv", table, mark)]
    write_json(folder / "regional.json", {"stamp": mark, "rule": rule, "table": table.to_dict(orient="records")})
    written.append(folder / "regional.json")
    interesting = cases_of_interest(results, outcome, above, below)
    chart = figures.regional_chart(case_parameters(results), interesting, table, f"Runs with {rule} and the rest",
                                   meta)
    return [*written, *save(chart, folder / "distributions", meta)]


def write_features(results: Results, scores: pd.DataFrame, folder: Path) -> list[Path]:
    """feature_scores.csv and .json (with the stamp) and the heatmap."""
    folder = prepare_dir(folder)
    mark, meta = results_stamp(results), analysis_meta(results)
    written = [write_csv(folder / "feature_scores.csv", scores, mark, index=True)]
    table = scores.reset_index().to_dict(orient="records")
    write_json(folder / "feature_scores.json", {"stamp": mark, "scores": table})
    written.append(folder / "feature_scores.json")
    return [*written, *save(figures.scores_chart(scores, meta), folder / "feature_scores", meta)]


def write_robustness(results: Results, table: pd.DataFrame, folder: Path) -> list[Path]:
    """robustness.csv and .json (with the stamp) and a chart per outcome."""
    folder = prepare_dir(folder)
    mark, meta = results_stamp(results), analysis_meta(results)
    written = [write_csv(folder / "robustness.csv", table, mark)]
    write_json(folder / "robustness.json", {"stamp": mark, "table": table.to_dict(orient="records")})
    written.append(folder / "robustness.json")
    for outcome in table.outcome.unique():
        written += save(figures.robustness_chart(table, outcome, meta), folder / f"robustness_{outcome}", meta)
    return written
