"""Phase 8: what an eviction is, in the numbers, and how a displaced household moves back in.

An executed eviction (or a tenant leaving before the bailiff) ends the tenancy and any arrears
spell: the debt leaves with the household. Here evictions are counted by cause, landlord and
household type, the landlord's cost is booked, and the rights scorecard's flows are recorded
(evictions into homelessness, family evictions without alternative housing, with children
heard, with legal aid). `move_back_in` puts a rehoused household into a vacant dwelling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .displaced import ALTERNATIVE, HOMELESS, NO_CHILD, WITH_PARENTS, Register
from .idsets import union
from .outcomes import CAUSES

if TYPE_CHECKING:
    from .model import EvictionModel


def count_departures(m: "EvictionModel", slots: np.ndarray, causes: np.ndarray, executed: bool) -> None:
    """Count evictions (or departures before the bailiff) of the households in `slots`."""
    hh = m.households
    owing = slots[hh.arrears[slots] > 0]
    m.outcomes.add("arrears_ended_departure", owing.size)
    m.outcomes.add("arrears_left_eur", float(hh.arrears[owing].sum(dtype=np.float64)))
    if not executed:
        m.outcomes.add("left_before_execution", slots.size)
        return
    children = hh.children[slots]
    private = hh.private[slots]
    m.outcomes.add("evictions", slots.size)
    for i, cause in enumerate(CAUSES):
        m.outcomes.add(f"evictions_{cause}", int((causes == i).sum()))
    m.outcomes.add("evictions_arrears_corporation", int(((causes == CAUSES.index("arrears")) & ~private).sum()))
    m.outcomes.add("evictions_private", int(private.sum()))
    m.outcomes.add("evictions_corporation", int((~private).sum()))
    m.outcomes.add("evictions_with_children", int((children > 0).sum()))
    m.outcomes.add("children_evicted", int(children.sum(dtype=np.int64)))
    m.outcomes.add_cost("landlord", slots.size * m.context.costs.eviction_landlord_eur)


def count_rights(m: "EvictionModel", t: int, reg: Register, rows: np.ndarray, aid: np.ndarray) -> None:
    """The rights scorecard's flows for evicted households, once they found their first place."""
    places = reg.child_place[rows]
    separated = ((places != WITH_PARENTS) & (places != NO_CHILD)).any(axis=1)
    homeless = np.isin(reg.place[rows], HOMELESS) | separated
    family = (places != NO_CHILD).any(axis=1)
    m.outcomes.add("evictions_into_homelessness", int(homeless.sum()))
    m.outcomes.add("evictions_with_legal_aid", int(aid.sum()))
    m.outcomes.add("family_evictions_without_alternative", int((family & (reg.place[rows] != ALTERNATIVE)).sum()))
    heard = m.streams.draws("children_heard", t, reg.hid[rows]) < m.policy.consultation.children_heard
    m.outcomes.add("family_evictions_children_heard", int((family & heard).sum()))


def move_back_in(m: "EvictionModel", t: int, reg: Register, rows: np.ndarray, slots: np.ndarray) -> None:
    """Displaced households (register `rows`) get vacant dwellings (`slots`): new tenancies without
    their old arrears. A second-chance contract comes with budget coaching for the length of a
    debt-help case."""
    hh = m.households
    hh.hid[slots] = reg.hid[rows]
    hh.moved_in[slots] = t
    for name in ("composition", "adults", "earnings"):
        getattr(hh, name)[slots] = getattr(reg, name)[rows]
    hh.children[slots] = reg.children(rows)
    hh.school_children[slots] = reg.child_school[rows].sum(axis=1)
    m.tenants.settle(slots)
    hh.followed[slots] = [m.journeys.is_logged(hid) for hid in reg.hid[rows].tolist()]
    if m.policy.rehousing.second_chance_contracts and slots.size:
        hh.help_since[slots] = t
        hh.help_until[slots] = t + m.policy.debt_help.duration_months
        m.early_help.helped = union(m.early_help.helped, slots)
        m.outcomes.add("debt_help_started", slots.size)
        m.outcomes.add_cost("municipality", slots.size * m.context.costs.debt_help_eur)
