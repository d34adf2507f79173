"""Parameters that were renamed or removed, so that an old scenario or profile file gets a message
that names the new parameter (or says why there is none) instead of "unknown field".

Model v2 (arrears that end, landlords and courts that respond) replaced several parameters by
mechanisms; each entry says what replaced it.
"""

from __future__ import annotations

from typing import Any

# old dotted name -> what to use now
SCENARIO: dict[str, str] = {
    "context.shocks.onset_per_month":
        "replaced by kinds of shock: context.shocks.job_loss_per_month (calibrated), "
        "benefit_problem_per_month, separation_per_year and cost_shock_per_month",
    "context.shocks.single_parent_multiplier":
        "removed: single parents' higher arrears now follow from their incomes and costs (context.incomes)",
    "context.shocks.couple_children_multiplier":
        "removed: families' arrears now follow from their incomes and costs (context.incomes)",
    "context.shocks.income_loss_min": "replaced by context.shocks.job_loss_income_share and benefit_problem_loss",
    "context.shocks.income_loss_max": "replaced by context.shocks.job_loss_income_share and benefit_problem_loss",
    "context.shocks.duration_months_mean":
        "replaced by context.shocks.job_finding_per_month (and the other kinds' *_months_mean)",
    "context.landlords.summons_hazard_corporation": "now context.landlords.summons_per_month_corporation",
    "context.landlords.final_notice_months":
        "now context.landlords.final_notice_after_months: the final notice comes after a number of months of "
        "the arrears spell (model v3), not at an amount",
    "context.landlords.summons_hazard_private": "now context.landlords.summons_per_month_private",
    "context.landlords.arrangement_offer":
        "now context.landlords.arrangement_offer_corporation and arrangement_offer_private",
    "context.court.paid_before_hearing":
        "now context.court.pay_before_hearing_per_month (a monthly chance while the hearing waits)",
    "context.court.execution_delay_months": "now context.bailiff.execution_delay_months",
    "context.court.settle_after_verdict":
        "now context.bailiff.settle_per_month (a monthly chance while the execution waits)",
    "context.court.leave_before_execution":
        "now context.bailiff.leave_per_month (a monthly chance while the execution waits)",
    "context.nuisance": "the group is now context.root_causes (with lease breaches added)",
    "context.nuisance.onset_per_month": "now context.root_causes.nuisance_per_month",
    "context.nuisance.resolve_per_month": "now context.root_causes.nuisance_resolve_per_month",
    "context.nuisance.escalate_per_month": "now context.root_causes.nuisance_escalate_per_month",
    "context.nuisance.drug_closure_per_month": "now context.root_causes.drug_closure_per_month",
    "context.nuisance.drug_eviction": "now context.root_causes.drug_eviction",
    "policy.housing_duty.units_per_10k_per_month":
        "replaced by a stock of units, policy.housing_duty.units_per_10k, and a build rate, build_per_10k_per_year",
    "policy.rehousing.housing_first_offer_per_month":
        "replaced by a capacity: policy.rehousing.housing_first_places_per_10k (a place is offered when free)",
    "policy.rehousing.housing_first_retention":
        "now context.rehousing.housing_first_failure_per_month (a monthly chance after placement)",
    "context.after_eviction.relatives_take_children":
        "replaced by context.youth_protection.relatives_by_choice (a family's own choice)",
    "context.after_eviction.rehouse_per_month": "now context.rehousing.regular_per_month",
    "context.after_eviction.shelter_exit_per_month": "now context.rehousing.shelter_exit_per_month",
    "context.after_eviction.foster_reunify_months": "now context.youth_protection.reunify_months",
    "context.after_eviction.alternative_housing_families": "now context.after_eviction.alternative_offer_families",
    "context.schools.far_informal": "now context.schools.far_doubled_up",
    "context.costs.homeless_adult_month_eur":
        "split by where the adult is (MKBA, issue 21): context.costs.street_adult_month_eur (rough, night shelter), "
        "residential_adult_month_eur (family shelter, emergency accommodation), hidden_adult_month_eur and "
        "doubled_up_adult_month_eur; homeless_care_share splits them between the national government and "
        "health insurers",
}
PROFILE: dict[str, str] = {
    "headroom_median": "removed: incomes now come from context.incomes (earnings by household type, "
                       "benefits at the social minimum)",
    "headroom_spread": "removed: see context.incomes.earnings_spread",
    "on_benefits_share": "removed: whether a household lives on a benefit now follows from its income "
                         "(context.incomes)",
}


def dotted_names(tree: dict[str, Any], prefix: str = "") -> list[str]:
    """Every name in a nested tree, groups and leaves: {"a": {"b": 1}} -> ["a", "a.b"]."""
    names = []
    for key, value in tree.items():
        name = f"{prefix}{key}"
        names.append(name)
        if isinstance(value, dict):
            names.extend(dotted_names(value, name + "."))
    return names


def replaced(tree: dict[str, Any], table: dict[str, str]) -> list[str]:
    """One line per old name found in a (nested) scenario or profile tree: old name and what replaced it."""
    found = [name for name in dotted_names(tree) if name in table]
    specific = [n for n in found if not any(other.startswith(n + ".") for other in found)]
    return [f"{name}: {table[name]}" for name in specific]
