"""The rights scorecard: the eight obligations of the ombudsmen's 2023 letter, each with an
indicator computed from a run's outcomes, a direction (is more better?) and a plain-language
explanation in English and Dutch.

Indicators are shares or ratios of yearly outcomes, per replication, so they carry the same
uncertainty as everything else.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .experiments.compare import interval
from .runner import RunResult, yearly_by_replication


@dataclass(frozen=True)
class Obligation:
    number: int
    key: str
    better: str  # "higher" or "lower"
    unit: str    # "share" (0-1) or "ratio" (1 = equal)
    title: dict[str, str]
    indicator: dict[str, str]
    explanation: dict[str, str]


OBLIGATIONS: tuple[Obligation, ...] = (
    Obligation(1, "no_homelessness", "lower", "share",
               {"en": "No eviction into homelessness", "nl": "Geen uitzetting in dakloosheid"},
               {"en": "Share of evictions that end in homelessness or separation",
                "nl": "Aandeel uitzettingen dat eindigt in dakloosheid of scheiding"},
               {"en": "An eviction must never leave people without a home: sofa-surfing, shelters and the street count.",
                "nl": "Een uitzetting mag nooit leiden tot dakloosheid: bankslapen, opvang en straat tellen mee."}),
    Obligation(2, "root_causes", "higher", "share",
               {"en": "Root causes addressed", "nl": "Oorzaken aangepakt"},
               {"en": "Debt help started per early signal", "nl": "Gestarte schuldhulp per vroegsignaal"},
               {"en": "Arrears, nuisance and drugs should be tackled before a landlord goes to court.",
                "nl": "Achterstanden, overlast en drugs horen aangepakt te worden voordat de verhuurder naar de rechter gaat."}),
    Obligation(3, "alternative_housing", "higher", "share",
               {"en": "Alternative housing in view", "nl": "Vervangende woonruimte in zicht"},
               {"en": "Share of family evictions with alternative housing",
                "nl": "Aandeel gezinsuitzettingen met vervangende woonruimte"},
               {"en": "A family should only be evicted when a decent place to live together is ready.",
                "nl": "Een gezin hoort alleen uitgezet te worden als er passende woonruimte klaarstaat."}),
    Obligation(4, "no_discrimination", "lower", "ratio",
               {"en": "No discrimination", "nl": "Geen discriminatie"},
               {"en": "Eviction risk of private tenants relative to corporation tenants",
                "nl": "Uitzettingsrisico van particuliere huurders ten opzichte van corporatiehuurders"},
               {"en": "Whether you are evicted should not depend on who your landlord is (1 = equal).",
                "nl": "Of je wordt uitgezet mag niet afhangen van wie je verhuurder is (1 = gelijk)."}),
    Obligation(5, "legal_grounds", "lower", "share",
               {"en": "Only on grounds laid down in law", "nl": "Alleen op wettelijke gronden"},
               {"en": "Share of verdicts given by default (tenant not heard)",
                "nl": "Aandeel vonnissen bij verstek (huurder niet gehoord)"},
               {"en": "A judge can only weigh the grounds when the tenant is there to be heard.",
                "nl": "Een rechter kan de gronden pas wegen als de huurder gehoord wordt."}),
    Obligation(6, "child_development", "lower", "share",
               {"en": "Children's development protected", "nl": "Ontwikkeling van kinderen beschermd"},
               {"en": "Share of evicted children separated from their parents",
                "nl": "Aandeel uitgezette kinderen dat van hun ouders gescheiden raakt"},
               {"en": "Children should stay with their parents and keep their school.",
                "nl": "Kinderen horen bij hun ouders te blijven en op hun school."}),
    Obligation(7, "legal_protection", "higher", "share",
               {"en": "Legal protection", "nl": "Rechtsbescherming"},
               {"en": "Share of evictions where the tenant had legal aid",
                "nl": "Aandeel uitzettingen waarbij de huurder rechtshulp had"},
               {"en": "Accessible information, independent support and an effective remedy.",
                "nl": "Begrijpelijke informatie, onafhankelijke ondersteuning en een effectief rechtsmiddel."}),
    Obligation(8, "consultation", "higher", "share",
               {"en": "Meaningful consultation", "nl": "Betekenisvolle consultatie"},
               {"en": "Share of family evictions where the children were heard",
                "nl": "Aandeel gezinsuitzettingen waarbij de kinderen zijn gehoord"},
               {"en": "Parents and children must have a real say before and after an eviction.",
                "nl": "Ouders en kinderen moeten echt meepraten, voor en na een uitzetting."}),
)


def _ratio(num: pd.Series, den: pd.Series) -> np.ndarray:
    num, den = num.to_numpy(float), den.to_numpy(float)
    return np.divide(num, den, out=np.full_like(num, np.nan), where=den > 0)


def indicator_values(yearly: pd.DataFrame, corporation: int, private: int) -> dict[str, np.ndarray]:
    """Each obligation's indicator per replication (NaN where its denominator is zero)."""
    y = yearly
    rate_private = y["evictions_private"] / max(private, 1)
    rate_corporation = y["evictions_corporation"] / max(corporation, 1)
    return {
        "no_homelessness": _ratio(y["evictions_into_homelessness"], y["evictions"]),
        "root_causes": _ratio(y["debt_help_started"], y["signals"]),
        "alternative_housing": 1 - _ratio(y["family_evictions_without_alternative"], y["evictions_with_children"]),
        "no_discrimination": _ratio(rate_private, rate_corporation),
        "legal_grounds": _ratio(y["default_judgments"], y["verdicts"]),
        "child_development": _ratio(y["children_separated"], y["children_evicted"]),
        "legal_protection": _ratio(y["evictions_with_legal_aid"], y["evictions"]),
        "consultation": _ratio(y["family_evictions_children_heard"], y["evictions_with_children"]),
    }


def scorecard(result: RunResult, language: str = "en") -> pd.DataFrame:
    """One row per obligation: indicator mean and 90 % interval over replications."""
    profiles = result.meta["profiles"]
    corporation = sum(p["corporation_households"] for p in profiles)
    private = sum(p["private_households"] for p in profiles)
    values = indicator_values(yearly_by_replication(result.monthly), corporation, private)
    rows = []
    for ob in OBLIGATIONS:
        v = values[ob.key]
        v = v[~np.isnan(v)]
        mean, low, high = interval(v) if v.size else (float("nan"),) * 3
        if ob.unit == "share":  # a t-interval can run past 0 or 1; a share cannot
            low, high = max(low, 0.0), min(high, 1.0)
        rows.append({"number": ob.number, "key": ob.key, "unit": ob.unit, "obligation": ob.title[language],
                     "indicator": ob.indicator[language], "value": mean, "low": low, "high": high,
                     "better": ob.better, "explanation": ob.explanation[language]})
    return pd.DataFrame(rows)
