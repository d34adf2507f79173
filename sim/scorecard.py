"""The rights scorecard: the eight obligations of the ombudsmen's 2023 letter, each with an
indicator computed from a run, a direction (is more better?), the events behind it, and a
plain-language explanation in English and Dutch.

Each indicator says what it rests on (`basis`): `mechanism` when the model produces it (the
pathway decides who is evicted and what happens after), `input` when it restates a lever's
setting (the share of hearings without the tenant is one minus the appearance the scenario
sets; the share with legal aid is the legal-aid share), so that the dashboard and the exports
show it as "set by the scenario", never as a result.

Every share is events over one cohort: evicted households (or children) followed up for a year,
family evictions, hearings. The model counts each numerator within its own denominator, so a
share lies in [0, 1] whatever the period; the point is the pooled share over replications and
its interval a 90 % Wilson interval on the simulated counts, so a share that rests on a handful
of events shows how uncertain it is (noise only; see docs/model.md). Obligation 4 compares
eviction risks: the rate of evictions in a group over the rate among all households, with a
90 % interval on the log of that ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .pathway.outcomes import FLOWS, STOCKS
from .runner import RunResult

LEVEL = 0.90


@dataclass(frozen=True)
class Obligation:
    number: int
    key: str
    better: str            # "higher" or "lower"
    unit: str              # "share" (0-1) or "ratio" (1 = equal)
    events: str            # outcome counting the events (shares) or the group's evictions (ratios)
    cases: str             # outcome counting the cohort (shares) or the group's households (ratios)
    title: dict[str, str]
    indicator: dict[str, str]
    explanation: dict[str, str]
    basis: str = "mechanism"  # "mechanism" (a result of the model) or "input" (restates `set_by`)
    set_by: str = ""          # the lever(s) an `input` indicator restates


def _ratio(number: int, key: str, events: str, cases: str, who_en: str, who_nl: str) -> Obligation:
    return Obligation(
        number, key, "lower", "ratio", events, cases,
        {"en": "No discrimination", "nl": "Geen discriminatie"},
        {"en": f"Eviction risk of {who_en} relative to all tenants",
         "nl": f"Ontruimingsrisico van {who_nl} ten opzichte van alle huurders"},
        {"en": "Whether you are evicted should not depend on who you are or who your landlord is (1 = equal).",
         "nl": "Of je ontruimd wordt mag niet afhangen van wie je bent of wie je verhuurder is (1 = gelijk)."})


OBLIGATIONS: tuple[Obligation, ...] = (
    Obligation(1, "no_homelessness", "lower", "share", "cohort_evictions_homeless", "cohort_evictions",
               {"en": "No eviction into homelessness", "nl": "Geen ontruiming in dakloosheid"},
               {"en": "Share of evicted households in shelter, hidden or on the street, or with children "
                      "separated, in the year after",
                "nl": "Aandeel ontruimde huishoudens dat in het jaar erna in de opvang, verborgen of op straat "
                      "leeft, of waarvan kinderen van hun ouders gescheiden raken"},
               {"en": "An eviction must never leave people without a home. Staying with relatives or friends is "
                      "not counted here.",
                "nl": "Een ontruiming mag nooit tot dakloosheid leiden. Logeren bij familie of vrienden telt "
                      "hier niet mee."}),
    Obligation(2, "root_causes", "higher", "share", "evictions_arrears_helped", "evictions_arrears",
               {"en": "Root causes addressed", "nl": "Oorzaken aangepakt"},
               {"en": "Share of evictions for arrears where the tenant had debt help",
                "nl": "Aandeel ontruimingen wegens huurachterstand waarbij de huurder schuldhulp had"},
               {"en": "Arrears should be tackled with help before a landlord goes to court.",
                "nl": "Huurachterstand hoort met hulp aangepakt te worden voordat de verhuurder naar de rechter "
                      "gaat."}),
    Obligation(3, "alternative_housing", "higher", "share", "cohort_family_evictions_in_view",
               "cohort_family_evictions",
               {"en": "Alternative housing in view", "nl": "Vervangende woonruimte in zicht"},
               {"en": "Share of family evictions with alternative housing in view before the eviction",
                "nl": "Aandeel gezinsontruimingen met vervangende woonruimte in zicht vóór de ontruiming"},
               {"en": "A family should only be evicted when a decent place to live together is ready.",
                "nl": "Een gezin hoort alleen ontruimd te worden als er passende woonruimte klaarstaat."},
               basis="input", set_by="policy.housing_duty.families_duty"),
    _ratio(4, "no_discrimination_single_parents", "evictions_single_parent", "households_single_parent",
           "single parents", "eenoudergezinnen"),
    _ratio(4, "no_discrimination_large_families", "evictions_large_family", "households_large_family",
           "families with three or more children", "gezinnen met drie of meer kinderen"),
    _ratio(4, "no_discrimination_benefits", "evictions_on_benefits", "households_on_benefits",
           "households living on a benefit", "huishoudens met een uitkering"),
    _ratio(4, "no_discrimination_private", "evictions_private", "households_private",
           "private tenants", "huurders van particuliere verhuurders"),
    Obligation(5, "legal_grounds", "lower", "share", "default_judgments", "hearings",
               {"en": "Only on grounds laid down in law", "nl": "Alleen op wettelijke gronden"},
               {"en": "Share of hearings decided by default (tenant not heard)",
                "nl": "Aandeel zittingen beslist bij verstek (huurder niet gehoord)"},
               {"en": "A judge can only weigh the grounds when the tenant is there to be heard.",
                "nl": "Een rechter kan de gronden pas wegen als de huurder gehoord wordt."},
               basis="input", set_by="context.court.appear, policy.legal_aid"),
    Obligation(6, "child_development", "lower", "share", "cohort_children_separated", "cohort_children",
               {"en": "Children's development protected", "nl": "Ontwikkeling van kinderen beschermd"},
               {"en": "Share of evicted children separated from their parents in the year after",
                "nl": "Aandeel ontruimde kinderen dat in het jaar erna van hun ouders gescheiden raakt"},
               {"en": "Children should stay with their parents and keep their school.",
                "nl": "Kinderen horen bij hun ouders te blijven en op hun school."}),
    Obligation(6, "schools", "lower", "share", "cohort_children_school_change", "cohort_school_children",
               {"en": "Children's development protected", "nl": "Ontwikkeling van kinderen beschermd"},
               {"en": "Share of evicted school-age children who changed school in the year after",
                "nl": "Aandeel ontruimde schoolgaande kinderen dat in het jaar erna van school wisselt"},
               {"en": "A change of school breaks friendships and learning.",
                "nl": "Een schoolwissel breekt vriendschappen en leren af."}),
    Obligation(7, "legal_protection", "higher", "share", "evictions_with_legal_aid", "evictions",
               {"en": "Legal protection", "nl": "Rechtsbescherming"},
               {"en": "Share of evictions where the tenant had legal aid",
                "nl": "Aandeel ontruimingen waarbij de huurder rechtshulp had"},
               {"en": "Accessible information, independent support and an effective remedy.",
                "nl": "Begrijpelijke informatie, onafhankelijke ondersteuning en een effectief rechtsmiddel."},
               basis="input", set_by="policy.legal_aid.share_summoned"),
    Obligation(8, "consultation", "higher", "share", "cohort_family_evictions_heard", "cohort_family_evictions",
               {"en": "Meaningful consultation", "nl": "Ouders en kinderen echt betrokken"},
               {"en": "Share of family evictions where the children were heard (the court and the municipality "
                      "act on it)",
                "nl": "Aandeel gezinsontruimingen waarbij de kinderen zijn gehoord (de rechter en de gemeente "
                      "doen er iets mee)"},
               {"en": "Parents and children must have a real say. In the model, being heard makes a conditional "
                      "verdict more likely and a school change less likely (assumed effects).",
                "nl": "Ouders en kinderen moeten echt meepraten. In het model maakt gehoord worden een "
                      "voorwaardelijk vonnis waarschijnlijker en een schoolwissel minder waarschijnlijk "
                      "(aangenomen effecten)."},
               basis="input", set_by="policy.consultation.children_heard"),
)


def wilson(events: float, cases: float, level: float = LEVEL) -> tuple[float, float]:
    """Wilson score interval for a share of `events` in `cases` (NaN without cases)."""
    if cases <= 0:
        return float("nan"), float("nan")
    z = stats.norm.ppf(0.5 + level / 2)
    p = events / cases
    centre = (p + z * z / (2 * cases)) / (1 + z * z / cases)
    half = z * np.sqrt(p * (1 - p) / cases + z * z / (4 * cases * cases)) / (1 + z * z / cases)
    return min(max(0.0, centre - half), p), max(min(1.0, centre + half), p)  # exact at 0 and 1


def risk_ratio(a: float, n1: float, c: float, n2: float, level: float = LEVEL) -> tuple[float, float, float]:
    """Ratio of the rates a/n1 and c/n2 with a log-normal interval (NaN without events)."""
    if min(a, c) <= 0 or min(n1, n2) <= 0:
        return float("nan"), float("nan"), float("nan")
    ratio = (a / n1) / (c / n2)
    z = stats.norm.ppf(0.5 + level / 2)
    se = np.sqrt(max(1 / a - 1 / n1 + 1 / c - 1 / n2, 0.0))
    return ratio, ratio * np.exp(-z * se), ratio * np.exp(z * se)


def simulated_totals(result: RunResult) -> dict[str, float]:
    """Flows summed over the reported horizon and all replications, stocks averaged over the
    horizon and summed over replications, in simulated units (results are scaled to the real
    population; the counts behind an interval are the model's own)."""
    monthly = result.monthly
    scale = float(result.meta.get("scale", 1.0))
    values = monthly.drop(columns=["replication", "month"])
    flows = values[list(FLOWS)].sum() * scale
    stocks = values.groupby(monthly.replication).mean()[list(STOCKS)].sum() * scale
    totals = {**flows.to_dict(), **stocks.to_dict()}
    private = sum(p["private_households"] for p in result.meta["profiles"])
    totals["households_private"] = private * scale * monthly.replication.nunique()
    return totals


def scorecard(result: RunResult, language: str = "en") -> pd.DataFrame:
    """One row per indicator: value, 90 % interval, the events and cases behind it, and its basis
    (`mechanism`, or `input` with the lever it restates in `set_by`)."""
    totals = simulated_totals(result)
    rows = []
    for ob in OBLIGATIONS:
        events, cases = totals.get(ob.events, 0.0), totals.get(ob.cases, 0.0)
        if ob.unit == "share":
            value = events / cases if cases > 0 else float("nan")
            low, high = wilson(events, cases)
        else:
            value, low, high = risk_ratio(events, cases, totals["evictions"], totals["households"])
        rows.append({"number": ob.number, "key": ob.key, "unit": ob.unit, "obligation": ob.title[language],
                     "indicator": ob.indicator[language], "value": value, "low": low, "high": high,
                     "events": round(events), "cases": round(cases), "better": ob.better,
                     "explanation": ob.explanation[language], "basis": ob.basis, "set_by": ob.set_by})
    return pd.DataFrame(rows)


# -- arbitrariness: the spread between municipalities ------------------------------------------
SPREADS = (  # (key, events, cases): shares over one cohort, per municipality
    ("family_separated", "cohort_family_evictions_separated", "cohort_family_evictions"),
    ("homeless_after_eviction", "cohort_evictions_homeless", "cohort_evictions"),
    ("alternative_housing", "cohort_family_evictions_in_view", "cohort_family_evictions"),
)
MIN_COHORT = 10  # municipalities with fewer cohort members (over all replications) are left out


def spread_between_municipalities(result: RunResult, min_cohort: int = MIN_COHORT, seed: int = 0) -> pd.DataFrame:
    """Whether a family's rights depend on where it lives: per indicator, the share in each
    municipality over its own cohort (pooled over replications and years), and the 10th and 90th
    percentile over municipalities with at least `min_cohort` cohort members, their ratio (NaN
    when P10 is 0) and difference. Small cohorts spread by chance alone: `chance_p10`/`chance_p90`
    are the percentiles if every municipality had the national share (binomial, same cohorts), so
    only a spread beyond them is local variation: `beyond_chance` says whether the P10-P90 range is
    wider than chance's."""
    local = result.by_municipality
    if local.empty or local["municipality"].nunique() < 2:
        return pd.DataFrame()
    scale = float(result.meta.get("scale", 1.0))
    columns = list(dict.fromkeys(c for _, events, cases in SPREADS for c in (events, cases)))
    pooled = local.groupby("municipality", observed=True)[columns].sum() * scale
    rng = np.random.default_rng(seed)
    rows = []
    for key, events, cases in SPREADS:
        kept = pooled[pooled[cases] >= min_cohort]
        if len(kept) < 2:
            continue
        n = kept[cases].round().astype(np.int64).to_numpy()
        share = kept[events].to_numpy() / kept[cases].to_numpy()
        national = kept[events].sum() / kept[cases].sum()
        chance = rng.binomial(n, national) / n
        p10, p90 = np.percentile(share, [10, 90])
        rows.append({"indicator": key, "municipalities": len(kept), "national": national, "p10": p10, "p90": p90,
                     "ratio": p90 / p10 if p10 > 0 else float("nan"), "difference": p90 - p10,
                     "chance_p10": float(np.percentile(chance, 10)), "chance_p90": float(np.percentile(chance, 90))})
    spread = pd.DataFrame(rows)
    if not spread.empty:
        spread["beyond_chance"] = beyond_chance(spread)
    return spread


def beyond_chance(spread: pd.DataFrame) -> pd.Series:
    """Whether the P10-P90 range between municipalities is wider than chance alone gives it."""
    return (spread["p90"] - spread["p10"]) > (spread["chance_p90"] - spread["chance_p10"])
