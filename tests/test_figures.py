"""Figures: names, layout (nothing overlaps or is cut off) and the trend line of sampled designs.

Figures are drawn from small made-up tables; no simulation runs here.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from sim import plots

META = {"version": "0.1.0", "scenario": "a-long-scenario-name (sweep of baseline)", "seed": 1}
LONG = "homeless_households"  # "Homeless households (sofa, shelter, street)": the longest label


def lhs_runs(n: int = 40) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    x = rng.permutation(np.linspace(0.0, 1.0, n))
    return pd.DataFrame({"policy.legal_aid.share_summoned": x, LONG: 100 - 40 * x + rng.normal(0, 5, n)})


def drawn(fig):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def inside_figure(fig, artist) -> bool:
    box = artist.get_window_extent(drawn(fig))
    return box.x0 >= 0 and box.y0 >= 0 and box.x1 <= fig.bbox.width + 0.5 and box.y1 <= fig.bbox.height + 0.5


def assert_readable(fig) -> None:
    """The caption is clear of every axis label; labels and titles lie inside the figure."""
    renderer = drawn(fig)
    stamp = fig.texts[-1].get_window_extent(renderer)
    for ax in fig.axes:
        for label in (ax.xaxis.label, ax.yaxis.label, ax.title):
            if label.get_text():
                assert inside_figure(fig, label), f"cut off: {label.get_text()!r}"
        assert not stamp.overlaps(ax.xaxis.label.get_window_extent(renderer)), "caption over the x label"
        for tick in ax.get_xticklabels():
            if tick.get_text():
                assert not stamp.overlaps(tick.get_window_extent(renderer)), "caption over a tick label"
    plt.close(fig)


def test_dotted_figure_names_do_not_overwrite_each_other(tmp_path):
    for parameter in ("context.costs.summons_eur", "context.costs.shelter_month_eur"):
        fig = plots.sweep_scatter(lhs_runs().rename(columns={"policy.legal_aid.share_summoned": parameter}),
                                  parameter, LONG, META)
        plots.save(fig, tmp_path / f"{LONG}_vs_{parameter}", META)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"{LONG}_vs_context.costs.{p}.{ext}" for p in ("shelter_month_eur", "summons_eur")
                     for ext in ("png", "svg")]


def test_the_sweep_figure_keeps_its_caption_and_long_labels_readable():
    assert_readable(plots.sweep_scatter(lhs_runs(), "policy.legal_aid.share_summoned", LONG, META))


def test_the_sensitivity_and_discovery_figures_keep_their_labels_readable():
    indices = pd.DataFrame({"outcome": LONG, "parameter": ["policy.legal_aid.share_summoned", "context.costs.x"],
                            "mu_star": [3.0, 1.0], "mu_star_conf": [0.5, 0.2], "sigma": [1.0, 1.0]})
    assert_readable(plots.indices_chart(indices, LONG, META))
    limits = pd.DataFrame([{"parameter": "policy.legal_aid.share_summoned", "low": 0.2, "high": 0.6,
                            "full_low": 0.0, "full_high": 1.0, "restricted": 0.6}])
    assert_readable(plots.discovery_chart(limits, "Where homeless households are above 120 per year", META))


def test_comparison_figures_keep_their_caption_clear():
    monthly = {"baseline": pd.DataFrame({"month": np.arange(24), "replication": 0, LONG: np.arange(24.0)})}
    assert_readable(plots.timeseries(monthly, LONG, meta=META))


def test_a_sampled_design_gets_a_binned_trend_not_a_zig_zag():
    runs = lhs_runs()
    x, y, label = plots.trend(runs, "policy.legal_aid.share_summoned", LONG)
    assert "bins" in label and 3 <= len(x) <= 10
    assert np.all(np.diff(x) > 0), "bins follow the parameter"
    assert np.all(np.diff(y) < 8), "the trend falls with the parameter instead of jumping between runs"


def test_a_grid_gets_the_mean_at_each_value():
    runs = pd.DataFrame({"p": [0.0, 0.0, 1.0, 1.0], "evictions": [1.0, 3.0, 5.0, 7.0]})
    x, y, label = plots.trend(runs, "p", "evictions")
    assert label == "mean at each value" and list(x) == [0.0, 1.0] and list(y) == [2.0, 6.0]


@pytest.mark.parametrize("low, high", [(3e-4, 0.4), (1e-6, 3e-5), (4e-3, 4e-2)])
def test_log_axes_get_few_ticks_that_do_not_overlap(low, high):
    fig, ax = plt.subplots(figsize=(5, 2), layout="constrained")
    ax.set_xscale("log")
    ax.set_xlim(low, high)
    plots.log_axis(ax.xaxis)
    renderer = drawn(fig)
    boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
    assert 2 <= len(boxes) <= 5
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    plt.close(fig)
