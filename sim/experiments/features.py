"""Which parameters drive an outcome: extra-trees feature scores and dimensional stacking.

Feature scores follow the EMA Workbench (Jaxa-Rozen and Kwakkel 2018): an ensemble of
extremely randomised trees is fitted to the outcome, and each parameter's share of the
trees' impurity reduction is its score (scores of one outcome sum to 1). Unlike Sobol indices
they need no special sample: any sweep will do.

Dimensional stacking (Suzuki et al. 2015) shows where cases of interest lie: the highest-scoring
parameters are cut into bins, and a grid of the share of cases of interest is drawn with two
of them nested on each axis.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..plots import short_number
import itertools


def as_numbers(x: pd.DataFrame) -> pd.DataFrame:
    """Parameters as numbers for the trees: booleans as 0/1, names (a policy) as category codes."""
    out = x.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_bool_dtype(column):
            out[name] = column.astype(int)
        elif not pd.api.types.is_numeric_dtype(column):
            out[name] = pd.Categorical(column).codes
    return out.astype(float)


def extra_trees_scores(x: pd.DataFrame, outcomes: pd.DataFrame, trees: int = 100, seed: int = 1) -> pd.DataFrame:
    """Extra-trees scores: one row per parameter, one column per outcome (each column sums to 1;
    a constant outcome scores 0 everywhere), rows ordered by the first outcome's score.

    A boolean outcome column (cases of interest) is scored with a classifier, others with a
    regressor. As in the EMA Workbench: a third of the parameters tried at each split, leaves
    of at least sqrt(n / 1000) cases, bootstrap samples.
    """
    from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor

    features = as_numbers(x)
    scores = {}
    for name in outcomes.columns:
        y = outcomes[name].to_numpy()
        if np.unique(y).size < 2:
            scores[name] = np.zeros(features.shape[1])
            continue
        model = ExtraTreesClassifier if y.dtype == bool else ExtraTreesRegressor
        forest = model(n_estimators=trees, max_features=max(1, round(features.shape[1] / 3)),
                       min_samples_leaf=max(1, round(math.sqrt(len(y)) / math.sqrt(1000))),
                       bootstrap=True, random_state=seed)
        scores[name] = forest.fit(features.to_numpy(), y).feature_importances_
    table = pd.DataFrame(scores, index=pd.Index(x.columns, name="parameter"))
    return table.sort_values(table.columns[0], ascending=False, kind="stable")


def stack_grid(x: pd.DataFrame, interesting: np.ndarray, levels: int = 2, bins: int = 3,
                      seed: int = 1) -> pd.DataFrame:
    """The share of cases of interest (0-1) in a grid over the 2 x `levels` highest-scoring
    parameters, each cut into `bins` bins of equal counts (booleans and names as they are):
    the first half of them nested on the rows, the second half on the columns."""
    y = np.asarray(interesting, bool)
    scores = extra_trees_scores(x, pd.DataFrame({"interesting": y}), seed=seed)
    chosen = list(scores.index[: 2 * levels])
    binned = pd.DataFrame({name: _binned(x[name], bins) for name in chosen})
    binned["interesting"] = y
    half = max(1, len(chosen) // 2)
    return binned.pivot_table(values="interesting", index=chosen[:half], columns=chosen[half:] or None,
                              aggfunc="mean", observed=False)


def _binned(column: pd.Series, bins: int) -> pd.Series:
    if pd.api.types.is_bool_dtype(column) or not pd.api.types.is_numeric_dtype(column) or column.nunique() <= bins:
        return column.astype(str).str.lower() if pd.api.types.is_bool_dtype(column) else column
    edges = np.unique(np.quantile(column, np.linspace(0, 1, bins + 1)))
    labels = [f"{short_number(a)}-{short_number(b)}" for a, b in itertools.pairwise(edges)]
    return pd.cut(column, edges, labels=labels, include_lowest=True)
