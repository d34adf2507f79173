"""The moratorium: in its months, no executions (and, if it says so, no summonses) for the
households it protects: all or families; tenants of all landlords, of corporations or of private
landlords. The bailiff holds executions (bailiff.py); landlords hold summonses (landlords.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .world import World


def covers(world: World, t: int, ids: np.ndarray) -> np.ndarray:
    """Which of `ids` a moratorium protects in simulation month `t` (policy timings are report months)."""
    mor = world.policy.moratorium
    report = t - world.warmup
    in_period = mor.from_month <= report <= mor.to_month
    if mor.scope == "none" or not in_period or (mor.calendar_months and (report % 12) + 1 not in mor.calendar_months):
        return np.zeros(ids.size, bool)
    hh = world.households
    covered = hh.families(ids) if mor.scope == "families" else np.ones(ids.size, bool)
    if mor.landlords != "all":
        covered &= hh.private[ids] == (mor.landlords == "private")
    return covered


def summonses_paused(world: World, t: int, ids: np.ndarray) -> np.ndarray:
    """Which of `ids` landlords may not summon now (a moratorium that pauses summonses)."""
    if not world.policy.moratorium.pause_summonses:
        return np.zeros(ids.size, bool)
    return covers(world, t, ids)
