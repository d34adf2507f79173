"""The sidebar: language, presentation mode, the comparison to run, and a scenario built from levers.

Widgets take their values from st.session_state (set by state.py from defaults and the page's
address), so no widget here passes a default of its own.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from sim import DEFAULT_WARMUP

from . import custom, levers, runs, state
from .i18n import CHOICES, LANGUAGES, MONTHS, parameter_unit, scenario_title, source_text, t, word
from .levers import Lever


def sidebar() -> None:
    """Everything in the sidebar, in reading order."""
    with st.sidebar:
        st.radio(t("language", state.lang()), list(LANGUAGES), key="lang", format_func=LANGUAGES.get,
                 horizontal=True, on_change=state.relabel)
        st.toggle(t("presentation", state.lang()), key="present", help=t("presentation_help", state.lang()))
        st.header(t("settings", state.lang()))
        _population()
        if st.session_state["population"] == "stored":
            _stored()
        else:
            _comparison()
            _custom()
            _run_button()


def _run_button() -> None:
    """Nothing is simulated until asked: a changed selection waits for this button."""
    lang = state.lang()
    st.button(t("run_button", lang), type="primary", key="run", on_click=runs.apply, width="stretch",
              disabled=not runs.pending(), help=t("run_help", lang))


def _population() -> None:
    lang = state.lang()
    st.selectbox(t("population", lang), state.POPULATIONS, key="population",
                 format_func=lambda p: t(f"pop_{p}", lang), help=t("population_help", lang))
    if st.session_state["population"] == "national":
        simulations = national_simulations()
        minutes = simulations * NATIONAL_SECONDS * _run_months() / NATIONAL_MONTHS / 60
        st.caption(t("national_time", lang, n=simulations, minutes=max(1, round(minutes))))


# benchmarks/bench_model.py: a national run of 120 reported months after the 96-month warm-up takes
# about 46 s on the 2-core reference machine (2026-12-06); a run's time grows with the months it simulates.
NATIONAL_SECONDS, NATIONAL_MONTHS = 46.0, 216


def _run_months() -> int:
    """The months one run simulates: the reported months and the model's warm-up."""
    return int(st.session_state["months"]) + DEFAULT_WARMUP


def national_simulations() -> int:
    """Simulations the sidebar's comparison needs: scenarios x replications x draws."""
    ss = st.session_state
    scenarios = 1 + len(ss["scenarios"]) + int(bool(ss["custom_on"]))
    return scenarios * int(ss["replications"]) * max(1, int(ss["posterior"]))


def _comparison() -> None:
    lang, ss = state.lang(), st.session_state
    names = levers.scenario_names()
    title = partial(scenario_title, lang=lang)
    st.selectbox(t("baseline", lang), names, key="baseline", format_func=title)
    options = [n for n in names if n != ss["baseline"]]
    ss["scenarios"] = [s for s in ss["scenarios"] if s in options]  # the baseline may have changed
    st.multiselect(t("scenarios", lang), options, key="scenarios", format_func=title, placeholder=t("choose", lang))
    st.slider(t("replications", lang), 1, state.MAX_REPLICATIONS, key="replications",
              help=t("replications_help", lang))
    st.select_slider(t("posterior", lang), state.DRAW_CHOICES, key="posterior", help=t("posterior_help", lang))
    with st.expander(t("more_settings", lang)):
        st.select_slider(t("months", lang), state.MONTH_CHOICES, key="months")
        st.number_input(t("seed", lang), min_value=0, max_value=2**31 - 1, step=1, key="seed")


def _stored() -> None:
    lang, ss = state.lang(), st.session_state
    found = runs.stored_comparisons()
    if not found:
        return  # the page explains how to make one
    folders = [s.folder for s in found]
    if ss["stored"] not in folders:
        ss["stored"] = folders[0]
    info = {s.folder: s for s in found}
    st.selectbox(t("stored_pick", lang), folders, key="stored",
                 format_func=lambda f: f"{f} ({info[f].population}: {', '.join(info[f].scenarios)})")


def _custom() -> None:
    lang, ss = state.lang(), st.session_state
    st.subheader(t("custom_section", lang))
    st.toggle(t("custom_on", lang), key="custom_on")
    if not ss["custom_on"]:
        return
    st.selectbox(t("custom_from", lang), levers.scenario_names(), key="custom_from",
                 format_func=partial(scenario_title, lang=lang),
                 on_change=lambda: state.reset_levers(ss["custom_from"]))
    with st.form("levers", border=False):
        for group in dict.fromkeys(lv.group for lv in levers.levers()):
            with st.expander(levers.group_title(group, lang)):
                for lever in (lv for lv in levers.levers() if lv.group == group):
                    lever_widget(lever, lang)
        st.form_submit_button(t("custom_apply", lang), type="primary", on_click=runs.apply)
    values = {lv.name: ss[lv.key] for lv in levers.levers()}
    changed = levers.changes(values, ss["custom_from"])
    named = levers.by_name()
    st.caption(t("custom_changed", lang, levers=", ".join(named[n].title(lang) for n in changed))
               if changed else t("custom_unchanged", lang))


def lever_widget(lever: Lever, lang: str) -> None:
    """One lever's widget, bounded by its declaration; the help says what it does, its default,
    unit and source."""
    label, key = lever.title(lang), lever.key
    default = custom.value_text(lever, lever.default, lang)
    help_text = f"{lever.help(lang)} " + t("model_default", lang, value=default, unit=parameter_unit(lever.unit, lang),
                                           source=source_text(lever.source, lang))
    if lever.kind == "bool":
        st.checkbox(label, key=key, help=help_text)
    elif lever.kind == "choice":
        st.selectbox(label, lever.choices, format_func=lambda c: word(CHOICES, c, lang), key=key, help=help_text)
    elif lever.kind == "months":
        st.multiselect(label, lever.choices, format_func=lambda m: MONTHS[lang][m - 1], key=key, help=help_text,
                       placeholder=t("choose", lang))
    else:
        _number_widget(lever, label, help_text)


def _number_widget(lever: Lever, label: str, help_text: str) -> None:
    """A number lever: a slider for a share, a number box otherwise, kept to the declared bounds."""
    if lever.low is None or lever.high is None:
        raise ValueError(f"{lever.name}: a number lever needs both bounds (ge, le) in its declaration")
    low, high = float(lever.low), float(lever.high)
    if lever.kind == "prob":
        st.slider(label, low, high, step=0.01, key=lever.key, help=help_text)
    elif lever.kind == "int":
        st.number_input(label, int(low), int(high), step=1, key=lever.key, help=help_text)
    else:
        step = 0.1 if high <= 20 else 0.5
        st.number_input(label, low, high, step=step, format="%.2f", key=lever.key, help=help_text)
