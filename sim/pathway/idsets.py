"""Sets of household indices as sorted NumPy arrays.

`np.unique` and `np.union1d` hash their input in this NumPy version, which is an order of
magnitude slower than sorting for the arrays of indices the phases pass around each month
(10^3-10^5 of them). These do the same by sorting.

Most of those arrays are a few sorted runs put end to end (last month's set and this month's
additions). NumPy's default sort does not notice runs: on 300,000 sorted indices followed by a few
short runs it takes 21 ms, its stable sort (timsort, which merges runs) 0.4 ms. Random indices are
the other way round (1 ms against 2.3 ms for 30,000), so `pick` sorts them with the default.
Integers sort to the same array either way: the choice changes speed only.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def distinct(ids: np.ndarray, runs: bool = True) -> np.ndarray:
    """The distinct values of `ids`, sorted. `runs`: `ids` is mostly sorted runs end to end (see
    the module's docstring); False for values in random order."""
    if ids.size < 2:
        return np.asarray(ids, dtype=np.int64)
    ids = np.sort(ids, kind="stable" if runs else None)
    keep = np.empty(ids.size, bool)
    keep[0] = True
    np.not_equal(ids[1:], ids[:-1], out=keep[1:])
    return ids[keep]


def subset(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """`ids[mask]`, for the long arrays of households the monthly phases filter (10^5-10^6 of
    them): NumPy's boolean indexing takes about six times as long as finding the positions first
    when the mask keeps neither few nor nearly all (half a million households, half of them kept:
    2 ms against 0.3 ms)."""
    return ids[np.flatnonzero(mask)]


def positions(ids: np.ndarray, mask: np.ndarray, *tests: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """The positions in `ids` where `mask` and every test hold, in order. Each test gets the ids
    still in and returns a mask over them; it is evaluated only where the ones before it held. Each
    test gathers from the national arrays, at about the cost of one pass over them per 300,000 ids,
    so a chain that narrows fast (the rarest condition first) costs a fraction of testing them all."""
    kept = np.flatnonzero(mask)
    for test in tests:
        kept = kept[np.flatnonzero(test(ids[kept]))]
    return kept


def union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The distinct values of `a` and `b` together, sorted."""
    return distinct(np.concatenate([np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)]))


def pick(rng: np.random.Generator, n: int, rate: float) -> np.ndarray:
    """Indices 0..n-1 picked at random, each with chance about `rate`, from `rng` alone: the
    picks do not depend on anybody's state (common random numbers across policies). Sorted as
    32-bit integers where n allows, which takes half as long (the same values, the same draws)."""
    drawn = rng.integers(0, n, rng.binomial(n, min(1.0, rate)))
    if n <= np.iinfo(np.int32).max:
        drawn = drawn.astype(np.int32)
    return distinct(drawn, runs=False).astype(np.int64, copy=False)


def first_of_each(groups: np.ndarray, take: np.ndarray) -> np.ndarray:
    """For items in priority order labelled by `groups` (e.g. municipality indices), the positions
    of the first take[g] items of each group g: group by group (ascending), in priority order
    within a group. It is what a loop over the groups taking each group's first items gives."""
    order = np.argsort(groups, kind="stable")
    labels = groups[order]
    rank = np.arange(labels.size) - np.searchsorted(labels, labels, side="left")
    return order[rank < take[labels]]


def within_budget(groups: np.ndarray, amounts: np.ndarray, credit: np.ndarray) -> np.ndarray:
    """Positions of the entries (in order, each of a group with an amount) that each group's
    `credit` (EUR) pays for: an entry is paid if its group's running total up to it stays within the
    credit. The credit used is subtracted in place."""
    order = np.argsort(groups, kind="stable")
    sorted_groups, sorted_amounts = groups[order], amounts[order]
    running = np.cumsum(sorted_amounts)
    start = np.searchsorted(sorted_groups, sorted_groups, side="left")
    before = np.concatenate([[0.0], running])[start]  # the group's total before its first entry
    paid = order[running - before <= credit[sorted_groups]]
    np.subtract.at(credit, groups[paid], amounts[paid])
    return np.sort(paid)


def within_capacity(groups: np.ndarray, credit: np.ndarray) -> np.ndarray:
    """`first_of_each` with each group's whole credits (floats, at least 0) as what it can take;
    the credit used is subtracted in place."""
    take = np.minimum(np.bincount(groups, minlength=credit.size), credit.astype(np.int64))
    credit -= take
    return first_of_each(groups, take)
