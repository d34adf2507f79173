"""Informal hosting: the relatives and friends who might take in a displaced household.

Each displaced household gets its own small ego network (networkx), drawn from its own random
stream when it is displaced: a few ties, each a relative or a friend, willing or not, with room
for so many persons. Hosts are tried relatives first; a tie hosts once, for a limited time, so a
household moves from sofa to sofa until the network is used up. A national graph of millions of
households would cost gigabytes and is not needed: only displaced households ever use theirs.
"""

from __future__ import annotations

import math
from typing import Callable

import networkx as nx

EGO = "household"


def draw_network(uniform: Callable[[int], float], mean_ties: float, p_willing: float, max_room: int) -> nx.Graph:
    """An ego network of relatives and friends with their willingness and room.

    `uniform(k)` gives the household's k-th uniform number for this network (a counter-based
    stream, so drawing a network costs no generator set-up).
    """
    graph = nx.Graph()
    graph.add_node(EGO)
    for tie in range(_poisson(uniform(0), mean_ties)):
        k = 1 + 3 * tie
        graph.add_edge(
            EGO, tie,
            kind="relative" if uniform(k) < 0.5 else "friend",
            willing=bool(uniform(k + 1) < p_willing),
            room=1 + int(uniform(k + 2) * max_room),
            used=False,
        )
    return graph


def _poisson(u: float, mean: float) -> int:
    """Inverse-CDF Poisson draw from one uniform number (small means only)."""
    k, p = 0, math.exp(-mean)
    cumulative = p
    while u > cumulative and k < 1000:
        k += 1
        p *= mean / k
        cumulative += p
    return k


def _candidates(graph: nx.Graph) -> list[int]:
    """Unused willing ties, relatives first, in a fixed order."""
    ties = [(0 if d["kind"] == "relative" else 1, n) for _, n, d in graph.edges(EGO, data=True)
            if d["willing"] and not d["used"]]
    return [n for _, n in sorted(ties)]


def find_host(graph: nx.Graph, persons: int) -> int | None:
    """Take the first unused willing tie with room for `persons`; None if there is none."""
    for tie in _candidates(graph):
        if graph.edges[EGO, tie]["room"] >= persons:
            graph.edges[EGO, tie]["used"] = True
            return tie
    return None


def find_relative_for_children(graph: nx.Graph, children: int) -> int | None:
    """A relative (only) who can take the children in while the parents cannot keep them."""
    for tie in _candidates(graph):
        edge = graph.edges[EGO, tie]
        if edge["kind"] == "relative" and edge["room"] >= children:
            edge["used"] = True
            return tie
    return None
