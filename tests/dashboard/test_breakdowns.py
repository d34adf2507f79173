"""What a ministry asks next to the headline: the plain sentence on the page, breakdowns by payer,
landlord type, household type and municipality type (a chart and a table each), and totals over 5
and 10 years counted from the runs' own months."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard import breakdowns
from dashboard.messages import headline_sentence

from .conftest import opened
from .test_pages import texts


def test_totals_are_counted_from_the_months_and_a_short_run_has_none(comparison):
    # 36 months: no 5-year or 10-year total, rather than an extrapolation
    assert all(math.isnan(v) for v in breakdowns.totals(comparison, 5, "evictions")["ombudsman-package"])


def test_totals_over_5_years_add_up_the_paired_months():
    from sim import compare

    c = compare("baseline", ["ombudsman-package"], population="small_town", months=60, warmup=12, replications=2,
                seed=3)
    mid, low, high = breakdowns.totals(c, 5, "evictions")["ombudsman-package"]
    sums = {n: c.runs[n].monthly.groupby("replication")["evictions"].sum().to_numpy() for n in c.runs}
    assert mid == pytest.approx(np.mean(sums["ombudsman-package"] - sums["baseline"]))
    assert low <= mid <= high and low >= -np.mean(sums["baseline"])
    yearly = c.table.set_index(["scenario", "outcome"]).loc[("ombudsman-package", "evictions"), "diff"]
    assert mid == pytest.approx(5 * yearly)  # five years of a 5-year run: five times its yearly figure
    frame = breakdowns.totals_shown(c, "nl", ("evictions",))
    assert "verschil over 5 jaar" in frame.columns and frame["verschil over 10 jaar"].iloc[0] == "– (run korter)"


def test_breakdowns_use_the_model_s_own_counts(comparison):
    groups, unit = breakdowns.levels(comparison, "landlord", "en")
    assert unit == "households per year"
    table = comparison.table.set_index(["scenario", "outcome"])["mean"]
    by_corporations = groups["Evictions by corporations"]["baseline"]
    assert by_corporations == pytest.approx(table[("baseline", "evictions_corporation")])
    total = sum(g["baseline"] for g in groups.values())
    assert total == pytest.approx(table[("baseline", "evictions")])  # the two landlord types make up all evictions
    payer, _ = breakdowns.levels(comparison, "payer", "en")
    assert sum(g["baseline"] for g in payer.values()) == pytest.approx(table[("baseline", "cost_total_eur")])
    assert breakdowns.municipality_types(comparison).empty  # one municipality: no breakdown by type


def test_the_compare_page_says_the_headline_and_shows_the_breakdowns():
    at = opened(draws="0")
    shown = texts(at)
    sentence = headline_sentence_of(at)
    assert sentence and sentence in shown
    alts = [img.alt for e in at.main if getattr(e, "type", "") == "image" for img in e.proto.imgs]
    for title in ("Cost by who pays", "Evictions by landlord type", "Evictions by household type"):
        assert any(a.startswith(f"Bar chart: {title}") and "Current policy" in a for a in alts), (title, alts)
    titles = [e.value for e in at.subheader]
    assert "Breakdowns" in titles and "Totals over 5 and 10 years" in titles
    tables = [d.value for d in at.dataframe]
    assert any("difference over 5 years" in f.columns for f in tables)
    assert sum("Evictions by corporations" in f.to_string() for f in tables) >= 1
    assert sum("Cost: municipality" in f.to_string() for f in tables) >= 1


def headline_sentence_of(at) -> str:
    from dashboard import runs

    key = at.session_state[runs.APPLIED]
    return headline_sentence(runs.comparison_for(key), "ombudsman-package", "en")


def test_a_first_look_comes_before_the_full_comparison():
    """Pressing Run shows, within a couple of simulations, one replication at the medians, labelled
    as a first look, while the full comparison (here 4 draws x 2 replications) is simulated."""
    from dashboard import runs

    at = opened(draws="4", seed="11")
    looks = [i.value for i in at.info if i.value.startswith("**First look")]
    assert looks and "headline" not in looks[0] and "Ombudsman package:" in looks[0]
    request = __import__("json").loads(at.session_state[runs.APPLIED])
    quick = runs.first_look(request)
    assert quick["replications"] == 1 and quick["posterior"] == 0
    assert all(k in runs._store() for _, k in runs.run_requests(quick))  # simulated (and kept) first
    assert runs.first_look({**request, "replications": 1, "posterior": 0}) is None
