"""Local variation: each municipality's own policy and practice.

Policy: a municipality's levers are the national ones with its type's and its own local levers on
top (scenario.policy_for; which levers are local is marked in parameters/policy.py). Pathway code
reads a local lever per household with `lever("group.name", municipalities)`, which gives one value
when every municipality has the same (then the run is exactly what it was with one policy).

Practice: municipalities apply the same rules differently [KV12][NOS19]: how far their outreach
reaches, how many accept its offer, whether they offer evicted families alternative housing. Each
municipality's practice is part of its profile (population.Profile, drawn for the generated country
in sim.country); `policy.practice.same_everywhere` makes every municipality act at the national
average instead.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ScenarioError
from ..limits import clip
from .population import PROFILES

if TYPE_CHECKING:
    from ..parameters import Policy
    from ..scenario import Scenario
    from .population import Profile

PRACTICES = ("outreach_practice", "acceptance_practice", "alternative_offer_practice")
TYPES = (*PROFILES, "custom")  # the municipality types a scenario may name


class LocalPolicies:
    """The policies of the municipalities, by index, and per-household lookups of local levers."""

    def __init__(self, scenario: Scenario, profiles: list[Profile]) -> None:
        _check_names(scenario, profiles)
        self.policies: list[Policy] = [scenario.policy_for(p.kind, p.name) for p in profiles]
        self.same_everywhere = all(p is scenario.policy for p in self.policies)
        self._values: dict[str, Any] = {}   # lever -> one value, or one per municipality
        self._anywhere: dict[str, bool] = {}
        same_practice = scenario.policy.practice.same_everywhere
        self.practice = {name: np.array([1.0 if same_practice else getattr(p, name) for p in profiles])
                         for name in PRACTICES}

    def of(self, municipality: int) -> Policy:
        return self.policies[municipality]

    def anywhere(self, dotted: str) -> bool:
        """Whether any municipality has the switch `dotted` on."""
        if dotted not in self._anywhere:
            self._anywhere[dotted] = any(attrgetter(dotted)(p) for p in self.policies)
        return self._anywhere[dotted]

    def lever(self, dotted: str, municipalities: np.ndarray) -> Any:
        """The lever `dotted` ("group.name") for each of `municipalities`; a single value when all
        municipalities have the same."""
        if self.same_everywhere:
            return attrgetter(dotted)(self.policies[0])
        values = self._values.get(dotted)
        if values is None:
            values = np.array([attrgetter(dotted)(p) for p in self.policies])
            values = values[0].item() if (values == values[0]).all() else values
            self._values[dotted] = values
        return values[municipalities] if isinstance(values, np.ndarray) else values


def _check_names(scenario: Scenario, profiles: list[Profile]) -> None:
    """Every municipality name a scenario sets levers for is in the population (types may be absent:
    a scenario for the whole country also runs on one town)."""
    known = {p.name for p in profiles} | {p.kind for p in profiles} | set(TYPES)
    unknown = [key for key in scenario.local if key not in known]
    if unknown:
        from ..scenario import suggest

        names = sorted({p.name for p in profiles})
        listed = ", ".join(names[:10]) + (f" and {len(names) - 10:,} more" if len(names) > 10 else "")
        raise ScenarioError(f"{scenario.name}: municipality.{clip(str(unknown[0]), 100)}: no municipality or type "
                            f"of that name in this population{suggest(unknown[0], names)}; types: {', '.join(TYPES)}; "
                            f"municipalities: {listed}")
