"""The vectorised helpers the monthly phases rely on for speed give what the plain loops they
replaced gave: the same households, in the same order."""

from __future__ import annotations

import numpy as np
import pytest

from sim import load_scenario
from sim.country import read_municipalities
from sim.pathway import journeys
from sim.pathway.costs import Item
from sim.pathway.displaced import among
from sim.pathway.displacement import Displacement
from sim.pathway.idsets import first_of_each, positions, subset
from sim.pathway.informal import MAX_TIES, find_host, first_hosts
from sim.pathway.model import EvictionModel
from sim.pathway.outcomes import OUTCOME_INDEX, OutcomeTable
from sim.pathway.rent import choose
from sim.pathway.streams import Streams
from sim.runner import simulate
from sim.scenario import resolve_population

from .test_municipalities import three_towns


@pytest.mark.parametrize("share", [0.0, 0.03, 0.5, 0.97, 1.0])
def test_choose_is_where(share):
    mask = np.random.default_rng(2).random(10_001) < share
    for m in (mask, mask[::3]):  # a view with strides too
        chosen = choose(m, 0.7, 1.0)
        assert chosen.dtype == np.float64 and np.array_equal(chosen, np.where(m, 0.7, 1.0))


@pytest.mark.parametrize("share", [0.0, 0.03, 0.5, 0.97, 1.0])
def test_subset_is_boolean_indexing(share):
    rng = np.random.default_rng(1)
    ids = np.sort(rng.choice(1_000_000, 50_000, replace=False))
    mask = rng.random(ids.size) < share
    assert np.array_equal(subset(ids, mask), ids[mask])


def test_positions_are_where_every_condition_holds_each_tested_on_what_is_left():
    rng = np.random.default_rng(4)
    ids = np.sort(rng.choice(1_000_000, 20_000, replace=False))
    field_a, field_b = rng.random(1_000_000), rng.random(1_000_000)
    mask = rng.random(ids.size) < 0.6
    tested = []

    def below(field, limit):
        def test(some):
            tested.append(some.size)
            return field[some] < limit
        return test

    kept = positions(ids, mask, below(field_a, 0.5), below(field_b, 0.3))
    assert np.array_equal(kept, np.flatnonzero(mask & (field_a[ids] < 0.5) & (field_b[ids] < 0.3)))
    assert tested == [mask.sum(), (mask & (field_a[ids] < 0.5)).sum()]  # each only where the ones before held
    assert np.array_equal(positions(ids, mask), np.flatnonzero(mask))


def test_among_is_isin_for_places_and_child_places():
    codes = np.random.default_rng(2).integers(-1, 9, size=(200, 3)).astype(np.int8)
    for group in [4, (1,), (0, 3, 7), np.array([2, 5])]:
        assert np.array_equal(among(codes, group), np.isin(codes, group))


def test_first_of_each_is_the_loop_over_groups():
    rng = np.random.default_rng(3)
    groups = rng.integers(0, 6, 300)
    take = rng.integers(0, 40, 6)
    expected = np.concatenate([np.flatnonzero(groups == g)[:take[g]] for g in range(6)])
    assert np.array_equal(first_of_each(groups, take), expected)


def test_first_hosts_are_the_hosts_find_host_takes_one_by_one():
    rng = np.random.default_rng(4)
    n = 400
    relative, willing, used = (rng.random((n, MAX_TIES)) < share for share in (0.5, 0.4, 0.3))
    room = rng.integers(1, 5, (n, MAX_TIES))
    persons = rng.integers(1, 4, n).astype(np.int8)
    tie, found = first_hosts(relative, willing, room, used, persons)
    one_by_one = [find_host(relative[k], willing[k], room[k], used[k].copy(), int(persons[k])) for k in range(n)]
    assert found.tolist() == [host is not None for host in one_by_one]
    assert tie[found].tolist() == [host for host in one_by_one if host is not None]
    assert 0 < found.sum() < n  # both kinds of household were tried


def test_array_draws_are_the_scalar_draws_bit_for_bit():
    s = Streams(7)
    ids = np.array([0, 1, 2**31, 2**40 + 5, 2**62 + 3], dtype=np.int64)
    assert [s.draw("x", 3, int(i)) for i in ids] == s.draws("x", 3, ids).tolist()
    assert np.array_equal(s.draws_many(("x", "y"), 3, ids)[:, 1], s.draws("y", 3, ids))


def test_rehousing_takes_each_municipality_s_vacancies_corporation_first(tmp_path):
    """Vacancies.take, one pass for all movers, against the per-municipality loop it
    replaced: each municipality's movers, in order, get its free vacancies in order of vacating,
    corporation dwellings first; movers beyond them get none (-1)."""
    model = EvictionModel(load_scenario("baseline"), read_municipalities(three_towns(tmp_path)), 2, 1)
    hh = model.households
    rng = np.random.default_rng(4)
    vacated = rng.choice(hh.size, 600, replace=False)
    hh.occupied[vacated] = False
    model.world.vacancies.vacant = [vacated[:250], vacated[250:]]
    hh.occupied[vacated[::7]] = True  # some already let again: not free
    movers = rng.integers(0, 3, 700).astype(np.int16)

    free = vacated[~hh.occupied[vacated]]
    expected = np.full(movers.size, -1, np.int64)
    for muni in range(3):
        mine = np.flatnonzero(movers == muni)
        theirs = free[hh.municipality[free] == muni]
        theirs = theirs[np.argsort(hh.private[theirs], kind="stable")][:mine.size]
        expected[mine[:theirs.size]] = theirs

    taken = model.world.vacancies.take(movers)
    assert np.array_equal(taken, expected)
    assert (taken < 0).any() and (taken >= 0).any()  # some municipality ran out, some movers got one
    assert hh.occupied[taken[taken >= 0]].all()
    assert (model.world.vacancies.take(movers) < 0).all()  # nothing is given twice


@pytest.mark.parametrize("logged", [False, True], ids=["nobody logged", "journeys logged"])
def test_moving_displaced_households_at_once_is_moving_them_one_by_one(monkeypatch, logged):
    """Displacement moves some households in one NumPy step where `arrive` and `move` would touch
    nothing but their own row, or the night shelters no one else enters: adults alone who find a
    host, who go hidden or onto the street out of the municipality's sight, or who are in contact
    and without children, to the night shelter or its waiting list (_arrive_at_once), and
    households without children who found a home (_housed_at_once). With those steps switched off
    every household moves one by one; both runs give the same outcomes, month by month, the same
    register and the same shelters' occupants and waiting lists. With journeys logged (at this size
    every summoned household's is), each household's log is the same too: its events, in its order."""
    if not logged:
        monkeypatch.setattr(journeys, "FOLLOW_BUDGET", 0)

    def run():
        model = simulate(load_scenario("baseline"), resolve_population("medium_town"), 24, 5, scale=0.5, warmup=24,
                         journey_sample=500 if logged else 0)
        places = [(sorted(p.occupants), list(p.waiting)) for p in model.world.place_list]
        return model.outcomes.values.copy(), model.world.register, places, model.journeys.frame()

    taken = {"out of sight": 0, "housed": 0, "night shelter": 0}
    out_of_sight, housed_at_once = Displacement._out_of_sight, Displacement._housed_at_once
    to_night_shelter = Displacement._to_night_shelter

    def counted_to_night_shelter(self, t, rows):
        taken["night shelter"] += rows.size
        to_night_shelter(self, t, rows)

    def counted_out_of_sight(self, t, rows):
        taken["out of sight"] += rows.size
        out_of_sight(self, t, rows)

    def counted_housed_at_once(self, t, rows):
        housed = housed_at_once(self, t, rows)
        taken["housed"] += int(housed.sum())
        return housed

    monkeypatch.setattr(Displacement, "_out_of_sight", counted_out_of_sight)
    monkeypatch.setattr(Displacement, "_housed_at_once", counted_housed_at_once)
    monkeypatch.setattr(Displacement, "_to_night_shelter", counted_to_night_shelter)
    fast, fast_register, fast_places, fast_logs = run()
    none = lambda self, t, rows, *more: np.zeros(rows.size, bool)  # noqa: E731
    monkeypatch.setattr(Displacement, "_arrive_at_once", none)
    monkeypatch.setattr(Displacement, "_housed_at_once", none)
    slow, slow_register, slow_places, slow_logs = run()
    # many households took each fast way
    assert fast[:, OUTCOME_INDEX["displaced_to_doubled_up"]].sum() > 10
    assert taken["out of sight"] > 5 and taken["night shelter"] > 5 and taken["housed"] > 10
    assert np.array_equal(fast, slow)
    assert fast_places == slow_places
    assert fast_logs.equals(slow_logs)
    assert (fast_logs["event"] == "moved").sum() > (10 if logged else -1)
    for name in ("place", "place_since", "stay_until", "tie_used", "ever_homeless"):
        assert np.array_equal(getattr(fast_register, name), getattr(slow_register, name))


def test_adding_costs_at_once_is_adding_them_one_by_one():
    """OutcomeTable.add_costs books a list of amounts with the same sums, to the last bit, as one
    add_cost per amount (floating-point addition depends on the order: it must be kept)."""
    amounts = (np.random.default_rng(5).random(342) * 1e3 / 7).tolist()
    one_by_one, at_once = OutcomeTable(1), OutcomeTable(1)
    for table in (one_by_one, at_once):
        table.add_cost(Item.OUTREACH, 0.1)  # something booked before, on the item and its payer
        table.add_cost(Item.DEBT_HELP, 1 / 3)
    for eur in amounts:
        one_by_one.add_cost(Item.OUTREACH, eur)
    at_once.add_costs(Item.OUTREACH, amounts)
    assert one_by_one.values.tobytes() == at_once.values.tobytes()
    assert at_once.values.sum() > 0


def test_the_landlords_get_from_the_rent_phase_what_the_arrays_hold(monkeypatch):
    """The landlords' procedure takes each tenant's arrears and rent from the rent phase (Owing)
    instead of reading them again: they must be what the household arrays hold when it starts,
    for every tenant it deals with, every month, and every one of them must owe. Early help,
    later in the month, takes their rent from it too: nobody has moved in by then."""
    from sim.pathway.landlords import ArrearsProcedure
    from sim.pathway.municipalities import EarlyHelp

    step, help_step = ArrearsProcedure.step, EarlyHelp.step
    seen = {"months": 0, "tenants": 0, "help months": 0}

    def help_checked(self, t, tenants):
        assert np.array_equal(tenants.rent, self.world.households.rent[tenants.ids])
        seen["help months"] += 1
        return help_step(self, t, tenants)

    monkeypatch.setattr(EarlyHelp, "step", help_checked)

    def checked(self, t, owing):
        hh = self.world.households
        assert np.array_equal(owing.arrears, hh.arrears[owing.ids])
        assert np.array_equal(owing.rent, hh.rent[owing.ids])
        assert (owing.arrears > 0).all()
        seen["months"] += 1
        seen["tenants"] += owing.ids.size
        return step(self, t, owing)

    monkeypatch.setattr(ArrearsProcedure, "step", checked)
    simulate(load_scenario("baseline"), resolve_population("medium_town"), 12, 3, scale=0.5, warmup=12)
    assert seen["months"] == seen["help months"] == 24 and seen["tenants"] > 1000


def test_forgetting_movers_retires_exactly_the_registered_ones():
    """`Displacement.forget` finds the movers who are in the register by a binary search of its ids:
    it retires the rows a lookup of each mover in `row_of` finds, and nothing else, whatever the
    movers' order."""
    model = simulate(load_scenario("baseline"), resolve_population("medium_town"), 12, 3, scale=0.5, warmup=24)
    displacement = model.displacement
    registered = np.array(list(displacement.row_of), dtype=np.int64)
    assert registered.size >= 4
    housed = model.households.hid[model.households.occupied][:50]
    rng = np.random.default_rng(7)
    movers = rng.permutation(np.concatenate([registered[::2], housed, [registered.max() + 1, registered.min() - 1]]))
    expected = {h: displacement.row_of[h] for h in movers.tolist() if h in displacement.row_of}
    staying = {h: row for h, row in displacement.row_of.items() if h not in expected}
    assert expected and staying

    displacement.forget(model.month - 1, movers)  # as in the last month

    assert displacement.row_of == staying
    assert not model.world.register.active[list(expected.values())].any()
    assert model.world.register.active[list(staying.values())].all()
