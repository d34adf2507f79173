"""Getting the comparison the sidebar describes: run it (cached) or read it from stored results.

The whole request is one JSON text (the "spec"), so that it is both the cache key and what the
chart caches are keyed on. All caching of the dashboard lives here and in views.py.
"""

from __future__ import annotations

import json
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Callable

import streamlit as st

from sim import Comparison, Policy, RunResult, Scenario, flatten, load_scenario, nested, pair, read_comparison, run

from . import levers, profiles
from .i18n import number, scenario_title, t

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
            "replications": int(ss["replications"]), "posterior": int(ss["posterior"]), "seed": int(ss["seed"])}


def key_of(request: dict[str, Any]) -> str:
    return json.dumps(request, sort_keys=True)


# MODEL INPUT COMPOSITION (see the report): which scenarios a municipality's own service levels apply to.
def with_local(scenario: Scenario, local: dict[str, float]) -> Scenario:
    """Apply local service levels (dotted lever -> value) to every lever the scenario leaves at
    the model's default; a scenario that changes a lever itself keeps its own value."""
    defaults = flatten(Policy().model_dump())
    own = flatten(scenario.policy.model_dump())
    keep = {name: value for name, value in local.items() if own[name] == defaults[name]}
    return scenario.override({"policy": nested(keep)}, name=scenario.name) if keep else scenario


def run_requests(request: dict[str, Any]) -> list[tuple[str, str]]:
    """Each scenario's run in a simulated request, as (scenario name, its own JSON key): a run is
    simulated once and kept, so adding a scenario to a comparison runs only that scenario."""
    settings = {k: request[k] for k in ("population", "profile", "services", "months", "replications", "seed")}
    settings["posterior"] = request.get("posterior", 0)  # absent from requests made before draws existed
    names = [request["baseline"], *request["scenarios"]]
    keyed = [(name, {"scenario": name, **settings}) for name in names]
    if request["custom"]:
        keyed.append(("custom", {"scenario": request["custom"], **settings}))
    return [(name, key_of(k)) for name, k in keyed]


def _population(request: dict[str, Any]) -> tuple[Any, int]:
    """The population a request names, and its households where they are the user's own figures."""
    if request["population"] != "custom":
        return request["population"], 0
    population, error = profiles.build(request["profile"])  # a validated sim.pathway.population.Profile
    if population is None:
        raise ValueError(error)
    return population, population.households


KEPT_RUNS = 64  # runs kept in memory, shared by all sessions; the oldest is dropped first


@st.cache_resource(show_spinner=False)
def _store() -> OrderedDict[str, RunResult]:
    return OrderedDict()


def run_for(run_key: str, progress: Callable[[int, int], None] | None = None) -> RunResult:
    """One scenario's replications, as `run_requests` keys them (simulated once, then kept);
    `progress(done, total)` as each of its simulations ends."""
    store = _store()
    if run_key in store:
        store.move_to_end(run_key)
        return store[run_key]
    request = json.loads(run_key)
    population, households = _population(request)
    scenario = scenario_of(request["scenario"], request["services"] or {}, households)
    result = run(scenario, population=population, months=request["months"], replications=request["replications"],
                 seed=request["seed"], posterior=request.get("posterior", 0), progress=progress)
    store[run_key] = result
    while len(store) > KEPT_RUNS:
        store.popitem(last=False)
    return result


def scenario_of(which: str | dict[str, Any], services: dict[str, float], households: int) -> Scenario:
    """A scenario file by name, or one built from levers ({"from": name, "policy": changes}),
    with the municipality's own service levels."""
    if isinstance(which, dict):
        scenario = load_scenario(which["from"]).override({"policy": nested(which["policy"])}, name="custom")
    else:
        scenario = load_scenario(which)
    local = profiles.per_10k(services, households)
    return with_local(scenario, local) if local else scenario


@st.cache_resource(max_entries=24, show_spinner=False)
def comparison_for(key: str) -> Comparison:
    """The comparison a spec describes: read from stored results, or paired from its runs."""
    request = json.loads(key)
    if "stored" in request:
        return read_comparison(results_dir() / request["stored"])
    return paired({name: run_for(k) for name, k in run_requests(request)})


def paired(results: dict[str, RunResult]) -> Comparison:
    """The comparison of runs made with the same seeds and posterior draws, baseline first."""
    return pair(results)


@dataclass(frozen=True)
class Current:
    key: str
    comparison: Comparison

    @property
    def names(self) -> list[str]:
        return [self.comparison.meta["baseline"], *self.comparison.meta["scenarios"]]


APPLIED = "_applied"  # session key: the request (JSON) last run with the Run button


def ready(request: dict[str, Any]) -> bool:
    """Whether a request can be shown without simulating: stored results, or runs already kept."""
    return "stored" in request or all(k in _store() for _, k in run_requests(request))


def applied_key() -> str | None:
    """The request the pages show: the one last run, or None before the first Run. Nothing is
    simulated before Run is pressed: a session's first view (perhaps opened from an address) is
    shown at once only when it needs no simulation (stored results, or runs already kept)."""
    ss, wanted = st.session_state, key_of(spec())
    if (APPLIED not in ss or "stored" in json.loads(wanted)) and ready(json.loads(wanted)):
        ss[APPLIED] = wanted
    return ss.get(APPLIED)


def apply() -> None:
    """The Run button: simulate what the sidebar now describes."""
    st.session_state[APPLIED] = key_of(spec())


def pending() -> bool:
    """Whether the sidebar describes another comparison than the one shown (or none is shown yet)."""
    return applied_key() != key_of(spec())


def first_look(request: dict[str, Any]) -> dict[str, Any] | None:
    """The same comparison in one replication at the calibrated point: a first result within
    seconds, shown (and labelled so) while the full one is simulated; None where that is all there is."""
    quick = {**request, "replications": 1, "posterior": 0}
    return None if key_of(quick) == key_of(request) else quick


def _show_first_look(request: dict[str, Any], lang: str) -> None:
    """Simulate the first look (kept like any run) and say its headline, labelled as preliminary."""
    from .messages import headline_sentence

    quick = paired({name: run_for(k) for name, k in run_requests(request)})
    lines = [headline_sentence(quick, s, lang) for s in quick.meta["scenarios"]]
    st.info(t("first_look", lang, draws=request.get("posterior", 0), reps=request["replications"]) + "\n\n"
            + "\n\n".join(lines))


def simulate_missing(request: dict[str, Any], lang: str) -> None:
    """Run what is not yet simulated, one scenario after another, saying which run is going on; a
    first look (one replication at the medians) is shown first when the full comparison takes longer."""
    todo = [(name, k) for name, k in run_requests(request) if k not in _store()]
    if not todo:
        return
    started = time.monotonic()
    with st.status(t("running_1" if len(todo) == 1 else "running", lang, n=len(todo)), expanded=True) as status:
        quick = first_look(request)
        if quick is not None and request["scenarios"] + ([1] if request["custom"] else []):
            _show_first_look(quick, lang)
        bar = st.progress(0.0)
        for i, (name, k) in enumerate(todo):
            def show(done: int, total: int, i: int = i, name: str = name) -> None:
                bar.progress((i + done / total) / len(todo),
                             text=t("running_one", lang, i=i + 1, n=len(todo), scenario=scenario_title(name, lang),
                                    done=done, total=total, months=request["months"]))
            show(0, 1)
            run_for(k, show)
        bar.progress(1.0)
        status.update(label=t("ran_1" if len(todo) == 1 else "ran", lang, n=len(todo),
                              seconds=number(time.monotonic() - started, lang)),
                      state="complete", expanded=False)


def current(lang: str) -> Current | None:
    """The comparison to show, or None after saying on the page why there is none."""
    key = applied_key()
    if pending():
        with st.container(horizontal=True, vertical_alignment="center"):
            st.info(t("pending" if key else "not_run_yet", lang))
            st.button(t("run_button", lang), type="primary", key="run_page", on_click=apply)
    if key is None:
        return None
    request = json.loads(key)
    if request.get("stored", "") is None:
        command = ".venv/bin/evictsim compare baseline ombudsman-package --population national --replications 3 " \
                  "--out results/national"
        st.info(t("stored_none", lang, folder=results_dir()))
        st.code(command, language="bash")
        return None
    try:
        if "stored" not in request:
            simulate_missing(request, lang)
        return Current(key, comparison_for(key))
    except (ValueError, OSError, KeyError) as err:  # ScenarioError, OutputError, unreadable files
        st.error(t("run_error", lang, error=err))
        return None
