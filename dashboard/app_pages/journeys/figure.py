"""A simulated family's journey as a timeline chart: money and help, court, where the parents live
and where the children are, on the report's clock (month 1 is the first reported month).

Reads one family's events as given by view.events_of. No Streamlit here.
"""

from __future__ import annotations

from itertools import cycle

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter

from sim import plots

from dashboard.i18n import t, word

from .view import event_short
from .words import SHORT, STORY

MONEY = ("job_loss", "benefit_problem", "separation", "arrears_start", "arrears_repaid", "arrangement",
         "arrangement_broken", "signal", "reached", "help_accepted", "help_sought", "debt_help", "debt_settlement",
         "direct_rent_payment", "nuisance", "moved_out", "before_court")
COURT = ("summons", "paid_before_hearing", "dismissed", "conditional_verdict", "conditional_breached",
         "eviction_order", "settled_after_verdict", "left_before_execution", "executed", "supervision")
MARKERS = dict(zip(MONEY + COURT, cycle("osDXv^P*hp>d")))
LANES = {"children": 0.0, "parents": 1.0, "court": 2.0, "money": 3.3}
SCHOOL_Y = -0.42  # school changes: a row of triangles under the children's lane
# Places get a colour and a hatch each, and their name is written on the bar: never colour alone.
# "home" (the parents' own home) and "with_parents" (the children's lane) differ in colour too.
PLACE_STYLE = {"home": ("#DDDDDD", ""), "housed": ("#FFFFFF", ""), "with_parents": ("#CFE8C8", ""),
               "informal": (plots.PALETTE[4], "//"), "doubled_up": (plots.PALETTE[4], "//"),
               "emergency": (plots.PALETTE[6], "oo"), "hidden": (plots.PALETTE[7], "**"),
               "residential": (plots.PALETTE[7], "\\\\"), "alternative": (plots.PALETTE[2], ".."),
               "family_shelter": (plots.PALETTE[5], "\\\\"), "night_shelter": (plots.PALETTE[0], "xx"),
               "rough": (plots.PALETTE[1], "++"), "foster": (plots.PALETTE[3], "--"),
               "relatives": (plots.PALETTE[4], "||")}
# Labels closer than this share of the month range are merged into one ("school change ×2"): a
# label at 8.5 pt is about a seventh of the chart wide.
LABEL_SPAN = 0.2


def _segments(events: pd.DataFrame, start: str, changes: dict[str, str | None], end: int) -> list[tuple[int, int, str]]:
    """(from, to, place) spans from events that change a place; `changes` maps event -> place
    (None: take the place from the event's detail)."""
    spans, place, since = [], start, int(events.month.min()) if len(events) else 0
    for e in events.itertuples():
        if e.event in changes:
            new = changes[e.event] or e.detail.partition(" to ")[2] or e.detail
            if new != place:
                spans.append((since, int(e.month), place))
                place, since = new, int(e.month)
    spans.append((since, end, place))
    return [s for s in spans if s[1] > s[0]]


def _draw_spans(ax, spans: list[tuple[int, int, str]], y: float, lang: str, width: float) -> set[str]:
    """Bars for the places; a place's name goes on its bar when there is room (the legend has all)."""
    for start, stop, place in spans:
        colour, hatch = PLACE_STYLE.get(place, ("#BBBBBB", ""))
        ax.broken_barh([(start, stop - start)], (y - 0.28, 0.56), facecolors=colour, hatch=hatch,
                       edgecolor="#333333", linewidth=0.8)
        if stop - start >= 0.14 * width:
            ax.text(start + 0.2, y, word(SHORT, place, lang), va="center", ha="left", fontsize=9,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    return {place for _, _, place in spans}


LEVELS = 6  # heights a lane's event names may take above it (11 pt apart)


def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _draw_events(ax, events: pd.DataFrame, names: tuple[str, ...], y: float, lang: str, placed: list) -> None:
    """A marker per event and its name above, at the lowest height where it collides with no name
    already placed (`placed`: their boxes); names of events in the last third of the chart end at
    their marker, so that they stay on it."""
    picked = events[events.event.isin(names)]
    first, last = ax.get_xlim()
    renderer = ax.figure.canvas.get_renderer()
    for i, (month, group) in enumerate(picked.groupby("month", sort=True)):
        for event in group.event.unique():
            ax.plot(month, y, MARKERS.get(event, "o"), color="#222222", markerfacecolor="white", markersize=8)
        text = ", ".join(event_short(e.event, e.detail, lang) for e in group.drop_duplicates("event").itertuples())
        late = month > last - (last - first) / 3
        heights = [*range(LEVELS), i % 3]  # the first free height; if none is free, the old stagger
        for attempt, level in enumerate(heights):
            note = ax.annotate(text, (month, y), xytext=(3 if late else -3, 8 + 11 * level),
                               textcoords="offset points", fontsize=8.5, ha="right" if late else "left", va="bottom")
            box = note.get_window_extent(renderer)
            if attempt == len(heights) - 1 or not any(_overlaps(box, other) for other in placed):
                placed.append(box)
                break
            note.remove()


def clusters(months: list[int], gap: float) -> list[list[int]]:
    """Sorted months in runs where each is less than `gap` after the run's first month."""
    runs: list[list[int]] = []
    for month in sorted(months):
        if runs and month - runs[-1][0] < gap:
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


def _draw_school_changes(ax, events: pd.DataFrame, lang: str, width: float) -> None:
    """A triangle per school change; one label per group of nearby changes, with their number."""
    months = events.loc[events.event == "school_change", "month"].astype(int).tolist()
    for group in clusters(months, LABEL_SPAN * width):
        for month in set(group):
            ax.plot(month, SCHOOL_Y, "^", color="#222222", markersize=8)
        label = word(SHORT, "school_change", lang) + (f" ×{len(group)}" if len(group) > 1 else "")
        ax.annotate(label, (group[0], SCHOOL_Y), xytext=(5, -3), textcoords="offset points", fontsize=8.5, va="top")


def _legend(ax, places: set[str], lang: str) -> None:
    handles = [Patch(facecolor=PLACE_STYLE[p][0], hatch=PLACE_STYLE[p][1], edgecolor="#333333",
                     label=word(SHORT, p, lang)) for p in PLACE_STYLE if p in places]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)


def month_ticks(xlim: tuple[int, int]) -> list[int]:
    """Tick positions (months on the model's clock, 0 = first reported month) whose labels as said
    (1, 2, ... from the start; -1, -2, ... before it) are round: at most about 10 ticks."""
    said = [x + 1 if x >= 0 else x for x in xlim]
    step = next((s for s in (1, 2, 3, 6, 12, 24, 48) if (said[1] - said[0]) / s <= 10), 96)
    labels = {n for n in range(said[0] - said[0] % step, said[1] + 1, step) if n != 0 and said[0] <= n <= said[1]}
    if xlim[0] < 0 <= xlim[1]:
        labels.add(1)  # the report's first month
    return sorted(n - 1 if n > 0 else n for n in labels)


def _report_clock(ax, xlim: tuple[int, int], lang: str) -> None:
    """Months as the story says them, and a dashed line where the report starts."""
    ax.set_xlim(*xlim)
    ax.xaxis.set_major_locator(FixedLocator(month_ticks(xlim)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{round(x) + 1}" if x >= 0 else f"−{round(-x)}"))
    if xlim[0] < 0 < xlim[1]:
        ax.axvline(-0.5, color="#555555", linestyle="--", linewidth=1)
    ax.set_xlabel(t("month_of_report", lang))


def timeline_figure(events: pd.DataFrame, lang: str, title: str, xlim: tuple[int, int]) -> Figure:
    """The family's journey on four lanes: money and help, court, where the parents live, the children."""
    fig, ax = plt.subplots(figsize=(11, 5), layout="constrained")
    ax.set_xlim(*xlim)
    width = xlim[1] - xlim[0]
    parents = _segments(events, "home", {"moved": None, "rehoused": "housed"}, xlim[1])
    kids = _segments(events, "with_parents", {"children_separated": None, "children_reunified": "with_parents"},
                     xlim[1])
    places = _draw_spans(ax, parents, LANES["parents"], lang, width) | _draw_spans(ax, kids, LANES["children"], lang,
                                                                                   width)
    _draw_school_changes(ax, events, lang, width)
    _legend(ax, places, lang)
    ax.set_yticks(list(LANES.values()), [word(STORY, f"lane_{lane}", lang) for lane in LANES])
    ax.set_ylim(-0.85, 4.3)
    _report_clock(ax, xlim, lang)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    # Last: the event names are placed where they fall on the laid-out axes, so that none collides.
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    placed: list = [t.get_window_extent() for t in ax.texts]  # names on the bars
    _draw_events(ax, events, COURT, LANES["court"], lang, placed)
    _draw_events(ax, events, MONEY, LANES["money"], lang, placed)
    return fig


def xlim_for(*frames: pd.DataFrame, months: int) -> tuple[int, int]:
    """A shared month range for one family's timelines under several scenarios: the journey and
    half a year after it (at least 15 months, at most to the run's end)."""
    starts = [int(f.month.min()) for f in frames if len(f)]
    ends = [int(f.month.max()) for f in frames if len(f)]
    first = min(starts, default=0) - 1
    last = max(max(ends, default=0) + 6, first + 15)
    return first, max(min(last, months), max(ends, default=0) + 1)
