"""`evictsim plot FOLDER KIND`: figures of a stored sweep that the sweep itself does not draw.

    lines, envelopes, kde   each outcome's monthly series per policy (needs `series = true`)
    parallel, pairs         the outcomes against each other across runs (trade-offs)

Policies are a crossed experiment's, or the combinations of a plain sweep's varied `policy.*`
levers (one group when nothing is a lever). Each figure is stamped with the code and the runs it
used; the parallel-coordinates figure marks each outcome's noise (the 90 % range of single runs'
deviations from their point's mean, over replications), so a reader does not take a spread that
noise alone makes for a trade-off.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .. import tradeoff_plots
from ..plots import save
from .analysis import HEADLINE, check_outcomes
from .analysis_report import analysis_meta
from .results import Results, as_results

SERIES_KINDS = ("lines", "envelopes", "kde")


def write_plot(source: Results | str | Path, kind: str, outcomes: list[str] | None = None,
               folder: Path | None = None) -> list[Path]:
    """Draw `kind` for the sweep's outcomes (default: the spec's) into `folder` (default
    FOLDER/analysis/figures); returns the files written."""
    results = as_results(source)
    names = list(outcomes or results.spec.get("outcomes") or HEADLINE)
    check_outcomes(results, names)
    folder = folder or (results.folder or Path(".")) / "analysis" / "figures"
    meta, runs = analysis_meta(results), with_policy(results)
    written: list[Path] = []
    if kind in SERIES_KINDS:
        for outcome in names:
            chart = tradeoff_plots.series_chart(series_by_policy(results, runs, outcome), outcome, kind, meta)
            written += save(chart, folder / f"{kind}_{outcome}", meta)
        return written
    if len(names) < 2:
        raise ValueError(f"a {kind} plot shows outcomes against each other: name at least two (--outcome, repeated)")
    by = "policy" if runs["policy"].nunique() > 1 else None
    if kind == "parallel":
        chart = tradeoff_plots.parallel_chart(runs, names, by, meta, noise=run_noise(results, names))
    else:
        chart = tradeoff_plots.pairs_chart(runs, names, by, meta)
    return save(chart, folder / f"{kind}_{'_'.join(names)}", meta)


def with_policy(results: Results) -> pd.DataFrame:
    """The runs with a `policy` column: the crossed experiment's, the varied levers' values, or one group."""
    runs = results.runs
    if "policy" not in runs:
        runs["policy"] = runs[results.levers].astype(str).agg(", ".join, axis=1) if results.levers else "all runs"
    return runs


def series_by_policy(results: Results, runs: pd.DataFrame, outcome: str) -> dict[str, pd.DataFrame]:
    """Each policy's monthly series of `outcome`: one row per run, one column per month."""
    series = results.series(outcome)
    return {str(name): series.loc[group.index] for name, group in runs.groupby("policy", sort=False)}


def run_noise(results: Results, outcomes: list[str]) -> dict[str, float]:
    """Per outcome, half the 90 % range of single runs' deviations from their point's mean (what
    replications alone spread); NaN without replications."""
    keys = [c for c in ("policy", "point", "draw") if c in results.experiments]
    runs = results.runs
    if runs.groupby(keys)[outcomes[0]].transform("size").max() < 2:
        return dict.fromkeys(outcomes, float("nan"))
    deviations = runs[outcomes] - runs.groupby(keys)[outcomes].transform("mean")
    return {o: float(np.subtract(*np.percentile(deviations[o], [95, 5])) / 2) for o in outcomes}
