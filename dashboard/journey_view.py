"""A simulated family's journey: which families to offer, its story in sentences, and a timeline.

Reads the journeys table of a run (sim.runner.RunResult.journeys): one row per logged event with
replication, month, household, event and detail. No Streamlit here.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from sim import plots

from .i18n import COMPOSITIONS, PLACES, SHORT, STORY, children, t, word

COURT_START = ("summons", "before_court")
MONEY = ("arrears_start", "arrears_repaid", "arrangement", "arrangement_broken", "signal", "reached",
         "help_accepted", "debt_help", "direct_rent_payment", "nuisance", "before_court")
COURT = ("summons", "paid_before_hearing", "dismissed", "conditional_verdict", "conditional_breached",
         "eviction_order", "settled_after_verdict", "left_before_execution", "executed")
MARKERS = dict(zip(MONEY + COURT, "osDXv^P*hp>odsD^XvPX"))
LANES = {"children": 0.0, "parents": 1.0, "court": 2.0, "money": 3.3}
# Places get a colour and a hatch each, and their name is written on the bar: never colour alone.
PLACE_STYLE = {"home": ("#DDDDDD", ""), "housed": ("#FFFFFF", ""), "with_parents": ("#DDDDDD", ""),
               "informal": (plots.PALETTE[4], "//"), "doubled_up": (plots.PALETTE[4], "//"),
               "emergency": (plots.PALETTE[6], "oo"), "hidden": (plots.PALETTE[7], "**"),
               "residential": (plots.PALETTE[7], "\\\\"), "alternative": (plots.PALETTE[2], ".."),
               "family_shelter": (plots.PALETTE[5], "\\\\"), "night_shelter": (plots.PALETTE[0], "xx"),
               "rough": (plots.PALETTE[1], "++"), "foster": (plots.PALETTE[3], "--"),
               "relatives": (plots.PALETTE[4], "||")}
# The model's "before_court" detail: what happened before the summons, months on the report's clock.
BEFORE_COURT = re.compile(r"(?:arrears since month (-?\d+)|no arrears); signalled: (True|False); "
                          r"debt help: (True|False)")


def events_in_words(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A family's events for a table: month, the event's short name and the sentence that tells it
    (no model codes such as `before_court` or "signalled: True")."""
    return pd.DataFrame({"month": events["month"].to_numpy(),
                         "event": [word(SHORT, e, lang) if e in SHORT else word(STORY, e, lang).rstrip(".")
                                   for e in events["event"]],
                         "detail": [sentence(e, d, lang) for e, d in zip(events["event"], events["detail"])]})


def family_key(replication: int, household: int) -> str:
    return f"{int(replication)}-{int(household)}"


def parse_key(text: str) -> tuple[int, int] | None:
    rep, _, household = str(text).partition("-")
    return (int(rep), int(household)) if rep.isdigit() and household.isdigit() else None


def families(journeys: pd.DataFrame) -> pd.DataFrame:
    """Families with children that reached court in the reported months: replication, household,
    composition, children, first court month and eviction month (NaN if not evicted); evicted first."""
    with_children = journeys[journeys.children > 0]
    # Court cases during the warm-up are left out: the warm-up is not part of the results.
    court = with_children[with_children.event.isin(COURT_START) & (with_children.month >= 0)]
    if court.empty:
        return pd.DataFrame(columns=["replication", "household", "composition", "children", "court", "evicted", "key"])
    keys = ["replication", "household"]
    found = court.groupby(keys, observed=True).agg(composition=("composition", "first"),
                                                   children=("children", "first"), court=("month", "min"))
    found["evicted"] = with_children[with_children.event == "executed"].groupby(keys).month.min()
    found = found.reset_index().sort_values(["evicted", "replication", "household"], na_position="last")
    found["key"] = [family_key(r, h) for r, h in zip(found.replication, found.household)]
    return found.reset_index(drop=True)


def family_label(row: pd.Series, lang: str) -> str:
    end = (STORY["end_evicted"][lang].format(month=int(row.evicted)) if pd.notna(row.evicted)
           else word(STORY, "end_court", lang))
    return t("family_label", lang, rep=int(row.replication) + 1, hh=int(row.household),
             composition=word(COMPOSITIONS, str(row.composition), lang), children=children(row.children, lang), end=end)


def events_of(journeys: pd.DataFrame, replication: int, household: int) -> pd.DataFrame:
    """The logged events of one household in one replication, in order."""
    rows = journeys[(journeys.replication == replication) & (journeys.household == household)]
    return rows[["month", "event", "detail"]].reset_index(drop=True)


def _before_court(detail: str, lang: str) -> str:
    match = BEFORE_COURT.match(detail)
    if not match:
        return detail
    signalled, helped = match[2] == "True", match[3] == "True"
    yes_no = {True: word(STORY, "yes", lang), False: word(STORY, "no", lang)}
    text = STORY["before_court_help"][lang].format(signalled=yes_no[signalled], helped=yes_no[helped])
    if match[1] is not None:
        text = STORY["before_court_arrears"][lang].format(month=int(match[1])) + " " + text
    return text


def _before_court_short(detail: str, lang: str) -> str:
    match = BEFORE_COURT.match(detail)
    if not match:
        return ""
    yes_no = {"True": word(STORY, "yes", lang), "False": word(STORY, "no", lang)}
    return f"{word(SHORT, 'signal', lang)}: {yes_no[match[2]]} · {word(SHORT, 'debt_help', lang)}: {yes_no[match[3]]}"


def _event_short(event: str, detail: str, lang: str) -> str:
    return _before_court_short(detail, lang) if event == "before_court" else word(SHORT, event, lang)


def sentence(event: str, detail: str, lang: str) -> str:
    """One event in plain words."""
    if event == "before_court":
        return _before_court(detail, lang)
    if event == "summons":
        cause, _, aid = detail.partition(", ")
        text = STORY["summons"][lang].format(place=word(PLACES, cause, lang))
        return text + (" " + STORY["summons_aid"][lang] if aid else "")
    if event == "eviction_order":
        kinds = {"default judgment": "eviction_order_default", "breach of conditional verdict": "eviction_order_breach"}
        return word(STORY, kinds.get(detail, "eviction_order"), lang)
    if event == "children_separated":
        count, _, place = detail.partition(" to ")
        return STORY[event][lang].format(count=children(count, lang), place=word(PLACES, place, lang))
    if event == "children_reunified":
        return STORY[event][lang].format(count=children(detail, lang))
    if event in ("moved", "school_change", "rehoused"):
        return STORY[event][lang].format(place=word(PLACES, detail, lang))
    return word(STORY, event, lang)


def story(events: pd.DataFrame, lang: str) -> list[tuple[int, str]]:
    """(month, sentence) for every event, in order; the same sentence twice in a month is said once (×n)."""
    lines: list[tuple[int, str, int]] = []
    for e in events.itertuples():
        text = sentence(e.event, e.detail, lang)
        if lines and lines[-1][:2] == (int(e.month), text):
            lines[-1] = (lines[-1][0], text, lines[-1][2] + 1)
        else:
            lines.append((int(e.month), text, 1))
    return [(month, text if n == 1 else f"{text} (×{n})") for month, text, n in lines]


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


def _draw_events(ax, events: pd.DataFrame, names: tuple[str, ...], y: float, lang: str) -> None:
    """A marker per event and its name above, on three staggered heights so neighbours do not collide."""
    picked = events[events.event.isin(names)]
    for i, (month, group) in enumerate(picked.groupby("month", sort=True)):
        for event in group.event.unique():
            ax.plot(month, y, MARKERS.get(event, "o"), color="#222222", markerfacecolor="white", markersize=8)
        text = ", ".join(_event_short(e.event, e.detail, lang) for e in group.drop_duplicates("event").itertuples())
        ax.annotate(text, (month, y), xytext=(-3, 8 + 11 * (i % 3)), textcoords="offset points", fontsize=8.5,
                    ha="left", va="bottom")


def _legend(ax, places: set[str], lang: str) -> None:
    handles = [Patch(facecolor=PLACE_STYLE[p][0], hatch=PLACE_STYLE[p][1], edgecolor="#333333",
                     label=word(SHORT, p, lang)) for p in PLACE_STYLE if p in places]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)


def timeline_figure(events: pd.DataFrame, lang: str, title: str, xlim: tuple[int, int]) -> Figure:
    """The family's journey on four lanes: money and help, court, where the parents live, the children."""
    fig, ax = plt.subplots(figsize=(11, 5), layout="constrained")
    width = xlim[1] - xlim[0]
    _draw_events(ax, events, MONEY, LANES["money"], lang)
    _draw_events(ax, events, COURT, LANES["court"], lang)
    parents = _segments(events, "home", {"moved": None, "rehoused": "housed"}, xlim[1])
    kids = _segments(events, "with_parents", {"children_separated": None, "children_reunified": "with_parents"},
                     xlim[1])
    places = _draw_spans(ax, parents, LANES["parents"], lang, width) | _draw_spans(ax, kids, LANES["children"], lang,
                                                                                   width)
    for month in events[events.event == "school_change"].month.unique():
        ax.plot(month, -0.42, "^", color="#222222", markersize=8)
        ax.annotate(word(SHORT, "school_change", lang), (month, -0.42), xytext=(5, -3), textcoords="offset points",
                    fontsize=8.5, va="top")
    _legend(ax, places, lang)
    ax.set_yticks(list(LANES.values()), [word(STORY, f"lane_{lane}", lang) for lane in LANES])
    ax.set_ylim(-0.85, 4.3)
    ax.set_xlim(*xlim)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(t("month", lang))
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return fig


def xlim_for(*frames: pd.DataFrame, months: int) -> tuple[int, int]:
    """A shared month range for one family's timelines under several scenarios: the journey and
    half a year after it (at least 15 months, at most to the run's end)."""
    starts = [int(f.month.min()) for f in frames if len(f)]
    ends = [int(f.month.max()) for f in frames if len(f)]
    first = min(starts, default=0) - 1
    last = max(max(ends, default=0) + 6, first + 15)
    return first, max(min(last, months), max(ends, default=0) + 1)
