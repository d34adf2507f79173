"""Each policy lever moves its outcome in the expected direction (paired runs, small populations).

The shared context doubles the shock rate so that a 20,000-household town has enough court
cases and evictions for a three-replication comparison to be decisive.
"""

from __future__ import annotations

import pytest

from sim import run
from sim.runner import yearly_by_replication

from .helpers import paired, scenario

TROUBLE = {"shocks": {"onset_per_month": 0.03}, "landlords": {"summons_hazard_corporation": 0.04}}


def effect(changes: dict, context: dict | None = None, **kw):
    base, policy = paired(changes, context={**TROUBLE, **(context or {})}, **kw)
    return base.sum(), policy.sum()


def test_wider_outreach_starts_more_debt_help_and_cuts_summonses():
    b, p = effect({"policy": {"early_signalling": {"reach": 0.6, "acceptance": 0.6}}})
    assert p["debt_help_started"] > 1.5 * b["debt_help_started"]
    assert p["summonses"] < b["summonses"]


def test_without_early_signalling_nobody_is_signalled_or_helped():
    b, p = effect({"policy": {"early_signalling": {"enabled": False}}})
    assert b["signals"] > 0 and p["signals"] == 0 and p["debt_help_started"] == 0
    assert p["summonses"] > b["summonses"]


def test_home_visits_raise_acceptance_among_families():
    b, p = effect({"policy": {"early_signalling": {"home_visits_families": True}}})
    assert p["help_accepted"] > b["help_accepted"]


def test_no_debt_help_capacity_means_no_help_and_more_summonses():
    b, p = effect({"policy": {"debt_help": {"capacity_per_10k_per_month": 0.0}}})
    assert p["debt_help_started"] == 0 < b["debt_help_started"]
    assert p["summonses"] > b["summonses"]
    assert p["debt_help_queue"] > b["debt_help_queue"]


def test_direct_rent_payment_cuts_new_arrears():
    b, p = effect({"policy": {"direct_rent_payment": {"uptake": 1.0}}})
    assert p["direct_payment_started"] > b["direct_payment_started"]
    assert p["arrears_new"] < b["arrears_new"]


def test_legal_aid_cuts_default_judgments_and_evictions():
    b, p = effect({"policy": {"legal_aid": {"share_summoned": 1.0}}})
    assert p["default_judgments"] < 0.5 * b["default_judgments"]
    assert p["evictions"] < b["evictions"]
    assert p["evictions_with_legal_aid"] >= b["evictions_with_legal_aid"]


def test_child_rights_test_protects_families_in_court():
    b, p = effect({"policy": {"child_rights_test": {"enabled": True}}},
                  context={"landlords": {**TROUBLE["landlords"], "summons_family_factor": 1.0}})
    assert p["cases_conditional_verdict"] > b["cases_conditional_verdict"]
    assert p["evictions_with_children"] < b["evictions_with_children"]


def test_child_rights_test_turns_family_closures_into_warnings():
    b, p = effect({"policy": {"child_rights_test": {"enabled": True}}},
                  context={"nuisance": {"drug_closure_per_month": 0.001}})
    assert b["closures_warned"] == 0 < p["closures_warned"]
    assert p["evictions_drugs"] < b["evictions_drugs"]


def test_hearing_children_is_recorded_for_family_evictions():
    b, p = effect({"policy": {"consultation": {"children_heard": 1.0}}})
    assert p["family_evictions_children_heard"] == p["evictions_with_children"] > 0


def test_housing_duty_keeps_families_together():
    b, p = effect({"policy": {"housing_duty": {"families_duty": True}}})
    assert b["children_separated"] > 0 and p["children_separated"] < b["children_separated"]
    assert p["family_evictions_without_alternative"] == 0 < b["family_evictions_without_alternative"]


def test_more_night_shelter_places_mean_fewer_rough_sleepers():
    b, p = effect({"policy": {"shelter": {"night_places_per_10k": 50.0}}})
    assert p["households_rough"] < b["households_rough"]
    assert p["night_shelter_entries"] > b["night_shelter_entries"]


def test_second_chance_contracts_shorten_homelessness():
    b, p = effect({"policy": {"rehousing": {"second_chance_contracts": True}}})
    assert p["homeless_households"] < b["homeless_households"]


def test_housing_first_houses_rough_sleepers():
    b, p = effect({"policy": {"rehousing": {"housing_first": True}}})
    assert b["rehoused_housing_first"] == 0 < p["rehoused_housing_first"]
    assert p["homeless_adults"] < b["homeless_adults"]


def test_registration_brings_evicted_households_into_contact():
    """Registered, every evicted household is known: more are offered alternative housing and
    more stand on the shelters' waiting lists (the municipality sees the need)."""
    b, p = effect({"policy": {"registration": {"enabled": True}}})
    assert p["alternative_housing_placements"] > b["alternative_housing_placements"]
    assert p["night_shelter_waiting"] + p["family_shelter_waiting"] > \
        b["night_shelter_waiting"] + b["family_shelter_waiting"]


def test_signalling_nuisance_cuts_nuisance_evictions():
    b, p = effect({"policy": {"early_signalling": {"include_nuisance": True, "reach": 0.8, "acceptance": 0.8}}},
                  context={"nuisance": {"onset_per_month": 0.003}})
    assert b["signals_nuisance"] == 0 < p["signals_nuisance"]
    assert p["evictions_nuisance"] < b["evictions_nuisance"]


def test_an_energy_shock_raises_arrears():
    b, p = effect({"context": {"cost_of_living": {"energy_shock_factor": 1.3, "energy_shock_months": 24}}})
    assert p["arrears_new"] > b["arrears_new"]


@pytest.mark.parametrize("scope", ["all", "families"])
def test_a_moratorium_stops_executions_in_its_period(scope):
    sc = scenario({"context": TROUBLE, "policy": {"moratorium": {"scope": scope, "from_month": 0, "to_month": 11}}})
    base = scenario({"context": TROUBLE})
    kw = dict(population="20000", months=24, warmup=12, replications=2, seed=4)
    m_base, m_mor = run(base, **kw).monthly, run(sc, **kw).monthly
    first_year = m_mor.month < 12
    column = "evictions" if scope == "all" else "evictions_with_children"
    assert m_base.loc[first_year, column].sum() > 0
    assert m_mor.loc[first_year, column].sum() == 0
    assert m_mor.loc[first_year, "executions_postponed"].sum() > 0
    if scope == "families":
        assert m_mor.loc[first_year, "evictions"].sum() > 0


def test_a_winter_moratorium_only_covers_winter_months():
    sc = scenario({"context": TROUBLE, "policy": {"moratorium": {"scope": "all", "calendar_months": [11, 12, 1, 2, 3]}}})
    monthly = run(sc, population="20000", months=24, warmup=12, replications=1, seed=4).monthly
    winter = (monthly.month % 12 + 1).isin([11, 12, 1, 2, 3])
    assert monthly.loc[winter, "evictions"].sum() == 0
    assert monthly.loc[~winter, "evictions"].sum() > 0
    assert yearly_by_replication(monthly)["evictions"].iloc[0] > 0
