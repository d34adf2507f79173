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
# The three kinds of municipality in the strip, as matplotlib's scatter keyword arguments.
OTHERS: dict[str, Any] = {"color": "#999999", "marker": "o", "s": 12}     # Okabe-Ito grey
PEERS: dict[str, Any] = {"color": "#0072B2", "marker": "^", "s": 30}      # Okabe-Ito blue
OWN: dict[str, Any] = {"color": "#D55E00", "marker": "D", "s": 110, "edgecolor": "black", "zorder": 5}  # vermilion


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
    ax.scatter(data.place[~peers], data[OUTCOME][~peers], label=t("local_others", lang), **OTHERS)
    ax.scatter(data.place[peers], data[OUTCOME][peers], label=t("local_peers", lang, kind=kind), **PEERS)
    ax.scatter([mine.place], [mine[OUTCOME]], label=t("local_own", lang, name=own), **OWN)
    ax.annotate(f"{own}: {number(mine[OUTCOME], lang)}", (mine.place, mine[OUTCOME]), xytext=(10, 18),
                textcoords="offset points", weight="bold", ha="right" if mine.place > len(data) / 2 else "left",
                arrowprops={"arrowstyle": "-", "color": "black"})
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
