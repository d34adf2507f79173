"""Scenario discovery with a classification tree (CART), next to PRIM (discovery.py).

As in the EMA Workbench (Breiman et al. 1984; Lempert et al. 2008): a decision tree is fitted
to the runs of interest, and each leaf is a box, the conjunction of the splits on its path.
Unlike PRIM's single box of a peeling trajectory, the leaves cover every run, so several boxes
of interest show at once. Each leaf reports its runs, its density (the share of its runs that
are of interest) with a 90 % Clopper-Pearson interval (a leaf of few runs has a wide one: its
density may be chance), its coverage and its mass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

CONFIDENCE = 0.90


@dataclass(repr=False)
class Cart:
    """A fitted tree's leaves as boxes: `leaves` (one row per leaf: leaf, rule, runs, cases,
    density, density_low, density_high, coverage, mass), ordered by density, highest first."""

    leaves: pd.DataFrame
    cases: int
    runs: int

    def inspect(self) -> str:
        """One line per leaf: its rule, runs, density with interval, coverage."""
        lines = [f"{self.cases} runs of interest among {self.runs}; {len(self.leaves)} leaves (boxes), densest first"]
        for r in self.leaves.itertuples():
            lines.append(f"  leaf {r.leaf}: density {r.density:.0%} (90 % interval {r.density_low:.0%}-"
                         f"{r.density_high:.0%}), coverage {r.coverage:.0%}, {r.runs} runs: {r.rule}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Cart({len(self.leaves)} leaves on {self.runs} runs, {self.cases} of interest)"


def cart(x: pd.DataFrame, interesting: np.ndarray, max_depth: int = 3, min_leaf: float = 0.05,
         seed: int = 1) -> Cart:
    """Fit a tree of at most `max_depth` splits per path, leaves of at least `min_leaf` of the runs."""
    from sklearn.tree import DecisionTreeClassifier

    y = np.asarray(interesting, bool)
    numbers, categories = _coded(x)
    tree = DecisionTreeClassifier(max_depth=max_depth, min_samples_leaf=max(1, round(min_leaf * len(y))),
                                  random_state=seed).fit(numbers.to_numpy(), y)
    leaf_of = tree.apply(numbers.to_numpy())
    rows = [_leaf(int(leaf), _rule(tree, int(leaf), list(x.columns), categories), y, leaf_of == leaf)
            for leaf in np.unique(leaf_of)]
    leaves = pd.DataFrame(rows).sort_values(["density", "runs"], ascending=False, kind="stable")
    return Cart(leaves.reset_index(drop=True), int(y.sum()), len(y))


def _coded(x: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, list]]:
    """Parameters as numbers (booleans 0/1, names as category codes) and each coded column's categories."""
    out, categories = x.copy(), {}
    for name in x.columns:
        column = x[name]
        if pd.api.types.is_bool_dtype(column) or not pd.api.types.is_numeric_dtype(column):
            coded = pd.Categorical(column)
            categories[name] = list(coded.categories)
            out[name] = coded.codes
    return out.astype(float), categories


def _rule(tree, leaf: int, names: list[str], categories: dict[str, list]) -> str:
    """The box of `leaf`: the splits on its path from the root, each parameter's taken together
    (the tightest bounds of a number, the categories every split kept), joined by "and"."""
    t = tree.tree_
    parent = {child: (node, side) for node in range(t.node_count)
              for child, side in ((t.children_left[node], "<="), (t.children_right[node], ">")) if child != -1}
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    kept: dict[str, set[int]] = {}
    node = leaf
    while node in parent:
        node, side = parent[node]
        name, cut = names[t.feature[node]], float(t.threshold[node])
        if name in categories:
            codes = {i for i in range(len(categories[name])) if (i <= cut) == (side == "<=")}
            kept[name] = kept.get(name, codes) & codes
        elif side == "<=":
            high[name] = min(high.get(name, cut), cut)
        else:
            low[name] = max(low.get(name, cut), cut)
    parts = [_category_text(name, [categories[name][i] for i in sorted(codes)]) for name, codes in kept.items()]
    parts += [_bounds_text(name, low.get(name), high.get(name)) for name in names if name in low or name in high]
    return " and ".join(parts) or "all runs"


def _category_text(name: str, kept: list) -> str:
    return f"{name} in {{{', '.join(str(c).lower() if isinstance(c, (bool, np.bool_)) else str(c) for c in kept)}}}"


def _bounds_text(name: str, low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:.4g} < {name} <= {high:.4g}"
    return f"{name} > {low:.4g}" if low is not None else f"{name} <= {high:.4g}"


def _leaf(leaf: int, rule: str, y: np.ndarray, inside: np.ndarray) -> dict[str, object]:
    runs, cases = int(inside.sum()), int(y[inside].sum())
    interval = stats.binomtest(cases, runs).proportion_ci(CONFIDENCE, method="exact")
    return {"leaf": leaf, "rule": rule, "runs": runs, "cases": cases, "density": cases / runs,
            "density_low": interval.low, "density_high": interval.high,
            "coverage": cases / max(int(y.sum()), 1), "mass": runs / len(y)}
