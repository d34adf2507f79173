"""Robustness of policies across the uncertainties (the EMA Workbench's robustness metrics).

Each policy's outcome is averaged over replications per scenario (a point in the
uncertainties, on the same seeds for every policy). Then, per policy:

- regret: in each scenario, how much worse the policy does than the best policy in that
  scenario (0 where it is the best); its maximum (minimax regret, Savage) and mean;
- satisficing: the share of scenarios in which the outcome meets a threshold (at most the
  threshold for outcomes to keep low, at least it for those to raise);
- the outcome's mean and its 10th and 90th percentile over scenarios;
- best_share: the share of scenarios in which the policy is the best. Policies that tie for
  the best (the same value, as policies that change nothing relevant do on common seeds) each
  count, so the shares of all policies can sum to more than 1;
- regret_noise: the noise reference, one per outcome. With replications, the half-width of the
  90 % interval that simulation noise alone gives one scenario's regret (from the spread of the
  paired differences between policies over replications, pooled over scenarios and pairs):
  regrets smaller than this cannot be told from noise. NaN with one replication.
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
    of scenarios where it is the best policy; ties count for each), regret_noise and, with a
    threshold, satisficing (0-1)."""
    rows = []
    for outcome in outcomes:
        table = scenario_table(runs, outcome, policy, scenario)
        noise = regret_noise(runs, outcome, policy, scenario)
        higher_is_better = outcome in maximize
        best = table.max(axis=1) if higher_is_better else table.min(axis=1)
        regret = (best.to_numpy()[:, None] - table) if higher_is_better else (table - best.to_numpy()[:, None])
        limit = (thresholds or {}).get(outcome)
        for name in table.columns:
            values = table[name].to_numpy()
            row = {"policy": name, "outcome": outcome, "goal": "raise" if higher_is_better else "lower",
                   "scenarios": len(values), "mean": values.mean(), "p10": np.percentile(values, 10),
                   "p90": np.percentile(values, 90), "max_regret": float(regret[name].max()),
                   "mean_regret": float(regret[name].mean()), "best_share": float((regret[name] <= 0).mean()),
                   "regret_noise": noise}
            if limit is not None:
                ok = values >= limit if higher_is_better else values <= limit
                row |= {"threshold": limit, "satisficing": float(ok.mean())}
            rows.append(row)
    return pd.DataFrame(rows)


NOISE_LEVEL = 0.90


def regret_noise(runs: pd.DataFrame, outcome: str, policy: str, scenario: list[str]) -> float:
    """The half-width of the 90 % interval that noise alone gives one scenario's regret: the paired
    difference between two policies, replication by replication (same seeds), its variance pooled
    over scenarios and over the pairs of policies that differ at all; NaN without replications."""
    from itertools import combinations

    from scipy import stats

    if "replication" not in runs or runs["replication"].nunique() < 2:
        return float("nan")
    wide = runs.groupby([*scenario, "replication", policy], sort=False)[outcome].mean().unstack(policy)
    by_scenario = list(range(len(scenario)))
    variances = [(wide[a] - wide[b]).groupby(level=by_scenario).var(ddof=1).mean()
                 for a, b in combinations(wide.columns, 2) if not (wide[a] == wide[b]).all()]
    if not variances:
        return 0.0  # the policies do not differ at all on common seeds: nothing to be noisy
    reps = runs["replication"].nunique()
    scenarios = len(wide) // reps
    t = stats.t.ppf(0.5 + NOISE_LEVEL / 2, scenarios * (reps - 1))
    return float(t * np.sqrt(np.mean(variances) / reps))
