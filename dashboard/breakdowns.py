"""What a ministry asks next to the headline: breakdowns the model already counts (cost by payer,
evictions by landlord type and by household type, evictions by municipality type in a national
run) and totals over 5 and 10 years next to the yearly figures.

Plain functions of a Comparison and a language; no Streamlit. Totals over a period are counted
from the runs' own months (paired per replication, with the same interval as the yearly
difference), never extrapolated: a run shorter than the period has no total for it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim import Comparison, Payer, interval_spread

from .i18n import UI, outcome_label, outcome_number, scenario_title, span, t, unit_label

# Each breakdown: its key (its title is t(f"breakdown_{key}")) and the outcomes it shows.
BREAKDOWNS = {
    "payer": tuple(f"cost_{payer.value}_eur" for payer in Payer),  # every payer, so they add up to the total
    "landlord": ("evictions_corporation", "evictions_private"),
    "household": ("evictions_with_children", "evictions_single_parent", "evictions_large_family",
                  "evictions_on_benefits"),
}
PERIODS = (5, 10)  # years


def municipality_types(comparison: Comparison) -> pd.DataFrame:
    """Evictions a year by municipality type, per scenario (empty for a run of one municipality)."""
    rows = []
    for name in [comparison.meta["baseline"], *comparison.meta["scenarios"]]:
        local = comparison.runs[name].by_municipality
        if local.empty or local["municipality"].nunique() < 2:
            return pd.DataFrame()
        runs = local.groupby([c for c in ("replication", "draw") if c in local]).ngroups
        years = comparison.runs[name].meta["months"] / 12
        per = local.groupby("type", observed=True)["evictions"].sum() / (runs * years)
        rows += [{"scenario": name, "type": str(kind), "evictions": float(v)} for kind, v in per.items()]
    return pd.DataFrame(rows)


def totals(comparison: Comparison, years: int, outcome: str) -> dict[str, tuple[float, float, float]]:
    """Per scenario: the paired difference against the baseline in `outcome` summed over the first
    `years` reported years, with its 90 % interval (nan where the run is shorter than that)."""
    base = comparison.meta["baseline"]
    months = years * 12
    out = {}
    for name in comparison.meta["scenarios"]:
        first, second = (_summed(comparison.runs[n].monthly, outcome, months) for n in (name, base))
        if first is None or second is None:
            out[name] = (np.nan, np.nan, np.nan)
            continue
        out[name] = difference_spread(first, second, _draws(comparison))
    return out


def difference_spread(first: np.ndarray, second: np.ndarray, draws: int) -> tuple[float, float, float]:
    """Mean paired difference `first - second` (runs numbered draw-major) and its 90 % interval as
    the comparison computes it (sim.uncertainty), the ends kept at or above minus the second's mean."""
    s = interval_spread((first - second).reshape(max(draws, 1), -1))
    floor = -max(float(np.mean(second)), 0.0)
    low = s.low if np.isnan(s.low) else max(s.low, floor)
    high = s.high if np.isnan(s.high) else max(s.high, floor)
    return s.mean, low, high


def _summed(monthly: pd.DataFrame, outcome: str, months: int) -> np.ndarray | None:
    """Each replication's total of a flow over its first `months` reported months (None: too short)."""
    if monthly["month"].max() + 1 < months:
        return None
    kept = monthly[monthly["month"] < months]
    return kept.groupby("replication")[outcome].sum().to_numpy(float)


def _draws(comparison: Comparison) -> int:
    return int(comparison.meta.get("posterior", {}).get("draws", 1) or 1)


def totals_frame(comparison: Comparison, lang: str, outcomes: tuple[str, ...]) -> pd.DataFrame:
    """Per scenario and flow outcome: the yearly difference and the differences over 5 and 10
    years with their 90 % intervals (numbers, for CSV)."""
    rows = []
    table = comparison.table
    for name in comparison.meta["scenarios"]:
        for outcome in outcomes:
            r = table[(table.scenario == name) & (table.outcome == outcome)].iloc[0]
            row = {t("col_scenario", lang): scenario_title(name, lang),
                   t("col_outcome", lang): outcome_label(outcome, lang), t("col_per_year_diff", lang): r["diff"]}
            for years in PERIODS:
                mid, low, high = totals(comparison, years, outcome)[name]
                row |= {t("col_total_years", lang, years=years): mid, t("col_total_low", lang, years=years): low,
                        t("col_total_high", lang, years=years): high}
            rows.append(row)
    return pd.DataFrame(rows)


def totals_shown(comparison: Comparison, lang: str, outcomes: tuple[str, ...]) -> pd.DataFrame:
    """The totals table for reading: each total with its interval in the outcome's own unit."""
    rows = []
    table = comparison.table
    for name in comparison.meta["scenarios"]:
        for outcome in outcomes:
            r = table[(table.scenario == name) & (table.outcome == outcome)].iloc[0]
            row = {t("col_scenario", lang): scenario_title(name, lang),
                   t("col_outcome", lang): outcome_label(outcome, lang),
                   t("col_per_year_diff", lang): _with_interval(outcome, r["diff"], r["diff_low"], r["diff_high"],
                                                                lang)}
            for years in PERIODS:
                mid, low, high = totals(comparison, years, outcome)[name]
                row[t("col_total_years", lang, years=years)] = (t("run_too_short", lang) if np.isnan(mid) else
                                                                _with_interval(outcome, mid, low, high, lang))
            rows.append(row)
    return pd.DataFrame(rows)


def _with_interval(outcome: str, mid: float, low: float, high: float, lang: str) -> str:
    text = outcome_number(outcome, mid, lang, True, short=True)
    if np.isnan(low):
        return text
    return f"{text} " + span(outcome_number(outcome, low, lang, True, short=True),
                             outcome_number(outcome, high, lang, True, short=True), lang)


def levels(comparison: Comparison, key: str, lang: str) -> tuple[dict[str, dict[str, float]], str]:
    """A breakdown's levels for its chart: {group label: {scenario: yearly value}}, and its unit."""
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    if key == "municipality":
        frame = municipality_types(comparison)
        groups = {kind_word(kind, lang): {n: float(frame[(frame.scenario == n) & (frame.type == kind)]["evictions"]
                                                     .sum()) for n in names} for kind in dict.fromkeys(frame["type"])}
        return groups, unit_label("evictions", lang)
    table = comparison.table
    outcomes = BREAKDOWNS[key]
    groups = {outcome_label(o, lang): {n: float(table[(table.scenario == n) & (table.outcome == o)]["mean"].iloc[0])
                                       for n in names} for o in outcomes}
    return groups, unit_label(outcomes[0], lang)


def kind_word(kind: str, lang: str) -> str:
    """A municipality type in words; a type from a user's file as it is written."""
    return t(f"kind_{kind}", lang) if f"kind_{kind}" in UI else kind.replace("_", " ")
