"""Analysis of any sweep, plain or crossed, from its results (or its folder):

    import sim
    box = sim.discover("results/my-sweep", "evictions", above=8)    # PRIM, with its trajectory
    print(box.inspect()); box.select(5)
    print(sim.cart("results/my-sweep", "evictions", above=8).inspect())   # a tree's leaves as boxes
    sim.regional_sensitivity("results/my-sweep", "evictions", above=8)   # which parameters separate them
    scores = sim.feature_scores("results/my-sweep")                   # extra trees, per outcome
    grid = sim.dimensional_stack("results/my-sweep", "evictions", above=8)
    table = sim.robustness("results/my-sweep", ["evictions", "cost_total_eur"], thresholds={"evictions": 10})

Cases are runs (each replication counts, as in the EMA Workbench); the parameters are the
varied ones, plus the policy's name in crossed experiments. `write_*` put each analysis's
tables and figures in a folder (`evictsim discover | cart | rsa | features | robustness` use them).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..pathway.outcomes import OUTCOME_INDEX
from ..scenario import suggest
from .compare import HEADLINE  # the comparison's headline outcomes: scored when no outcomes are named
from .cart import Cart, cart as fit_tree
from .discovery import Prim, prim
from .rsa import regional_table
from .features import extra_trees_scores, stack_grid
from .results import Results, as_results
from .robustness import robustness_table



def case_parameters(results: Results) -> pd.DataFrame:
    """The parameters that vary across the runs, and the policy's name where named scenarios are
    levers (otherwise the lever values say all the name says)."""
    named = (results.spec.get("levers") or {}).get("scenarios")
    names = [*results.parameters, *(["policy"] if named and "policy" in results.experiments else [])]
    return results.experiments[[n for n in names if results.experiments[n].nunique() > 1]]


def cases_of_interest(results: Results, outcome: str, above: float | None = None,
                      below: float | None = None) -> np.ndarray:
    """Runs whose yearly `outcome` is above (or below) a threshold."""
    check_outcomes(results, [outcome])
    if (above is None) == (below is None):
        raise ValueError("give one threshold: above or below (e.g. --above 8)")
    values = results.outcomes[outcome].to_numpy()
    interesting = values > above if above is not None else values < below
    if interesting.all() or not interesting.any():
        rule = f"above {above:g}" if above is not None else f"below {below:g}"
        raise ValueError(f"{outcome} is {rule} in {'all' if interesting.all() else 'none'} of the {len(values)} runs "
                         f"(it ranges from {values.min():,.4g} to {values.max():,.4g} per year); "
                         "choose a threshold in between")
    return interesting


def discover(source: Results | str | Path, outcome: str, above: float | None = None, below: float | None = None,
             alpha: float = 0.05, min_mass: float = 0.05, min_coverage: float = 0.5) -> Prim:
    """PRIM on a sweep: where is `outcome` above (or below) the threshold? Returns the peeling
    trajectory with the chosen box (`.box`, `.inspect()`, `.select(step)`)."""
    results = as_results(source)
    x = case_parameters(results)
    if x.empty:
        raise ValueError(f"{results.folder}: no parameter varies across the runs; nothing to discover")
    return prim(x, cases_of_interest(results, outcome, above, below), alpha, min_mass, min_coverage)


def cart(source: Results | str | Path, outcome: str, above: float | None = None, below: float | None = None,
         max_depth: int = 3, min_leaf: float = 0.05) -> Cart:
    """CART on a sweep: a classification tree's leaves as boxes, densest first (`.leaves`, `.inspect()`)."""
    results = as_results(source)
    x = case_parameters(results)
    if x.empty:
        raise ValueError(f"{results.folder}: no parameter varies across the runs; nothing to discover")
    return fit_tree(x, cases_of_interest(results, outcome, above, below), max_depth, min_leaf)


def regional_sensitivity(source: Results | str | Path, outcome: str, above: float | None = None,
                         below: float | None = None) -> pd.DataFrame:
    """Regional sensitivity analysis: how differently each parameter is spread among the runs of
    interest and the rest (see `rsa.py`); one row per parameter, the largest gap first."""
    results = as_results(source)
    return regional_table(case_parameters(results), cases_of_interest(results, outcome, above, below))


def feature_scores(source: Results | str | Path, outcomes: list[str] | None = None, seed: int = 1) -> pd.DataFrame:
    """Extra-trees feature scores: one row per parameter, one column per outcome (each sums to 1)."""
    results = as_results(source)
    names = list(outcomes or results.spec.get("outcomes") or HEADLINE)
    check_outcomes(results, names)
    return extra_trees_scores(case_parameters(results), results.outcomes[names], seed=seed)


def dimensional_stack(source: Results | str | Path, outcome: str, above: float | None = None,
                      below: float | None = None, levels: int = 2, bins: int = 3) -> pd.DataFrame:
    """The share of runs of interest in a grid over the highest-scoring parameters."""
    results = as_results(source)
    return stack_grid(case_parameters(results), cases_of_interest(results, outcome, above, below), levels, bins)


def robustness(source: Results | str | Path, outcomes: list[str] | str, maximize: tuple[str, ...] = (),
               thresholds: dict[str, float] | None = None) -> pd.DataFrame:
    """Regret and satisficing per policy (see `robustness.py`). Policies are those of a crossed
    spec, or else the combinations of the varied `policy.*` levers of a grid; scenarios are the
    points in the other parameters."""
    results = as_results(source)
    outcomes = [outcomes] if isinstance(outcomes, str) else list(outcomes)
    check_outcomes(results, [*outcomes, *maximize, *(thresholds or {})])
    runs = results.runs
    if "policy" not in runs:
        if not results.levers:
            raise ValueError(f"{results.folder}: no levers to compare; vary policy.* parameters or use [levers]")
        runs["policy"] = runs[results.levers].astype(str).agg(", ".join, axis=1)
    scenario = ["point"] if "policy" in results.experiments else results.uncertainties
    if not scenario:
        runs["scenario"], scenario = 0, ["scenario"]
    return robustness_table(runs, outcomes, "policy", scenario, tuple(maximize), thresholds)


def check_outcomes(results: Results, names: list[str]) -> None:
    for name in names:
        if name not in OUTCOME_INDEX:
            raise ValueError(f"unknown outcome {name!r}{suggest(name, list(OUTCOME_INDEX))}; "
                             "`evictsim outcomes` lists them")
        if name not in results.outcomes:
            raise ValueError(f"{results.folder}: no stored values of {name!r} (a store from an older version)")
    if len(results) == 0:
        raise ValueError(f"{results.folder}: no finished runs yet")
