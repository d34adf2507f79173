"""Evictions in numbers: evictions counted, each eviction followed up for twelve months, the costs of
every place by payer, and the census of displaced households and children.

The follow-up makes the rights scorecard's indicators shares of one cohort: for every household
evicted, twelve months later (or when it leaves the rented stock or is evicted again, earlier)
the model records whether it was ever without a home or separated in that year, whether
alternative housing was in view at the eviction, how many of its children were separated,
changed school, and how often they moved. Each numerator counts within its own denominator, so
every share lies in [0, 1] whatever the period it is summed over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .costs import HOMELESS_GROUPS, Item
from .displaced import (ALTERNATIVE, AWAY, BETWEEN, DOUBLED_UP, EMERGENCY, FAMILY_SHELTER, FOSTER, HIDDEN, HOMELESS,
                        HOUSED, NIGHT_SHELTER, NO_CHILD, PLACES, RELATIVES, RESIDENTIAL, ROUGH, WITH_PARENTS, Register,
                        among)
from .outcomes import CAUSES
from .population import SINGLE_PARENT

if TYPE_CHECKING:
    from .world import World


def count_departures(m: World, t: int, slots: np.ndarray, causes: np.ndarray, executed: bool) -> None:
    """Count evictions (or departures before the bailiff) of the households in `slots`."""
    hh = m.households
    owing = slots[hh.arrears[slots] > 0]
    m.outcomes.add("arrears_ended_departure", owing.size)
    m.outcomes.add("arrears_left_eur", float(hh.arrears[owing].sum(dtype=np.float64)))
    m.outcomes.add_cost(Item.HOUSEHOLD_MOVES, slots.size * m.context.costs.household_move_eur)
    if not executed:
        m.outcomes.add("left_before_execution", slots.size)
        return
    children = hh.children[slots]
    private = hh.private[slots]
    m.outcomes.add("evictions", slots.size)
    for i, cause in enumerate(CAUSES):
        m.outcomes.add(f"evictions_{cause}", int((causes == i).sum()))
    arrears = causes == CAUSES.index("arrears")
    m.outcomes.add("evictions_arrears_corporation", int((arrears & ~private).sum()))
    m.outcomes.add("evictions_arrears_helped", int((arrears & (hh.help_since[slots] >= 0)).sum()))
    m.outcomes.add("evictions_private", int(private.sum()))
    m.outcomes.add("evictions_corporation", int((~private).sum()))
    m.outcomes.add("evictions_with_children", int((children > 0).sum()))
    m.outcomes.add("evictions_single_parent", int((hh.composition[slots] == SINGLE_PARENT).sum()))
    m.outcomes.add("evictions_large_family", int((children >= 3).sum()))
    m.outcomes.add("evictions_on_benefits", int(hh.on_benefits[slots].sum()))
    m.outcomes.add("children_evicted", int(children.sum(dtype=np.int64)))
    munis, local = hh.municipality[slots], m.by_municipality
    local.add(t, "evictions", munis)
    local.add(t, "evictions_with_children", munis[children > 0])
    local.add(t, "children_evicted", np.repeat(munis, children))
    costs = m.context.costs
    m.outcomes.add_cost(Item.EVICTION_CORPORATION, int((~private).sum()) * costs.eviction_landlord_eur)
    m.outcomes.add_cost(Item.EVICTION_PRIVATE, int(private.sum()) * costs.eviction_landlord_eur)
    m.outcomes.add_cost(Item.STORAGE, slots.size * costs.storage_eur)


def count_first_places(m: World, reg: Register, rows: np.ndarray, aid: np.ndarray) -> None:
    """Flows counted at the eviction itself: legal aid, children heard."""
    family = reg.children(rows) > 0
    m.outcomes.add("evictions_with_legal_aid", int(aid.sum()))
    m.outcomes.add("family_evictions_in_view", int((family & reg.in_view[rows]).sum()))
    m.outcomes.add("family_evictions_children_heard", int((family & reg.heard[rows]).sum()))


def follow_up(m: World, reg: Register, t: int) -> None:
    """Record the year after each eviction that reached twelve months this month."""
    rows = reg.rows()
    record_follow_up(m, reg, t, rows[reg.evicted_at[rows] == t - 12])


def record_follow_up(m: World, reg: Register, t: int, rows: np.ndarray) -> None:
    """The cohort tallies of evicted households whose follow-up ends now (marked done)."""
    rows = rows[(reg.evicted_at[rows] >= 0) & ~reg.followed_up[rows]]
    if rows.size == 0:
        return
    reg.followed_up[rows] = True
    has_child = reg.child_place[rows] != NO_CHILD
    family = has_child.any(axis=1)
    separated = (reg.child_separated[rows] & has_child).sum(axis=1)
    add = m.outcomes.add
    add("cohort_evictions", rows.size)
    add("cohort_evictions_homeless", int((reg.ever_homeless[rows] | (separated > 0)).sum()))
    add("cohort_family_evictions", int(family.sum()))
    add("cohort_family_evictions_in_view", int((family & reg.in_view[rows]).sum()))
    add("cohort_family_evictions_heard", int((family & reg.heard[rows]).sum()))
    add("cohort_children", int(has_child.sum()))
    add("cohort_children_separated", int(separated.sum()))
    changed_school = (reg.child_changes[rows] > 0) & has_child & reg.child_school[rows]
    add("cohort_children_school_change", int(changed_school.sum()))
    add("cohort_school_children", int((has_child & reg.child_school[rows]).sum()))
    add("cohort_child_moves", int((reg.child_moves[rows] * has_child).sum()))
    _record_follow_up_locally(m, t, reg.municipality[rows], family, separated > 0, reg.in_view[rows],
                              reg.ever_homeless[rows] | (separated > 0))


def _record_follow_up_locally(m: World, t: int, munis: np.ndarray, family: np.ndarray, separated: np.ndarray,
                              in_view: np.ndarray, homeless: np.ndarray) -> None:
    local = m.by_municipality
    local.add(t, "cohort_evictions", munis)
    local.add(t, "cohort_evictions_homeless", munis[homeless])
    local.add(t, "cohort_family_evictions", munis[family])
    local.add(t, "cohort_family_evictions_separated", munis[family & separated])
    local.add(t, "cohort_family_evictions_in_view", munis[family & in_view])


def move_back_in(m: World, t: int, reg: Register, rows: np.ndarray, slots: np.ndarray) -> None:
    """Displaced households (register `rows`) get vacant dwellings (`slots`): new tenancies without
    their old arrears."""
    hh = m.households
    hh.hid[slots] = reg.hid[rows]
    hh.moved_in[slots] = t
    for name in ("composition", "adults", "earnings"):
        getattr(hh, name)[slots] = getattr(reg, name)[rows]
    hh.children[slots] = reg.children(rows)
    hh.school_children[slots] = (reg.child_school[rows] & (reg.child_place[rows] != NO_CHILD)).sum(axis=1)
    m.tenants.settle(slots)
    hh.followed[slots] = [m.journeys.is_logged(hid) for hid in reg.hid[rows].tolist()]


def account(m: World, reg: Register, t: int, rows: np.ndarray) -> None:
    """This month's costs of places and care, and disrupted school months."""
    costs, out = m.context.costs, m.outcomes
    for place in m.place_list:  # about 1,150 places nationally, most of them empty or without capacity
        eur = place.monthly_cost()
        if eur:
            out.add_cost(place.item, eur)
        if place.other_capacity:
            out.add_cost(Item.FAMILY_SHELTER_OTHER, place.other_families_cost())
    place = reg.place[rows]
    _account_homeless(m, reg.adults[rows], place)
    supervised = reg.children(rows[reg.supervised_until[rows] > t], WITH_PARENTS).sum()
    out.add_cost(Item.SUPERVISION, costs.supervision_child_month_eur * float(supervised))
    residential = reg.children(rows, RESIDENTIAL).sum()
    out.add_cost(Item.RESIDENTIAL_CARE, costs.residential_child_month_eur * float(residential))
    children = reg.child_place[rows]
    unstable = among(place, HOMELESS)[:, None]
    disrupted = reg.child_school[rows] & (among(children, AWAY) | ((children == WITH_PARENTS) & unstable))
    out.add("school_months_disrupted", int(disrupted.sum()))


# Where homeless adults are, by the group whose public costs they bear (costs.HOMELESS_GROUPS).
HOMELESS_PLACES = {"street": (ROUGH, NIGHT_SHELTER), "residential": (FAMILY_SHELTER, EMERGENCY),
                   "hidden": (HIDDEN, BETWEEN), "doubled_up": (DOUBLED_UP,)}


def _account_homeless(m: World, adults: np.ndarray, place: np.ndarray) -> None:
    """The month's public costs of homeless adults besides their place (care, police, justice), by
    where they are, shared between health insurers and the national government."""
    costs, out = m.context.costs, m.outcomes
    care = costs.homeless_care_share
    for group, places in HOMELESS_PLACES.items():
        eur = float(adults[among(place, places)].sum()) * getattr(costs, HOMELESS_GROUPS[group][0])
        out.add_cost(Item(f"homeless_{group}_care"), care * eur)
        out.add_cost(Item(f"homeless_{group}_public"), (1 - care) * eur)


def mean_months(months: np.ndarray) -> float:
    """The mean of a number of months (0 when there are none)."""
    return float(months.mean()) if months.size else 0.0


def census(m: World, reg: Register, t: int) -> dict[str, float]:
    """Where displaced households, their adults and their children are now."""
    rows = reg.rows()
    place = reg.place[rows]
    unhoused = place != HOUSED
    homeless = among(place, HOMELESS)
    count: dict[str, float] = {f"households_{name}": int((place == code).sum())
             for code, name in enumerate(PLACES) if name not in ("between", "housed")}
    with_parents = reg.children(rows, WITH_PARENTS)
    away = {name: int(reg.children(rows, code).sum())
            for name, code in (("children_relatives", RELATIVES), ("children_foster", FOSTER),
                               ("children_residential", RESIDENTIAL))}
    count.update(away)
    count.update({
        "displaced_households": int(unhoused.sum()),
        "homeless_households": int(homeless.sum()),
        "homeless_adults": int(reg.adults[rows][homeless].sum()),
        "homeless_children": int(with_parents[homeless].sum()),
        "homeless_families": int((homeless & (with_parents > 0)).sum()),
        "homeless_families_months": mean_months(t - reg.since[rows][homeless & (with_parents > 0)]),
        "children_alternative": int(with_parents[place == ALTERNATIVE].sum()),
        "children_under_supervision": int(with_parents[reg.supervised_until[rows] > t].sum()),
        "children_of_displaced": int(reg.children(rows[unhoused]).sum()),
        "children_of_displaced_with_parent": int(with_parents[unhoused].sum()),
    })
    away_from_home = int(with_parents[unhoused].sum()) + sum(away.values())
    count["children_home"] = m.tenants.children_in_model - away_from_home
    count["children_separated_now"] = sum(away.values())
    count["children_placed"] = away["children_foster"] + away["children_residential"]
    return count
