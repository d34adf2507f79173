"""Outcomes: declared once with kind and unit, collected monthly into one preallocated table.

Flows (counted during a month) are added by the phases as they happen; stocks are read at the
end of each month. Derived outcomes (totals) are computed when a month closes. The table holds
simulated counts; scaling to the real population happens when results are made (runner.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PAYERS = ("landlord", "municipality", "youth_care", "national")
CAUSES = ("arrears", "nuisance", "drugs")
PLACES = ("informal", "alternative", "family_shelter", "night_shelter", "rough")


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


OUTCOMES: tuple[Outcome, ...] = (
    *_flows("households",
           arrears_new="New arrears spells", arrears_cleared="Arrears repaid",
           arrangements="Payment arrangements agreed", arrangements_broken="Arrangements broken",
           signals="Early signals (arrears)", signals_nuisance="Early signals (nuisance)",
           signals_reached="Signalled households reached", help_accepted="Help accepted",
           debt_help_started="Debt help started", direct_payment_started="Direct rent payment started",
           nuisance_cases="Nuisance cases started", nuisance_resolved="Nuisance cases resolved",
           drug_closures="Drug-related closures", closures_warned="Closures turned into warnings",
           summonses="Summonses (dagvaardingen)", summonses_arrears="Summonses for arrears",
           summonses_nuisance="Summonses for nuisance", summonses_drugs="Lease dissolutions after closure",
           legal_aid_cases="Summoned tenants with legal aid", default_judgments="Default judgments",
           verdicts="Verdicts (eviction orders and conditional)", eviction_orders="Eviction orders",
           cases_paid_before_hearing="Paid before the hearing",
           cases_conditional_verdict="Conditional verdicts", cases_dismissed="Cases dismissed",
           cases_settled_after_verdict="Settled after the verdict",
           cases_left_before_execution="Left before the bailiff came", cases_executed="Executed",
           conditional_breaches="Conditional verdicts breached", executions_postponed="Executions postponed",
           evictions="Evictions (executed)", evictions_arrears="Evictions for arrears",
           evictions_nuisance="Evictions for nuisance", evictions_drugs="Evictions after drug closure",
           evictions_corporation="Evictions by corporations", evictions_private="Evictions by private landlords",
           evictions_with_children="Evictions of families with children",
           left_before_execution="Left before execution", left_to_own_housing="Left to a place of their own",
           **{f"displaced_to_{p}": f"Displaced to: {p}" for p in PLACES},
           alternative_housing_placements="Alternative housing placements",
           family_shelter_entries="Family shelter entries", night_shelter_entries="Night shelter entries",
           rehoused="Rehoused", rehoused_regular="Rehoused (regular)",
           rehoused_housing_first="Rehoused (Housing First)",
           evictions_into_homelessness="Evictions into homelessness",
           evictions_with_legal_aid="Evictions with legal aid",
           family_evictions_without_alternative="Family evictions without alternative housing",
           family_evictions_children_heard="Family evictions where the children were heard"),
    *_flows("children",
           children_evicted="Children evicted", children_separated="Children separated from parents",
           children_to_relatives="Children placed with relatives", children_to_foster="Children placed in foster care",
           children_reunified="Children reunified", school_changes="School changes"),
    *_flows("child-months", school_months_disrupted="Disrupted school months"),
    *_flows("EUR", **{f"cost_{p}_eur": f"Cost: {p}" for p in PAYERS}, cost_total_eur="Cost: total"),
    *_stocks("households",
            households_in_arrears="Households in arrears",
            households_in_arrears_corporation="Corporation tenants in arrears",
            households_in_arrears_private="Private tenants in arrears",
            in_debt_help="Households in debt help", debt_help_queue="Waiting for debt help",
            open_court_cases="Open court cases", displaced_households="Displaced households",
            homeless_households="Homeless households (sofa, shelter, street)",
            **{f"households_{p}": f"Households: {p}" for p in PLACES},
            family_shelter_waiting="Family shelter waiting list", night_shelter_waiting="Night shelter waiting list"),
    *_stocks("adults", homeless_adults="Homeless adults"),
    *_stocks("children",
            homeless_children="Homeless children (with their parents)",
            children_separated_now="Children separated from parents (now)",
            children_relatives="Children with relatives", children_foster="Children in foster care",
            children_alternative="Children in alternative housing", children_home="Children at home"),
    *_stocks("EUR", arrears_eur="Arrears owed"),
)
OUTCOME_INDEX = {o.name: i for i, o in enumerate(OUTCOMES)}
FLOWS = tuple(o.name for o in OUTCOMES if o.kind == "flow")
STOCKS = tuple(o.name for o in OUTCOMES if o.kind == "stock")


class OutcomeTable:
    """One row per month, one column per outcome."""

    def __init__(self, months: int) -> None:
        self.values = np.zeros((months, len(OUTCOMES)))
        self.row = self.values[0]

    def start_month(self, t: int) -> None:
        self.row = self.values[t]

    def add(self, name: str, amount: float) -> None:
        self.row[OUTCOME_INDEX[name]] += amount

    def add_cost(self, payer: str, eur: float) -> None:
        self.row[OUTCOME_INDEX[f"cost_{payer}_eur"]] += eur

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
