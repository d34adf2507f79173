"""The model's promises: reproducibility, common random numbers, conservation, bookkeeping."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim import run
from sim.pathway import tenants
from sim.pathway.displaced import HOUSED, PLACES
from sim.pathway.households import DWELLING_FIELDS, EMPTY
from sim.pathway.outcomes import ARREARS_ENDINGS, OUTCOME_INDEX
from sim.pathway.streams import FEW_IDS, Streams

from .helpers import TROUBLE, children_by_full_count, model


def test_same_seed_gives_the_same_bytes():
    a = run("baseline", population="3000", months=24, seed=5, replications=2, warmup=6)
    b = run("baseline", population="3000", months=24, seed=5, replications=2, warmup=6)
    pd.testing.assert_frame_equal(a.monthly, b.monthly)
    pd.testing.assert_frame_equal(a.journeys, b.journeys)
    assert a.summary == b.summary


def test_another_seed_gives_another_run():
    a = run("baseline", population="3000", months=24, seed=5, warmup=6)
    b = run("baseline", population="3000", months=24, seed=6, warmup=6)
    assert not a.monthly["arrears_new"].equals(b.monthly["arrears_new"])


def test_replications_differ_from_each_other():
    r = run("baseline", population="3000", months=24, seed=5, replications=2, warmup=6)
    reps = [g["arrears_new"].to_numpy() for _, g in r.monthly.groupby("replication")]
    assert not np.array_equal(reps[0], reps[1])


def test_household_draws_do_not_depend_on_who_else_is_drawn():
    s = Streams(42)
    everyone = s.draws("rent_missed", 7, np.arange(1000))
    some = s.draws("rent_missed", 7, np.array([3, 500, 999]))
    assert np.array_equal(everyone[[3, 500, 999]], some)
    assert s.draw("rent_missed", 7, 500) == everyone[500]
    # A few ids are hashed one by one (streams.FEW_IDS), many at once: the same numbers either way.
    hids = (np.int64(30) << np.int64(32)) + np.arange(0, 10 * (FEW_IDS + 2), 10)
    for n in (0, 1, FEW_IDS, FEW_IDS + 1):
        assert np.array_equal(s.draws("rent_missed", 7, hids[:n]), s.draws("rent_missed", 7, hids)[:n])
    assert not np.array_equal(everyone, s.draws("rent_missed", 8, np.arange(1000)))
    assert 0.45 < everyone.mean() < 0.55
    assert abs(np.corrcoef(everyone[:-1], everyone[1:])[0, 1]) < 0.1  # neighbouring ids are not alike


def test_a_court_only_policy_leaves_everything_before_court_unchanged():
    """Common random numbers: legal aid acts at the hearing, so the shocks, arrears and signals of
    every household that never reached court are identical with and without it."""
    months = 48
    # Capacities that never bind: a shared queue would link households' fates on purpose.
    ample = {"debt_help": {"capacity_per_10k_per_month": 500.0},
             "early_signalling": {"outreach_capacity_per_10k_per_month": 500.0}}
    base = model({"context": TROUBLE, "policy": ample}, population="8000", months=months)
    aid = model({"context": TROUBLE, "policy": {**ample, "legal_aid": {"share_summoned": 1.0}}}, population="8000",
                months=months)
    touched = set()
    for _ in range(months):
        for m in (base, aid):
            m.step()
            hh = m.households
            touched |= set(hh.hid[hh.case_stage > 0].tolist()) | set(hh.hid[hh.conditional_until >= 0].tolist())
    assert touched, "the test needs some court cases to be meaningful"
    hb, ha = base.households, aid.households
    same_tenant = (hb.hid == ha.hid) & ~np.isin(hb.hid, list(touched))
    assert same_tenant.mean() > 0.9
    for name in ("shock_until", "earnings", "arrears", "signalled", "arrangement", "help_until"):
        assert np.array_equal(getattr(hb, name)[same_tenant], getattr(ha, name)[same_tenant]), name
    assert aid.outcomes.values[:, OUTCOME_INDEX["default_judgments"]].sum() < \
        base.outcomes.values[:, OUTCOME_INDEX["default_judgments"]].sum()


CLOSURES = ("cases_paid_before_hearing", "cases_conditional_verdict", "cases_dismissed",
            "cases_settled_after_verdict", "cases_left_before_execution", "cases_executed")


@pytest.mark.parametrize("changes", [None, {"policy": {"housing_duty": {"families_duty": True}}},
                                     {"policy": {"moratorium": {"scope": "all", "calendar_months": [1, 2, 3]}}}])
def test_invariants_hold_every_month(changes):
    m = model({"context": TROUBLE, **(changes or {})}, population="20000", months=60)
    cum, previous = {}, {"households_in_arrears": 0}
    v = m.outcomes.values
    for t in range(60):
        m.step()
        row = {name: v[t, i] for name, i in OUTCOME_INDEX.items()}
        for name in row:
            cum[name] = cum.get(name, 0.0) + row[name]
        _check_month(m, row, cum, previous)
        previous = row
    assert cum["evictions"] > 0 and cum["children_separated"] + cum["alternative_housing_placements"] > 0
    assert cum["breach_orders"] > 0 and cum["moves_out"] > 0


def _check_month(m, row, cum, previous):
    hh, reg = m.world.households, m.world.register
    rows = reg.rows()
    unhoused = rows[reg.place[rows] != HOUSED]
    # households conserved: each lives in one dwelling or is displaced, never both
    living = hh.hid[hh.occupied]
    assert np.unique(living).size == living.size
    assert not np.isin(reg.hid[unhoused], living).any()
    # every child in exactly one place, and the census agrees with a full count
    places = row["children_home"] + row["homeless_children"] + row["children_alternative"] \
        + row["children_relatives"] + row["children_foster"] + row["children_residential"]
    at_home, followed = children_by_full_count(m)
    assert places == followed == m.world.tenants.children_in_model
    assert row["children_home"] == at_home
    # stocks equal cumulated flows
    opened = cum["summonses"] + cum["breach_orders"]
    assert row["open_court_cases"] == opened - sum(cum[c] for c in CLOSURES) == int((hh.case_stage > 0).sum())
    ended = sum(row[f"arrears_ended_{e}"] for e in ARREARS_ENDINGS)
    assert row["households_in_arrears"] == previous["households_in_arrears"] + row["arrears_new"] - ended
    assert row["households_in_arrears"] == int((hh.occupied & (hh.arrears > 0)).sum())
    displaced_in = (cum["evictions"] + cum["left_before_execution"] - cum["left_to_own_housing"]
                    + cum["tenancies_failed"])
    assert row["displaced_households"] == displaced_in - cum["rehoused"] == unhoused.size
    assert row["children_separated_now"] == \
        cum["children_separated"] - cum["children_reunified"] - cum["children_separated_left"]
    assert row["homeless_households"] + row["households_alternative"] == row["displaced_households"]
    assert row["children_of_displaced_with_parent"] <= row["children_of_displaced"]
    # one verdict per hearing, and no place holds more than its capacity
    assert row["verdicts"] <= row["hearings"]
    assert all(len(p.occupants) <= p.capacity for p in m.world.places.values())
    # a place's occupants are where the register says they are (negative: families homeless for
    # other reasons, homeless_families.py, in a family shelter)
    for (_, kind), place in m.world.places.items():
        if kind in ("family_shelter", "night_shelter", "emergency", "alternative"):
            assert all(PLACES[reg.place[r]] == kind and reg.active[r] for r in place.occupants if r >= 0), kind
    others = sum(r < 0 for p in m.world.place_list if p.kind == "family_shelter" for r in p.occupants)
    assert others == row["homeless_families_other_sheltered"]


def test_a_breached_conditional_verdict_is_executed_without_a_new_verdict():
    """A breach goes to the bailiff as its own flow: verdicts never exceed hearings, and orders
    handed to the bailiff are eviction orders plus breaches."""
    r = run(model_scenario(), population="20000", months=60, warmup=24, seed=3).monthly
    assert (r.verdicts <= r.hearings).all()
    assert r.breach_orders.sum() > 0
    assert np.allclose(r.executions_ordered, r.eviction_orders + r.breach_orders)
    assert np.allclose(r.verdicts, r.eviction_orders + r.cases_conditional_verdict)


def model_scenario(changes: dict | None = None):
    from .helpers import scenario

    return scenario({"context": TROUBLE, **(changes or {})})


def test_with_legal_aid_for_every_summoned_tenant_every_eviction_has_legal_aid():
    """Legal aid stays with the case: through a conditional verdict and its breach to the bailiff."""
    r = run(model_scenario({"policy": {"legal_aid": {"share_summoned": 1.0}}}), population="20000", months=60,
            warmup=24, seed=3).monthly
    assert r.evictions.sum() > 0 and r.breach_orders.sum() > 0
    assert r.evictions_with_legal_aid.sum() == r.evictions.sum()


def test_journeys_tell_a_story_from_arrears_to_after_court():
    r = run(model_scenario(), population="20000", months=36, seed=2, warmup=24, journey_sample=2000)
    j = r.journeys
    assert {"replication", "household", "month", "event", "detail", "composition", "children", "landlord"} <= set(j)
    assert {"arrears_start", "signal", "summons", "arrangement"} <= set(j.event)
    followed = j[j.event == "before_court"].household.unique()
    assert followed.size > 0
    story = j[j.household == followed[0]]
    assert story.month.is_monotonic_increasing


@pytest.mark.slow
def test_baseline_is_plausible_at_national_scale():
    """Order of magnitude against the domain notes (2021-22); the calibration fits them closely."""
    s = run("baseline", population="national", scale=0.02, months=36, seed=1, replications=2).summary
    assert 1_500 <= s["evictions"]["mean"] <= 6_000                      # KBvG ≈3,100-3,200 [KB4]
    assert 4_000 <= s["executions_ordered"]["mean"] <= 20_000            # ≈9,500 announced [KB4]
    assert 70_000 <= s["households_in_arrears_corporation"]["mean"] <= 250_000  # ≈135k [AE22]
    assert 80_000 <= s["signals"]["mean"] <= 400_000                     # ≈170-200k landlord signals [DV4]
    share_families = s["evictions_with_children"]["mean"] / s["evictions"]["mean"]
    assert 0.05 <= share_families <= 0.25                                # 10-14 % [AE17][NOS12]
    executed = s["evictions"]["mean"] / s["executions_ordered"]["mean"]
    assert 0.2 <= executed <= 0.5                                        # 25-34 % [AE20][KB4]


def test_a_population_can_be_given_as_profile_objects():
    from sim.pathway.population import PROFILES

    mine = PROFILES["small_town"].model_copy(update={"name": "mine", "corporation_households": 1500,
                                                     "private_households": 500})
    result = run("baseline", population=mine, months=12, warmup=0)
    assert result.meta["households"] == 2000 and result.meta["population"] == "mine"


def test_the_first_tenants_are_the_same_whether_let_at_once_or_in_chunks(monkeypatch):
    """Tenants.first_tenants lets the dwellings in chunks to keep its temporaries small; each
    household's draws are its own, so chunks must change no household, no follower and no count."""
    at_once = model(population="5000", months=1, journeys=500)
    monkeypatch.setattr(tenants, "FIRST_TENANTS_AT_ONCE", 700)  # 5,000 dwellings in 8 chunks, the last short
    chunked = model(population="5000", months=1, journeys=500)
    assert at_once.households.size == chunked.households.size == 5000
    for name in DWELLING_FIELDS + tuple(EMPTY):
        np.testing.assert_array_equal(getattr(chunked.households, name), getattr(at_once.households, name),
                                      err_msg=name)
    assert chunked.journeys.who == at_once.journeys.who and chunked.journeys.who
    assert chunked.world.tenants.children_in_model == at_once.world.tenants.children_in_model > 0
