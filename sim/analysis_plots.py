"""Figures of the analyses of a sweep: PRIM's peeling trajectory and box, feature scores,
dimensional stacking, and the robustness of policies. Same conventions as `plots`: colour-blind
safe, nothing told by colour alone (values are written on heatmaps), a caption on each."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .plots import LABELS, PALETTE, caption, plt, short_number, wrap


def trajectory_chart(trajectory: pd.DataFrame, chosen: int, title: str, meta: dict[str, Any]) -> Figure:
    """Coverage against density of every box on the peeling trajectory; the number of restricted
    parameters as colour and as text; the chosen box circled."""
    fig, ax = plt.subplots(figsize=(7, 5.5), layout="constrained")
    dims = trajectory.restricted_dimensions
    points = ax.scatter(trajectory.coverage, trajectory.density, c=dims, cmap="viridis", s=30,
                        vmin=0, vmax=max(1, dims.max()))
    fig.colorbar(points, ax=ax, label="restricted parameters", ticks=range(0, int(dims.max()) + 1))
    row = trajectory.iloc[chosen]
    ax.scatter([row.coverage], [row.density], s=180, facecolors="none", edgecolors=PALETTE[1], linewidths=2)
    ax.annotate(f"chosen: step {chosen}\n({int(row.restricted_dimensions)} restricted)", (row.coverage, row.density),
                xytext=(-12, -28), textcoords="offset points", ha="right", fontsize=10)
    ax.set(xlim=(0, 1.05), ylim=(0, 1.05), xlabel="coverage (share of the cases of interest inside)",
           ylabel="density (share inside that are of interest)")
    ax.set_title(wrap(title, 50))
    ax.grid(alpha=0.3)
    caption(fig, meta)
    return fig


def box_chart(limits: pd.DataFrame, title: str, meta: dict[str, Any]) -> Figure:
    """The restricted parameters of a box: each one's kept range as a share of its full range (or
    the categories kept), with the limits and the quasi-p value in the label."""
    rows = limits[limits.restricted > 0].iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.75 * max(1, len(rows)) + 2), layout="constrained")
    labels = []
    for i, r in enumerate(rows.itertuples()):
        ax.plot([0, 1], [i, i], color="#BBBBBB", linewidth=6, solid_capstyle="butt")
        if r.kept:
            lo, hi, text = 0.0, 1.0 - r.restricted, f"only {r.kept}"
        else:
            width = (r.full_high - r.full_low) or 1.0
            lo, hi = (r.low - r.full_low) / width, (r.high - r.full_low) / width
            text = f"{short_number(r.low)} .. {short_number(r.high)}"
        ax.plot([lo, hi], [i, i], color=PALETTE[1], linewidth=6, solid_capstyle="butt")
        labels.append(f"{wrap(r.parameter, 40)}\n{wrap(f'{text} (quasi-p {r.qp:.2g})', 48)}")
    ax.set_yticks(range(len(rows)), labels, fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the parameter's range (grey: all runs, orange: inside the box)")
    ax.set_title(wrap(title, 60))
    caption(fig, meta)
    return fig


def scores_chart(scores: pd.DataFrame, meta: dict[str, Any]) -> Figure:
    """Feature scores as a heatmap, parameters down, outcomes across, with the values written in."""
    fig, ax = plt.subplots(figsize=(2.2 + 1.1 * scores.shape[1], 1.6 + 0.45 * scores.shape[0]), layout="constrained")
    image = ax.imshow(scores.to_numpy(), cmap="Blues", vmin=0, vmax=max(0.01, float(scores.to_numpy().max())),
                      aspect="auto")
    _annotate(ax, scores.to_numpy(), "{:.2f}")
    ax.set_xticks(range(scores.shape[1]), [wrap(LABELS.get(c, c), 16) for c in scores.columns], rotation=45,
                  ha="right", fontsize=9)
    ax.set_yticks(range(scores.shape[0]), scores.index, fontsize=9)
    fig.colorbar(image, ax=ax, label="feature score (extra trees)")
    ax.set_title("What drives each outcome")
    caption(fig, meta)
    return fig


def stack_chart(grid: pd.DataFrame, title: str, meta: dict[str, Any]) -> Figure:
    """Dimensional stacking: the share of runs of interest in each cell (blank: no runs)."""
    rows, cols = [_label(k) for k in grid.index], [_label(k) for k in grid.columns]
    fig, ax = plt.subplots(figsize=(4 + 0.8 * len(cols), 2.5 + 0.4 * len(rows)), layout="constrained")
    image = ax.imshow(grid.to_numpy(float), cmap="Oranges", vmin=0, vmax=1, aspect="auto")
    _annotate(ax, grid.to_numpy(float), "{:.0%}")
    ax.set_xticks(range(len(cols)), cols, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)), rows, fontsize=8)
    ax.set_xlabel(wrap(_names(grid.columns), 60), fontsize=10)
    ax.set_ylabel(wrap(_names(grid.index), 40), fontsize=10)
    fig.colorbar(image, ax=ax, label="share of runs of interest")
    ax.set_title(wrap(title, 60))
    caption(fig, meta)
    return fig


def robustness_chart(table: pd.DataFrame, outcome: str, meta: dict[str, Any]) -> Figure:
    """Per policy: maximum and mean regret, and (with a threshold) the share of scenarios satisfied."""
    rows = table[table.outcome == outcome].iloc[::-1]
    panels = 2 if "satisficing" in rows and rows.satisficing.notna().any() else 1
    fig, axes = plt.subplots(1, panels, figsize=(5 + 3.5 * panels, 1.8 + 0.5 * len(rows)), layout="constrained",
                             squeeze=False, sharey=True)
    y = np.arange(len(rows))
    ax = axes[0][0]
    ax.barh(y, rows.max_regret, color=PALETTE[0], label="maximum regret")
    ax.plot(rows.mean_regret, y, "D", color=PALETTE[1], label="mean regret")
    noise = rows.regret_noise.max() if "regret_noise" in rows else float("nan")
    if noise == noise:
        ax.axvspan(0, noise, color="#999999", alpha=0.3, hatch="..",
                   label=f"noise: a regret below {short_number(noise)} may be chance (90 %)")
    else:
        ax.set_title("one replication: the noise in these regrets cannot be estimated", fontsize=9)
    ax.set_yticks(y, [wrap(p, 34) for p in rows.policy], fontsize=9)
    ax.set_xlabel(wrap(f"regret: {LABELS.get(outcome, outcome).lower()} above the best policy's, per year", 50))
    ax.legend(frameon=False, fontsize=9)
    if panels == 2:
        axes[0][1].barh(y, rows.satisficing, color=PALETTE[2], hatch="//")
        axes[0][1].set_xlim(0, 1)
        bound = "at most" if rows.goal.iloc[0] == "lower" else "at least"
        axes[0][1].set_xlabel(f"share of scenarios with {bound} {short_number(rows.threshold.iloc[0])} per year")
    fig.suptitle(wrap(f"Robustness of each policy: {LABELS.get(outcome, outcome)}", 60))
    caption(fig, meta)
    return fig


def leaves_chart(leaves: pd.DataFrame, title: str, meta: dict[str, Any]) -> Figure:
    """Each CART leaf's density with its 90 % interval (wide for leaves of few runs), its runs in
    the label; the share of all runs that are of interest as a dashed line."""
    rows = leaves.iloc[::-1]
    fig, ax = plt.subplots(figsize=(10, 0.7 * len(rows) + 2), layout="constrained")
    y = np.arange(len(rows))
    ax.errorbar(rows.density, y, xerr=[rows.density - rows.density_low, rows.density_high - rows.density],
                fmt="D", color=PALETTE[1], capsize=3, label="density, 90 % interval")
    overall = float((leaves.cases.sum()) / leaves.runs.sum())
    ax.axvline(overall, color="#333333", linestyle="--", label=f"all runs: {overall:.0%}")
    ax.set_yticks(y, [wrap(f"{r.rule} ({r.runs} runs)", 60) for r in rows.itertuples()], fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("density: share of the leaf's runs that are of interest")
    ax.set_title(wrap(title, 60))
    ax.legend(frameon=False, fontsize=9)
    caption(fig, meta)
    return fig


def regional_chart(x: pd.DataFrame, interesting: np.ndarray, table: pd.DataFrame, title: str,
                   meta: dict[str, Any], panels: int = 6) -> Figure:
    """The distribution of each parameter (the `panels` with the largest gaps) among runs of
    interest and among the rest: cumulative for numbers, shares for booleans and names; the gap
    and its p-value (how likely by chance) above each panel."""
    names = list(table.parameter[:panels])
    fig, axes = plt.subplots(1, len(names), figsize=(3.6 * len(names) + 1, 3.8), layout="constrained",
                             squeeze=False)
    y = np.asarray(interesting, bool)
    for ax, (name, r) in zip(axes[0], table.set_index("parameter").loc[names].iterrows()):
        column = x[name]
        for k, (group, label) in enumerate(((y, "of interest"), (~y, "the rest"))):
            if r.test.startswith("Kolmogorov"):
                values = np.sort(column[group].to_numpy(float))
                ax.step(values, np.arange(1, len(values) + 1) / len(values), where="post", color=PALETTE[k],
                        linestyle=LINESTYLE[k], label=label)
            else:
                shares = column[group].astype(str).value_counts(normalize=True).sort_index()
                ax.bar(np.arange(len(shares)) + 0.4 * k, shares.to_numpy(), 0.4, color=PALETTE[k],
                       hatch="//" if k else None, label=label, tick_label=list(shares.index))
        ax.set_title(wrap(f"{name.rsplit('.', 1)[-1]}: gap {r.statistic:.2f}, p {r.p_value:.2g}", 30), fontsize=9)
        ax.tick_params(labelsize=8)
    axes[0][0].set_ylabel("cumulative share (numbers) or share")
    axes[0][0].legend(frameon=False, fontsize=8)
    fig.suptitle(wrap(f"{title} (p: how likely a gap this large is by chance)", 90))
    caption(fig, meta)
    return fig


LINESTYLE = ("-", "--")


def _annotate(ax, values: np.ndarray, fmt: str) -> None:
    for (i, j), value in np.ndenumerate(values):
        if np.isfinite(value):
            ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=8,
                    color="white" if value > 0.6 * np.nanmax(values) else "black")


def _label(key: Any) -> str:
    """A cell's bins, outer parameter first: "0.3-0.5 | true"."""
    return " | ".join(str(k) for k in (key if isinstance(key, tuple) else (key,)))


def _names(index: pd.Index) -> str:
    """The parameters nested on an axis, outer first (as in the tick labels)."""
    return " | ".join(str(n).rsplit(".", 1)[-1] for n in index.names if n is not None)
