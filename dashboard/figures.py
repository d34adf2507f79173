"""The comparison's charts in the chosen language, drawn by sim.plots (palette, line styles,
markers and captions stay the model's), and their PNG and SVG bytes.

Matplotlib's pyplot is not thread-safe and downloads are built on a separate thread, so every
figure is drawn and saved under one lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from sim import plots
from sim.experiments.compare import Comparison

from .i18n import CARDS, SIM_KINDS, SIM_UNITS, UNITS, outcome_label, t
from .tables import facts

LOCK = threading.RLock()


def plot_meta(comparison: Comparison) -> dict[str, object]:
    """What sim.plots writes in each figure's caption and file metadata."""
    f = facts(comparison)
    return {"scenario": " vs ".join([f["baseline"], ", ".join(f["scenarios"])]) if f["scenarios"] else f["baseline"],
            "seed": f["seed"], "version": f["version"]}


def forest_figure(comparison: Comparison, lang: str, outcomes: tuple[str, ...] = CARDS) -> Figure:
    """Paired differences against the baseline with their 90 % intervals, one marker per scenario."""
    labels = {o: outcome_label(o, lang) for o in outcomes}
    fig = plots.forest(comparison.table, list(outcomes), title=t("forest_title", lang), labels=labels,
                       meta=plot_meta(comparison))
    ax = fig.axes[0]
    ax.set_xlabel(t("forest_xlabel", lang))  # sim.plots writes this label in English only
    # sim.plots lets matplotlib place the legend, which can cover a marker; put it above the plot.
    handles, names = ax.get_legend_handles_labels()
    ax.get_legend().remove()
    fig.legend(handles, names, loc="outside upper center", ncol=min(len(names), 3), frameon=False)
    return room_for_caption(fig)


def timeseries_figure(comparison: Comparison, outcome: str, lang: str) -> Figure:
    """Monthly mean with a 5-95 % band per scenario."""
    monthly = {name: comparison.runs[name].monthly for name in [comparison.meta["baseline"],
                                                                 *comparison.meta["scenarios"]]}
    fig = plots.timeseries(monthly, outcome, title=outcome_label(outcome, lang), meta=plot_meta(comparison))
    # sim.plots labels the axes in English; put them in the chosen language.
    fig.axes[0].set_xlabel(t("month", lang))
    fig.axes[0].set_ylabel(monthly_unit(outcome, lang))
    return room_for_caption(fig)


def room_for_caption(fig: Figure) -> Figure:
    """Keep the axes clear of the caption sim.plots writes along the bottom edge."""
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, 0.35 / fig.get_figheight(), 1, 1 - 0.35 / fig.get_figheight()))
    return fig


def monthly_unit(outcome: str, lang: str) -> str:
    """The y-axis of a monthly chart: a count per month for flows, the level for stocks."""
    unit = SIM_UNITS.get(outcome, "")
    word = UNITS.get(unit, {}).get(lang, unit)
    return t("per_month", lang, unit=word) if SIM_KINDS.get(outcome) == "flow" else word


def to_png_svg(draw: Callable[[], Figure], meta: dict[str, object]) -> tuple[bytes, bytes]:
    """Draw a figure and return it as PNG and SVG bytes; the figure is closed afterwards."""
    with LOCK:
        fig = draw()
        try:
            return plots.to_bytes(fig, "png", meta), plots.to_bytes(fig, "svg", meta)
        finally:
            plt.close(fig)


def to_png(draw: Callable[[], Figure], dpi: int = 150) -> bytes:
    """Draw a figure and return PNG bytes (for slides and pages); the figure is closed afterwards."""
    with LOCK:
        fig = draw()
        try:
            return plots.to_bytes(fig, "png", dpi=dpi)
        finally:
            plt.close(fig)
