"""Social lettings and urgency (lettings.py, homeless_families.py): every corporation vacancy is let
once and counted by route, the regular applicants' queue keeps its books, and urgency for every
homeless family gives more urgent lettings, fewer homeless children and a longer wait for the
regular applicants."""

from __future__ import annotations

import math

import numpy as np

from sim.pathway.lettings import HOMELESS_URGENT, ROUTES
from sim.pathway.outcomes import OUTCOME_INDEX as I
from sim.pathway.population import PROFILES

from .helpers import TROUBLE, model, paired

URGENCY = {"policy": {"allocation": {"urgency_homeless_families": True}}}
# A large city's profile at 25,600 households: the most homeless families from other causes (20 per
# 10,000 households a year) and the longest wait, in a population a test runs in seconds.
LARGE = PROFILES["large_city"].scaled(0.08)


def _corporation_empty(m) -> int:
    hh = m.world.households
    return int((~hh.occupied & ~hh.private).sum())


def _corporation_vacated(m) -> int:
    hh = m.world.households
    vacated = np.concatenate(m.world.vacancies.vacant) if m.world.vacancies.vacant else np.empty(0, np.int64)
    return int((~hh.private[vacated]).sum())


def test_dwellings_households_and_lettings_are_conserved_every_month():
    """Each month: the dwellings stay the same; every empty dwelling is a vacancy of this month,
    let next month; the corporation lettings by route add up to the vacancies let (the empty ones
    from last month plus this month's, less those still empty); the regular applicants waiting are
    last month's plus the inflow less the regular lettings."""
    m = model({"context": TROUBLE}, population="20000", months=60, warmup=12)
    dwellings, empty_before, waiting_before = m.world.households.size, _corporation_empty(m), None
    lettings = m.world.lettings
    for _ in range(60):
        t = m.month
        m.step()
        hh = m.world.households
        row = m.outcomes.values[t]
        assert hh.size == dwellings
        vacated = np.concatenate(m.world.vacancies.vacant) if m.world.vacancies.vacant else np.empty(0, np.int64)
        assert set(np.flatnonzero(~hh.occupied).tolist()) <= set(vacated.tolist())  # empty: vacated this month
        let = sum(row[I[f"lettings_{route}"]] for route in ROUTES)
        empty_now = _corporation_empty(m)
        assert let == empty_before + _corporation_vacated(m) - empty_now, t
        empty_before = empty_now
        assert row[I["lettings_urgent_homeless"]] == sum(row[I[f"lettings_{r}"]] for r in HOMELESS_URGENT)
        if t >= m.warmup:
            waiting = row[I["regular_applicants_waiting"]]
            if waiting_before is not None:
                expected = waiting_before + lettings.inflow.sum() - row[I["lettings_regular"]]
                assert math.isclose(waiting, expected, rel_tol=1e-9), t
            waiting_before = waiting
    assert m.outcomes.values[:, I["homeless_families_other_arrived"]].sum() > 0


def test_families_homeless_for_other_reasons_arrive_at_their_type_s_rate():
    m = model(population=LARGE, months=24)
    for _ in range(24):
        m.step()
    arrived = m.outcomes.values[:, I["homeless_families_other_arrived"]].sum()
    profile = m.world.blocks[0].profile
    expected = profile.households * profile.homeless_families_other_per_10k_per_year / 10_000 * 2
    assert abs(arrived - expected) <= 1  # whole families, the fraction carried over


def test_urgency_for_every_homeless_family_costs_the_regular_applicants_time():
    base, law = paired(URGENCY, population=LARGE, months=36, replications=2)
    assert law["lettings_urgent_homeless"].sum() > base["lettings_urgent_homeless"].sum()
    assert law["homeless_children_all"].sum() < base["homeless_children_all"].sum()
    assert law["lettings_regular"].sum() < base["lettings_regular"].sum()
    assert (law["regular_wait_months"] > base["regular_wait_months"]).all()


def test_the_urgent_quota_caps_urgent_lettings_of_homeless_households():
    quota = 0.02
    m = model({"policy": {"allocation": {"urgency_homeless_families": True, "urgent_quota": quota}}},
              population=LARGE, months=24)
    capped = ("urgency", "shelter_exit", "homeless_family_other")  # Housing First, second chance: their own places
    for _ in range(24):
        m.step()
    cap = math.ceil(quota * m.world.lettings.expected.sum())
    per_month = sum(m.outcomes.values[:, I[f"lettings_{r}"]] for r in capped)
    assert per_month.max() <= cap
    assert (per_month == cap).sum() >= 6  # it binds


def test_a_sample_reports_the_wait_in_months_not_scaled_up():
    """Counts from a sample are scaled to the real population; a wait in months is an average and is not."""
    from sim import run

    monthly = run("baseline", population="medium_town", scale=0.25, months=12, warmup=12, seed=2).monthly
    assert 68 <= monthly.regular_wait_months.iloc[0] <= 76  # the type's 72 months, as the queue starts
    assert 100 * 12 < monthly.lettings_regular.sum() < 220 * 12  # counts scaled up: the town's 160 a month, not 40
