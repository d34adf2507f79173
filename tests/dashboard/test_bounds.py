"""No impossible number anywhere: relative changes never below -100 %, shares always within
0-100 % with the counts behind them, and a sentence on what every interval covers."""

from __future__ import annotations

import copy
import re

import numpy as np
import pytest
from matplotlib.collections import LineCollection

from dashboard import figures, levers
from dashboard.i18n import scenario_title
from dashboard.tables import bounded_table, scorecard_frame, scorecard_wide
from sim import Comparison, Scenario, compare
from sim.intervals import covers_sentence

PERCENT = re.compile(r"(-?\d+(?:[.,]\d+)?) ?%")


@pytest.fixture(scope="module")
def every_scenario() -> Comparison:
    """Every shipped scenario against the baseline (small town, 3 years, 2 replications)."""
    scenarios: list[Scenario | str] = [*levers.scenario_names()[1:]]
    return compare("baseline", scenarios, population="small_town", months=36, replications=2, seed=1)


def relative_lows(comparison: Comparison) -> np.ndarray:
    """Every difference's lower bound as a share of the baseline level (where there is one)."""
    table = bounded_table(comparison)
    base = table[table.verdict == "baseline"].set_index("outcome")["mean"]
    level = table.outcome.map(base)
    rows = table[(level > 0) & table.diff_low.notna()]
    return (rows.diff_low / rows.outcome.map(base)).to_numpy()


def forest_x_values(comparison: Comparison, lang: str) -> np.ndarray:
    """Every x the forest plot draws: markers and the ends of the interval bars (in %)."""
    fig = figures.forest_figure(comparison, lang)
    ax = fig.axes[0]
    xs = [segment[:, 0] for coll in ax.collections if isinstance(coll, LineCollection)
          for segment in coll.get_segments()]
    xs += [np.asarray(line.get_xdata()) for line in ax.lines if line.get_linestyle() == "None"]
    figures.plt.close(fig)
    return np.concatenate([np.asarray(x, dtype=float) for x in xs])


def test_a_difference_is_never_below_minus_the_baseline(comparison):
    wild = copy.copy(comparison)
    wild.table = comparison.table.copy()
    wild.table["diff_low"] = np.where(wild.table.verdict == "baseline", 0.0, -3 * wild.table["mean"].abs() - 5)
    assert relative_lows(wild).min() >= -1.0
    assert forest_x_values(wild, "en").min() >= -100.0


@pytest.mark.slow
def test_no_impossible_number_for_any_shipped_scenario(every_scenario):
    assert relative_lows(every_scenario).min() >= -1.0
    for lang in ("en", "nl"):
        assert forest_x_values(every_scenario, lang).min() >= -100.0 - 1e-9
        wide = scorecard_wide(scorecard_frame(every_scenario, lang), lang)
        shown = " ".join(str(v) for column in wide.columns[4:] for v in wide[column])
        shares = [float(v.replace(",", ".")) for v in PERCENT.findall(shown)]
        assert shares and min(shares) >= 0 and max(shares) <= 100
    card = scorecard_frame(every_scenario, "en")
    shares = card[card.unit == "share"]
    assert ((shares.value.isna()) | shares.value.between(0, 1)).all()


def test_shares_show_the_counts_behind_them(comparison):
    wide = scorecard_wide(scorecard_frame(comparison, "nl"), "nl")
    cells = wide[scenario_title("baseline", "nl")].tolist()  # a scenario's column is headed by its title
    assert any(re.search(r"\d+ van \d+", c) for c in cells)
    assert all("%" not in c or "van" in c for c in cells if "×" not in c)


def test_the_interval_sentence_follows_what_the_comparison_declares(comparison):
    noise = covers_sentence(comparison.meta, "en")
    assert "noise only" in noise and "2 paired replications" in noise
    assert "toevalsvariatie" in covers_sentence(comparison.meta, "nl")
    both = {**comparison.meta, "uncertainty": {"covers": "noise and parameters", "posterior_draws": 40,
                                               "replications": 5}}
    assert "40 joint draws" in covers_sentence(both, "en") and "5 paired" in covers_sentence(both, "en")
    assert "40 gezamenlijke trekkingen" in covers_sentence(both, "nl")


def test_runs_kept_by_the_dashboard_pair_as_sim_compare_pairs_them(comparison):
    from dashboard.runs import paired

    again = paired(dict(comparison.runs))
    assert again.meta["baseline"] == "baseline" and again.meta["scenarios"] == ["ombudsman-package"]
    import pandas as pd

    pd.testing.assert_frame_equal(again.table, comparison.table)
