"""After an eviction: places with capacities and costs, children with a parent unless a decision
separates them, the housing duty as recommended, Housing First and second chance with capacity,
and a rights scorecard of cohort shares."""

from __future__ import annotations

import pytest

from sim import load_scenario, run
from sim.pathway.population import PROFILES
from sim.runner import yearly_by_replication
from sim.scenario import SCENARIO_DIR
from sim.scorecard import scorecard

from .helpers import TROUBLE, model, scenario

FAMILIES = {**TROUBLE, "landlords": {**TROUBLE["landlords"], "summons_family_factor": 1.0}}
KW = {"population": "20000", "months": 36, "warmup": 24, "replications": 2, "seed": 5}


def totals(changes: dict, context: dict | None = None, **kw) -> dict:
    sc = scenario({"context": {**FAMILIES, **(context or {})}, **changes})
    return yearly_by_replication(run(sc, **{**KW, **kw}).monthly).sum().to_dict()


def test_under_the_housing_duty_no_family_is_evicted_without_alternative_housing_in_view():
    duty = {"policy": {"housing_duty": {"families_duty": True, "units_per_10k": 10.0, "build_per_10k_per_year": 5.0}}}
    # Enough family evictions, and youth protection stepping in soon enough for hidden families,
    # for separations to differ.
    soon = {"youth_protection": {"decision_per_month_hidden": 0.1}}
    y = totals(duty, soon, population="50000")
    assert y["evictions_with_children"] > 0
    assert y["family_evictions_in_view"] == y["evictions_with_children"]
    assert y["children_separated"] < totals({}, soon, population="50000")["children_separated"]


def test_without_units_or_building_family_executions_wait_instead():
    duty = {"policy": {"housing_duty": {"families_duty": True, "units_per_10k": 0.0, "build_per_10k_per_year": 0.0}}}
    y = totals(duty)
    assert y["evictions_with_children"] == 0 and y["executions_waiting_housing_months"] > 0
    assert y["evictions"] > 0  # households without children are still evicted


def test_building_alternative_housing_costs_the_municipality():
    build = {"policy": {"housing_duty": {"families_duty": True, "units_per_10k": 0.0, "build_per_10k_per_year": 6.0}}}
    base = totals({"policy": {"housing_duty": {"families_duty": True, "units_per_10k": 0.0}}})
    y = totals(build)
    assert y["evictions_with_children"] > 0 and y["alternative_units"] > 0
    assert y["cost_municipality_eur"] > base["cost_municipality_eur"]


def test_housing_first_places_bound_placements_and_failures_come_after_placement():
    hf = {"policy": {"rehousing": {"housing_first": True, "housing_first_places_per_10k": 2.0}}}
    sc = scenario({"context": FAMILIES, **hf})
    m = model({"context": FAMILIES, **hf}, population="20000", months=72)
    placed = 0
    for _ in range(72):
        m.step()
        places = [p for (_, k), p in m.world.places.items() if k == "housing_first"]
        assert all(len(p.occupants) <= p.capacity for p in places)
        row = m.outcomes.row
        from sim.pathway.outcomes import OUTCOME_INDEX as I

        placed += row[I["rehoused_housing_first"]]
        assert m.outcomes.values[:m.month, I["housing_first_failed"]].sum() <= placed
    assert placed > 0 and sc.policy.rehousing.housing_first


def test_second_chance_contracts_are_limited_by_what_landlords_offer():
    sc = {"policy": {"rehousing": {"second_chance_contracts": True, "second_chance_per_10k_per_year": 3.0}}}
    y = totals(sc, months=48)
    per_year = y["rehoused_second_chance"] / KW["replications"]
    assert 0 < per_year <= 3.0 * 2 + 1  # 20,000 households: 6 contracts a year (and one carried over)


def test_more_family_shelter_keeps_more_children_with_a_parent():
    more = {"policy": {"shelter": {"family_places_per_10k": 10.0, "emergency_places_per_10k": 5.0}}}
    scarce = {"policy": {"shelter": {"family_places_per_10k": 0.1, "emergency_places_per_10k": 0.0}}}
    # a town without families homeless for other reasons, whose places would ease the scarcity
    town = PROFILES["medium_town"].scaled(50_000 / 40_000).model_copy(
        update={"homeless_families_other_per_10k_per_year": 0.0})
    base, y = totals(scarce, population=town), totals(more, population=town)
    share = lambda d: d["children_of_displaced_with_parent"] / d["children_of_displaced"]  # noqa: E731
    assert share(y) > share(base)
    assert y["cost_municipality_eur"] > base["cost_municipality_eur"]


def test_children_stay_with_a_parent_unless_a_decision_or_the_family_separates_them():
    y = totals({})
    assert y["children_separated"] == pytest.approx(y["children_to_relatives"] + y["children_to_foster"]
                                                    + y["children_to_residential"])
    assert y["youth_protection_decisions"] > 0


@pytest.mark.parametrize("path", sorted(SCENARIO_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_scorecard_shares_lie_in_0_1_with_the_point_inside_its_interval(path):
    result = run(load_scenario(path), population="20000", months=48, warmup=24, replications=2, seed=2)
    card = scorecard(result)
    shares = card[card.unit == "share"].dropna(subset=["value"])
    assert ((shares.value >= 0) & (shares.value <= 1)).all()
    assert ((shares.low <= shares.value) & (shares.value <= shares.high)).all()
    ratios = card[card.unit == "ratio"].dropna(subset=["value"])
    assert ((ratios.low <= ratios.value) & (ratios.value <= ratios.high)).all()
    assert (card.events <= card.cases).where(card.unit == "share", True).all()
