"""The MKBA's sensitivity table: society's net present value and the net cost per eviction
avoided (means over runs) when one thing changes: the discount rate (0 %, the standard 2.25 %,
4 %), the horizon (one year, the simulated years, twice that), or one unit cost at either end of
its prior range (the others at their defaults)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .cba_prices import factors, priced, unit_costs
from .cba_rows import actor_costs

if TYPE_CHECKING:
    from .cba import Flows

DISCOUNTS = (0.0, 0.0225, 0.04)


def sensitivity_table(flows: Flows, meta: dict[str, Any], horizon: int, discount: float) -> pd.DataFrame:
    """One row per scenario and case; `case` says what changed, `value` to what."""
    defaults = factors({})[None, :]
    cases: list[tuple[str, str, float, int, float, np.ndarray]] = [
        ("central", "", discount, horizon, discount, defaults)]
    cases += [("discount rate", "discount", d, horizon, d, defaults) for d in DISCOUNTS]
    cases += [("horizon (years)", "horizon", h, h, discount, defaults)
              for h in sorted({1, flows.years, 2 * flows.years})]
    for name, prior in priced().items():
        unit = unit_costs()[name]["unit"]
        cases += [(f"{name} ({unit}) at {end}", name, value, horizon, discount, factors({name: value})[None, :])
                  for end, value in (("low", prior.low), ("high", prior.high))]
    return pd.DataFrame([_case(flows, s, meta["baseline"], *case) for s in meta["scenarios"] for case in cases])


def _case(flows: Flows, scenario: str, base: str, case: str, parameter: str, value: float, horizon: int,
          discount: float, prices: np.ndarray) -> dict[str, Any]:
    pv = flows.pv(scenario, base, horizon, discount, prices)
    net_cost = float(actor_costs(pv["costs"])["society"].mean())
    evictions = -float(pv["effects"][:, :, 0].mean())
    return {"scenario": scenario, "case": case, "parameter": parameter, "value": value, "horizon_years": horizon,
            "discount": discount, "npv_society": -net_cost,
            "net_cost_per_eviction_avoided": net_cost / evictions if evictions > 0 else np.nan}
