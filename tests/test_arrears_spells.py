"""Model v3: arrears spells end the ways they end in practice, each counted; families are handled by
mechanism; rental assistance acts through the rent phase and is paid for.

Small paired runs with more trouble than the baseline (tests/helpers.TROUBLE), so that every
channel sees cases; each test checks a rule or a direction, not a calibrated level.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim import load_scenario, run
from sim.pathway.households import REFERRAL_DECLINED
from sim.pathway.courts import OWED_BINS, SPELL_BINS
from sim.pathway.outcomes import ARREARS_ENDINGS
from sim.scorecard import scorecard

from .helpers import TROUBLE, model, paired

FUND_FOR_ALL = {"policy": {"rental_assistance": {"fund_for": "contact", "fund_budget_per_10k_per_year": 200_000.0}}}


def totals(changes: dict | None = None, **kw):
    base, policy = paired(changes or {}, context=TROUBLE, **kw)
    return base.sum(), policy.sum()


def test_every_way_an_arrears_spell_ends_is_counted():
    """Each ending of a spell is a flow of its own, and with the fund open to all, every channel is used."""
    _, y = totals(FUND_FOR_ALL)
    for ending in ARREARS_ENDINGS:
        assert y[f"arrears_ended_{ending}"] > 0, ending


def test_pressure_after_the_final_notice_ends_spells_sooner():
    """Repaying more of what is left once the final notice has come shortens spells: fewer tenants
    in arrears, shorter spells at a summons."""
    context = {**TROUBLE, "rent_payment": {**TROUBLE["rent_payment"], "repay_share_under_pressure": 0.4}}
    low, high = paired({"context": {"rent_payment": {"repay_share_under_pressure": 1.0}}}, context=context)
    low, high = low.sum(), high.sum()
    assert high["households_in_arrears"] < low["households_in_arrears"]
    assert high["arrears_ended_repaid"] > low["arrears_ended_repaid"]


def test_summonses_are_counted_by_spell_length_and_amount_owed():
    _, y = totals()
    for bins, prefix in ((SPELL_BINS, "summons_spell"), (OWED_BINS, "summons_owed")):
        assert sum(y[f"{prefix}_{name}"] for name, *_ in bins) == pytest.approx(y["summonses_arrears"])


def test_a_family_is_referred_to_the_municipality_before_a_summons():
    """Landlords that refer families first summon fewer of them; without referrals none are counted."""
    never = {"context": {"landlords": {"family_referral_corporation": 0.0, "family_referral_private": 0.0}}}
    always = {"context": {"landlords": {"family_referral_corporation": 1.0, "family_referral_private": 1.0,
                                        "referral_wait_months": 3}}}
    _, none = totals(never)
    _, all_ = totals(always)
    assert none["family_referrals"] == 0 < all_["family_referrals"]
    assert all_["referrals_reached"] > 0 and all_["referrals_accepted"] > 0
    assert all_["evictions_with_children"] < none["evictions_with_children"]


def test_a_referral_is_decided_once_per_spell():
    m = model({"context": TROUBLE}, population="5000", months=36)
    for _ in range(36):
        m.step()
    hh = m.world.households
    considered = hh.referred_at != -1
    assert considered.any()
    assert hh.families(np.flatnonzero(considered)).all()  # only families are considered
    assert (hh.referred_at[considered] >= 0).any() and (hh.referred_at[considered] == REFERRAL_DECLINED).any()


def test_debt_help_puts_the_arrears_in_a_plan_and_a_settlement_ends_the_spell():
    _, y = totals({"policy": {"debt_help": {"settlement_share": 1.0}}})
    assert y["arrears_ended_debt_help"] > 0 and y["arrears_ended_settlement"] > 0
    assert y["arrears_written_off_eur"] > 0


def test_the_fund_pays_within_its_budget_and_costs_the_municipality_what_is_not_repaid():
    _, none = totals({"policy": {"rental_assistance": {"fund_budget_per_10k_per_year": 0.0}}})
    assert none["fund_households"] == 0 == none["fund_eur"]
    base, wide = paired(FUND_FOR_ALL, context=TROUBLE)  # yearly outcomes, one row per replication
    assert (wide["fund_households"] > base["fund_households"]).all()
    assert (wide["rental_assistance_eur"] == wide["fund_eur"]).all()
    yearly_budget = 200_000.0 * 20_000 / 10_000
    assert (wide["fund_eur"] <= yearly_budget * 13 / 12).all()  # unused money carries over one month at most
    repaid = load_scenario("baseline").policy.rental_assistance.fund_repaid_share
    extra_cost = (wide["cost_municipality_eur"] - base["cost_municipality_eur"]).sum()
    assert extra_cost > 0.5 * (1 - repaid) * (wide["fund_eur"] - base["fund_eur"]).sum()


def test_a_fund_the_landlord_applies_to_before_a_summons_replaces_summonses_it_pays_for():
    """Before a summons, the landlord applies to the fund; the fund pays for those who sign, and a
    tenant whose arrears it paid in full is not summoned. Nobody signing changes nothing."""
    before = {"fund_before_summons": True, "fund_budget_per_10k_per_year": 1_000_000.0, "fund_max_eur": 100_000.0}
    base, nobody = totals({"policy": {"rental_assistance": {**before, "fund_take_up": 0.0}}})
    assert nobody["fund_applications"] == 0
    assert nobody["summonses_arrears"] == base["summonses_arrears"]
    _, everyone = totals({"policy": {"rental_assistance": {**before, "fund_take_up": 1.0}}})
    assert everyone["fund_applications"] > 0
    assert everyone["fund_households"] - base["fund_households"] >= 0.9 * everyone["fund_applications"]
    assert everyone["summonses_arrears"] < 0.5 * base["summonses_arrears"]
    assert everyone["evictions_arrears"] < base["evictions_arrears"]


def test_the_housing_cost_supplement_is_paid_within_its_places():
    on = {"policy": {"rental_assistance": {"supplement": True, "supplement_places_per_10k": 10.0}}}
    m = model({"context": TROUBLE, **on}, population="10000", months=24)
    running = []
    for _ in range(24):
        m.step()
        hh = m.world.households
        running.append(int((hh.supplement_until > m.month - 1).sum()))
    assert 0 < max(running) <= 10.0 * 10_000 / 10_000 + 1
    y = m.outcomes.values[:, :].sum(axis=0)
    from sim.pathway.outcomes import OUTCOME_INDEX as I

    assert y[I["supplement_eur"]] > 0 and y[I["rental_assistance_eur"]] >= y[I["supplement_eur"]]


def test_rental_assistance_lowers_evictions_and_its_money_is_in_the_municipality_s_cost():
    ra = load_scenario("rental-assistance")
    changes = {"policy": {"rental_assistance": ra.policy.rental_assistance.model_dump()}}
    b, y = totals(changes, population="50000")  # the effect is small: a few evictions in 20,000 households
    assert y["rental_assistance_eur"] > b["rental_assistance_eur"]
    assert y["evictions"] < b["evictions"]
    extra_paid = y["rental_assistance_eur"] - b["rental_assistance_eur"]
    assert y["cost_municipality_eur"] - b["cost_municipality_eur"] > 0.3 * extra_paid


def test_the_rent_allowance_is_the_national_government_s_cost():
    b, y = totals({"context": {"rent_allowance": {"subsidy_share": 0.9}}})
    more_allowance = y["allowance_eur"] - b["allowance_eur"]  # a stock: EUR a month, averaged over the year
    assert more_allowance > 0
    assert y["cost_national_eur"] - b["cost_national_eur"] > 0.9 * 12 * more_allowance


def test_without_a_signalling_arrangement_nobody_is_signalled():
    _, y = totals({"policy": {"early_signalling": {"coverage": 0.0}}})
    assert y["signals"] == 0


def test_a_tenant_with_a_running_plan_or_in_the_first_month_is_not_signalled(monkeypatch):
    """The Wgs signal follows the landlord's reminders and contact only when they came to nothing
    [VNG20][HKM][OUD]: a tenant who agreed a plan is not signalled while it runs, however much is
    owed, and nobody is signalled in the month the rent was first missed (no reminder went unanswered yet)."""
    from sim.pathway.landlords import ArrearsProcedure

    seen: list[tuple[int, int]] = []  # (tenants put forward for a signal, of them with a plan running)
    first_month = 0
    signal = ArrearsProcedure._signal

    def watched(self, t, ids):
        nonlocal first_month
        hh = self.world.households
        seen.append((ids.size, int(hh.arrangement[ids].sum())))
        first_month += int((hh.arrears_since[ids] == t).sum())
        return signal(self, t, ids)

    monkeypatch.setattr(ArrearsProcedure, "_signal", watched)
    m = model({"context": TROUBLE}, population="5000", months=24)
    planned = 0
    for _ in range(24):
        m.step()
        planned += int(m.world.households.arrangement.sum())
    assert planned > 0 and sum(n for n, _ in seen) > 0
    assert sum(with_plan for _, with_plan in seen) == 0
    assert first_month == 0


def test_tenants_who_pay_at_the_reminder_need_no_plan_and_no_signal():
    """Paying at the landlord's first contact ends a spell at once [NU21]: counted as its own
    ending; fewer plans and signals follow."""
    never, often = (totals({"context": {"landlords": {"repaid_at_contact": share}}})[1] for share in (0.0, 0.8))
    assert never["arrears_ended_at_contact"] == 0 < often["arrears_ended_at_contact"]
    assert often["arrangements"] < never["arrangements"]
    assert often["signals"] < never["signals"]


def _contact_at_eviction(share: float) -> list[bool]:
    """Whether each household evicted in a run was in contact with the municipality that month."""
    m = model({"context": TROUBLE, "policy": {"registration": {"enabled": True, "contact_share": share}}},
              population="20000", months=36)
    contact = []
    for _ in range(36):
        m.step()
        reg = m.world.register
        rows = reg.rows()
        contact += reg.contact[rows[reg.evicted_at[rows] == m.month - 1]].tolist()
    return contact


def test_registration_brings_contact_as_often_as_its_effect_size_says():
    """Registered evictions bring contact with the registration's contact share; without it, the
    usual aftercare contact (context.after_eviction.aftercare_contact) still reaches some."""
    always, never = _contact_at_eviction(1.0), _contact_at_eviction(0.0)
    assert len(always) > 20 and all(always)
    assert 0 < np.mean(never) < 0.9


def test_the_scorecard_says_which_indicators_restate_an_input():
    card = scorecard(run("baseline", population="5000", months=24, seed=3, warmup=12))
    inputs = set(card.loc[card.basis == "input", "key"])
    assert inputs == {"alternative_housing", "legal_grounds", "legal_protection", "consultation"}
    assert (card.loc[card.basis == "input", "set_by"] != "").all()
    assert set(card.basis) == {"mechanism", "input"}


def test_the_pre_2021_regime_differs_from_the_baseline_only_where_docs_say():
    def leaves(tree, prefix=""):
        for key, value in tree.items():
            if isinstance(value, dict):
                yield from leaves(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    base = dict(leaves(load_scenario("baseline").parameters()))
    old = dict(leaves(load_scenario("pre-2021").parameters()))
    changed = {k for k in base if base[k] != old[k]}
    assert changed == {
        "policy.early_signalling.coverage", "policy.early_signalling.arrears_months_to_signal",
        "policy.early_signalling.compliance_private", "policy.debt_help.breathing_space",
        "policy.debt_help.capacity_per_10k_per_month", "policy.debt_help.duration_months",
        "context.landlords.family_referral_corporation", "context.landlords.family_referral_private"}
