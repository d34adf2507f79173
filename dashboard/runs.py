"""Getting the comparison the sidebar describes: run it (cached) or read it from stored results.

The whole request is one JSON text (the "spec"), so that it is both the cache key and what the
chart caches are keyed on. All caching of the dashboard lives here and in views.py.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from sim.experiments.compare import Comparison, compare
from sim.parameters import Policy
from sim.results_io import read_comparison
from sim.scenario import Scenario, load_scenario, nested

from . import levers, profiles
from .i18n import t

ROOT = Path(__file__).resolve().parents[1]


def results_dir() -> Path:
    """Where stored results are looked for (EVICTSIM_RESULTS, else results/ in the repository)."""
    return Path(os.environ.get("EVICTSIM_RESULTS", ROOT / "results"))


@dataclass(frozen=True)
class Stored:
    folder: str
    population: str
    baseline: str
    scenarios: tuple[str, ...]
    mtime: float


def stored_comparisons() -> list[Stored]:
    """Comparisons written by `evictsim compare --out results/<name>`, national ones first."""
    found = []
    base = results_dir()
    for path in sorted(base.glob("*/comparison.json")) if base.is_dir() else []:
        if path.parent.name.startswith("."):
            continue  # a comparison being written (sim.run_folder), not yet in place
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
            population = str(meta["runs"][meta["baseline"]]["population"])
            found.append(Stored(path.parent.name, population, meta["baseline"], tuple(meta["scenarios"]),
                                path.stat().st_mtime))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not a comparison this version can read; it is not offered
    return sorted(found, key=lambda s: (s.population != "national", s.folder))


def spec() -> dict[str, Any]:
    """The comparison the sidebar and the municipality page describe."""
    ss = st.session_state
    if ss["population"] == "stored":
        chosen = {s.folder: s for s in stored_comparisons()}.get(ss["stored"])
        return {"stored": chosen.folder, "mtime": chosen.mtime} if chosen else {"stored": None}
    custom = None
    if ss["custom_on"]:
        values = {lv.name: levers.coerce(lv, ss[lv.key]) for lv in levers.levers()}
        changed = levers.changes(values, ss["custom_from"])
        # With no lever changed the scenario would repeat the one it starts from: leave it out.
        custom = {"from": ss["custom_from"], "policy": changed} if changed else None
    own = ss["population"] == "custom"
    return {"baseline": ss["baseline"], "scenarios": [s for s in ss["scenarios"] if s != ss["baseline"]],
            "custom": custom, "population": ss["population"], "profile": profiles.values() if own else None,
            "services": profiles.service_values() if own else None, "months": int(ss["months"]),
            "replications": int(ss["replications"]), "seed": int(ss["seed"])}


def key_of(request: dict[str, Any]) -> str:
    return json.dumps(request, sort_keys=True)


# MODEL INPUT COMPOSITION (see the report): which scenarios a municipality's own service levels apply to.
def with_local(scenario: Scenario, local: dict[str, float]) -> Scenario:
    """Apply local service levels (dotted lever -> value) to every lever the scenario leaves at
    the model's default; a scenario that changes a lever itself keeps its own value."""
    defaults = levers.flatten(Policy().model_dump())
    own = levers.flatten(scenario.policy.model_dump())
    keep = {name: value for name, value in local.items() if own[name] == defaults[name]}
    return scenario.override({"policy": nested(keep)}, name=scenario.name) if keep else scenario


def scenarios_of(request: dict[str, Any], households: int) -> list[Scenario]:
    """Baseline first, then the scenario files, then the scenario built from levers."""
    loaded = [load_scenario(name) for name in [request["baseline"], *request["scenarios"]]]
    custom = request["custom"]
    if custom:
        changes = {"policy": nested(custom["policy"])}
        loaded.append(load_scenario(custom["from"]).override(changes, name="custom"))
    local = profiles.per_10k(request["services"] or {}, households)
    return [with_local(s, local) for s in loaded] if local else loaded


@st.cache_resource(max_entries=24, show_spinner=False)
def comparison_for(key: str) -> Comparison:
    """The comparison a spec describes: read from stored results or simulated (cached, shared)."""
    request = json.loads(key)
    if "stored" in request:
        return read_comparison(results_dir() / request["stored"])
    population: Any = request["population"]
    households = 0
    if population == "custom":
        population, error = profiles.build(request["profile"])  # a validated sim.pathway.population.Profile
        if population is None:
            raise ValueError(error)
        households = population.households
    scenarios = scenarios_of(request, households)
    return compare(scenarios[0], scenarios[1:], population=population, months=request["months"],
                   replications=request["replications"], seed=request["seed"])


@dataclass(frozen=True)
class Current:
    key: str
    comparison: Comparison

    @property
    def names(self) -> list[str]:
        return [self.comparison.meta["baseline"], *self.comparison.meta["scenarios"]]


def current(lang: str) -> Current | None:
    """The comparison to show, or None after saying on the page why there is none."""
    request = spec()
    if request.get("stored", "") is None:
        command = ".venv/bin/evictsim compare baseline ombudsman-package --population national --replications 3 " \
                  "--out results/national"
        st.info(t("stored_none", lang, folder=results_dir()))
        st.code(command, language="bash")
        return None
    key = key_of(request)
    n = 1 + len(request.get("scenarios", [])) + bool(request.get("custom"))
    try:
        with st.spinner(t("running", lang, n=n, reps=request.get("replications", ""))):
            return Current(key, comparison_for(key))
    except (ValueError, OSError, KeyError) as err:  # ScenarioError, OutputError, unreadable files
        st.error(t("run_error", lang, error=err))
        return None
