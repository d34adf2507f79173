"""Compare policies: headline cards, the forest plot, outcomes over time, the headline table and
one-click PDF and PPTX exports."""

from __future__ import annotations

import streamlit as st

from dashboard import deck, runs, state, views
from dashboard.i18n import outcome_label, scenario_title, t
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
