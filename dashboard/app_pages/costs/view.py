"""What the Costs and benefits page shows, made from an MKBA (`sim.analyse_cba`): the chart of
who pays and who gains, the headline sentence, the table, the sensitivity table and their exports.
The PDF brief and the deck use the same pieces for their MKBA page and slide."""

from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sim import CBA, NOT_MODELLED, PM_POSTS, Comparison, analyse_cba

from ...i18n import number, scenario_title, span, t
from .words import SECTIONS

SHOWN = ("actor", "summary", "effect", "cost_per", "pm")
GAIN, PAY = "#009E73", "#D55E00"  # Okabe-Ito green and vermilion: who gains, who pays


def mkba(comparison: Comparison, horizon: int | None = None, discount: float = 0.0225) -> CBA | None:
    """The comparison's MKBA, or None where it cannot be made (fewer than 12 reported months)."""
    try:
        return analyse_cba(comparison, horizon, discount)
    except ValueError:
        return None


def _rows(cba: CBA, scenario: str, section: str) -> pd.DataFrame:
    t_ = cba.table
    return t_[(t_.scenario == scenario) & (t_.section == section)]


def _label(row: pd.Series, lang: str) -> str:
    return str(row["label_nl"] if lang == "nl" else row["label"])


def actor_figure(cba: CBA, comparison: Comparison, scenario: str, lang: str) -> Figure:
    """Net present value per actor as horizontal bars, green where the actor gains, orange where it
    pays, with the 90 % interval as a whisker; society's total last, in bold."""
    rows = _rows(cba, scenario, "actor").iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 4.6), layout="constrained")
    values = rows["mean"].to_numpy()
    low, high = (rows[k].fillna(rows["mean"]).to_numpy() for k in ("low", "high"))
    errors = [values - low, high - values]
    ax.barh([_label(r, lang) for _, r in rows.iterrows()], values, xerr=errors, capsize=3,
            color=[GAIN if v >= 0 else PAY for v in values], ecolor="#333333")
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.get_yticklabels()[0].set_fontweight("bold")
    ax.set_xlabel(t("costs_axis", lang))
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.xaxis.set_major_formatter(lambda x, _: number(x, lang, euro=True))
    title = t("costs_chart_title", lang, scenario=scenario_title(scenario, lang),
              baseline=scenario_title(comparison.meta["baseline"], lang))
    ax.set_title(textwrap.fill(title, 70), loc="left")
    return fig


def chart_alt(cba: CBA, scenario: str, lang: str) -> str:
    """The chart in words, for screen readers and the deck."""
    values = "; ".join(f"{_label(r, lang)} {number(r['mean'], lang, True, euro=True)}"
                       for _, r in _rows(cba, scenario, "actor").iterrows())
    return t("costs_alt", lang, values=values)


def headline(cba: CBA, scenario: str, lang: str) -> str:
    """"Each eviction avoided costs EUR x net; the municipality pays y, the national government saves z"."""
    per = cba.figure(scenario, "cost_per", "eviction")
    if not per["defined"]:
        npv = cba.figure(scenario, "actor", "society")["mean"]
        return t("costs_headline_none", lang, scenario=scenario_title(scenario, lang),
                 npv=number(npv, lang, True, euro=True))
    muni = cba.figure(scenario, "actor_per_eviction", "municipality")["mean"]
    national = cba.figure(scenario, "actor_per_eviction", "national")["mean"]
    verb = "costs_saves" if national < 0 else "costs_pays"
    return t("costs_headline", lang, net=number(per["mean"], lang, euro=True), muni=number(muni, lang, euro=True),
             national=number(abs(national), lang, euro=True), national_verb=t(verb, lang))


def _value(row: pd.Series, lang: str) -> tuple[str, str, str]:
    if not row["defined"]:
        return t("not_defined", lang), "", ""
    euro = row["section"] in ("actor", "cost_per") or row["name"] in ("costs", "benefits", "npv")
    interval, noise = ("" if math.isnan(row[lo]) else span(number(row[lo], lang, euro=euro),
                                                            number(row[hi], lang, euro=euro), lang)
                       for lo, hi in (("low", "high"), ("low_noise", "high_noise")))
    return number(row["mean"], lang, euro=euro), interval, noise


def table_frame(cba: CBA, scenario: str, lang: str, noise: bool) -> pd.DataFrame:
    """The table on screen: part, figure, value, 90 % interval (and noise only, with draws)."""
    records = []
    for section in SHOWN:
        for _, row in _rows(cba, scenario, section).iterrows():
            value, interval, only_noise = _value(row, lang)
            records.append({t("col_section", lang): SECTIONS[section][lang == "nl"],
                            t("col_figure", lang): _label(row, lang), t("col_value", lang): value,
                            t("col_interval", lang): interval, **({t("col_noise", lang): only_noise} if noise else {})})
    return pd.DataFrame(records)


def sensitivity_frame(cba: CBA, scenario: str, lang: str) -> pd.DataFrame:
    """Society's net present value and the net cost per eviction avoided in each case."""
    s = cba.sensitivity[cba.sensitivity.scenario == scenario]
    return pd.DataFrame({t("col_case", lang): [_case(r) for _, r in s.iterrows()],
                         t("col_npv", lang): [number(v, lang, True, euro=True) for v in s["npv_society"]],
                         t("col_per_eviction", lang): [t("not_defined", lang) if math.isnan(v)
                                                       else number(v, lang, euro=True)
                                                       for v in s["net_cost_per_eviction_avoided"]]})


def _case(row: pd.Series) -> str:
    return f"{row['case']} {row['value']:g}" if row["parameter"] in ("discount", "horizon") else str(row["case"])


def export_frame(cba: CBA, lang: str) -> pd.DataFrame:
    """Every figure of every scenario, unrounded, for the CSV download."""
    table = cba.table.drop(columns=["label_nl" if lang == "en" else "label"])
    return table.rename(columns={"label_nl": "label"})


def pm_sentence(lang: str) -> str:
    """What the money leaves out: the PM-posten counted, and what is not modelled at all."""
    nl = lang == "nl"
    items = ", ".join((p.label_nl if nl else p.label).lower() for p in PM_POSTS)
    missing = ", ".join(m[nl].lower() for m in NOT_MODELLED)
    return t("costs_pm", lang, items=items, missing=missing)


def rate_text(rate: float, lang: str) -> str:
    """A discount rate as a percentage with two decimals (2.25 %, in Dutch 2,25 %)."""
    text = f"{100 * rate:.2f}"
    return f"{text.replace('.', ',') if lang == 'nl' else text} %"
