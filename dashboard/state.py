"""The state of a view: widget values in st.session_state, mirrored in the page's address
(st.query_params) so that a view can be shared and reopened exactly.

The address is read once, when a session starts; after every run the address is rewritten from
the widgets. Values that do not parse, or are not allowed, fall back to the defaults.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from sim import HEADLINE, PROFILES

from . import levers, profiles
from .i18n import LANGUAGES

POPULATIONS = ("small_town", "medium_town", "large_city", "national", "stored", "custom")
MONTH_CHOICES = (36, 60, 120)
MAX_REPLICATIONS = 10
# Joint draws of what we do not know (calibration posterior x lever effect sizes); 0 = the
# calibration's medians, noise only. 8 draws x 3 replications keep a small town's comparison
# to seconds per scenario on 2 cores.
DRAW_CHOICES = (0, 4, 8, 12, 20)
DEFAULTS: dict[str, Any] = {
    "lang": "en", "present": False, "baseline": "baseline", "scenarios": ["ombudsman-package"],
    "population": "small_town", "stored": "", "replications": 3, "posterior": 8, "months": 60, "seed": 1,
    "custom_on": False, "custom_from": "baseline", "household": "", "other": "", "ts_outcome": "evictions",
    "profile_from": "small_town", "sweep": "", "sweep_outcome": "", "sweep_param": "", "own": "",
}
# Widgets that live on one page only: Streamlit forgets a widget's value when its page is left,
# so these are written back at the start of every run to survive a page switch.
PAGE_KEYS = ("household", "other", "ts_outcome", "profile_from", "sweep", "sweep_outcome", "sweep_param", "own")
# Page widgets whose choices are only known on their page (stored sweeps and their columns): the
# address is taken as it is, and the page falls back to its first choice if it is not offered
# (the municipality chosen on My municipality too: the names are those of the run shown).
FREE_KEYS = (("sweep", "sweep"), ("sweep_outcome", "sweep_outcome"), ("sweep_param", "sweep_param"),
             ("own", "own"))


def init_session() -> None:
    """Defaults and the address on a session's first run; keep page widgets alive on later runs."""
    ss = st.session_state
    if "_ready" not in ss:
        for key, value in DEFAULTS.items():
            ss.setdefault(key, list(value) if isinstance(value, list) else value)
        reset_levers(ss["custom_from"])
        profiles.reset(ss["profile_from"])
        for name in profiles.SERVICES:
            ss[profiles.MUN + name] = None  # empty: the model's own assumption
        read_query(st.query_params.to_dict(), {k: st.query_params.get_all(k) for k in ("scenario", "lever", "pf",
                                                                                      "mun")})
        ss["_ready"] = True
    for key in [*PAGE_KEYS, *(k for k in ss if str(k).startswith((levers.KEY, profiles.KEY, profiles.MUN)))]:
        if key in ss:
            ss[key] = ss[key]


# Widgets whose option labels are translated. Streamlit keeps a selectbox's value as its label,
# so after a language switch the old label would no longer match; writing each value back
# through the session state makes the widgets take the new labels.
TRANSLATED = ("population", "ts_outcome", "profile_from", "household", "sweep_outcome", "sweep_param", "baseline",
              "scenarios", "custom_from", "other", "own")


def relabel() -> None:
    """After a language switch: hand every translated widget its value again (see TRANSLATED)."""
    ss = st.session_state
    for key in [*TRANSLATED, *(k for k in ss if str(k).startswith(levers.KEY))]:
        if key in ss:
            ss[key] = ss[key]


def reset_levers(scenario: str) -> None:
    """Set every lever widget to the value in scenario `scenario`."""
    for name, value in levers.scenario_values(scenario).items():
        st.session_state[levers.KEY + name] = value


def _int(text: str | None, low: int, high: int) -> int | None:
    try:
        value = int(text or "")
    except ValueError:
        return None
    return value if low <= value <= high else None


# Every parameter `query` writes; tests/dashboard/test_address.py checks that each one reads back.
KNOWN = ("lang", "present", "population", "stored", "baseline", "scenario", "reps", "draws", "months", "seed",
         "custom", "lever", "profile", "pf", "mun", "household", "other", "outcome", "sweep", "sweep_outcome",
         "sweep_param", "own")


def _drop(text: str) -> None:
    """Note a part of the address that could not be used; views.dropped_from_address shows them."""
    st.session_state.setdefault("_dropped", []).append(text[:80])


def read_query(single: dict[str, str], multi: dict[str, list[str]]) -> None:
    """Take what is valid from the address into the session state; note what is not."""
    for name in single:
        if name not in KNOWN:
            _drop(f"{name}={single[name]}")
    _read_choices(single, multi)
    _read_numbers(single)
    ss = st.session_state
    ss["present"] = single.get("present") == "1"
    ss["stored"] = single.get("stored", "")
    ss["household"] = single.get("household", "")
    for key, param in FREE_KEYS:
        ss[key] = single.get(param, "")
    if single.get("custom") in levers.scenario_names():
        ss["custom_on"], ss["custom_from"] = True, single["custom"]
        reset_levers(ss["custom_from"])
        _read_pairs(multi["lever"], levers.by_name(), levers.decode, levers.KEY)
    if ss["profile_from"] != DEFAULTS["profile_from"]:
        profiles.reset(ss["profile_from"])
    _read_pairs(multi["pf"], profiles.fields(), profiles.decode, profiles.KEY)
    _read_pairs(multi["mun"], profiles.services(), profiles.decode_service, profiles.MUN)


def _read_choices(single: dict[str, str], multi: dict[str, list[str]]) -> None:
    """Parameters that must be one of a known set: language, scenarios, population, ..."""
    ss = st.session_state
    names = levers.scenario_names()
    allowed = {"lang": tuple(LANGUAGES), "baseline": names, "population": POPULATIONS, "other": names,
               "profile_from": tuple(PROFILES), "ts_outcome": HEADLINE}
    for key, param in (("lang", "lang"), ("baseline", "baseline"), ("population", "population"),
                       ("other", "other"), ("profile_from", "profile"), ("ts_outcome", "outcome")):
        if single.get(param) in allowed[key]:
            ss[key] = single[param]
        elif param in single:
            _drop(f"{param}={single[param]}")
    if "scenario" in single:
        ss["scenarios"] = [s for s in dict.fromkeys(multi["scenario"]) if s in names and s != ss["baseline"]]
        for s in multi["scenario"]:
            if s not in ss["scenarios"]:
                _drop(f"scenario={s}")


def _read_numbers(single: dict[str, str]) -> None:
    """Replications, seed and run length, each within what the sidebar allows."""
    ss = st.session_state
    for key, param, low, high in (("replications", "reps", 1, MAX_REPLICATIONS), ("seed", "seed", 0, 2**31 - 1)):
        value = _int(single.get(param), low, high)
        if value is not None:
            ss[key] = value
        elif param in single:
            _drop(f"{param}={single[param]}")
    if _int(single.get("draws"), 0, max(DRAW_CHOICES)) in DRAW_CHOICES:
        ss["posterior"] = int(single["draws"])
    elif "draws" in single:
        _drop(f"draws={single['draws']}")
    if _int(single.get("months"), 12, 1200) in MONTH_CHOICES:
        ss["months"] = int(single["months"])
    elif "months" in single:
        _drop(f"months={single['months']}")


def _read_pairs(pairs: list[str], specs: dict[str, Any], decode, prefix: str) -> None:
    """"name=value" entries, each decoded by its declaration; invalid ones are skipped."""
    for pair in pairs:
        name, _, text = pair.partition("=")
        value = decode(specs[name], text) if name in specs else None
        if value is not None:
            st.session_state[prefix + name] = value
        else:
            _drop(pair)


def query() -> dict[str, Any]:
    """The current view as address parameters (lists become repeated parameters)."""
    ss = st.session_state
    q: dict[str, Any] = {"lang": ss["lang"], "population": ss["population"], "baseline": ss["baseline"],
                         "scenario": list(ss["scenarios"]), "reps": str(ss["replications"]),
                         "draws": str(ss["posterior"]), "months": str(ss["months"]), "seed": str(ss["seed"])}
    if ss["present"]:
        q["present"] = "1"
    if ss["population"] == "stored" and ss["stored"]:
        q["stored"] = ss["stored"]
    if ss["custom_on"]:
        q["custom"] = ss["custom_from"]
        values = {lv.name: ss.get(lv.key) for lv in levers.levers()}
        q["lever"] = [f"{n}={levers.encode(levers.by_name()[n], v)}" for n, v in
                      levers.changes(values, ss["custom_from"]).items()]
    if ss["population"] == "custom":
        q["profile"] = ss["profile_from"]
        q["pf"] = profiles.changed_pairs(ss["profile_from"])
        q["mun"] = profiles.service_pairs()
    for key, param in (("household", "household"), ("other", "other"), ("ts_outcome", "outcome"), *FREE_KEYS):
        if ss.get(key):
            q[param] = ss[key]
    return {k: v for k, v in q.items() if v not in ([], "")}


def write_query() -> None:
    """Rewrite the address when it differs from the view (a page switch may have cleared it)."""
    wanted = {k: v if isinstance(v, list) else [v] for k, v in query().items()}
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def lang() -> str:
    return st.session_state.get("lang", "en")


def present() -> bool:
    return bool(st.session_state.get("present", False))
