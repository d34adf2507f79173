"""Informal hosting: the relatives and friends who might take in a displaced household.

Each displaced household gets its own small network of ties, drawn from its own numbers when it
loses its home: a Poisson number of ties, each a relative or a friend, willing or not, with room
for so many persons. Hosts are tried relatives first; a tie hosts once, for a limited time, so a
household moves from sofa to sofa until the network is used up. Only displaced households ever
use a network, so a national graph of millions of households is not needed; the ties are kept
as small arrays, one row per displaced household (registered in displaced.py).
"""

from __future__ import annotations

import functools

import numpy as np

MAX_TIES = 12  # P(more than 12 ties) is below 1e-4 for the default mean of 4
# Each tie's kind, willingness and room: a stream per tie and property, drawn in one go
TIE_STREAMS = tuple(f"tie_{what}_{k}" for what in ("kind", "willing", "room") for k in range(MAX_TIES))


def draw_ties(streams, t: int, hids: np.ndarray, mean_ties: float, p_willing: float,
              max_room: int) -> dict[str, np.ndarray]:
    """Ties of each household in `hids`: arrays (households x MAX_TIES) of kind, willingness, room."""
    n_ties = poisson_quantile(streams.draws("network_size", t, hids), mean_ties)
    exists = np.arange(MAX_TIES)[None, :] < np.minimum(n_ties, MAX_TIES)[:, None]
    kind, willing, room = np.hsplit(streams.draws_many(TIE_STREAMS, t, hids), 3)
    ties = {"relative": kind < 0.5, "willing": willing < p_willing,
            "room": 1 + (room * max_room).astype(np.int64)}
    ties["willing"] &= exists
    ties["used"] = ~exists
    return ties


def poisson_quantile(u: np.ndarray, mean: float) -> np.ndarray:
    """The Poisson(mean) quantile of each uniform number (inverse CDF over 0..MAX_TIES)."""
    return np.searchsorted(_poisson_cdf(mean), u, side="right").astype(np.int64)


@functools.cache
def _poisson_cdf(mean: float) -> np.ndarray:
    """The Poisson(mean) CDF over 0..MAX_TIES: the same for every household of a run, so worked out
    once (a dozen NumPy calls each time the displaced arrive)."""
    k = np.arange(MAX_TIES + 1)
    log_pmf = k * np.log(max(mean, 1e-12)) - mean - np.cumsum(np.log(np.maximum(k, 1)))
    cdf = np.cumsum(np.exp(log_pmf))
    cdf.flags.writeable = False
    return cdf


def _candidates(relative: np.ndarray, willing: np.ndarray, used: np.ndarray) -> list[int]:
    """Unused willing ties of one household, relatives first, in a fixed order."""
    relative, willing, used = relative.tolist(), willing.tolist(), used.tolist()  # a dozen ties: lists beat NumPy
    usable = [k for k in range(len(willing)) if willing[k] and not used[k]]
    return [k for k in usable if relative[k]] + [k for k in usable if not relative[k]]


def find_host(relative: np.ndarray, willing: np.ndarray, room: np.ndarray, used: np.ndarray,
              persons: int) -> int | None:
    """Take the first unused willing tie with room for `persons` (marks it used); None if none."""
    for tie in _candidates(relative, willing, used):
        if room[tie] >= persons:
            used[tie] = True
            return tie
    return None


def first_hosts(relative: np.ndarray, willing: np.ndarray, room: np.ndarray, used: np.ndarray,
                persons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`find_host` for many households at once (rows of the tie arrays; nothing is marked used):
    each row's tie that find_host would take, and whether there is one."""
    usable = willing & ~used & (room >= np.asarray(persons, dtype=np.int64)[:, None])
    order = np.where(relative, 0, MAX_TIES) + np.arange(MAX_TIES)[None, :]  # relatives first, in tie order
    tie = np.argmin(np.where(usable, order, 2 * MAX_TIES), axis=1)
    return tie, usable.any(axis=1)


def find_relative_for_children(relative: np.ndarray, willing: np.ndarray, room: np.ndarray,
                               used: np.ndarray, children: int) -> int | None:
    """A relative (only) who can take the children in while the parents cannot keep them."""
    for tie in _candidates(relative, willing, used):
        if relative[tie] and room[tie] >= children:
            used[tie] = True
            return tie
    return None
