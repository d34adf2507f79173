"""Unit costs in a social cost-benefit analysis: what each booked cost item is worth at other
unit costs than the run's.

Every cost item is proportional to the unit costs it names (sim/pathway/costs.py, `prices`), so
an item booked at the declared defaults is re-priced by multiplying it by each unit cost's ratio
to its default (for a share named "1-x", by (1 - x) / (1 - default)). Unit costs change nothing a
household does, so drawing them afterwards gives the same answer as running with them, and leaves
the simulation's own posterior draws (sim/experiments/draws.py) and the calibrated baseline alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..parameters.base import describe
from ..parameters.costs import Costs
from ..pathway.costs import ITEMS
from .draws import Prior

PRICE_STREAM = 0xC05B  # the unit-cost draws' own random stream, apart from the parameter draws


def unit_costs() -> dict[str, dict[str, Any]]:
    """The declared unit costs by field name: default, unit, source, price year and prior."""
    return {row["name"]: row for row in describe(Costs)}


def priced() -> dict[str, Prior]:
    """The unit costs with a prior range, by field name (the ones an MKBA draws and varies)."""
    return {name: Prior(name, float(row["prior"][0]), float(row["prior"][1]))
            for name, row in unit_costs().items() if row["prior"]}


def factors(values: dict[str, float]) -> np.ndarray:
    """Each item's multiplier (in ITEMS order) when the unit costs in `values` replace their defaults."""
    defaults = {name: float(row["default"]) for name, row in unit_costs().items()}
    return np.array([_item_factor(item.prices, values, defaults) for item in ITEMS.values()])


def _item_factor(prices: tuple[str, ...], values: dict[str, float], defaults: dict[str, float]) -> float:
    factor = 1.0
    for price in prices:
        name = price.removeprefix("1-")
        if name not in values or defaults[name] == 0:
            continue
        if price.startswith("1-"):
            factor *= (1 - values[name]) / (1 - defaults[name]) if defaults[name] != 1 else 1.0
        else:
            factor *= values[name] / defaults[name]
    return factor


def drawn_factors(draws: int, seed: int) -> tuple[np.ndarray, list[dict[str, float]]]:
    """Item multipliers [draw, item] for `draws` joint draws of the unit costs from their priors
    (one draw: the defaults), and the drawn values."""
    if draws < 2:
        return factors({})[None, :], [{}]
    rng = np.random.default_rng(np.random.SeedSequence([seed, PRICE_STREAM]))
    drawn = {name: prior.draw(rng, draws) for name, prior in priced().items()}
    values = [{name: float(v[d]) for name, v in drawn.items()} for d in range(draws)]
    return np.stack([factors(v) for v in values]), values
