"""A simulated family's journey: which families to offer and its story in sentences (the timeline
chart is in figure.py).

Reads the journeys table of a run (sim.runner.RunResult.journeys): one row per logged event with
replication, month, household, event and detail. No Streamlit here.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard.i18n import children, t, word

from .words import COMPOSITIONS, PLACES, SHORT, STORY

COURT_START = ("summons", "before_court")
# The model's "before_court" detail: what happened before the summons, months on the report's clock.
BEFORE_COURT = re.compile(r"(?:arrears since month (-?\d+)|no arrears); signalled: (True|False); "
                          r"debt help: (True|False)")


def events_in_words(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A family's events for a table: the month in words on the report's clock, the event's short
    name and the sentence that tells it (no model codes such as `before_court` or "signalled: True")."""
    return pd.DataFrame({"month": [when(m, lang) for m in events["month"]],
                         "event": [word(SHORT, e, lang) if e in SHORT else word(STORY, e, lang).rstrip(".")
                                   for e in events["event"]],
                         "detail": [sentence(e, d, lang) for e, d in zip(events["event"], events["detail"])]})


def family_key(replication: int, household: int) -> str:
    return f"{int(replication)}-{int(household)}"


def parse_key(text: str) -> tuple[int, int]:
    """A family's key, "<replication>-<household>" (as `families` makes it), as the two numbers."""
    rep, _, household = str(text).partition("-")
    if not (rep.isdigit() and household.isdigit()):
        raise ValueError(f"not a family's key: {text!r}")
    return int(rep), int(household)


def families(journeys: pd.DataFrame, other: pd.DataFrame | None = None) -> pd.DataFrame:
    """Families with children that reached court in the reported months under the first policy or
    under `other` (the same households under every policy): replication, household, composition,
    children, first court month and eviction month under the first policy (NaN if none), `differs`
    (their logged path is not the same under both) and `key`. Differing families come first, those
    evicted under one policy only before the rest, then the evicted."""
    found = _court_families(journeys)
    if other is None:
        return found.assign(differs=False)
    under_other = _court_families(other).set_index("key")
    extra = under_other.drop(index=found.key, errors="ignore").reset_index().assign(court=np.nan, evicted=np.nan)
    found = pd.concat([found, extra[found.columns]], ignore_index=True) if len(extra) else found
    found["differs"] = found.key.isin(differing(journeys, other))
    evicted_other = found.key.map(_evicted(other)).notna()
    found["ending_differs"] = found.evicted.notna() != evicted_other
    # A family whose story is told under both policies comes before one that one policy kept out of
    # court (its other side would be empty): the list opens on a story that can be compared.
    found["both"] = found.key.isin(_followed(journeys)) & found.key.isin(_followed(other))
    order = found.sort_values(["differs", "both", "ending_differs", "evicted", "replication", "household"],
                              ascending=[False, False, False, True, True, True], na_position="last")
    return order.drop(columns=["ending_differs", "both"]).reset_index(drop=True)


def _followed(journeys: pd.DataFrame) -> set[str]:
    """Keys of the families whose case reached court in the reported months (their story is told)."""
    court = journeys[journeys.event.isin(COURT_START) & (journeys.month >= 0)]
    return {family_key(r, h) for r, h in zip(court.replication, court.household)}


def differing(first: pd.DataFrame, second: pd.DataFrame) -> set[str]:
    """Keys of the households whose logged events (month, event, detail) are not the same in both."""
    columns = ["replication", "household", "month", "event", "detail"]
    counts = pd.concat([first.groupby(columns, observed=True).size().rename("first"),
                        second.groupby(columns, observed=True).size().rename("second")], axis=1).fillna(0)
    changed = counts[counts["first"] != counts["second"]].reset_index()
    return {family_key(r, h) for r, h in zip(changed.replication, changed.household)}


def _evicted(journeys: pd.DataFrame) -> pd.Series:
    """First eviction month per family key, families with children only."""
    executed = journeys[(journeys.event == "executed") & (journeys.children > 0)]
    first = executed.groupby(["replication", "household"]).month.min()
    return pd.Series(first.to_numpy(), index=[family_key(r, h) for r, h in first.index], dtype=float)


def _court_families(journeys: pd.DataFrame) -> pd.DataFrame:
    """Families with children that reached court in the reported months, with their first court
    month and eviction month (NaN if not evicted); evicted first."""
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


def when(month: int, lang: str) -> str:
    """A month on the report's clock in words. Month 0 is the first reported month, said as
    "month 1" (as people count, and as the timeline's axis shows it); earlier months are counted
    back from the start: "22 months before the report starts"."""
    month = int(month)
    if month >= 0:
        return STORY["month_in_report"][lang].format(month=month + 1)
    return STORY["month_before" if month == -1 else "months_before"][lang].format(n=-month)


def family_label(row: pd.Series, lang: str) -> str:
    """The family in the list: whether its path differs under the two policies (a sign and a word,
    never colour alone), its run, number, make-up and how its case ended under the first policy."""
    if pd.notna(row.evicted):
        end = STORY["end_evicted"][lang].format(when=when(row.evicted, lang))
    else:
        end = word(STORY, "end_court" if pd.notna(row.court) else "end_no_court", lang)
    mark = word(STORY, "mark_differs" if row.differs else "mark_same", lang)
    return t("family_label", lang, mark=mark, rep=int(row.replication) + 1, hh=int(row.household),
             composition=word(COMPOSITIONS, str(row.composition), lang), children=children(row.children, lang), end=end)


def events_of(journeys: pd.DataFrame, replication: int, household: int) -> pd.DataFrame:
    """The logged events of one household in one replication, in order."""
    rows = journeys[(journeys.replication == replication) & (journeys.household == household)]
    return rows[["month", "event", "detail"]].reset_index(drop=True)


def _before_court(detail: str, lang: str) -> str:
    """What was known before the summons: since when the family was in arrears (on the report's
    clock), whether the arrears were signalled to the municipality and whether it had debt help."""
    match = BEFORE_COURT.match(detail)
    if not match:
        return detail
    arrears = (STORY["before_court_arrears"][lang].format(when=when(int(match[1]), lang)) if match[1] is not None
               else word(STORY, "before_court_no_arrears", lang))
    signalled = word(STORY, "signalled" if match[2] == "True" else "not_signalled", lang)
    helped = word(STORY, "had_debt_help" if match[3] == "True" else "no_debt_help", lang)
    return f"{arrears} " + STORY["before_court_help"][lang].format(signalled=signalled, helped=helped)


def _before_court_short(detail: str, lang: str) -> str:
    match = BEFORE_COURT.match(detail)
    if not match:
        return ""
    yes_no = {"True": word(STORY, "yes", lang), "False": word(STORY, "no", lang)}
    return f"{word(SHORT, 'signal', lang)}: {yes_no[match[2]]} · {word(SHORT, 'debt_help', lang)}: {yes_no[match[3]]}"


def event_short(event: str, detail: str, lang: str) -> str:
    """An event's short name for the timeline chart (what was known before court, for `before_court`)."""
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
