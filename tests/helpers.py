"""Shared helpers for the model tests: small populations, paired runs, invariant checks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim import load_scenario, run
from sim.pathway.displaced import AWAY, HOUSED, NO_CHILD
from sim.pathway.model import EvictionModel
from sim.runner import yearly_by_replication
from sim.scenario import resolve_population

BASE = load_scenario("baseline")
# More trouble than the baseline, so that every stage of a small town sees enough cases.
# The bailiffs get ample capacity, so that evictions are not pinned at it; youth protection steps
# in sooner for families living hidden, so that the few family evictions of a small town separate
# some children.
TROUBLE = {"shocks": {"job_loss_per_month": 0.02}, "rent_payment": {"miss_scale": 0.4},
           "landlords": {"summons_family_factor": 1.0}, "bailiff": {"capacity_per_10k_per_month": 20.0},
           "youth_protection": {"decision_per_month_hidden": 0.05}}


def scenario(changes: dict | None = None, name: str = "test"):
    return BASE.override(changes or {}, name)


def yearly(changes: dict | None, population="20000", months=36, replications=3, seed=11, warmup=24,
           context: dict | None = None) -> pd.DataFrame:
    """Yearly outcomes per replication for the baseline with `changes` (and shared context changes)."""
    sc = scenario({"context": context or {}})
    if changes:
        sc = sc.override(changes)
    result = run(sc, population=population, months=months, replications=replications, seed=seed, warmup=warmup)
    return yearly_by_replication(result.monthly)


def paired(changes: dict, **kw) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(baseline, policy) yearly outcomes on the same seeds."""
    return yearly(None, **kw), yearly(changes, **kw)


def model(changes: dict | None = None, population="5000", months=48, seed=3, warmup=0, journeys=0) -> EvictionModel:
    return EvictionModel(scenario(changes), resolve_population(population), months, seed, warmup, journeys)


def children_by_full_count(m: EvictionModel) -> tuple[int, int]:
    """(children at home, children the model follows), counted from the arrays and the register
    independently of the monthly census."""
    hh, reg = m.world.households, m.world.register
    rows = reg.rows()
    housed, away = rows[reg.place[rows] == HOUSED], rows[reg.place[rows] != HOUSED]
    in_homes = int(hh.children[hh.occupied].sum(dtype=np.int64))
    separated_of_housed = int(np.isin(reg.child_place[housed], AWAY).sum())
    of_displaced = int((reg.child_place[away] != NO_CHILD).sum())
    return in_homes - separated_of_housed, in_homes + of_displaced
