"""Compare policies: headline cards, the forest plot, outcomes over time, the headline table and
one-click PDF and PPTX exports."""

from __future__ import annotations

import streamlit as st

from dashboard import deck, runs, state, views
from dashboard.breakdowns import BREAKDOWNS, kind_word, levels, municipality_types, totals_frame, totals_shown
from dashboard.i18n import CARDS, SIM_KINDS, number, outcome_label, scenario_title, t
from dashboard.messages import reproduce
from dashboard.tables import display, facts, headline_frame, population_label
from dashboard.views import CHART_WIDTH
from sim import HEADLINE

lang = state.lang()
st.title(t("compare_title", lang))
current = runs.current(lang)
if current is None:
    st.stop()
f = facts(current.comparison)
st.markdown(t("compare_intro", lang, baseline=scenario_title(f["baseline"], lang), population=population_label(f, lang),
              reps=f["reps"]))
if not f["scenarios"]:
    st.info(t("no_scenarios", lang))
    st.stop()

views.headline_cards(current, lang)

st.subheader(t("forest_title", lang))
forest_alt = " ".join(deck.forest_alt(current.comparison, s, lang) for s in f["scenarios"])
views.show_chart(*views.chart(current.key, "forest", "", lang), "forest", lang, current, alt=forest_alt, wide=True)
st.subheader(t("over_time", lang))
outcome = st.selectbox(t("outcome", lang), HEADLINE, key="ts_outcome", format_func=lambda o: outcome_label(o, lang),
                       width=CHART_WIDTH if not state.present() else "stretch")
views.show_chart(*views.chart(current.key, "timeseries", outcome, lang), f"timeseries-{outcome}", lang, current,
                 alt=deck.timeseries_alt(current.comparison, outcome, lang))

st.subheader(t("breakdowns", lang))
shown = [*BREAKDOWNS, *(["municipality"] if not municipality_types(current.comparison).empty else [])]
for key in shown:
    groups, _ = levels(current.comparison, key, lang)
    numbers = "; ".join(f"{g}: " + ", ".join(f"{scenario_title(n, lang)} {number(v, lang)}" for n, v in values.items())
                        for g, values in groups.items())
    views.show_chart(*views.chart(current.key, "breakdown", key, lang), f"breakdown-{key}", lang, current,
                     alt=t("alt_breakdown", lang, title=t(f"breakdown_{key}", lang), numbers=numbers))
    if key in BREAKDOWNS and not state.present():
        data = headline_frame(current.comparison, lang, BREAKDOWNS[key])
        views.show_table(display(data, lang), data, f"breakdown-{key}-table", lang, current=current)
    elif not state.present():
        data = municipality_types(current.comparison).assign(
            scenario=lambda f: [scenario_title(s, lang) for s in f["scenario"]],
            type=lambda f: [kind_word(k, lang) for k in f["type"]])
        data.columns = [t("col_scenario", lang), t("col_kind", lang), t("col_evictions_year", lang)]
        views.show_table(display(data, lang), data, "breakdown-municipality-table", lang, current=current)

st.subheader(t("totals_title", lang))
st.caption(t("totals_intro", lang))
flows = tuple(o for o in CARDS if SIM_KINDS.get(o) == "flow")
views.show_table(totals_shown(current.comparison, lang, flows), totals_frame(current.comparison, lang, flows),
                 "totals", lang, current=current)

if not state.present():
    st.subheader(t("headline_table", lang))
    data = headline_frame(current.comparison, lang)
    views.show_table(display(data, lang), data, "headline-table", lang, current=current)
    views.export_buttons(current, lang)
    with st.expander(t("reproduce", lang)):
        command, python, files = reproduce(current.comparison)
        st.markdown(t("reproduce_intro", lang))
        for name, text in files.items():
            st.download_button(f"⬇ {name}", text, name, "application/toml", key=f"file_{name}", on_click="ignore")
        st.code(command, language="bash")
        st.code(python, language="python")
views.stamp_line(current, lang)
