"""Root causes other than arrears: nuisance, drugs and lease breaches.

Nuisance (overlast): warnings and mediation resolve most cases; the rest go to court. There is
no early signal for nuisance in the baseline; a lever extends signalling to it, after which
municipal care doubles the chance of resolution and halves escalation (assumption).
Drugs (Opiumwet art. 13b): the mayor closes the dwelling without a court, and the landlord then
dissolves the lease, almost always executed [AE12]. Under a child-rights test a closure of a
family home may become a warning instead [DAM2].
Lease breaches (subletting, other woonfraude): the landlord goes to court; these verdicts are
almost always executed [AE12]. No prevention lever acts on them.

New nuisance cases may be signalled (`new_nuisance` returns the signals); the cases that go to
court are returned by cause (`to_court`); EvictionModel.step hands both on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .households import NEVER
from .idsets import pick, union

if TYPE_CHECKING:
    from .world import World

MIN_MONTHS_BEFORE_COURT = 3  # assumption: warnings and mediation take a few months


class RootCauses:
    """Nuisance cases, drug-related closures and lease breaches."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = {name: world.streams.generator(f"onset_{name}") for name in ("nuisance", "drugs", "lease_breach")}
        self.nuisance = np.empty(0, np.int64)  # dwellings whose household had a nuisance case open (some no longer)

    def _pick(self, name: str, rate: float) -> np.ndarray:
        """Dwellings picked at random with chance `rate`, independent of anybody's state."""
        return pick(self.rng[name], self.world.households.size, rate)

    def _eligible(self, t: int, ids: np.ndarray, name: str, summoned: tuple[np.ndarray, ...] = ()) -> np.ndarray:
        """Occupied dwellings without a court case (none open, none among this month's `summoned`
        for another cause); families less often (context.root_causes.family_factor)."""
        m = self.world
        hh = m.households
        free = hh.occupied[ids] & (hh.case_stage[ids] == 0)
        for other in summoned:
            free &= ~np.isin(ids, other)
        ids = ids[free]
        factor = min(1.0, m.context.root_causes.family_factor)
        keep = ~hh.families(ids) | (m.streams.draws(f"{name}_family", t, hh.hid[ids]) < factor)
        return ids[keep]

    def new_nuisance(self, t: int) -> np.ndarray:
        """New nuisance cases start; returns the households signalled to the municipality (none
        unless signalling covers nuisance)."""
        m = self.world
        rc, es = m.context.root_causes, m.policy.early_signalling
        ids = self._eligible(t, self._pick("nuisance", rc.nuisance_per_month), "nuisance")
        ids = ids[m.households.nuisance_since[ids] == NEVER]
        m.households.nuisance_since[ids] = t
        self.nuisance = union(self.nuisance, ids)
        m.outcomes.add("nuisance_cases", ids.size)
        m.journeys.log_many("nuisance", t, ids)
        if not (es.enabled and es.include_nuisance):
            return ids[:0]
        m.outcomes.add("signals_nuisance", ids.size)
        return ids

    def to_court(self, t: int) -> dict[str, np.ndarray]:
        """Nuisance cases that escalate, drug closures and lease breaches: the households summoned,
        by cause (at most one case each)."""
        rc = self.world.context.root_causes
        nuisance = self._progress_nuisance(t)
        drugs = self._close_for_drugs(t, self._eligible(t, self._pick("drugs", rc.drug_closure_per_month), "drugs",
                                                        (nuisance,)))
        breaches = self._eligible(t, self._pick("lease_breach", rc.lease_breach_per_month), "lease_breach",
                                  (nuisance, drugs))
        self.world.outcomes.add("lease_breach_cases", breaches.size)
        return {"nuisance": nuisance, "drugs": drugs, "lease_breach": breaches}

    def _progress_nuisance(self, t: int) -> np.ndarray:
        m = self.world
        hh, rc = m.households, m.context.root_causes
        self.nuisance = active = self.nuisance[hh.nuisance_since[self.nuisance] >= 0]  # open cases, in order
        active = active[hh.occupied[active]]
        cared = hh.in_help(t, active)
        resolve = np.where(cared, min(1.0, 2 * rc.nuisance_resolve_per_month), rc.nuisance_resolve_per_month)
        resolved = m.streams.draws("nuisance_resolved", t, hh.hid[active]) < resolve
        hh.nuisance_since[active[resolved]] = NEVER
        m.outcomes.add("nuisance_resolved", int(resolved.sum()))
        rest = active[~resolved]
        ripe = rest[(t - hh.nuisance_since[rest] >= MIN_MONTHS_BEFORE_COURT) & (hh.case_stage[rest] == 0)]
        escalate = np.where(hh.in_help(t, ripe), rc.nuisance_escalate_per_month / 2, rc.nuisance_escalate_per_month)
        to_court = ripe[m.streams.draws("nuisance_escalates", t, hh.hid[ripe]) < escalate]
        hh.nuisance_since[to_court] = NEVER
        return to_court

    def _close_for_drugs(self, t: int, ids: np.ndarray) -> np.ndarray:
        m = self.world
        crt = m.policy.child_rights_test
        if crt.enabled:
            family = m.households.children[ids] > 0
            draws = m.streams.draws("closure_warning", t, m.households.hid[ids])
            warned = family & (draws < crt.closure_warning_families)
            m.outcomes.add("closures_warned", int(warned.sum()))
            ids = ids[~warned]
        m.outcomes.add("drug_closures", ids.size)
        return ids
