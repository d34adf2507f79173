"""Phase 5: root causes other than arrears.

Nuisance (overlast): warnings and mediation resolve most cases; the rest go to court. There is
no early signal for nuisance in the baseline; a lever extends signalling to it, after which
municipal care doubles the chance of resolution and halves escalation (assumption).
Drugs (Opiumwet art. 13b): the mayor closes the dwelling without a court, and the landlord then
dissolves the lease, almost always executed [AE12]. Under a child-rights test a closure of a
family home may become a warning instead [DAM2].
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .households import NOBODY

if TYPE_CHECKING:
    from .model import EvictionModel

MIN_MONTHS_BEFORE_COURT = 3  # assumption: warnings and mediation take a few months


class RootCauses:
    """Nuisance cases and drug-related closures."""

    def __init__(self, model: "EvictionModel") -> None:
        self.model = model
        self.onset_rng = model.streams.generator("nuisance_onset")
        self.closure_rng = model.streams.generator("drug_closure")

    def _pick(self, rng: np.random.Generator, rate: float) -> np.ndarray:
        """State-independent random households (common random numbers across policies)."""
        n = self.model.households.size
        return np.unique(rng.integers(0, n, rng.binomial(n, rate)))

    def _eligible(self, ids: np.ndarray) -> np.ndarray:
        hh = self.model.households
        return ids[hh.housed[ids] & ~hh.in_court[ids]]

    def step(self, t: int) -> None:
        nz = self.model.context.nuisance
        self._start_nuisance(t, self._eligible(self._pick(self.onset_rng, nz.onset_per_month)))
        self._progress_nuisance(t)
        self._close_for_drugs(t, self._eligible(self._pick(self.closure_rng, nz.drug_closure_per_month)))

    def _start_nuisance(self, t: int, ids: np.ndarray) -> None:
        m = self.model
        ids = ids[m.households.nuisance_since[ids] == NOBODY]
        m.households.nuisance_since[ids] = t
        m.outcomes.add("nuisance_cases", ids.size)
        m.journeys.log_many("nuisance", t, ids)
        if m.policy.early_signalling.enabled and m.policy.early_signalling.include_nuisance:
            m.outcomes.add("signals_nuisance", ids.size)
            m.early_help.receive_signals(t, ids)

    def _progress_nuisance(self, t: int) -> None:
        m = self.model
        hh, nz = m.households, m.context.nuisance
        active = np.flatnonzero(hh.nuisance_since >= 0)
        active = active[hh.housed[active]]
        cared = hh.in_help(t, active)
        resolve = np.where(cared, min(1.0, 2 * nz.resolve_per_month), nz.resolve_per_month)
        resolved = m.streams.draws("nuisance_resolved", t, active) < resolve
        hh.nuisance_since[active[resolved]] = NOBODY
        m.outcomes.add("nuisance_resolved", int(resolved.sum()))
        rest = active[~resolved]
        ripe = rest[(t - hh.nuisance_since[rest] >= MIN_MONTHS_BEFORE_COURT) & ~hh.in_court[rest]]
        escalate = np.where(hh.in_help(t, ripe), nz.escalate_per_month / 2, nz.escalate_per_month)
        to_court = ripe[m.streams.draws("nuisance_escalates", t, ripe) < escalate]
        hh.nuisance_since[to_court] = NOBODY
        m.courts.summon(t, to_court, "nuisance")

    def _close_for_drugs(self, t: int, ids: np.ndarray) -> None:
        m = self.model
        crt = m.policy.child_rights_test
        if crt.enabled:
            family = m.households.children[ids] > 0
            warned = family & (m.streams.draws("closure_warning", t, ids) < crt.closure_warning_families)
            m.outcomes.add("closures_warned", int(warned.sum()))
            ids = ids[~warned]
        m.outcomes.add("drug_closures", ids.size)
        m.courts.summon(t, ids, "drugs")
