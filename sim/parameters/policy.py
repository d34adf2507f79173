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
    reaches out within its outreach capacity and offers help (see DebtHelp for what help does)."""

    enabled: bool = param(True, "switch", "Wgs 2021", "Landlords signal arrears to the municipality.")
    arrears_months_to_signal: float = param(
        1.0, "months of rent", "[AE20][AMS2] signal after about one month",
        "Arrears at which the landlord signals.", ge=0.5, le=12)
    reach: float = probability(0.20, "[DV3b] reach ≈20% (derived)",
                               "Share of signalled households the municipality reaches (within capacity).", local=True)
    acceptance: float = probability(0.37, "[DV2b][DV3b] 35-39% of those reached",
                                    "Share of reached households that accept help.", local=True)
    compliance_corporation: float = probability(
        1.0, "assumption, range 0.8-1 (Wgs duty since 2021)", "Share of arrears cases a corporation signals.")
    compliance_private: float = probability(
        0.5, "assumption, range 0.2-0.8", "Share of arrears cases a private landlord signals.")
    include_nuisance: bool = param(False, "switch", "assumption",
                                   "Nuisance cases are signalled too (not in the baseline).")
    home_visits_families: bool = param(
        False, "switch", "[NOS21] home visits work best",
        "Signalled families are visited at home (uses outreach capacity like any contact).", local=True)
    home_visit_reach: float = probability(
        0.6, "assumption, range 0.4-0.8 ([NOS21] home visits work best; [NO5] Eropaf)",
        "Share of signalled families reached by a home visit.", effect=True, local=True)
    home_visit_acceptance: float = probability(
        0.5, "assumption, range 0.37-0.7", "Share of families visited at home who accept help.",
        effect=True, local=True)
    outreach_capacity_per_10k_per_month: float = param(
        12.0, "contacts/10k households/month",
        "assumption, range 8-20 ([NO5] Eropaf Amsterdam: 19 staff for 400-600 signals a month); above "
        "the baseline's need (≈9), so that the baseline's reach is not capacity-bound",
        "Households the outreach team can contact per month; signals beyond it go unanswered.",
        ge=0, le=1000, local=True)


class DebtHelp(Group):
    """Municipal debt help after an accepted offer or an application: a capacity-limited queue
    (households facing a summons first), then budget management that cuts missed rent, old debts
    frozen with no summons while help runs (the breathing space), and for some a settlement after
    which the landlord writes off the rent arrears it does not get paid."""

    capacity_per_10k_per_month: float = param(
        11.0, "intakes/10k households/month",
        "[NV22] derived: 75,531 applications in 2022, about 60% of them tenants (assumption, range 40-80%), "
        "over 3.48m rented dwellings; [NV19b] an 11-day wait, so capacity meets demand",
        "New debt-help cases a municipality can start per month for its tenants.", ge=0, le=1000,
        prior=(7.3, 14.7), local=True)  # the tenants' share at 40-80 %
    priority_facing_summons: bool = param(
        True, "switch", "[NV19b] crises (e.g. a threatened eviction) within 3 working days",
        "Tenants with arrears at the summons threshold or a court case go first in the queue.", local=True)
    duration_months: int = param(18, "months", "[SBS23] a debt settlement runs 18 months since 2023; range 12-36",
                                 "Length of debt help.", ge=1, le=120)
    miss_reduction: float = probability(
        0.7, "assumption, range 0.4-0.9 (budget management pays fixed costs first)",
        "Cut in the chance of missing rent while in debt help.", effect=True)
    breathing_space: bool = param(True, "switch", "assumption (Wgs breathing space)",
                                  "Landlords do not summon while a tenant is in debt help.")
    settlement_share: float = probability(
        0.39, "[NV16] 37-41% of applications reach a debt settlement",
        "Share of helped households whose debts go into a settlement (the rent arrears are settled when help ends).")
    settlement_months: int = param(
        4, "months", "[5DOK-SR] NVVK norm: 120 days to reach a deal with creditors",
        "Months from the start of help to a settlement.", ge=1, le=36)
    dropout_per_month: float = probability(
        0.03, "assumption, range 0.01-0.06 ([NV16] 64% of settlements completed)",
        "Monthly chance that a household drops out of debt help.")


class DirectRentPayment(Group):
    """Rent withheld from a benefit and paid to the landlord (inhouding): rent covered by the
    benefit can no longer be missed. Offered to helped households on benefits; it ends when the
    household no longer lives on a benefit."""

    uptake: float = probability(0.3, "assumption, range 0.1-0.6",
                                "Share of helped households on benefits whose rent is paid directly.",
                                effect=True, local=True)


class LegalAid(Group):
    """Legal aid and understandable information for summoned tenants; the aid stays with the case
    (a conditional verdict and its breach included)."""

    share_summoned: float = probability(0.15, "assumption, range 0.05-0.3",
                                        "Share of summoned tenants who get legal aid.")
    appear_with_aid: float = probability(0.9, "assumption, range 0.7-0.95",
                                         "Chance a tenant with legal aid appears at the hearing.",
                                         effect=True)
    conditional_with_aid: float = probability(
        0.6, "assumption, range 0.4-0.8 ([ECO] NYC right to counsel, not causal)",
        "Chance of a conditional verdict for a tenant with legal aid who appears.", effect=True)
    plain_language_summons: bool = param(
        False, "switch", "assumption", "Summons in plain language: more tenants without aid appear.")
    plain_language_appear_gain: float = probability(
        0.15, "assumption, range 0.05-0.25", "Rise in appearance without aid from a plain-language summons.",
        effect=True)


class ChildRightsTest(Group):
    """A children's-rights test in procedure and court (proportionality, [DAM2])."""

    enabled: bool = param(False, "switch", "Ombudsman 2023 [NO3]", "Apply the child-rights test.")
    court_conditional_families: float = probability(
        0.5, "assumption, range 0.25-0.75 (no evaluation of such a test exists)",
        "Extra chance an eviction order for a family becomes conditional.", effect=True)
    closure_warning_families: float = probability(
        0.5, "assumption, range 0.25-0.75 ([DAM2] RvS 2021 weighs minors)",
        "Chance a drug closure of a family home becomes a warning instead.", effect=True)


class Consultation(Group):
    """Meaningful consultation of parents and children (obligation 8): in a family's court case
    the children are heard, and the court and the municipality act on what they hear."""

    children_heard: float = probability(
        0.05, "assumption, range 0-0.2 (no data; the ombudsman found children invisible [NO1])",
        "Share of family court cases in which the children are heard.")
    court_conditional_gain: float = probability(
        0.2, "assumption, range 0-0.4", "Extra chance of a conditional verdict when the children were heard.",
        effect=True)
    school_weight: float = probability(
        0.5, "assumption, range 0-0.8",
        "Cut in the chance that a heard family's next place is out of reach of the children's school.",
        effect=True)


class HousingDuty(Group):
    """Alternative housing by the municipality for evicted families: a stock of units, built up at
    a rate (with a lead time and a cost), and optionally a duty: a family's eviction is executed
    only when a unit is in view, otherwise the execution waits."""

    families_duty: bool = param(
        False, "switch", "Ombudsman 2023 recommendation [NO2][NO5]",
        "A legal duty: a family is evicted only with alternative housing in view that keeps it together.", local=True)
    units_per_10k: float = param(
        1.0, "units/10k households", "assumption, range 0.3-3 (no national count)",
        "Alternative housing units a municipality has at the start.", ge=0, le=1000, local=True)
    build_per_10k_per_year: float = param(
        0.0, "units/10k households/year", "assumption (a lever; each unit costs context.costs.alternative_unit_build_eur)",
        "Alternative housing units the municipality adds each year.", ge=0, le=1000, local=True)


class Shelter(Group):
    """Places for households without a home, each with a cost per month (paid whether used or not)."""

    family_places_per_10k: float = param(
        0.5, "places/10k households",
        "assumption, range 0.2-1.5 ([TRG] ≥800-900 families a year x 13-month stay [NRC19]; a share for evictions)",
        "Family shelter places.", ge=0, le=1000, local=True)
    night_places_per_10k: float = param(
        2.0, "places/10k households", "assumption, range 1-4 ([VAL23] capacity unchanged 2021-23)",
        "Night shelter places for adults.", ge=0, le=1000, local=True)
    emergency_places_per_10k: float = param(
        0.3, "places/10k households", "assumption, range 0.1-1 ([KV12] hotels and holiday homes)",
        "Emergency accommodation for families (crisis places, hotels).", ge=0, le=1000, local=True)


class Rehousing(Group):
    """Ways back into housing that policy adds: second-chance contracts and Housing First, each with
    a capacity, a cost, and tenancies that can still fail."""

    second_chance_contracts: bool = param(
        False, "switch", "assumption (effects only anecdotal [TRG][LKP])",
        "Second-chance contracts: displaced households get a tenancy with budget coaching.", local=True)
    second_chance_per_10k_per_year: float = param(
        1.0, "contracts/10k households/year", "assumption, range 0.3-3",
        "Second-chance contracts the landlords offer per year (when the switch is on).", ge=0, le=1000, local=True)
    housing_first: bool = param(
        False, "switch", "[HF] 83% not homeless again", "Housing First for adults without a home.", local=True)
    housing_first_places_per_10k: float = param(
        1.0, "places/10k households", "assumption, range 0.3-3 ([EET] almost 90 municipalities)",
        "Housing First places (support for a tenancy), when the switch is on.", ge=0, le=1000, local=True)


class Moratorium(Group):
    """No executions in a period, for all households or families, of all landlords or one type.

    What tenants and landlords do while an execution waits is an assumption with a range
    (context.bailiff.stop_settle_factor); executions held back go to the bailiff afterwards,
    within the bailiffs' capacity."""

    scope: Literal["none", "all", "families"] = Field("none", description="Which households are protected.")
    landlords: Literal["all", "corporation", "private"] = Field(
        "all", description="Whose tenants are protected: all landlords, corporations only or private only.")
    pause_summonses: bool = param(False, "switch", "assumption",
                                  "Landlords do not summon protected households during the stop either.")
    calendar_months: list[int] = Field(
        default_factory=list,
        description="Calendar months (1-12) without executions, e.g. [11, 12, 1, 2, 3] for winter.")
    from_month: int = param(0, "month", "assumption", "First reported month of the moratorium.",
                            ge=0, le=1200)
    to_month: int = param(1200, "month", "assumption", "Last reported month of the moratorium.",
                          ge=0, le=1200)

    @field_validator("calendar_months")
    @classmethod
    def _check_calendar_months(cls, months: list[int]) -> list[int]:
        bad = [m for m in months if not 1 <= m <= 12]
        if bad:
            raise ValueError(f"each must be a month number 1-12, not {bad}")
        return months

    @model_validator(mode="after")
    def _check_period(self) -> Moratorium:
        if self.from_month > self.to_month:
            raise ValueError(f"from_month {self.from_month} is after to_month {self.to_month}")
        return self


class Registration(Group):
    """Registering evictions: the municipality knows every evicted household and follows up."""

    enabled: bool = param(False, "switch", "Ombudsman 2023 recommendation [NO2]",
                          "Every eviction is registered; aftercare contact becomes certain.", local=True)


class Practice(Group):
    """How municipalities apply the same rules (reach of outreach, acceptance, offering alternative
    housing) differs [KV12][NOS19]; each municipality's practice is in its profile. National guidance
    and supervision can make every municipality act as the national average does: "same practice
    everywhere", to compare with "same law everywhere" (pathway/local.py)."""

    same_everywhere: bool = param(
        False, "switch", "assumption (a lever to measure what local practice adds)",
        "Every municipality applies the rules as the national average does.")


class Policy(Group):
    """All policy levers. Levers marked local (outreach, debt-help capacity, direct rent payment,
    alternative housing, shelters, rehousing, registration) can also be set per municipality or
    municipality type ([municipality.<type or name>.policy.<group>] in a scenario file)."""

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
    practice: Practice = Practice()
