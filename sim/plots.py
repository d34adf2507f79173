"""Figures for comparisons and sweeps (matplotlib, no display needed).

Accessible by default: the Okabe-Ito colour-blind-safe palette, a different line style and
marker per scenario so that nothing is told by colour alone, titles with units, and a small
caption with scenario, seed and version on every figure. `save` writes PNG and SVG and puts the
same facts in each file's metadata.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine  # noqa: E402

from .pathway.outcomes import OUTCOMES  # noqa: E402
from .results_io import write_atomic  # noqa: E402

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
LINESTYLES = ("-", "--", "-.", ":")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LABELS = {o.name: o.label for o in OUTCOMES}
UNITS = {o.name: o.unit for o in OUTCOMES}

plt.rcParams.update({"font.size": 12, "axes.titlesize": 14, "axes.labelsize": 12, "legend.fontsize": 11})


def style(i: int) -> dict[str, Any]:
    return {"color": PALETTE[i % len(PALETTE)], "linestyle": LINESTYLES[i % len(LINESTYLES)],
            "marker": MARKERS[i % len(MARKERS)], "markevery": 12}


CAPTION_INCHES = 0.3  # room kept free below the axes for the caption (one line of 8-point text)


def caption(fig: Figure, meta: dict[str, Any]) -> None:
    """The provenance stamp at the bottom edge, in a strip that the layout keeps free, so that it
    never overlaps the x-axis label."""
    text = f"evictsim {meta.get('version', '')} · scenario {meta.get('scenario', '')} · seed {meta.get('seed', '')}"
    text += _code_and_runs(meta)
    strip = CAPTION_INCHES / fig.get_figheight()
    engine = fig.get_layout_engine()
    if isinstance(engine, (ConstrainedLayoutEngine, TightLayoutEngine)):  # the engines that keep a rect
        engine.set(rect=(0, strip, 1, 1 - strip))  # left, bottom, width, height
    fig.text(0.01, 0.005, text, fontsize=8, color="#555555", ha="left", va="bottom")


def _code_and_runs(meta: dict[str, Any]) -> str:
    """" · commit 1a2b3c4d (uncommitted changes) · 352 runs" for figures made from a store's runs."""
    text = ""
    if meta.get("commit"):
        text += f" · commit {str(meta['commit'])[:8]}" + (" (uncommitted changes)" if meta.get("dirty") else "")
    if meta.get("runs") is not None:
        text += f" · {meta['runs']:,} runs"
    return text


def _description(meta: dict[str, Any]) -> str:
    """The facts a figure file's metadata carries."""
    extra = "".join(f"; {key}={meta[key]}" for key in ("commit", "dirty", "runs") if key in meta)
    return f"scenario={meta.get('scenario')}; seed={meta.get('seed')}; version={meta.get('version')}{extra}"


def wrap(text: str, width: int = 40) -> str:
    """A long axis label or title broken into lines, so that it is not clipped at the figure's edge."""
    return textwrap.fill(text, width, break_long_words=False)


def short_number(value: float) -> str:
    """A parameter value for a label: 1,975 rather than 1.98e+03; 0.0125 as 0.0125."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def log_axis(axis) -> None:
    """A log-scaled axis with a few plain-number ticks (0.002, 0.005, 0.01): the default
    labels (2x10^-3 and minor ticks) overlap on narrow axes."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis.set_major_locator(LogLocator(numticks=4))
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.3g}"))
    axis.set_minor_formatter(NullFormatter())


def timeseries(monthly: dict[str, pd.DataFrame], outcome: str, title: str | None = None,
               labels: dict[str, str] | None = None, meta: dict[str, Any] | None = None) -> Figure:
    """Monthly mean over replications with a 5-95 % band, one line per scenario."""
    fig, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    for i, (name, frame) in enumerate(monthly.items()):
        by_month = frame.groupby("month")[outcome]
        mean, low, high = by_month.mean(), by_month.quantile(0.05), by_month.quantile(0.95)
        ax.plot(mean.index, mean.to_numpy(), label=(labels or {}).get(name, name), **style(i))
        ax.fill_between(mean.index, low.to_numpy(), high.to_numpy(), color=PALETTE[i % len(PALETTE)], alpha=0.18)
    ax.set_title(wrap(title or LABELS.get(outcome, outcome), 60))
    ax.set_xlabel("month")
    ax.set_ylabel(UNITS.get(outcome, ""))
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    caption(fig, meta or {})
    return fig


def forest(table: pd.DataFrame, outcomes: list[str], title: str = "Difference against the baseline",
           labels: dict[str, str] | None = None, meta: dict[str, Any] | None = None) -> Figure:
    """Paired differences with their 90 % interval, relative to the baseline level (%)."""
    scenarios = [s for s in table.scenario.unique() if not (table[table.scenario == s].verdict == "baseline").all()]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(outcomes) * max(1, len(scenarios)) + 1.5), layout="constrained")
    base = table[table.verdict == "baseline"].set_index("outcome")["mean"]
    y = 0.0
    ticks, names = [], []
    for i, scenario in enumerate(scenarios):
        rows = table[table.scenario == scenario].set_index("outcome")
        for outcome in outcomes:
            r, level = rows.loc[outcome], base.get(outcome, np.nan)
            scale = 100 / level if level else np.nan
            ax.errorbar(r["diff"] * scale, y, xerr=[[(r["diff"] - r["diff_low"]) * scale],
                                                    [(r["diff_high"] - r["diff"]) * scale]],
                        fmt=MARKERS[i % len(MARKERS)], color=PALETTE[i % len(PALETTE)], capsize=3,
                        label=scenario if outcome == outcomes[0] else None)
            ticks.append(y)
            names.append((labels or LABELS).get(outcome, outcome))
            y -= 1
        y -= 0.5
    ax.axvline(0, color="#333333", linewidth=1)
    ax.set_yticks(ticks, names)
    ax.set_xlabel("change against the baseline (%), 90 % interval")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(frameon=False, loc="best")
    caption(fig, meta or {})
    return fig


def save(fig: Figure, path_stem: str | Path, meta: dict[str, Any]) -> list[Path]:
    """Write PNG and SVG with scenario, seed and version in the files' metadata, then close the figure."""
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    description = _description(meta)
    # Not with_suffix: a stem like "evictions_vs_context.court.appear" has dots of its own.
    png, svg = stem.with_name(f"{stem.name}.png"), stem.with_name(f"{stem.name}.svg")
    # Each through a temporary name of its own: two sweeps into one folder may draw the same figure.
    write_atomic(png, lambda tmp: fig.savefig(tmp, format="png", dpi=150, metadata={
        "Title": stem.name, "Description": description, "Software": "evictsim"}))
    write_atomic(svg, lambda tmp: fig.savefig(tmp, format="svg", metadata={
        "Title": stem.name, "Description": description, "Creator": "evictsim"}))
    plt.close(fig)
    return [png, svg]


def to_bytes(fig: Figure, fmt: str, meta: dict[str, Any] | None = None, dpi: int = 150) -> bytes:
    """The figure as PNG or SVG bytes (for downloads)."""
    import io

    buf = io.BytesIO()
    meta = meta or {}
    description = f"scenario={meta.get('scenario')}; seed={meta.get('seed')}; version={meta.get('version')}"
    fig.savefig(buf, format=fmt, dpi=dpi, metadata={"Description": description})
    return buf.getvalue()


def sweep_scatter(runs: pd.DataFrame, parameter: str, outcome: str, meta: dict[str, Any] | None = None,
                  by: str | None = None, sampled: bool | None = None) -> Figure:
    """An outcome against one swept parameter: every run, and its trend (see `trend`) with the 90 %
    interval of each mean (`trend_interval`: a trend inside the intervals may be noise); with `by`
    (e.g. "policy"), one colour, marker and trend per group."""
    fig, ax = plt.subplots(figsize=(8, 4.8), layout="constrained")
    groups = list(runs.groupby(by, sort=False)) if by else [(None, runs)]
    for i, (name, group) in enumerate(groups):
        look = style(i) if by else {"color": PALETTE[0], "marker": "s", "linestyle": "-"}
        ax.scatter(group[parameter], group[outcome], s=12 if by else 14, alpha=0.35 if by else 0.4,
                   color=look["color"] if by else PALETTE[5], marker=look["marker"] if by else "o",
                   label=None if by else "run")
        x, y, label = trend(group, parameter, outcome, sampled)
        low, high = trend_interval(group, parameter, outcome, sampled)
        ax.fill_between(x, low, high, color=look["color"], alpha=0.15, linewidth=0)
        ax.plot(x, y, color=look["color"], marker=look["marker"], linestyle=look["linestyle"],
                label=wrap(str(name), 30) if by else f"{label}, 90 % interval of each mean")
    ax.set_xlabel(parameter)
    ax.set_ylabel(wrap(f"{LABELS.get(outcome, outcome)} ({UNITS.get(outcome, '')} per year)"))
    ax.set_title(wrap(f"{LABELS.get(outcome, outcome)} against {parameter.rsplit('.', 1)[-1]}", 60))
    ax.grid(alpha=0.3)
    from matplotlib.patches import Patch

    band = Patch(color="#999999", alpha=0.3, label=wrap("band: 90 % interval of each mean (noise and the other "
                                                          "parameters' spread)", 30))
    handles = [*ax.get_legend_handles_labels()[0], band]
    outside: dict[str, Any] = {"loc": "upper left", "bbox_to_anchor": (1.01, 1)} if by else {"fontsize": 9}
    ax.legend(handles=handles, frameon=False, **outside)
    caption(fig, meta or {})
    return fig


TREND_LEVELS = 12  # up to this many distinct values (a grid): the mean at each value
TREND_CONFIDENCE = 0.90


def trend(runs: pd.DataFrame, parameter: str, outcome: str,
          sampled: bool | None = None) -> tuple[np.ndarray, np.ndarray, str]:
    """The outcome's mean along one parameter, averaged over the other parameters.

    On a grid every value recurs, so the mean at each value is the trend. In a Latin hypercube
    or Sobol design (`sampled`; if not given: more than TREND_LEVELS values) every point has
    its own value, and joining them would zig-zag between unrelated points; there the runs are
    put in bins of equal size along the parameter and each bin's mean is shown.
    """
    groups, bins = _trend_groups(runs, parameter, sampled)
    means = groups[[parameter, outcome]].mean()
    label = "mean at each value" if bins is None else f"mean in {bins} bins of equal size"
    return means[parameter].to_numpy(), means[outcome].to_numpy(), label


def trend_interval(runs: pd.DataFrame, parameter: str, outcome: str,
                   sampled: bool | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The 90 % t interval of each mean of `trend` (low, high). It covers simulation noise and the
    spread the other parameters add within a value or bin; a value or bin of one run gets none."""
    from scipy import stats

    groups, _ = _trend_groups(runs, parameter, sampled)
    mean, sd, n = groups[outcome].mean(), groups[outcome].std(ddof=1), groups[outcome].count()
    half = stats.t.ppf(0.5 + TREND_CONFIDENCE / 2, (n - 1).clip(lower=1)) * sd.fillna(0) / np.sqrt(n)
    half = half.where(n > 1, 0.0)
    return (mean - half).to_numpy(), (mean + half).to_numpy()


def _trend_groups(runs: pd.DataFrame, parameter: str, sampled: bool | None):
    """The runs grouped by value (a grid) or in bins of equal size (a sampled design), and the bins' number."""
    levels = runs[parameter].nunique()
    if sampled is None:
        sampled = levels > TREND_LEVELS
    if not sampled or levels < 3:
        return runs.groupby(parameter, sort=True), None
    bins = min(10, max(3, levels // 5))
    order = runs[parameter].rank(method="first")
    return runs.groupby(pd.qcut(order, bins, labels=False), sort=True), bins


def indices_chart(indices: pd.DataFrame, outcome: str, meta: dict[str, Any] | None = None,
                  warning: str | None = None) -> Figure:
    """Sensitivity indices of one outcome with their confidence intervals, ranked; `warning` (e.g.
    too few samples) is written across the top in red, as the console says it."""
    rows = indices[indices.outcome == outcome].iloc[::-1]
    sobol = "ST" in rows
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(rows) + 1.8), layout="constrained")
    y = np.arange(len(rows))
    if sobol:
        ax.barh(y + 0.2, rows["ST"], 0.4, xerr=rows["ST_conf"], color=PALETTE[0], label="total (ST)", capsize=3)
        ax.barh(y - 0.2, rows["S1"], 0.4, xerr=rows["S1_conf"], color=PALETTE[1], hatch="//",
                label="first order (S1)", capsize=3)
    else:
        ax.barh(y, rows["mu_star"], 0.6, xerr=rows["mu_star_conf"], color=PALETTE[0], label="mu*", capsize=3)
    ax.set_yticks(y, rows["parameter"])
    ax.set_xlabel("Sobol index" if sobol else f"mu* ({UNITS.get(outcome, '')} per year)")
    ax.set_title(wrap(f"Sensitivity of {LABELS.get(outcome, outcome).lower()}", 45))
    ax.grid(axis="x", alpha=0.3)
    ax.legend(frameon=False)
    if warning:
        fig.suptitle(wrap(f"Warning: {warning}", 80), color="#B00000", fontsize=10)
    caption(fig, meta or {})
    return fig


def discovery_chart(limits: pd.DataFrame, title: str, meta: dict[str, Any] | None = None) -> Figure:
    """The discovered box: each parameter's kept range as a share of its full range."""
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(limits) + 1.8), layout="constrained")
    for i, r in enumerate(limits.itertuples()):
        width = (r.full_high - r.full_low) or 1.0
        lo, hi = (r.low - r.full_low) / width, (r.high - r.full_low) / width
        ax.plot([0, 1], [i, i], color="#BBBBBB", linewidth=6, solid_capstyle="butt")
        ax.plot([lo, hi], [i, i], color=PALETTE[1], linewidth=6, solid_capstyle="butt",
                marker="|" if lo == hi else None, markersize=18, markeredgewidth=4)
        ax.text(1.02, i, f"{r.low:.3g} .. {r.high:.3g}", va="center", fontsize=10)
    ax.set_yticks(range(len(limits)), limits["parameter"])
    ax.set_xlim(0, 1.35)
    ax.set_xlabel(wrap("share of the swept range (grey: swept, orange: inside the box)", 60))
    ax.set_title(wrap(title, 40))
    caption(fig, meta or {})
    return fig
