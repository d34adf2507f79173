"""Tables of a comparison as the dashboard and its exports show them: the headline table, the
rights scorecard and the facts that stamp every export (scenarios, date, seed, version).

Plain functions of a sim.experiments.compare.Comparison and a language; no Streamlit.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from sim import HEADLINE, OBLIGATIONS, PROFILES, Comparison, covers_parameters, rights_scorecard

from .i18n import (CARDS, number, outcome_label, outcome_number, scenario_title, share, span, t, unit_label,
                   verdict_text)

# Scorecard indicators that are ratios rather than shares (1 = equal); all others are shares.
RATIO_INDICATORS = tuple(o.key for o in OBLIGATIONS if o.unit == "ratio")


def facts(comparison: Comparison) -> dict[str, Any]:
    """What a reader needs to reproduce a comparison: scenarios, population, run length, seed, version."""
    base = comparison.meta["baseline"]
    meta = comparison.runs[base].meta
    return {"baseline": base, "scenarios": list(comparison.meta["scenarios"]), "seed": meta["seed"],
            "version": meta["version"], "commit": str(meta.get("git_commit", ""))[:8], "months": meta["months"],
            "reps": len(meta["replication_seeds"]), "households": meta["households"],
            "population": meta["population"], "profiles": [p["name"] for p in meta["profiles"]],
            "scale": float(meta.get("scale", 1.0) or 1.0), "date": dt.date.today().isoformat()}


def population_label(f: dict[str, Any], lang: str) -> str:
    """The population in words, with its number of rented households."""
    households = number(f["households"], lang)
    sample = _sample(f.get("scale", 1.0), lang)
    if f["population"] == "national":
        homes = {"en": "rented homes", "nl": "huurwoningen"}[lang]
        return {"en": "the Netherlands", "nl": "Nederland"}[lang] + f" ({households} {homes}{sample})"
    if f["population"] in PROFILES:
        return t(f"pop_{f['population']}", lang).split(" · ")[0] + f" ({households}{sample})"
    return f"{', '.join(f['profiles'])} ({households}{sample})"


def _sample(scale: float, lang: str) -> str:
    """What a sampled run says about itself: it simulated a share and reports for the whole."""
    if scale >= 1.0:
        return ""
    share_ = number(100 * scale, lang)
    return {"en": f"; simulated as a {share_} % sample, reported for all",
            "nl": f"; gesimuleerd als steekproef van {share_} %, teruggerekend naar alle"}[lang]


def stamp(comparison: Comparison, lang: str) -> str:
    """One line for every export: version, date, seed and scenarios."""
    f = facts(comparison)
    version = f["version"] + (f" ({f['commit']})" if f["commit"] and f["commit"] != "unknown" else "")
    return t("stamp", lang, version=version, date=f["date"], seed=f["seed"],
             scenarios=", ".join(scenario_title(n, lang) for n in [f["baseline"], *f["scenarios"]]))


DIFF_COLUMNS = ("diff", "diff_low", "diff_high", "diff_low_noise", "diff_high_noise")
# Below this many events a year in the baseline, a relative change rests on a handful of cases:
# the forest plot writes the absolute difference beside it (it always does) and marks it.
FEW_EVENTS = 5


def bounded_table(comparison: Comparison) -> pd.DataFrame:
    """The comparison's table with every figure kept within what is possible.

    Every outcome counts people, cases or euros, so no scenario's level is below zero and no
    difference below minus the baseline's level (a relative change below -100 %). A t-interval
    over a few replications can reach past that bound; it is cut at the bound, and so is a level's
    own interval at zero."""
    table = comparison.table.copy()
    base = table[table.verdict == "baseline"].set_index("outcome")["mean"]
    floor = -table.outcome.map(base).clip(lower=0)
    for column in (c for c in DIFF_COLUMNS if c in table):
        table[column] = table[column].where(table[column].isna() | (table[column] >= floor), floor)
    for column in ("mean", "low", "high"):
        table[column] = table[column].clip(lower=0)
    return table


def row_of(table: pd.DataFrame, scenario: str, outcome: str) -> pd.Series:
    return table[(table.scenario == scenario) & (table.outcome == outcome)].iloc[0]


def headline_frame(comparison: Comparison, lang: str, outcomes: tuple[str, ...] = HEADLINE) -> pd.DataFrame:
    """Per scenario and outcome: baseline level, scenario level, difference, 90 % interval, verdict."""
    base, table = comparison.meta["baseline"], bounded_table(comparison)
    rows = []
    for scenario in comparison.meta["scenarios"]:
        for outcome in outcomes:
            b, r = row_of(table, base, outcome), row_of(table, scenario, outcome)
            row = {t("col_scenario", lang): scenario_title(scenario, lang),
                   t("col_outcome", lang): outcome_label(outcome, lang), t("col_unit", lang): unit_label(outcome, lang),
                   t("col_baseline", lang): b["mean"], t("col_value", lang): r["mean"], t("col_diff", lang): r["diff"],
                   t("col_verdict", lang): verdict_text(r["verdict"], lang),
                   t("col_low", lang): r["diff_low"], t("col_high", lang): r["diff_high"]}
            if covers_parameters(comparison.meta):  # with posterior draws, the noise-only interval next to the total
                row |= {t("col_low_noise", lang): r["diff_low_noise"], t("col_high_noise", lang): r["diff_high_noise"]}
            rows.append(row)
    return pd.DataFrame(rows)


def headline_cells(comparison: Comparison, lang: str, outcomes: tuple[str, ...] = CARDS) -> list[list[str]]:
    """The headline table as text for a slide or a page: a header, then one row per outcome."""
    base, table = comparison.meta["baseline"], bounded_table(comparison)
    names = comparison.meta["scenarios"]
    cells = [[t("col_outcome", lang), scenario_title(base, lang), *(scenario_title(n, lang) for n in names)]]
    for outcome in outcomes:
        level = row_of(table, base, outcome)["mean"]
        line = [outcome_label(outcome, lang), outcome_number(outcome, level, lang)]
        for name in names:
            r = row_of(table, name, outcome)
            low, high = (outcome_number(outcome, r[k], lang, True) for k in ("diff_low", "diff_high"))
            interval = "" if math.isnan(r["diff_low"]) else " " + span(low, high, lang)
            line.append(f"{outcome_number(outcome, r['mean'], lang)} ({outcome_number(outcome, r['diff'], lang, True)}"
                        f"{interval}) {verdict_text(r['verdict'], lang)}")
        cells.append(line)
    return cells


def scorecard_frame(comparison: Comparison, lang: str) -> pd.DataFrame:
    """Every scenario's scorecard, one row per scenario and obligation (numbers, for CSV)."""
    frames = []
    for name in [comparison.meta["baseline"], *comparison.meta["scenarios"]]:
        card = rights_scorecard(comparison.runs[name], lang)
        card.insert(0, "scenario", name)
        frames.append(card)
    return pd.concat(frames, ignore_index=True)


# Below this many cases a share or ratio is marked as resting on few cases.
FEW_CASES = 20


def indicator_text(key: str, value: float, low: float, high: float, lang: str, events: float | None = None,
                   cases: float | None = None) -> str:
    """An indicator with its interval and the counts behind it: a share as % (always within
    0-100 %), a ratio with ×, 'no cases' where there were none."""
    if math.isnan(value) or cases == 0:
        return t("no_cases", lang)
    ratio = key in RATIO_INDICATORS
    fmt = (lambda v: number(v, lang) + "×") if ratio else (lambda v: share(min(max(v, 0.0), 1.0), lang))
    text = fmt(value) if math.isnan(low) else f"{fmt(value)} {span(fmt(low), fmt(high), lang)}"
    if events is None or cases is None:
        return text
    counts = t("ratio_counts" if ratio else "share_counts", lang, events=number(round(events), lang),
               cases=number(round(cases), lang))
    # One rule for both: a share rests on its cases, a ratio on the evictions in the group.
    return f"{text} · {counts}" + (f" · {t('few_cases', lang)}" if few(key, events, cases) else "")


def few(key: str, events: float, cases: float) -> bool:
    """Whether an indicator rests on fewer than FEW_CASES: a share's cases, a ratio's events."""
    return (events if key in RATIO_INDICATORS else cases) < FEW_CASES


SCORECARD_COLUMNS = {"scenario": "col_scenario", "number": "col_number", "key": "col_key", "unit": "col_unit_kind",
                     "obligation": "col_obligation", "indicator": "col_indicator", "value": "col_value_share",
                     "low": "col_low", "high": "col_high", "events": "col_events", "cases": "col_cases",
                     "better": "col_better", "explanation": "col_explanation", "basis": "col_basis",
                     "set_by": "col_set_by"}


def scorecard_export(card: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The scorecard for a spreadsheet: headers and words in the language, numbers unrounded."""
    out = card.assign(scenario=[scenario_title(s, lang) for s in card.scenario],
                      unit=[t(f"unit_{u}", lang) for u in card.unit],
                      better=[t(f"better_{b}", lang) for b in card.better],
                      basis=[t(f"basis_{b}", lang) for b in card.basis])
    return out.rename(columns={c: t(k, lang) for c, k in SCORECARD_COLUMNS.items()})


def scorecard_wide(card: pd.DataFrame, lang: str, explain: bool = True) -> pd.DataFrame:
    """One row per obligation, one column per scenario with value and interval, as text; an
    indicator that restates a lever's setting (basis `input`) reads "set by the scenario", never as
    a result."""
    first = card[card.scenario == card.scenario.iloc[0]]
    wide = pd.DataFrame({t("col_number", lang): first["number"].to_numpy(),
                         t("col_obligation", lang): first["obligation"].to_numpy(),
                         t("col_indicator", lang): first["indicator"].to_numpy(),
                         t("col_better", lang): [t(f"better_{b}", lang) for b in first["better"]]})
    for name, rows in card.groupby("scenario", sort=False):
        wide[scenario_title(str(name), lang)] = [
            t("set_by_scenario", lang) if getattr(r, "basis", "mechanism") == "input" else
            indicator_text(r.key, r.value, r.low, r.high, lang, r.events, r.cases) for r in rows.itertuples()]
    if explain:
        wide[t("col_explanation", lang)] = first["explanation"].to_numpy()
    return wide


def municipality_frame(comparison: Comparison, lang: str, field: str = "per_1000_households",
                       outcomes: tuple[str, ...] = HEADLINE) -> pd.DataFrame:
    """One row per outcome, one column per scenario: the run summary's `field` ("mean" for the
    yearly figure or monthly average, "per_1000_households" for the rate)."""
    rows = []
    for outcome in outcomes:
        row = {t("col_outcome", lang): outcome_label(outcome, lang), t("col_unit", lang): unit_label(outcome, lang)}
        for name in [comparison.meta["baseline"], *comparison.meta["scenarios"]]:
            row[scenario_title(name, lang)] = comparison.runs[name].summary[outcome][field]
        rows.append(row)
    return pd.DataFrame(rows)


def display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Numbers written for reading (Dutch separators in Dutch); text columns unchanged."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            signed = column in (t("col_diff", lang), t("col_low", lang), t("col_high", lang))
            out[column] = [number(v, lang, signed) for v in out[column]]
    return out
