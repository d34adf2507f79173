"""The comparison's charts in the chosen language, and their PNG and SVG bytes: the forest plot
of differences and the outcomes per year. The palette and markers are the model's (sim.plots),
fixed per scenario; every figure's footer says version, date, seed, scenarios and population.

Matplotlib's pyplot is not thread-safe and downloads are built on a separate thread, so every
figure is drawn and saved under one lock.
"""

from __future__ import annotations

import math
import textwrap
import threading
from collections.abc import Callable
from typing import Any, TypedDict

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine
from matplotlib.ticker import MaxNLocator
from matplotlib.typing import RcKeyType

from sim import Comparison, plots

from . import levers
from .i18n import (CARD_LABELS, CARDS, SIM_KINDS, outcome_label, outcome_number, scenario_title, span, t, unit_label,
                   word)
from .tables import FEW_EVENTS, row_of, bounded_table, facts, population_label, stamp

LOCK = threading.RLock()
TEXT = "#222222"  # every chart's text: dark type (about 16:1 on white), never a scenario's colour


def plot_meta(comparison: Comparison) -> dict[str, object]:
    """What sim.plots writes in each figure's caption and file metadata."""
    f = facts(comparison)
    return {"scenario": " vs ".join([f["baseline"], ", ".join(f["scenarios"])]) if f["scenarios"] else f["baseline"],
            "seed": f["seed"], "version": f["version"]}


# Seven colours of the Okabe-Ito palette (its yellow is too pale on white) and eight markers: every
# scenario file keeps its colour, marker and line style in every chart and export.
COLOURS = tuple(c for c in plots.PALETTE if c != "#F0E442")


class Look(TypedDict):
    """How a scenario is drawn: matplotlib's color, marker and linestyle."""

    color: str
    marker: str
    linestyle: str


def scenario_style(name: str) -> Look:
    """The fixed look of a scenario: by its place among the scenario files (a built one comes last)."""
    names = levers.scenario_names()
    i = names.index(name) if name in names else len(names)
    return Look(color=COLOURS[i % len(COLOURS)], marker=plots.MARKERS[i % len(plots.MARKERS)],
                linestyle=plots.LINESTYLES[i % len(plots.LINESTYLES)])


def _relative(r: pd.Series, level: float) -> tuple[float, float, float]:
    """A difference and its interval as % of the baseline level (never below -100 %)."""
    scale = 100.0 / level
    mid, low, high = (float(np.maximum(-100.0, r[k] * scale)) for k in ("diff", "diff_low", "diff_high"))  # NaN stays
    return mid, low, high


def difference_text(outcome: str, r: pd.Series, lang: str) -> str:
    """The difference a year in the outcome's own unit, with its interval: what the % rests on."""
    diff = outcome_number(outcome, r["diff"], lang, True, short=True)
    if math.isnan(r["diff_low"]):
        return diff
    low, high = (outcome_number(outcome, r[k], lang, True, short=True) for k in ("diff_low", "diff_high"))
    return f"{diff} " + span(low, high, lang)


def forest_figure(comparison: Comparison, lang: str, outcomes: tuple[str, ...] = CARDS,
                  scenarios: tuple[str, ...] | None = None, width: float = 12.0) -> Figure:
    """Per scenario (all, or those given) a labelled block: each outcome's paired difference as %
    of the baseline with its 90 % interval (bounded at -100 %), and on the right the difference a
    year in its own unit. `width` in inches (wider on a slide, where the type is larger)."""
    table, scenarios = bounded_table(comparison), scenarios or comparison.meta["scenarios"]
    base = table[table.verdict == "baseline"].set_index("outcome")["mean"]
    height = 0.36 * len(outcomes) * max(1, len(scenarios)) + 0.45 * len(scenarios) + 1.3
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    ticks, names, right = [], [], []
    y = 0.0
    for scenario in scenarios:
        look = scenario_style(scenario)
        # The scenario's name in dark type (its colour on white is 2.3-3.1:1), after its own marker.
        ax.plot([0.012], [y], look["marker"], color=look["color"], markersize=9, transform=ax.get_yaxis_transform(),
                clip_on=False)
        ax.text(0.03, y, scenario_title(scenario, lang), transform=ax.get_yaxis_transform(), weight="bold",
                va="center", fontsize="large", color=TEXT)
        y -= 1
        for outcome in outcomes:
            r, level = row_of(table, scenario, outcome), base.get(outcome, np.nan)
            if level > 0:
                mid, low, high = _relative(r, level)
                err = [[max(mid - low, 0.0)], [max(high - mid, 0.0)]] if not math.isnan(low) else None
                ax.errorbar(mid, y, xerr=err, fmt=look["marker"], color=look["color"], capsize=3, markersize=7)
            ticks.append(y)
            names.append(short_label(outcome, lang) + (" *" if level < FEW_EVENTS else ""))
            right.append(difference_text(outcome, r, lang) if level > 0 else t("no_cases_baseline", lang))
            y -= 1
        y -= 0.3
    _forest_axes(ax, ticks, names, right, lang)
    return footed(fig, comparison, lang)


LABEL_CHARS = 28  # outcome names on the forest plot's left wrap at this width, so the plot keeps its room


def short_label(outcome: str, lang: str) -> str:
    """An outcome's short name (the headline cards'), wrapped: the full label is in the alt text
    and the tables. A long label ("Homeless households (with others, in shelter, hidden, on the
    street)") would take the plot's room on a slide."""
    name = word(CARD_LABELS, outcome, lang) if outcome in CARD_LABELS else outcome_label(outcome, lang)
    return textwrap.fill(name, LABEL_CHARS)


def _forest_axes(ax, ticks: list[float], names: list[str], right: list[str], lang: str) -> None:
    """Outcome names on the left, absolute differences on the right, -100 % as the floor."""
    low = min(-10.0, ax.get_xlim()[0])
    ax.set_xlim(max(low, -105.0), max(10.0, ax.get_xlim()[1]))
    ax.axvline(0, color="#333333", linewidth=1)
    if ax.get_xlim()[0] <= -100:
        ax.axvline(-100, color="#777777", linewidth=1, linestyle=":")
    ax.set_yticks(ticks, names)
    ax.set_ylim(min(ticks) - 0.8, 0.7)
    twin = ax.twinx()
    twin.set_ylim(ax.get_ylim())
    twin.set_yticks(ticks, right)
    twin.tick_params(length=0)
    ax.set_xlabel(plots.wrap(t("forest_xlabel", lang), 80) + "\n" + plots.wrap(t("forest_right", lang), 80))
    ax.set_title(t("forest_title", lang))
    ax.grid(axis="x", alpha=0.3)


def bars_figure(comparison: Comparison, groups: dict[str, dict[str, float]], title: str, unit: str,
                lang: str) -> Figure:
    """Horizontal bars, one group per outcome (or municipality type), one bar per scenario in its
    fixed colour and hatch, the value written in dark type at the end of each bar."""
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    height = 0.32 * len(groups) * len(names) + 0.4 * len(groups) + 1.6
    fig, ax = plt.subplots(figsize=(11, height), layout="constrained")
    step = 1.0 / (len(names) + 1)
    euro = "EUR" in unit or "euro" in unit
    for i, name in enumerate(names):
        look = scenario_style(name)
        y = np.arange(len(groups)) + i * step
        values = [groups[g][name] for g in groups]
        ax.barh(y, values, height=step * 0.9, color=look["color"], hatch=HATCHES[i % len(HATCHES)],
                edgecolor="#222222", linewidth=0.6, label=scenario_title(name, lang))
        for yy, value in zip(y, values):
            text = outcome_number("cost_total_eur" if euro else "evictions", value, lang, short=True)
            ax.text(value, yy, f" {text}", va="center", ha="left", color=TEXT, fontsize="small")
    ax.set_yticks(np.arange(len(groups)) + (len(names) - 1) * step / 2,
                  [textwrap.fill(g, 30) for g in groups], color=TEXT)
    ax.invert_yaxis()
    ax.set_xlabel(unit)
    ax.set_xlim(right=ax.get_xlim()[1] * 1.18)  # room for the values written after the bars
    ax.set_title(title, loc="left")
    ax.grid(axis="x", alpha=0.3)
    fig.legend(frameon=False, loc="outside upper center", ncol=min(len(names), 3))
    return footed(fig, comparison, lang)


HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo")  # a pattern as well as a colour for each scenario


def yearly(monthly: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """Per year of the report: mean over replications with its 5-95 % range. Flows are summed over
    the year's months, stocks averaged; a last year with fewer than 12 months is left out."""
    frame = monthly.assign(year=monthly["month"] // 12 + 1)
    full = frame.groupby("year")["month"].nunique()
    frame = frame[frame.year.isin(full[full == 12].index)]
    how = "sum" if SIM_KINDS.get(outcome) == "flow" else "mean"
    per_rep = frame.groupby(["replication", "year"])[outcome].agg(how).groupby("year")
    return pd.DataFrame({"mean": per_rep.mean(), "low": per_rep.quantile(0.05), "high": per_rep.quantile(0.95)})


def timeseries_figure(comparison: Comparison, outcome: str, lang: str) -> Figure:
    """Per year: the mean over replications and its 5-95 % range, one line per scenario in its
    fixed colour and marker (the ranges side by side, so that none hides another)."""
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    fig, ax = plt.subplots(figsize=(11, 5), layout="constrained")
    for i, name in enumerate(names):
        data, look = yearly(comparison.runs[name].monthly, outcome), scenario_style(name)
        x = data.index.to_numpy() + (i - (len(names) - 1) / 2) * 0.06
        ax.errorbar(x, data["mean"], yerr=[data["mean"] - data["low"], data["high"] - data["mean"]],
                    label=scenario_title(name, lang), capsize=3, linewidth=2, markersize=7, **look)
    ax.set_title(outcome_label(outcome, lang))
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(yearly_unit(outcome, lang))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    fig.legend(frameon=False, loc="outside upper center", ncol=min(len(names), 3))
    return footed(fig, comparison, lang)


def _caption(fig: Figure, comparison: Comparison, lang: str) -> int:
    """The footer every chart carries: version, date, seed, scenarios and population, wrapped to the
    figure's width (so that no part is cut off, at any font size); returns its number of lines."""
    text = f"{stamp(comparison, lang)} · {population_label(facts(comparison), lang)}"
    size = FontProperties(size="small").get_size_in_points()
    chars = max(40, int(fig.get_figwidth() * 72 / (0.55 * size)) - 4)  # an average character is ~0.55 em
    wrapped = textwrap.fill(text, chars)
    fig.text(0.01, 0.005, wrapped, fontsize="small", color="#444444", ha="left", va="bottom")
    return wrapped.count("\n") + 1


def footed(fig: Figure, comparison: Comparison, lang: str) -> Figure:
    """A chart with the footer every chart carries, its axes kept clear of it."""
    lines = _caption(fig, comparison, lang)
    return room_for_caption(fig, lines)


def room_for_caption(fig: Figure, lines: int = 1) -> Figure:
    """Keep the axes clear of the caption along the bottom edge (`lines` lines of small text)."""
    size = FontProperties(size="small").get_size_in_points()
    height = max(0.35, (lines * 1.3 * size + 6) / 72) / fig.get_figheight()
    engine = fig.get_layout_engine()
    if isinstance(engine, (ConstrainedLayoutEngine, TightLayoutEngine)):  # the engines that take a rect
        engine.set(rect=(0, height, 1, 1 - height))
    return fig


def yearly_unit(outcome: str, lang: str) -> str:
    """The y-axis of a yearly chart: a count per year for flows, the yearly average for stocks."""
    return unit_label(outcome, lang)


def to_png_svg(draw: Callable[[], Figure], meta: dict[str, object]) -> tuple[bytes, bytes]:
    """Draw a figure and return it as PNG and SVG bytes; the figure is closed afterwards."""
    with LOCK:
        fig = draw()
        try:
            return plots.to_bytes(fig, "png", meta), plots.to_bytes(fig, "svg", meta)
        finally:
            plt.close(fig)


# Charts on a slide: the same figures with larger type, so that a 12-inch-wide chart shown across a
# 16:9 slide reads at about 16 pt.
SLIDE_FOREST_WIDTH = 13.5  # inches: shown across a 16:9 slide (12.3 in) its 16 pt type reads at about 14.6 pt
SLIDE_RC: dict[RcKeyType, Any] = {"font.size": 16, "axes.titlesize": 20, "axes.labelsize": 16, "legend.fontsize": 16,
                                   "xtick.labelsize": 16, "ytick.labelsize": 16}


def slide_png(draw: Callable[[], Figure]) -> bytes:
    """A figure drawn for a slide (see SLIDE_RC), as PNG bytes."""
    with LOCK, plt.rc_context(SLIDE_RC):
        return to_png(draw, dpi=150)


def to_png(draw: Callable[[], Figure], dpi: int = 150) -> bytes:
    """Draw a figure and return PNG bytes (for slides and pages); the figure is closed afterwards."""
    with LOCK:
        fig = draw()
        try:
            return plots.to_bytes(fig, "png", dpi=dpi)
        finally:
            plt.close(fig)
