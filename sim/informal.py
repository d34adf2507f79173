"""Informal hosting: the relatives and friends who might take in a displaced household.

Each displaced household gets its own small ego network (networkx), drawn from its own random
stream when it is displaced: a few ties, each a relative or a friend, willing or not, with room
for so many persons. Hosts are tried relatives first; a tie hosts once, for a limited time, so a
household moves from sofa to sofa until the network is used up. A national graph of millions of
households would cost gigabytes and is not needed: only displaced households ever use theirs.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

EGO = "household"


def draw_network(rng: np.random.Generator, mean_ties: float, p_willing: float, max_room: int) -> nx.Graph:
    """An ego network of relatives and friends with their willingness and room."""
    graph = nx.Graph()
    graph.add_node(EGO)
    for tie in range(int(rng.poisson(mean_ties))):
        graph.add_edge(
            EGO, tie,
            kind="relative" if rng.random() < 0.5 else "friend",
            willing=bool(rng.random() < p_willing),
            room=int(rng.integers(1, max_room + 1)),
            used=False,
        )
    return graph


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
