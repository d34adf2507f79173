"""The ranked strip of My municipality: evictions per 1,000 rented households a year in every
municipality, lowest first, one panel per shown scenario. The council's own municipality is a
labelled red diamond, municipalities of the same type blue triangles, the others grey circles
(marker and words as well as colour), and the national rate a dashed line.
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sim import Comparison

from dashboard.figures import footed
from dashboard.i18n import number, scenario_title, t

from .rates import local_rates, national_rate, rank_of, shown_scenarios, type_word

OUTCOME = "evictions"
# The three kinds of municipality in the strip, as matplotlib's scatter keyword arguments: greys and
# black only, because the scenarios' colours (blue is Current policy) mean scenarios everywhere else.
OTHERS: dict[str, Any] = {"color": "#AAAAAA", "marker": "o", "s": 12}
PEERS: dict[str, Any] = {"color": "#444444", "marker": "^", "s": 30}
OWN: dict[str, Any] = {"color": "#000000", "marker": "D", "s": 110, "edgecolor": "white", "zorder": 5}
FEW_EVENTS = 20  # a rate from fewer evictions is drawn hollow and said to rest on few cases (as a share is)


def ranked(rates: pd.DataFrame) -> pd.DataFrame:
    """The rates sorted from the lowest, with each municipality's place (1 = lowest)."""
    out = rates.sort_values(OUTCOME, kind="stable").reset_index(drop=True)
    return out.assign(place=out.index + 1)


def _panel(ax: Axes, rates: pd.DataFrame, own: str, title: str, lang: str) -> None:
    """One scenario's strip: every municipality by place, its own labelled, the national line."""
    data = ranked(rates)
    mine = data[data["municipality"] == own].iloc[0]
    kind = type_word(mine["type"], lang)
    peers = data["type"] == mine["type"]
    few = data[f"{OUTCOME}_events"] < FEW_EVENTS
    kinds = ((~peers, OTHERS, t("local_others", lang)), (peers, PEERS, t("local_peers", lang, kind=kind)))
    for group, style, label in kinds:
        ax.scatter(data.place[group & ~few], data[OUTCOME][group & ~few], label=label, **style)
        ax.scatter(data.place[group & few], data[OUTCOME][group & few], facecolors="none", edgecolors=style["color"],
                   marker=style["marker"], s=style["s"], linewidths=0.8)
    if few.any():
        ax.scatter([], [], facecolors="none", edgecolors="#444444", marker="o", s=20,
                   label=t("local_few", lang, n=FEW_EVENTS))
    ax.scatter([mine.place], [mine[OUTCOME]], label=t("local_own", lang, name=own), **OWN)
    ax.annotate(f"{own}: {number(mine[OUTCOME], lang)}", (mine.place, mine[OUTCOME]), xytext=(10, 18),
                textcoords="offset points", weight="bold", ha="right" if mine.place > len(data) / 2 else "left",
                arrowprops={"arrowstyle": "-", "color": "black"}, color="#222222")
    national = national_rate(rates, OUTCOME)
    ax.axhline(national, color="black", linestyle="--", linewidth=1.2,
               label=t("local_national", lang, value=number(national, lang)))
    ax.set_title(title, loc="left", weight="bold")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(frameon=False, loc="upper left", fontsize="small")


def strip_figure(comparison: Comparison, own: str, lang: str) -> Figure:
    """The ranked strip for the baseline and, where there is one, the first policy scenario."""
    names = shown_scenarios(comparison)
    fig, axes = plt.subplots(len(names), 1, figsize=(11, 4.2 * len(names) + 0.8), layout="constrained",
                             sharex=True, sharey=True, squeeze=False)
    for ax, name in zip(axes[:, 0], names):
        _panel(ax, local_rates(comparison.runs[name]), own, scenario_title(name, lang), lang)
    axes[-1, 0].set_xlabel(t("local_xlabel", lang))
    fig.supylabel(t("local_ylabel", lang))  # once for all panels: it is too long to repeat
    fig.suptitle(t("local_strip_title", lang))
    return footed(fig, comparison, lang)


def strip_alt(comparison: Comparison, own: str, lang: str) -> str:
    """The strip's headline numbers in words, per panel: for screen readers and the image's alt."""
    lines = []
    for name in shown_scenarios(comparison):
        rates = local_rates(comparison.runs[name])
        mine = rates[rates["municipality"] == own].iloc[0]
        peers = rates[rates["type"] == mine["type"]][OUTCOME].median()
        place, n = rank_of(rates, own, OUTCOME)
        lines.append(t("local_alt", lang, scenario=scenario_title(name, lang), n=n, name=own,
                       own=number(mine[OUTCOME], lang), rank=place, kind=type_word(mine["type"], lang),
                       peers=number(peers, lang), national=number(national_rate(rates, OUTCOME), lang)))
    return " ".join(lines)
