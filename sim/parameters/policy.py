"""Policy levers (EMA Workbench's L): what a ministry or municipality can choose.

Each lever names its mechanism in its docstring; assumed effects carry a source or are marked
"assumption". The baseline values describe the 2022-23 situation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import Group, param, probability


class EarlySignalling(Group):
    """Vroegsignalering (Wgs, since 2021): landlords signal arrears to the municipality, which
    reaches out and offers help. Help lowers missed payments and pauses the summons."""

    enabled: bool = param(True, "switch", "Wgs 2021", "Landlords signal arrears to the municipality.")
    arrears_months_to_signal: float = param(
        1.0, "months of rent", "[AE20][AMS2] signal after about one month",
        "Arrears at which the landlord signals.", ge=0.5, le=12)
    reach: float = probability(0.20, "[DV3b] reach ≈20% (derived)",
                               "Share of signalled households the municipality reaches.")
    acceptance: float = probability(0.37, "[DV2b][DV3b] 35-39% of those reached",
                                    "Share of reached households that accept help.")
    compliance_corporation: float = probability(
        1.0, "assumption (Wgs duty since 2021)", "Share of arrears cases a corporation signals.")
    compliance_private: float = probability(
        0.5, "assumption", "Share of arrears cases a private landlord signals.")
    include_nuisance: bool = param(False, "switch", "assumption",
                                   "Nuisance cases are signalled too (not in the baseline).")
    home_visits_families: bool = param(
        False, "switch", "[NOS21] home visits work best (effect size: assumption)",
        "Families are visited at home: reach and acceptance for families rise by half the gap to 1.")


class DebtHelp(Group):
    """Municipal debt help: a capacity-limited queue; help cuts missed rent and pauses summons."""

    capacity_per_10k_per_month: float = param(
        6.0, "intakes/10k households/month",
        "assumption ([NV22] 75-79k applications/yr ≈ 1.9 per 1,000 households per month, all sources)",
        "New debt-help cases a municipality can start per month.", ge=0, le=1000)
    duration_months: int = param(12, "months", "assumption", "Length of debt help.", ge=1, le=120)
    miss_reduction: float = probability(0.7, "assumption",
                                        "Cut in the chance of missing rent while in debt help.")
    breathing_space: bool = param(True, "switch", "assumption (Wgs breathing space)",
                                  "Landlords do not summon while a tenant is in debt help.")


class DirectRentPayment(Group):
    """Rent paid straight from benefits (inhouding), for helped households on benefits."""

    uptake: float = probability(0.3, "assumption",
                                "Share of helped households on benefits whose rent is paid directly.")


class LegalAid(Group):
    """Legal aid and understandable information for summoned tenants."""

    share_summoned: float = probability(0.15, "assumption",
                                        "Share of summoned tenants who get legal aid.")
    appear_with_aid: float = probability(0.9, "assumption",
                                         "Chance a tenant with legal aid appears at the hearing.")
    conditional_with_aid: float = probability(
        0.6, "assumption ([ECO] NYC right to counsel, not causal)",
        "Chance of a conditional verdict for a tenant with legal aid who appears.")
    plain_language_summons: bool = param(
        False, "switch", "assumption", "Summons in plain language: appearance without aid +0.15.")


class ChildRightsTest(Group):
    """A children's-rights test in procedure and court (proportionality, [DAM2])."""

    enabled: bool = param(False, "switch", "Ombudsman 2023 [NO3]", "Apply the child-rights test.")
    court_conditional_families: float = probability(
        0.5, "assumption", "Extra chance an eviction order for a family becomes conditional.")
    closure_warning_families: float = probability(
        0.5, "assumption ([DAM2] RvS 2021 weighs minors)",
        "Chance a drug closure of a family home becomes a warning instead.")


class Consultation(Group):
    """Meaningful consultation of parents and children (obligation 8)."""

    children_heard: float = probability(
        0.05, "assumption (no data; the ombudsman found children invisible [NO1])",
        "Share of evicted families whose children were heard.")


class HousingDuty(Group):
    """Alternative housing by the municipality for evicted households."""

    families_duty: bool = param(
        False, "switch", "Ombudsman 2023 recommendation [NO2][NO5]",
        "A legal duty: every evicted family gets alternative housing that keeps it together.")
    units_per_10k_per_month: float = param(
        0.3, "units/10k households/month", "assumption",
        "Alternative housing units a municipality can offer per month without a duty.", ge=0, le=1000)


class Shelter(Group):
    """Shelter places available to evicted households."""

    family_places_per_10k: float = param(
        0.5, "places/10k households",
        "assumption ([TRG] ≥800-900 families/yr x 13-month stay [NRC19]; share for evictions)",
        "Family shelter places.", ge=0, le=1000)
    night_places_per_10k: float = param(
        2.0, "places/10k households", "assumption", "Night shelter places for adults.", ge=0, le=1000)


class Rehousing(Group):
    """Ways back into housing."""

    second_chance_contracts: bool = param(
        False, "switch", "assumption (effects only anecdotal [TRG][LKP])",
        "Second-chance contracts: displaced households are rehoused twice as fast, with budget coaching.")
    housing_first: bool = param(
        False, "switch", "[HF] 83% not homeless again",
        "Housing First for rough sleepers and night-shelter users after 3 months.")
    housing_first_offer_per_month: float = probability(
        0.5, "assumption", "Monthly chance an eligible rough sleeper is offered a Housing First place.")
    housing_first_retention: float = probability(0.83, "[HF]", "Share who stay housed in Housing First.")


class Moratorium(Group):
    """No executions in a period: for everybody or for families with children."""

    scope: Literal["none", "all", "families"] = Field("none", description="Who is protected.")
    calendar_months: list[int] = Field(
        default_factory=list,
        description="Calendar months (1-12) without executions, e.g. [11, 12, 1, 2, 3] for winter.")
    from_month: int = param(0, "month", "assumption", "First simulated month of the moratorium.",
                            ge=0, le=1200)
    to_month: int = param(1200, "month", "assumption", "Last simulated month of the moratorium.",
                          ge=0, le=1200)

    @field_validator("calendar_months")
    @classmethod
    def _check_calendar_months(cls, months: list[int]) -> list[int]:
        bad = [m for m in months if not 1 <= m <= 12]
        if bad:
            raise ValueError(f"each must be a month number 1-12, not {bad}")
        return months

    @model_validator(mode="after")
    def _check_period(self) -> "Moratorium":
        if self.from_month > self.to_month:
            raise ValueError(f"from_month {self.from_month} is after to_month {self.to_month}")
        return self


class Registration(Group):
    """Registering evictions: the municipality knows every evicted household and follows up."""

    enabled: bool = param(False, "switch", "Ombudsman 2023 recommendation [NO2]",
                          "Every eviction is registered; aftercare contact becomes certain.")


class Policy(Group):
    """All policy levers."""

    early_signalling: EarlySignalling = EarlySignalling()
    debt_help: DebtHelp = DebtHelp()
    direct_rent_payment: DirectRentPayment = DirectRentPayment()
    legal_aid: LegalAid = LegalAid()
    child_rights_test: ChildRightsTest = ChildRightsTest()
    consultation: Consultation = Consultation()
    housing_duty: HousingDuty = HousingDuty()
    shelter: Shelter = Shelter()
    rehousing: Rehousing = Rehousing()
    moratorium: Moratorium = Moratorium()
    registration: Registration = Registration()
