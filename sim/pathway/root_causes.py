"""Phase 5: root causes other than arrears.

Nuisance (overlast): warnings and mediation resolve most cases; the rest go to court. There is
no early signal for nuisance in the baseline; a lever extends signalling to it, after which
municipal care doubles the chance of resolution and halves escalation (assumption).
Drugs (Opiumwet art. 13b): the mayor closes the dwelling without a court, and the landlord then
dissolves the lease, almost always executed [AE12]. Under a child-rights test a closure of a
family home may become a warning instead [DAM2].
Lease breaches (subletting, other woonfraude): the landlord goes to court; these verdicts are
almost always executed [AE12]. No prevention lever acts on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .households import NEVER
from .idsets import pick

if TYPE_CHECKING:
    from .model import EvictionModel

MIN_MONTHS_BEFORE_COURT = 3  # assumption: warnings and mediation take a few months


class RootCauses:
    """Nuisance cases, drug-related closures and lease breaches."""

    def __init__(self, model: EvictionModel) -> None:
        self.model = model
        self.rng = {name: model.streams.generator(f"onset_{name}") for name in ("nuisance", "drugs", "lease_breach")}

    def _pick(self, name: str, rate: float) -> np.ndarray:
        """Dwellings picked at random with chance `rate`, independent of anybody's state."""
        return pick(self.rng[name], self.model.households.size, rate)

    def _eligible(self, t: int, ids: np.ndarray, name: str) -> np.ndarray:
        """Occupied dwellings without a court case; families less often (context.root_causes.family_factor)."""
        m = self.model
        hh = m.households
        ids = ids[hh.occupied[ids] & (hh.case_stage[ids] == 0)]
        factor = min(1.0, m.context.root_causes.family_factor)
        keep = ~hh.families(ids) | (m.streams.draws(f"{name}_family", t, hh.hid[ids]) < factor)
        return ids[keep]

    def step(self, t: int) -> None:
        rc = self.model.context.root_causes
        self._start_nuisance(t, self._eligible(t, self._pick("nuisance", rc.nuisance_per_month), "nuisance"))
        self._progress_nuisance(t)
        self._close_for_drugs(t, self._eligible(t, self._pick("drugs", rc.drug_closure_per_month), "drugs"))
        breaches = self._eligible(t, self._pick("lease_breach", rc.lease_breach_per_month), "lease_breach")
        self.model.outcomes.add("lease_breach_cases", breaches.size)
        self.model.courts.summon(t, breaches, "lease_breach")

    def _start_nuisance(self, t: int, ids: np.ndarray) -> None:
        m = self.model
        ids = ids[m.households.nuisance_since[ids] == NEVER]
        m.households.nuisance_since[ids] = t
        m.outcomes.add("nuisance_cases", ids.size)
        m.journeys.log_many("nuisance", t, ids)
        if m.policy.early_signalling.enabled and m.policy.early_signalling.include_nuisance:
            m.outcomes.add("signals_nuisance", ids.size)
            m.early_help.receive_signals(t, ids)

    def _progress_nuisance(self, t: int) -> None:
        m = self.model
        hh, rc = m.households, m.context.root_causes
        active = np.flatnonzero(hh.nuisance_since >= 0)
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
        m.courts.summon(t, to_court, "nuisance")

    def _close_for_drugs(self, t: int, ids: np.ndarray) -> None:
        m = self.model
        crt = m.policy.child_rights_test
        if crt.enabled:
            family = m.households.children[ids] > 0
            warned = family & (m.streams.draws("closure_warning", t, m.households.hid[ids]) < crt.closure_warning_families)
            m.outcomes.add("closures_warned", int(warned.sum()))
            ids = ids[~warned]
        m.outcomes.add("drug_closures", ids.size)
        m.courts.summon(t, ids, "drugs")
