"""One municipality against the others: rates per 1,000 households for every municipality of a
run, a municipality's own figures next to its type and the whole country, and the spread between
municipalities (sim.scorecard) in words.

Plain functions of a RunResult or Comparison and a language; no Streamlit. Rates are per 1,000 of
the municipality's rented households per year: its events over every reported year, replication
and draw, divided by the number of those years and runs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim import Comparison, RunResult, beyond_chance, spread_between_municipalities

from dashboard.i18n import UI, outcome_label, scenario_title, share, t

# The outcomes a council compares, per 1,000 households a year.
RATES = ("evictions", "summonses", "evictions_with_children", "children_evicted")


def has_municipalities(comparison: Comparison) -> bool:
    """Whether the comparison's baseline has outcomes for more than one municipality."""
    local = comparison.runs[comparison.meta["baseline"]].by_municipality
    return not local.empty and local["municipality"].nunique() > 1


def shown_scenarios(comparison: Comparison) -> list[str]:
    """The baseline and, where the comparison has one, the first policy scenario."""
    return [comparison.meta["baseline"], *comparison.meta["scenarios"][:1]]


def local_rates(result: RunResult) -> pd.DataFrame:
    """One row per municipality: name, type, households and each of RATES per 1,000 households a
    year (mean over replications and posterior draws)."""
    local = result.by_municipality
    runs = local.groupby([c for c in ("replication", "draw") if c in local]).ngroups
    years = result.meta["months"] / 12
    per = local.groupby("municipality", observed=True).agg(
        type=("type", "first"), households=("households", "first"), **{o: (o, "sum") for o in RATES})
    for outcome in RATES:  # the events behind each rate, summed over every year, replication and draw
        per[f"{outcome}_events"] = per[outcome]
    per[list(RATES)] = per[list(RATES)].div(per["households"], axis=0) * 1000 / (runs * years)
    per["type"] = per["type"].astype(str)
    return per.reset_index().assign(municipality=lambda f: f["municipality"].astype(str))


def national_rate(rates: pd.DataFrame, outcome: str) -> float:
    """The whole country's rate: municipalities' rates weighted by their households."""
    return float(np.average(rates[outcome], weights=rates["households"]))


def municipality_names(rates: pd.DataFrame) -> dict[str, str]:
    """Every municipality's name (sorted) and its type."""
    return dict(sorted(zip(rates["municipality"], rates["type"])))


def type_word(kind: str, lang: str) -> str:
    """A municipality type in words ("medium town"); a type from a user's file as it is written."""
    key = f"kind_{kind}"
    return t(key, lang) if key in UI else kind.replace("_", " ")


def rank_of(rates: pd.DataFrame, own: str, outcome: str = "evictions") -> tuple[int, int]:
    """The municipality's place from the lowest rate (1) and the number of municipalities."""
    ordered = rates.sort_values(outcome, kind="stable")["municipality"].tolist()
    return ordered.index(own) + 1, len(ordered)


def _spread_columns(values: pd.Series, lang: str, prefix: str) -> dict[str, float]:
    """Median, P10 and P90 of a group's rates, under the group's column names."""
    p10, median, p90 = np.percentile(values, [10, 50, 90])
    return {t(f"local_col_{prefix}_median", lang): median, t(f"local_col_{prefix}_p10", lang): p10,
            t(f"local_col_{prefix}_p90", lang): p90}


def own_rows(rates: pd.DataFrame, own: str, lang: str) -> list[dict[str, object]]:
    """Per outcome: the municipality's rate, then median and P10-P90 of its type and of all."""
    mine = rates[rates["municipality"] == own].iloc[0]
    peers = rates[rates["type"] == mine["type"]]
    return [{t("col_outcome", lang): outcome_label(o, lang), own: mine[o],
             t("local_col_events", lang): int(mine[f"{o}_events"]),
             t("local_col_few", lang): t("yes" if mine[f"{o}_events"] < FEW_EVENTS else "no", lang),
             **_spread_columns(peers[o], lang, "type"), **_spread_columns(rates[o], lang, "all")} for o in RATES]


FEW_EVENTS = 20  # as the strip and the scorecard: a rate from fewer events rests on few cases


def few_note(rates: pd.DataFrame, lang: str) -> str:
    """How many municipalities' eviction rates rest on fewer than FEW_EVENTS evictions, in words."""
    count = int((rates["evictions_events"] < FEW_EVENTS).sum())
    return t("local_few_note", lang, count=count, total=len(rates), n=FEW_EVENTS) if count else ""


def own_frame(comparison: Comparison, own: str, lang: str) -> pd.DataFrame:
    """The municipality's own figures per 1,000 households a year against its type and all
    municipalities, per shown scenario (numbers, for display and CSV)."""
    frames = []
    for name in shown_scenarios(comparison):
        rows = own_rows(local_rates(comparison.runs[name]), own, lang)
        frame = pd.DataFrame(rows)
        frame.insert(0, t("col_scenario", lang), scenario_title(name, lang))
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


SPREAD_COLUMNS = ("municipalities", "national", "p10", "p90", "ratio", "chance_p10", "chance_p90")


def spread_frame(comparison: Comparison, lang: str) -> pd.DataFrame:
    """spread_between_municipalities per shown scenario, with the indicator in words and whether
    the spread goes beyond chance (numbers, for CSV); empty where no indicator has enough cases."""
    frames = []
    for name in shown_scenarios(comparison):
        spread = spread_between_municipalities(comparison.runs[name])
        if spread.empty:
            continue
        frame = spread[list(SPREAD_COLUMNS)].rename(columns={c: t(f"spread_col_{c}", lang) for c in SPREAD_COLUMNS})
        frame.insert(0, t("spread_col_indicator", lang), [t(f"spread_{k}", lang) for k in spread["indicator"]])
        frame.insert(0, t("col_scenario", lang), scenario_title(name, lang))
        frame[t("spread_col_verdict", lang)] = [t("spread_beyond" if b else "spread_within", lang)
                                                for b in beyond_chance(spread)]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


SHARES = ("national", "p10", "p90", "chance_p10", "chance_p90")


def spread_shown(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The spread table for reading: shares as percentages, the rest as numbers in the language."""
    out = frame.copy()
    for column in SHARES:
        name = t(f"spread_col_{column}", lang)
        out[name] = [share(v, lang) for v in out[name]]
    return out


def spread_sentence(spread: pd.DataFrame, lang: str) -> str:
    """The baseline's spread in plain words: per indicator the middle 80 % of municipalities next
    to what chance alone gives, then whether where a family lives makes a difference."""
    parts = [t("spread_part", lang, indicator=t(f"spread_{r.indicator}", lang), p10=share(r.p10, lang),
               p90=share(r.p90, lang), chance_p10=share(r.chance_p10, lang), chance_p90=share(r.chance_p90, lang))
             for r in spread.itertuples()]
    beyond = beyond_chance(spread)
    verdict = "spread_some_beyond" if beyond.any() else "spread_none_beyond"
    return " ".join(parts) + " " + t(verdict, lang, n=int(beyond.sum()), total=len(spread))
