"""Outcomes: declared once with kind and unit, collected monthly into one preallocated table.

Flows (counted during a month) are added by the phases as they happen; stocks are read at the
end of each month. Derived outcomes (totals) are computed when a month closes. The table holds
simulated counts; scaling to the real population happens when results are made (runner.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np


class Payer(StrEnum):
    """Who pays a cost: every cost the model books names one of these (outcome `cost_<payer>_eur`)."""

    LANDLORD = "landlord"
    MUNICIPALITY = "municipality"
    YOUTH_CARE = "youth_care"
    NATIONAL = "national"


PAYERS = tuple(p.value for p in Payer)
CAUSES = ("arrears", "nuisance", "drugs", "lease_breach")
PLACES = ("doubled_up", "emergency", "family_shelter", "night_shelter", "hidden", "rough", "alternative")
PLACE_LABELS = {"doubled_up": "with relatives or friends", "emergency": "emergency accommodation",
                "family_shelter": "family shelter", "night_shelter": "night shelter",
                "hidden": "hidden (car, shed, caravan)", "rough": "sleeping rough", "alternative": "alternative housing"}
SHOCKS = ("job_loss", "benefit_problem", "separation", "cost")
ARREARS_ENDINGS = ("repaid", "plan", "settlement", "court", "moved_out", "departure")


@dataclass(frozen=True)
class Outcome:
    name: str
    kind: str  # "flow" (per month) or "stock" (end of month)
    unit: str
    label: str


def _flows(unit: str, **labels: str) -> list[Outcome]:
    return [Outcome(n, "flow", unit, label) for n, label in labels.items()]


def _stocks(unit: str, **labels: str) -> list[Outcome]:
    return [Outcome(n, "stock", unit, label) for n, label in labels.items()]


_ENDING_LABELS = {"repaid": "repaid from income", "plan": "repaid under a payment plan",
                  "settlement": "settled in a debt settlement", "court": "paid or settled in court",
                  "moved_out": "tenant moved out", "departure": "evicted or left before the bailiff"}

OUTCOMES: tuple[Outcome, ...] = (
    # 1 finances and turnover
    *_flows("households", **{f"shocks_{s}": f"Shocks: {s.replace('_', ' ')}" for s in SHOCKS},
            life_changes="Lasting changes of earnings", moves_out="Tenants moving out",
            moves_out_in_arrears="Tenants moving out in arrears", new_tenants="New tenants moving in"),
    # 2 rent and arrears
    *_flows("households", arrears_new="New arrears spells", rent_missed="Months of rent missed (households)",
            **{f"arrears_ended_{e}": f"Arrears ended: {label}" for e, label in _ENDING_LABELS.items()}),
    # 3 landlords
    *_flows("households", contacts="Tenants in arrears reached by their landlord",
            arrangements="Payment plans agreed", arrangements_broken="Payment plans broken",
            signals="Early signals (arrears)"),
    *_flows("months", summons_arrears_months="Months of rent owed at summons (sum)",
            summons_spell_months="Months in arrears at summons (sum)"),
    # 4 municipalities
    *_flows("households", signals_nuisance="Early signals (nuisance)",
            signals_reached="Signalled households reached", signals_unanswered="Signals beyond outreach capacity",
            help_accepted="Help accepted after a signal", help_sought="Tenants in arrears applying for help themselves",
            debt_help_started="Debt help started",
            debt_help_started_priority="Debt help started for tenants facing a summons",
            debt_help_settlements="Debt settlements reached", debt_help_dropouts="Dropped out of debt help",
            debt_help_completed="Debt help completed",
            direct_payment_started="Direct rent payment started", direct_payment_ended="Direct rent payment ended"),
    *_flows("months", debt_help_wait_months="Months waited for debt help (sum)"),
    # 5 root causes
    *_flows("households", nuisance_cases="Nuisance cases started", nuisance_resolved="Nuisance cases resolved",
            drug_closures="Drug-related closures", closures_warned="Closures turned into warnings",
            lease_breach_cases="Lease-breach cases (subletting, fraud)"),
    # 6 court
    *_flows("households", summonses="Summonses (dagvaardingen)",
            **{f"summonses_{c}": f"Summonses for {c.replace('_', ' ')}" for c in CAUSES},
            legal_aid_cases="Summoned tenants with legal aid", hearings="Hearings",
            default_judgments="Default judgments", verdicts="Verdicts (eviction orders and conditional)",
            eviction_orders="Eviction orders", cases_paid_before_hearing="Paid before the hearing",
            cases_conditional_verdict="Conditional verdicts", cases_dismissed="Cases dismissed",
            breach_orders="Conditional verdicts breached (execution without a new verdict)",
            conditional_completed="Conditional verdicts completed"),
    # 7 bailiff
    *_flows("households", executions_ordered="Executions ordered (eviction orders and breaches)",
            cases_settled_after_verdict="Settled after the verdict",
            cases_left_before_execution="Left before the bailiff came", cases_executed="Executed",
            executions_postponed="Executions postponed by a moratorium"),
    # 8 evictions
    *_flows("households", evictions="Evictions (executed)",
            **{f"evictions_{c}": f"Evictions for {c.replace('_', ' ')}" for c in CAUSES},
            evictions_arrears_corporation="Evictions for arrears by corporations",
            evictions_corporation="Evictions by corporations", evictions_private="Evictions by private landlords",
            evictions_with_children="Evictions of families with children",
            evictions_single_parent="Evictions of single parents", evictions_large_family="Evictions of families "
            "with three or more children", evictions_on_benefits="Evictions of households living on a benefit",
            executions_waiting_housing_months="Family executions waiting for alternative housing (household-months)",
            left_before_execution="Left before execution", left_to_own_housing="Left to a place of their own",
            tenancies_failed="Supported tenancies that failed (household displaced again)",
            **{f"displaced_to_{p}": f"First place after losing the home: {PLACE_LABELS[p]}" for p in PLACES},
            alternative_housing_placements="Alternative housing placements",
            emergency_entries="Emergency accommodation entries",
            family_shelter_entries="Family shelter entries", night_shelter_entries="Night shelter entries",
            rehoused="Rehoused", **{f"rehoused_{r}": f"Rehoused ({r.replace('_', ' ')})"
                                    for r in ("urgency", "shelter_exit", "regular", "housing_first", "second_chance")},
            rehousing_waiting_vacancy="Rehousing waiting for a vacancy (household-months)",
            housing_first_failed="Housing First tenancies that failed",
            second_chance_failed="Second-chance tenancies that failed",
            evictions_with_legal_aid="Evictions with legal aid",
            evictions_arrears_helped="Evictions for arrears of tenants who had debt help in the tenancy",
            family_evictions_children_heard="Family evictions where the children were heard",
            family_evictions_in_view="Family evictions with alternative housing in view before the eviction",
            youth_protection_decisions="Youth-protection decisions (families)",
            contacts_after_eviction="Displaced households coming into contact with the municipality later"),
    # the twelve-month follow-up of each eviction (evictions.py), recorded when it ends
    *_flows("households", cohort_evictions="Evictions followed up for a year",
            cohort_evictions_homeless="... of which in shelter, hidden or on the street, or separated, in that year",
            cohort_family_evictions="Family evictions followed up for a year",
            cohort_family_evictions_in_view="... of which with alternative housing in view before the eviction",
            cohort_family_evictions_heard="... of which the children were heard"),
    *_flows("children", cohort_children="Evicted children followed up for a year",
            cohort_children_separated="... of which separated from their parents in that year",
            cohort_school_children="Evicted school-age children followed up for a year",
            cohort_children_school_change="... of which changed school in that year",
            cohort_child_moves="Moves of evicted children in the year after the eviction"),
    *_flows("children",
            children_evicted="Children evicted", children_separated="Children separated from parents",
            children_to_relatives="Children staying with relatives (the family's choice)",
            children_to_foster="Children placed in foster care", children_to_residential="Children placed in residential care",
            children_supervised="Children under a supervision order (new)",
            children_reunified="Children reunified",
            children_separated_left="Separated children whose parents moved out of the rented stock",
            school_changes="School changes", child_moves="Moves of displaced children"),
    *_flows("child-months", school_months_disrupted="Disrupted school months"),
    *_flows("EUR", arrears_written_off_eur="Arrears written off in debt settlements",
            arrears_left_eur="Arrears left behind by departing tenants",
            **{f"cost_{p}_eur": f"Cost: {p}" for p in PAYERS}, cost_total_eur="Cost: total"),
    *_stocks("households",
             households="Households (occupied dwellings)", households_in_arrears="Households in arrears",
             households_in_arrears_corporation="Corporation tenants in arrears",
             households_in_arrears_private="Private tenants in arrears",
             arrears_1_3_months_corporation="Corporation tenants owing 1-3 months of rent",
             households_on_benefits="Households living on a benefit",
             households_with_allowance="Households receiving rent allowance",
             households_short="Households short of money without a shock (betaalrisico)",
             households_in_shock="Households in an income shock", in_payment_plan="Households on a payment plan",
             in_debt_help="Households in debt help", debt_help_queue="Waiting for debt help",
             direct_payment_households="Households with rent withheld from a benefit",
             conditional_verdicts_running="Conditional verdicts running",
             open_court_cases="Open court cases", executions_waiting_capacity="Executions waiting for a bailiff",
             executions_waiting_housing="Family executions waiting for alternative housing",
             displaced_households="Displaced households",
             homeless_households="Homeless households (with others, in shelter, hidden, on the street)",
             **{f"households_{p}": f"Households: {PLACE_LABELS[p]}" for p in PLACES},
             family_shelter_waiting="Family shelter waiting list", night_shelter_waiting="Night shelter waiting list",
             alternative_units="Alternative housing units", housing_first_tenancies="Housing First tenancies",
             supported_tenancies="Supported tenancies (Housing First, second chance)",
             households_single_parent="Single-parent households", households_large_family="Families with three or "
             "more children"),
    *_stocks("adults", homeless_adults="Homeless adults"),
    *_stocks("children",
             homeless_children="Homeless children (with their parents)",
             children_separated_now="Children separated from parents (now)",
             children_relatives="Children with relatives", children_foster="Children in foster care",
             children_residential="Children in residential care", children_placed="Children placed out of home",
             children_under_supervision="Children under supervision",
             children_alternative="Children in alternative housing", children_home="Children at home",
             children_of_displaced="Children of displaced households",
             children_of_displaced_with_parent="... of which with a parent"),
    *_stocks("EUR", arrears_eur="Arrears owed", arrears_corporation_eur="Arrears owed to corporations",
             rent_roll_corporation_eur="Monthly rent of all corporation dwellings",
             allowance_eur="Rent allowance paid (month)"),
)
OUTCOME_INDEX = {o.name: i for i, o in enumerate(OUTCOMES)}
# The outcomes a comparison leads with (CLI tables, figures, the dashboard's cards).
HEADLINE = ("evictions", "evictions_with_children", "children_evicted", "summonses", "verdicts", "signals",
            "households_in_arrears", "homeless_households", "homeless_children", "children_separated",
            "school_changes", "cost_total_eur")
FLOWS = tuple(o.name for o in OUTCOMES if o.kind == "flow")
STOCKS = tuple(o.name for o in OUTCOMES if o.kind == "stock")


COST_INDEX = {payer: OUTCOME_INDEX[f"cost_{payer}_eur"] for payer in Payer}


class OutcomeTable:
    """One row per month, one column per outcome."""

    def __init__(self, months: int) -> None:
        self.values = np.zeros((months, len(OUTCOMES)))
        self.row = self.values[0]

    def start_month(self, t: int) -> None:
        self.row = self.values[t]

    def add(self, name: str, amount: float) -> None:
        self.row[OUTCOME_INDEX[name]] += amount

    def add_cost(self, payer: Payer, eur: float) -> None:
        self.row[COST_INDEX[payer]] += eur

    def set(self, name: str, value: float) -> None:
        self.row[OUTCOME_INDEX[name]] = value

    def get(self, name: str) -> float:
        return float(self.row[OUTCOME_INDEX[name]])

    def close_month(self) -> None:
        """Derived totals of the month."""
        add = self.add
        for cause in CAUSES:
            add("summonses", self.get(f"summonses_{cause}"))
        add("verdicts", self.get("eviction_orders") + self.get("cases_conditional_verdict"))
        add("cost_total_eur", sum(self.get(f"cost_{p}_eur") for p in PAYERS))
