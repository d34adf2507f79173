"""The rows of an MKBA table for one scenario: present values by item and actor, the summary
(costs, benefits, net present value, benefit-cost ratio), effects avoided, cost-effectiveness and
the PM-posten, each with its intervals (sim/uncertainty.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..pathway.costs import ITEMS, RESOURCE, TRANSFER, Actor
from ..uncertainty import spread
from .cba_effects import EFFECTS, PM_POSTS, Effect

ACTOR_LABELS = {
    "municipality": ("Municipality", "Gemeente"), "corporations": ("Housing corporations", "Woningcorporaties"),
    "private_landlords": ("Private landlords", "Particuliere verhuurders"), "youth_care": ("Youth care", "Jeugdzorg"),
    "national": ("National government", "Rijk"), "health_insurers": ("Health insurers", "Zorgverzekeraars"),
    "households": ("Households", "Huishoudens"), "society": ("Society (total)", "Maatschappij (totaal)"),
}
SOCIETY = "society"
SUMMARY_LABELS = {
    "costs": ("Present value of costs (society)", "Contante waarde van de kosten (maatschappij)"),
    "benefits": ("Present value of benefits (society)", "Contante waarde van de baten (maatschappij)"),
    "npv": ("Net present value (society)", "Netto contante waarde (maatschappij)"),
    "bcr": ("Benefit-cost ratio", "Baten-kostenverhouding"),
}


def effect_columns() -> list[str]:
    """The outcome columns an MKBA counts (cost-effectiveness and PM-posten), each once."""
    return list(dict.fromkeys([e.column for e in EFFECTS] + [p.column for p in PM_POSTS]))


def actor_costs(items: np.ndarray) -> dict[str, np.ndarray]:
    """Each actor's net cost [d, r] from the items' present values [d, r, item]: a transfer is its
    payer's cost and the households' gain; society bears the resources only."""
    out = {actor.value: np.zeros(items.shape[:2]) for actor in Actor}
    for k, item in enumerate(ITEMS.values()):
        out[item.actor.value] += items[:, :, k]
        if item.nature == TRANSFER:
            out[Actor.HOUSEHOLDS.value] -= items[:, :, k]
    out[SOCIETY] = sum((out[a.value] for a in Actor), np.zeros(items.shape[:2]))
    return out


def figure(scenario: str, section: str, name: str, label: tuple[str, str], values: np.ndarray,
           defined: bool = True, **extra: Any) -> dict[str, Any]:
    """One row: the figure's mean over runs and its intervals (nan where not defined)."""
    s = spread(values) if defined else None
    stats = {k: (getattr(s, k) if s else np.nan) for k in ("mean", "low", "high", "low_noise", "high_noise")}
    return {"scenario": scenario, "section": section, "name": name, "label": label[0], "label_nl": label[1],
            **extra, **stats, "defined": defined}


def scenario_rows(name: str, pv: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    items, actors = pv["costs"], actor_costs(pv["costs"])
    rows = [figure(name, "item", item.name, (item.label, item.label_nl), items[:, :, k], actor=item.actor.value,
                   nature=item.nature) for k, item in enumerate(ITEMS.values())]
    rows += [figure(name, "actor", actor, ACTOR_LABELS[actor], -cost) for actor, cost in actors.items()]
    rows += _summary(name, items)
    rows += _effectiveness(name, pv, actors)
    rows += [figure(name, "pm", p.name, (p.label, p.label_nl), _column(pv["counts"], p) * p.per) for p in PM_POSTS]
    return rows


def _summary(name: str, items: np.ndarray) -> list[dict[str, Any]]:
    """Society's costs (resource items that rise) and benefits (those that fall), NPV and ratio."""
    resource = np.array([item.nature == RESOURCE for item in ITEMS.values()])
    rising = resource & (items.mean(axis=(0, 1)) > 0)
    costs = items[:, :, rising].sum(axis=2)
    benefits = -items[:, :, resource & ~rising].sum(axis=2)
    ratio_defined = bool(np.all(costs > 0))
    ratio = benefits / np.where(costs > 0, costs, 1.0)
    return [figure(name, "summary", "costs", SUMMARY_LABELS["costs"], costs),
            figure(name, "summary", "benefits", SUMMARY_LABELS["benefits"], benefits),
            figure(name, "summary", "npv", SUMMARY_LABELS["npv"], benefits - costs),
            figure(name, "summary", "bcr", SUMMARY_LABELS["bcr"], ratio, ratio_defined)]


def _effectiveness(name: str, pv: dict[str, np.ndarray], actors: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    """Effects avoided, and net cost (society's, and each actor's per eviction) per effect avoided."""
    rows = []
    for e in EFFECTS:
        avoided = -_column(pv["effects"], e) * e.per
        rows.append(figure(name, "effect", e.name, (_upper(e.label), _upper(e.label_nl)), avoided))
        rows.append(per_avoided(name, "cost_per", e.name, (f"Net cost per {e.label}", f"Netto kosten per {e.label_nl}"),
                                actors["society"], avoided))
    evictions = -_column(pv["effects"], EFFECTS[0])
    rows += [per_avoided(name, "actor_per_eviction", actor, ACTOR_LABELS[actor], cost, evictions)
             for actor, cost in actors.items()]
    return rows


def per_avoided(name: str, section: str, key: str, label: tuple[str, str], cost: np.ndarray,
                avoided: np.ndarray) -> dict[str, Any]:
    """Net cost per unit avoided: the ratio of the mean cost to the mean number avoided, defined
    only where the policy avoids some on average. Its intervals linearise the ratio (the delta
    method): each run's value is ratio + (cost - ratio x avoided) / mean avoided, whose mean is the
    ratio, so no run that happens to avoid none makes it infinite."""
    mean_avoided = float(avoided.mean())
    if mean_avoided <= 0:
        return figure(name, section, key, label, cost, defined=False)
    ratio = float(cost.mean()) / mean_avoided
    return figure(name, section, key, label, ratio + (cost - ratio * avoided) / mean_avoided)


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _column(values: np.ndarray, effect: Effect) -> np.ndarray:
    return values[:, :, effect_columns().index(effect.column)]
