"""Figures of trade-offs and of time: an optimisation's Pareto set and convergence, parallel
coordinates and pairs plots of outcomes across runs, and monthly series per policy (lines,
envelopes, densities over time). Same conventions as `plots`: colour-blind-safe palette,
nothing told by colour alone, a caption on each, and a noise reference wherever a reader could
take noise for an effect."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .plots import LABELS, PALETTE, UNITS, caption, plt, style, wrap


def _label(outcome: str) -> str:
    return f"{LABELS.get(outcome, outcome)} ({UNITS.get(outcome, '')} per year)"


def tradeoff_chart(policies: pd.DataFrame, objectives: dict[str, str], robustness: str,
                   meta: dict[str, Any]) -> Figure:
    """Every policy evaluated on the first two objectives (one objective: against the order it was
    evaluated in), the Pareto set numbered and joined, each with its noise bar (90 % interval of
    its mean from noise alone); policies that break a constraint hollow. The numbers are keyed
    to the policies' lever values in a panel beside the chart."""
    names = list(objectives)
    x_name, y_name = (names[0], names[1]) if len(names) > 1 else ("evaluation", names[0])
    fig, (ax, key) = plt.subplots(1, 2, figsize=(12, 6), layout="constrained", width_ratios=(3, 2))
    others = policies[~policies.pareto]
    ax.scatter(others[others.feasible][x_name], others[others.feasible][y_name], s=22, color="#999999",
               label="other policies")
    if (~others.feasible).any():
        ax.scatter(others[~others.feasible][x_name], others[~others.feasible][y_name], s=22, facecolors="none",
                   edgecolors="#999999", label="breaks a constraint")
    front = policies[policies.pareto].sort_values(x_name)
    ax.errorbar(front[x_name], front[y_name], xerr=_noise(front, x_name), yerr=_noise(front, y_name),
                fmt="D-", color=PALETTE[1], capsize=3, label="non-dominated (bars: noise only, 90 %)")
    for number, r in enumerate(front.itertuples(), start=1):
        ax.annotate(str(number), (getattr(r, x_name), getattr(r, y_name)), fontsize=10, fontweight="bold",
                    xytext=(5, 5), textcoords="offset points")
    ax.set_xlabel(wrap(_label(x_name) if x_name != "evaluation" else "policy (order evaluated)", 50))
    ax.set_ylabel(wrap(_label(y_name), 40))
    better = " and ".join(f"{'lower' if objectives[n] == 'min' else 'higher'} {LABELS.get(n, n).lower()}"
                          for n in names[:2])
    ax.set_title(wrap(f"Trade-offs ({robustness} over draws): better is {better}", 60))
    ax.grid(alpha=0.3)
    ax.legend(frameon=False, fontsize=9)
    _key(key, list(front.policy))
    caption(fig, meta)
    return fig


def _key(ax, policies: list[str]) -> None:
    """The numbered policies' lever values, as text in a panel of their own."""
    ax.axis("off")
    ax.text(0, 1, "\n".join(wrap(f"{n}: {p}", 50) for n, p in enumerate(policies, start=1)), va="top",
            fontsize=8, transform=ax.transAxes)


def _noise(frame: pd.DataFrame, outcome: str) -> np.ndarray | None:
    column = f"{outcome}_noise"
    return frame[column].fillna(0).to_numpy() if column in frame else None


def convergence_chart(convergence: pd.DataFrame, meta: dict[str, Any]) -> Figure:
    """Hypervolume of the front so far and the share of the front that is new, per generation."""
    fig, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
    ax.plot(convergence.generation, convergence.hypervolume, "o-", color=PALETTE[0], label="hypervolume (0-1)")
    ax.plot(convergence.generation, convergence.new_on_front, "s--", color=PALETTE[1],
            label="share of the front that is new")
    ax.set(xlabel="generation", ylim=(0, 1.05), title="Convergence: a flat hypervolume and no new front members")
    ax.set_xticks(convergence.generation)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    caption(fig, meta)
    return fig


def parallel_chart(frame: pd.DataFrame, outcomes: list[str], by: str | None, meta: dict[str, Any],
                   noise: dict[str, float] | None = None) -> Figure:
    """Parallel coordinates: one line per row (a run or a policy) across the outcomes, each axis
    scaled to its own range (its minimum and maximum written at the ends); one colour and line
    style per group of `by`. `noise` (outcome -> half-width) draws each axis's noise as a bar
    beside it, so a reader can tell differences that noise alone could make."""
    fig, ax = plt.subplots(figsize=(2.2 * len(outcomes) + 3, 5.5), layout="constrained")
    low, high = frame[outcomes].min(), frame[outcomes].max()
    span = (high - low).replace(0, 1.0)
    scaled = (frame[outcomes] - low) / span
    groups = frame.groupby(by, sort=False) if by else [("runs", frame)]
    for i, (name, group) in enumerate(groups):
        look = style(i)
        for j, row in enumerate(scaled.loc[group.index].itertuples(index=False)):
            ax.plot(range(len(outcomes)), row, color=look["color"], linestyle=look["linestyle"], alpha=0.5,
                    linewidth=1.2, label=wrap(str(name), 30) if j == 0 else None)
    for k, outcome in enumerate(outcomes):
        ax.axvline(k, color="#333333", linewidth=0.8)
        ax.text(k, -0.06, f"{low[outcome]:,.3g}", ha="center", va="top", fontsize=8)
        ax.text(k, 1.03, f"{high[outcome]:,.3g}", ha="center", va="bottom", fontsize=8)
        if noise and noise.get(outcome) == noise.get(outcome):
            ax.plot([k + 0.06] * 2, [0.5 - noise[outcome] / span[outcome], 0.5 + noise[outcome] / span[outcome]],
                    color="black", linewidth=3, solid_capstyle="butt")
    ax.set_xticks(range(len(outcomes)), [wrap(LABELS.get(o, o), 18) for o in outcomes], fontsize=9)
    ax.set_yticks([])
    ax.set_ylim(-0.15, 1.12)
    note = " (black bars: 90 % noise interval of one run)" if noise else ""
    ax.set_title(wrap(f"Trade-offs across runs: each axis from its lowest to its highest value{note}", 70))
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    caption(fig, meta)
    return fig


def pairs_chart(frame: pd.DataFrame, outcomes: list[str], by: str | None, meta: dict[str, Any]) -> Figure:
    """Every pair of outcomes against each other (lower triangle), each outcome's distribution on
    the diagonal; one colour and marker per group of `by`."""
    n = len(outcomes)
    fig, axes = plt.subplots(n, n, figsize=(2.6 * n + 1.5, 2.6 * n + 0.8), layout="constrained", squeeze=False)
    groups = list(frame.groupby(by, sort=False)) if by else [("runs", frame)]
    for i, row_outcome in enumerate(outcomes):
        for j, col_outcome in enumerate(outcomes):
            ax = axes[i][j]
            if j > i:
                ax.set_visible(False)
                continue
            for k, (name, group) in enumerate(groups):
                look = style(k)
                if i == j:
                    ax.hist(group[col_outcome], bins=12, histtype="step", color=look["color"],
                            linestyle=look["linestyle"], linewidth=1.5)
                else:
                    ax.scatter(group[col_outcome], group[row_outcome], s=10, alpha=0.5, color=look["color"],
                               marker=look["marker"], label=wrap(str(name), 30) if (i, j) == (1, 0) else None)
            ax.tick_params(labelsize=7)
            if i == n - 1:
                ax.set_xlabel(wrap(LABELS.get(col_outcome, col_outcome), 22), fontsize=8)
            if j == 0:
                ax.set_ylabel(wrap(LABELS.get(row_outcome, row_outcome), 22) if i else "runs", fontsize=8)
    if len(groups) > 1 and n > 1:
        fig.legend(*axes[1][0].get_legend_handles_labels(), loc="upper right", frameon=False, fontsize=8)
    fig.suptitle(wrap("Outcomes against each other, per year (diagonal: each outcome's spread)", 60))
    caption(fig, meta)
    return fig


def series_chart(series: dict[str, pd.DataFrame], outcome: str, kind: str, meta: dict[str, Any]) -> Figure:
    """Monthly series per policy (`series[policy]`: one row per run, one column per month).

    lines: every run as a thin line and the policy's mean; envelopes: the mean with the 5-95 %
    range of single runs and the 90 % interval of the mean; kde: each policy's density of the
    monthly value in bands of months (a kernel density per band), so shifts of the whole
    distribution over time show."""
    if kind == "kde":
        return _kde_chart(series, outcome, meta)
    fig, ax = plt.subplots(figsize=(9, 5), layout="constrained")
    for i, (name, runs) in enumerate(series.items()):
        look = style(i)
        months, mean = runs.columns.to_numpy(), runs.mean().to_numpy()
        if kind == "lines":
            for row in runs.to_numpy():
                ax.plot(months, row, color=look["color"], alpha=0.15, linewidth=0.7)
        else:
            ax.fill_between(months, runs.quantile(0.05), runs.quantile(0.95), color=look["color"], alpha=0.12)
            half = 1.645 * runs.std(ddof=1).fillna(0).to_numpy() / np.sqrt(max(len(runs), 1))
            ax.fill_between(months, mean - half, mean + half, color=look["color"], alpha=0.35)
        ax.plot(months, mean, color=look["color"], linestyle=look["linestyle"], linewidth=2,
                label=f"{wrap(str(name), 30)} ({len(runs)} runs)")
    ax.set_xlabel("month")
    ax.set_ylabel(wrap(f"{LABELS.get(outcome, outcome)} ({UNITS.get(outcome, '')} per month)", 40))
    shading = ("thin lines: single runs; thick: the mean" if kind == "lines" else
               "light band: 5-95 % of single runs; dark band: 90 % interval of the mean")
    ax.set_title(wrap(f"{LABELS.get(outcome, outcome)} per month ({shading})", 70))
    ax.grid(alpha=0.3)
    ax.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
    caption(fig, meta)
    return fig


KDE_BANDS = 4  # bands of months in a density-over-time chart


def _kde_chart(series: dict[str, pd.DataFrame], outcome: str, meta: dict[str, Any]) -> Figure:
    from scipy.stats import gaussian_kde

    months = next(iter(series.values())).columns.to_numpy()
    bands = np.array_split(months, KDE_BANDS)
    fig, axes = plt.subplots(1, len(bands), figsize=(3 * len(bands) + 2, 4.5), layout="constrained",
                             sharey=True, squeeze=False)
    every = np.concatenate([runs.to_numpy().ravel() for runs in series.values()])
    grid = np.linspace(every.min(), every.max() if np.ptp(every) else every.min() + 1, 200)
    for ax, band in zip(axes[0], bands):
        for i, (name, runs) in enumerate(series.items()):
            values = runs[band].to_numpy().ravel()
            look = style(i)
            density = gaussian_kde(values)(grid) if np.ptp(values) > 0 else np.where(
                np.isclose(grid, values[0], atol=np.ptp(grid) / 200), 1.0, 0.0)
            ax.plot(density, grid, color=look["color"], linestyle=look["linestyle"],
                    label=wrap(str(name), 30) if band is bands[-1] else None)
        ax.set_title(f"months {band[0]}-{band[-1]}", fontsize=10)
        ax.set_xlabel("density", fontsize=9)
        ax.set_xticks([])
    axes[0][0].set_ylabel(wrap(f"{LABELS.get(outcome, outcome)} ({UNITS.get(outcome, '')} per month)", 40))
    axes[0][-1].legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.suptitle(wrap(f"{LABELS.get(outcome, outcome)}: distribution of monthly values over time, per policy", 70))
    caption(fig, meta)
    return fig
