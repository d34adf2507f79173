"""Regional sensitivity analysis (Hornberger and Spear 1981; Spear and Hornberger 1980), as the
EMA Workbench's `regional_sa`: split the runs into those of interest and the rest, and compare
each parameter's distribution in the two. A parameter whose distributions differ much drives the
outcome into the region of interest; one whose distributions are the same does not.

Numbers are compared by the Kolmogorov-Smirnov statistic (the largest gap between the two
cumulative distributions, 0-1) with its p-value; booleans and names (a policy) by the largest gap
between the two groups' shares of a category (0-1), with a chi-squared test's p-value. The
p-value says how likely a gap that large is by chance alone (noise and sampling): a small gap
with a large p-value is no evidence of an effect.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats


def regional_table(x: pd.DataFrame, interesting: np.ndarray) -> pd.DataFrame:
    """One row per parameter: statistic (0-1), p_value, test, and the median (numbers) or the most
    common value (booleans, names) among runs of interest and among the rest; largest gap first."""
    y = np.asarray(interesting, bool)
    rows = [{"parameter": name, **_compare(x[name], y)} for name in x.columns]
    return pd.DataFrame(rows).sort_values("statistic", ascending=False, kind="stable").reset_index(drop=True)


def _compare(column: pd.Series, y: np.ndarray) -> dict[str, object]:
    inside, outside = column[y], column[~y]
    if pd.api.types.is_bool_dtype(column) or not pd.api.types.is_numeric_dtype(column):
        counts = pd.crosstab(column, y)
        shares = counts / counts.sum()
        gap = float((shares[True] - shares[False]).abs().max())
        p = float(stats.chi2_contingency(counts.to_numpy())[1]) if counts.shape[0] > 1 else 1.0
        return {"statistic": gap, "p_value": p, "test": "share gap, chi-squared",
                "of_interest": str(inside.mode().iloc[0]), "others": str(outside.mode().iloc[0])}
    result = stats.ks_2samp(inside.to_numpy(float), outside.to_numpy(float))
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "test": "Kolmogorov-Smirnov",
            "of_interest": f"{inside.median():.4g}", "others": f"{outside.median():.4g}"}
