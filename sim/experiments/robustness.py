"""Robustness of policies across the uncertainties (the EMA Workbench's robustness metrics).

Each policy's outcome is averaged over replications per scenario (a point in the
uncertainties, on the same seeds for every policy). Then, per policy:

- regret: in each scenario, how much worse the policy does than the best policy in that
  scenario (0 where it is the best); its maximum (minimax regret, Savage) and mean;
- satisficing: the share of scenarios in which the outcome meets a threshold (at most the
  threshold for outcomes to keep low, at least it for those to raise);
- the outcome's mean and its 10th and 90th percentile over scenarios.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def scenario_table(runs: pd.DataFrame, outcome: str, policy: str, scenario: list[str]) -> pd.DataFrame:
    """One row per scenario, one column per policy: the outcome's mean over replications."""
    table = runs.groupby([*scenario, policy], sort=False)[outcome].mean().unstack(policy)
    if table.isna().any().any():
        missing = table.columns[table.isna().any()].tolist()
        raise ValueError(f"robustness needs every policy run in every scenario; {missing[:3]} lack some. "
                         "Cross them: [levers] and [uncertainties] in the spec")
    return table


def robustness_table(runs: pd.DataFrame, outcomes: list[str], policy: str, scenario: list[str],
               maximize: tuple[str, ...] = (), thresholds: dict[str, float] | None = None) -> pd.DataFrame:
    """One row per policy and outcome: mean, p10, p90, max_regret, mean_regret, best_share (share
    of scenarios where it is the best policy) and, with a threshold, satisficing (0-1)."""
    rows = []
    for outcome in outcomes:
        table = scenario_table(runs, outcome, policy, scenario)
        higher_is_better = outcome in maximize
        best = table.max(axis=1) if higher_is_better else table.min(axis=1)
        regret = (best.to_numpy()[:, None] - table) if higher_is_better else (table - best.to_numpy()[:, None])
        limit = (thresholds or {}).get(outcome)
        for name in table.columns:
            values = table[name].to_numpy()
            row = {"policy": name, "outcome": outcome, "goal": "raise" if higher_is_better else "lower",
                   "scenarios": len(values), "mean": values.mean(), "p10": np.percentile(values, 10),
                   "p90": np.percentile(values, 90), "max_regret": float(regret[name].max()),
                   "mean_regret": float(regret[name].mean()), "best_share": float((regret[name] <= 0).mean())}
            if limit is not None:
                ok = values >= limit if higher_is_better else values <= limit
                row |= {"threshold": limit, "satisficing": float(ok.mean())}
            rows.append(row)
    return pd.DataFrame(rows)
