"""Charts that read on a screen and on a projector: the forest plot keeps its plot area (no long
label pushes it aside), no two labels overlap and nothing is cut off at the figure's edge, at the
page's type size and at the deck's (16:9 slides, 16 pt); the deck's charts keep 14 pt or more once
scaled onto the slide."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from dashboard import exports, figures

MIN_PLOT_SHARE = 0.38  # of the figure's width


def _texts(fig):
    """Every visible text of a figure: its own, the axes' titles, labels, tick labels and notes."""
    out = [t for t in fig.texts if t.get_visible() and t.get_text()]
    for ax in fig.axes:
        out += [t for t in ax.texts if t.get_visible() and t.get_text()]
        out += [lab for lab in [*ax.get_yticklabels(), *ax.get_xticklabels()] if lab.get_text()]
        out += [t for t in (ax.title, ax.xaxis.label, ax.yaxis.label) if t.get_text()]
    return out


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("slide", [False, True], ids=["page", "slide"])
def test_the_forest_plot_keeps_its_plot_area_and_its_labels_apart(two_scenarios, lang, slide):
    with plt.rc_context(figures.SLIDE_RC if slide else {}):
        for scenarios in [("ombudsman-package",), None]:
            width = figures.SLIDE_FOREST_WIDTH if slide else 12.0  # as the deck and the page draw it
            fig = figures.forest_figure(two_scenarios, lang, scenarios=scenarios, width=width)
            fig.canvas.draw()
            renderer = fig.canvas.get_renderer()
            try:
                plot = fig.axes[0].get_position()
                assert plot.width >= MIN_PLOT_SHARE, (plot.width, lang, slide)
                edge = fig.bbox
                boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in _texts(fig)]
                cut = [text for text, box in boxes if box.x0 < edge.x0 - 1 or box.x1 > edge.x1 + 1
                       or box.y0 < edge.y0 - 1 or box.y1 > edge.y1 + 1]
                assert not cut, cut
                ticks = [lab.get_window_extent(renderer) for ax in fig.axes for lab in ax.get_yticklabels()
                         if lab.get_text()]
                assert not [(i, j) for i, a in enumerate(ticks) for j, b in enumerate(ticks[i + 1:], i + 1)
                            if _overlap(a, b)]
            finally:
                plt.close(fig)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_deck_s_charts_keep_14_pt_on_the_slide(two_scenarios, lang):
    deck = Presentation(io.BytesIO(exports.pptx_deck(two_scenarios, lang)))
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert pictures
    for picture in pictures:
        width_px = Image.open(io.BytesIO(picture.image.blob)).size[0]
        shown_in = Emu(picture.width).inches
        scale = shown_in / (width_px / 150)  # slide charts are drawn at 150 dpi
        assert figures.SLIDE_RC["ytick.labelsize"] * scale >= 14, (picture.name, scale)


def test_a_difference_at_minus_the_baseline_draws(comparison):
    """A scenario that removes every case has its difference at minus the baseline's level, where
    rounding can put the mean a hair below the interval's bound: the plot still draws."""
    import copy

    edited = copy.copy(comparison)
    table = comparison.table.copy()
    base = table[table.verdict == "baseline"].set_index("outcome")["mean"]
    rows = table.scenario == "ombudsman-package"
    floor = -table.loc[rows, "outcome"].map(base)
    table.loc[rows, "diff"] = floor - 1e-9
    table.loc[rows, "diff_low"] = floor + 1e-9  # the interval's end a rounding step above the mean
    table.loc[rows, "diff_high"] = floor + 1.0
    edited.table = table
    plt.close(figures.forest_figure(edited, "en"))


def test_a_busy_family_timeline_keeps_its_event_names_apart():
    """A family with an event in each of many neighbouring months (arrears, signal, help, summons,
    hearing, verdict, ...): no two event names on its timeline overlap."""
    import pandas as pd

    from dashboard.app_pages.journeys import figure as journey

    events = pd.DataFrame({"month": [0, 1, 1, 2, 3, 3, 4, 5, 6, 7, 8],
                           "event": ["job_loss", "arrears_start", "signal", "reached", "help_accepted", "summons",
                                     "conditional_verdict", "conditional_breached", "eviction_order", "executed",
                                     "debt_help"],
                           "detail": ["", "", "", "", "", "arrears", "", "", "", "", ""]})
    for lang in ("en", "nl"):
        fig = journey.timeline_figure(events, lang, "busy", journey.xlim_for(events, months=36))
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts if t.get_text()]
        assert not [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1) if _overlap(a, b)]
        plt.close(fig)
