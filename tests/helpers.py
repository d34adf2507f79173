"""Shared helpers for the model tests: small populations, paired runs, invariant checks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim import load_scenario
from sim.pathway.model import EvictionModel
from sim.scenario import resolve_population
from sim.runner import run, yearly_by_replication

BASE = load_scenario("baseline")


def scenario(changes: dict | None = None, name: str = "test"):
    return BASE.override(changes or {}, name)


def yearly(changes: dict | None, population="20000", months=36, replications=3, seed=11, warmup=12,
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


def children_by_full_count(m: EvictionModel) -> int:
    """Children at home, counted from the arrays and the displaced households independently."""
    hh = m.households
    has_record = np.zeros(hh.size, bool)
    has_record[list(m.displacement.active)] = True
    at_home = int(hh.children[hh.housed & ~has_record].sum(dtype=np.int64))
    return at_home + sum(sum(c.place == "with_parents" for c in a.children)
                         for a in m.displacement.active.values() if a.housed)
