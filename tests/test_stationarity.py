"""The calibrated baseline is stationary: results describe a steady state, not a drift.

Over 30 simulated years (after the default warm-up) households in arrears, arrears owed and
evictions show no trend beyond 10 % of their level, and arrears owed stay bounded. The trend is
the slope of a straight line through the yearly values times 29 years; 100,000 households keep
the noise in that slope (about 6 % for evictions) well below the bound.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim import run

YEARS = 30


@pytest.fixture(scope="module")
def yearly():
    monthly = run("baseline", population="100000", months=12 * YEARS, seed=3).monthly
    by_year = monthly.groupby(monthly.month // 12)
    return {"households_in_arrears": by_year.households_in_arrears.mean().to_numpy(),
            "arrears_eur": by_year.arrears_eur.mean().to_numpy(),
            "evictions": by_year.evictions.sum().to_numpy()}


def trend(values: np.ndarray) -> float:
    """Change over the whole run along the fitted line, relative to the mean level."""
    slope = np.polyfit(np.arange(values.size), values, 1)[0]
    return slope * (values.size - 1) / values.mean()


@pytest.mark.parametrize("outcome", ["households_in_arrears", "arrears_eur", "evictions"])
def test_no_trend_beyond_ten_percent_over_thirty_years(yearly, outcome):
    assert abs(trend(yearly[outcome])) <= 0.10, f"{outcome}: {yearly[outcome].round()}"


def test_arrears_owed_stay_bounded(yearly):
    arrears = yearly["arrears_eur"]
    assert arrears[-10:].max() <= 1.1 * arrears[:10].max()
