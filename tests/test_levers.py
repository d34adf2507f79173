"""Each policy lever acts through its stage of the pathway: it moves its outcome in the expected
direction (paired runs on small populations), and it changes nothing upstream of its stage
(common random numbers: households it never reached live exactly the same months).

The shared context adds trouble so that a 20,000-household town has enough cases for a
three-replication comparison to be decisive.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim import run
from sim.runner import yearly_by_replication

from .helpers import TROUBLE, model, paired, scenario, yearly


def effect(changes: dict, context: dict | None = None, **kw):
    base, policy = paired(changes, context={**TROUBLE, **(context or {})}, **kw)
    return base.sum(), policy.sum()


# -- landlords and early help: signals, outreach, debt help, direct rent payment ---------------------------------
def test_wider_outreach_starts_more_debt_help_and_cuts_summonses():
    b, p = effect({"policy": {"early_signalling": {"reach": 0.6, "acceptance": 0.6,
                                                   "outreach_capacity_per_10k_per_month": 60.0},
                              "debt_help": {"capacity_per_10k_per_month": 30.0}}})
    assert p["debt_help_started"] > 1.5 * b["debt_help_started"]
    assert p["summonses_arrears"] < b["summonses_arrears"]
    assert p["cost_municipality_eur"] > b["cost_municipality_eur"]


def test_without_early_signalling_only_tenants_who_apply_themselves_or_are_referred_get_help():
    """Without signals, help comes only from applications and from the families a landlord refers
    before a summons (that is the landlords' practice, not the Wgs signal)."""
    b, p = effect({"policy": {"early_signalling": {"enabled": False}}})
    assert b["signals"] > 0 and p["signals"] == 0 and p["help_accepted"] == 0
    assert 0 < p["debt_help_started"] <= p["help_sought"] + p["referrals_accepted"]
    assert p["debt_help_started"] < b["debt_help_started"]
    assert p["summonses_arrears"] > b["summonses_arrears"]


def test_outreach_capacity_limits_how_many_signals_are_answered():
    b, p = effect({"policy": {"early_signalling": {"outreach_capacity_per_10k_per_month": 0.5}}})
    assert p["signals_unanswered"] > b["signals_unanswered"]
    assert p["signals_reached"] < b["signals_reached"]


def test_home_visits_raise_help_accepted_by_families():
    b, p = effect({"policy": {"early_signalling": {"home_visits_families": True}}})
    assert p["help_accepted"] > b["help_accepted"]


def test_no_debt_help_capacity_means_no_help_a_queue_and_more_summonses():
    b, p = effect({"policy": {"debt_help": {"capacity_per_10k_per_month": 0.0}}})
    assert p["debt_help_started"] == 0 < b["debt_help_started"]
    assert p["summonses_arrears"] > b["summonses_arrears"]
    assert p["debt_help_queue"] > b["debt_help_queue"]


def test_priority_puts_tenants_facing_a_summons_first_when_capacity_is_short():
    def helped(priority: bool):
        lever = {"policy": {"debt_help": {"capacity_per_10k_per_month": 1.0, "priority_facing_summons": priority}}}
        return yearly(lever, context=TROUBLE).sum()
    first, in_turn = helped(True), helped(False)
    assert first["debt_help_started"] == pytest.approx(in_turn["debt_help_started"], rel=0.1)
    assert first["debt_help_started_priority"] > in_turn["debt_help_started_priority"]


def test_direct_rent_payment_cuts_missed_rent():
    b, p = effect({"policy": {"direct_rent_payment": {"uptake": 1.0}}})
    assert p["direct_payment_started"] > b["direct_payment_started"]
    assert p["rent_missed"] < b["rent_missed"]


# -- court -----------------------------------------------------------------------------------------
def test_legal_aid_cuts_default_judgments_and_evictions():
    b, p = effect({"policy": {"legal_aid": {"share_summoned": 1.0}}})
    assert p["default_judgments"] < 0.5 * b["default_judgments"]
    assert p["evictions"] < b["evictions"]
    assert p["evictions_with_legal_aid"] >= b["evictions_with_legal_aid"]


def test_a_plain_language_summons_brings_more_tenants_to_the_hearing():
    b, p = effect({"policy": {"legal_aid": {"plain_language_summons": True}}})
    assert p["default_judgments"] < b["default_judgments"]


def test_child_rights_test_protects_families_in_court():
    b, p = effect({"policy": {"child_rights_test": {"enabled": True}}})
    assert p["cases_conditional_verdict"] > b["cases_conditional_verdict"]
    assert p["evictions_with_children"] < b["evictions_with_children"]


def test_child_rights_test_turns_family_closures_into_warnings():
    b, p = effect({"policy": {"child_rights_test": {"enabled": True}}},
                  context={"root_causes": {"drug_closure_per_month": 0.001, "family_factor": 1.0}})
    assert b["closures_warned"] == 0 < p["closures_warned"]
    assert p["evictions_drugs"] < b["evictions_drugs"]


def test_signalling_nuisance_cuts_nuisance_evictions():
    b, p = effect({"policy": {"early_signalling": {"include_nuisance": True, "reach": 0.8, "acceptance": 0.8}}},
                  context={"root_causes": {"nuisance_per_month": 0.003}})
    assert b["signals_nuisance"] == 0 < p["signals_nuisance"]
    assert p["evictions_nuisance"] < b["evictions_nuisance"]


# -- after an eviction (rebuilt in model v2 part 2) --------------------------------------------------
def test_hearing_children_is_recorded_for_family_evictions():
    _b, p = effect({"policy": {"consultation": {"children_heard": 1.0}}})
    assert p["family_evictions_children_heard"] == p["evictions_with_children"] > 0


def test_housing_duty_keeps_families_together():
    duty = {"families_duty": True, "units_per_10k": 5.0, "build_per_10k_per_year": 3.0}
    b, p = effect({"policy": {"housing_duty": duty}})
    assert b["children_separated"] > 0 and p["children_separated"] < b["children_separated"]
    assert p["family_evictions_in_view"] == p["evictions_with_children"] > b["family_evictions_in_view"]


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
    """Registered, every evicted household is known: more enter a shelter or stand on its waiting
    list (the municipality sees the need; the places themselves are limited)."""
    b, p = effect({"policy": {"registration": {"enabled": True}}})
    known = ("night_shelter_entries", "family_shelter_entries", "night_shelter_waiting", "family_shelter_waiting")
    assert sum(p[k] for k in known) > sum(b[k] for k in known)


# -- context ---------------------------------------------------------------------------------------
def test_an_energy_shock_raises_arrears():
    b, p = effect({"context": {"cost_of_living": {"energy_shock_factor": 1.3, "energy_shock_months": 24}}})
    assert p["arrears_new"] > b["arrears_new"]


# -- bailiff: the moratorium ------------------------------------------------------------------------
KW = {"population": "20000", "months": 24, "warmup": 24, "replications": 2, "seed": 4}


@pytest.mark.parametrize("scope, landlords, column", [("all", "all", "evictions"),
                                                      ("families", "all", "evictions_with_children"),
                                                      ("all", "private", "evictions_private")])
def test_a_moratorium_stops_executions_in_its_period(scope, landlords, column):
    stop = {"scope": scope, "landlords": landlords, "from_month": 0, "to_month": 11}
    m_base = run(scenario({"context": TROUBLE}), **KW).monthly
    m_mor = run(scenario({"context": TROUBLE, "policy": {"moratorium": stop}}), **KW).monthly
    first_year = m_mor.month < 12
    assert m_base.loc[first_year, column].sum() > 0
    assert m_mor.loc[first_year, column].sum() == 0
    assert m_mor.loc[first_year, "executions_postponed"].sum() > 0
    if (scope, landlords) != ("all", "all"):
        assert m_mor.loc[first_year, "evictions"].sum() > 0


def test_a_winter_moratorium_only_covers_winter_months():
    winter_stop = {"scope": "all", "calendar_months": [11, 12, 1, 2, 3]}
    sc = scenario({"context": TROUBLE, "policy": {"moratorium": winter_stop}})
    monthly = run(sc, population="20000", months=24, warmup=24, replications=1, seed=4).monthly
    winter = (monthly.month % 12 + 1).isin([11, 12, 1, 2, 3])
    assert monthly.loc[winter, "evictions"].sum() == 0
    assert monthly.loc[~winter, "evictions"].sum() > 0
    assert yearly_by_replication(monthly)["evictions"].iloc[0] > 0


def test_a_moratorium_followed_by_settlement_means_fewer_executions_over_the_whole_horizon():
    """Executions held back are not all executed later: while they wait, tenants pay, agree or
    leave, and the backlog goes to the bailiffs within their capacity."""
    stop = {"scope": "all", "from_month": 0, "to_month": 11}
    kw = {"population": "20000", "months": 48, "warmup": 24, "replications": 2, "seed": 4}
    base = yearly_by_replication(run(scenario({"context": TROUBLE}), **kw).monthly).sum()
    mor = yearly_by_replication(run(scenario({"context": TROUBLE, "policy": {"moratorium": stop}}), **kw).monthly).sum()
    assert mor["evictions"] < base["evictions"]
    assert mor["cases_settled_after_verdict"] > base["cases_settled_after_verdict"]


def test_a_moratorium_can_pause_summonses():
    stop = {"scope": "all", "from_month": 0, "to_month": 11, "pause_summonses": True}
    m = run(scenario({"context": TROUBLE, "policy": {"moratorium": stop}}), **KW).monthly
    first_year = m.month < 12
    assert m.loc[first_year, "summonses_arrears"].sum() == 0 < m.loc[~first_year, "summonses_arrears"].sum()


# -- common random numbers: a lever changes nothing upstream of its stage -------------------------------
AMPLE = {"debt_help": {"capacity_per_10k_per_month": 500.0},
         "early_signalling": {"outreach_capacity_per_10k_per_month": 500.0}}
UPSTREAM = ("shock_until", "earnings", "arrears_since")


def _in_court(hh) -> np.ndarray:
    return hh.hid[(hh.case_stage > 0) | (hh.conditional_until >= 0)]


def _signalled(hh) -> np.ndarray:
    return np.concatenate([hh.hid[hh.signalled], _in_court(hh)])


def _funded(hh) -> np.ndarray:
    return np.concatenate([hh.hid[hh.funded_at >= 0], _in_court(hh)])


def _helped(hh) -> np.ndarray:
    return np.concatenate([hh.hid[(hh.help_since >= 0) | (hh.queued_since >= 0)], _in_court(hh)])


@pytest.mark.parametrize("lever, reached, same", [
    ({"legal_aid": {"share_summoned": 1.0}}, _in_court, (*UPSTREAM, "arrears", "signalled", "help_until")),
    ({"child_rights_test": {"enabled": True}}, _in_court, (*UPSTREAM, "arrears", "signalled", "help_until")),
    ({"consultation": {"children_heard": 1.0}}, _in_court, (*UPSTREAM, "arrears", "signalled", "help_until")),
    ({"moratorium": {"scope": "all"}}, _in_court, (*UPSTREAM, "arrears", "signalled", "help_until")),
    ({"early_signalling": {"reach": 0.8, "acceptance": 0.8}}, _signalled, (*UPSTREAM, "arrears", "contacted")),
    ({"direct_rent_payment": {"uptake": 1.0}}, _helped, (*UPSTREAM, "arrears", "signalled")),
    ({"debt_help": {"miss_reduction": 0.95}}, _helped, (*UPSTREAM, "arrears", "signalled")),
    ({"rental_assistance": {"fund_before_summons": True, "fund_budget_per_10k_per_year": 100_000.0}}, _funded,
     (*UPSTREAM, "arrears", "signalled", "help_until")),
    # the family urgency changes who gets which vacancy: dwellings let to other households drop out
    ({"allocation": {"urgency_homeless_families": True}}, _in_court, (*UPSTREAM, "arrears", "signalled", "help_until")),
])
def test_a_lever_changes_nothing_upstream_of_its_stage(lever, reached, same):
    months = 36
    base = model({"context": TROUBLE, "policy": AMPLE}, population="8000", months=months)
    policy = model({"context": TROUBLE, "policy": {**AMPLE, **lever}}, population="8000", months=months)
    touched: set[int] = set()
    for _ in range(months):
        for m in (base, policy):
            m.step()
            touched.update(reached(m.households).tolist())
    hb, hp = base.households, policy.households
    assert touched, "the lever's stage must see some households for the test to mean something"
    untouched = (hb.hid == hp.hid) & ~np.isin(hb.hid, list(touched))
    assert untouched.mean() > 0.5
    for name in same:
        assert np.array_equal(getattr(hb, name)[untouched], getattr(hp, name)[untouched]), name
