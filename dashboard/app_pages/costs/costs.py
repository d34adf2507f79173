"""Costs and benefits: the MKBA of the comparison on screen, per policy: who pays and who gains
(chart), the headline sentence, the table with intervals, the PM-posten and the sensitivity."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import figures, runs, state, views
from dashboard.app_pages.costs import view
from dashboard.i18n import scenario_title, t

lang = state.lang()
st.title(t("costs_title", lang))
current = runs.current(lang)
if current is None:
    st.stop()
comparison = current.comparison
reported_years = max(1, comparison.runs[comparison.meta["baseline"]].meta.get("months", 12) // 12)
left, right = st.columns(2)
horizon = int(left.number_input(t("costs_horizon", lang), 1, 100, reported_years, key="cba_horizon"))
rate = right.number_input(t("costs_discount", lang), -1.0, 20.0, 2.25, 0.25, key="cba_discount") / 100


@st.cache_data(max_entries=16, show_spinner=False)
def analysis(key: str, years: int, discount: float):
    """The comparison's MKBA (cached per comparison, horizon and rate)."""
    return view.mkba(runs.comparison_for(key), years, discount)


cba = analysis(current.key, horizon, rate)
if cba is None:
    st.info(t("costs_too_short", lang))
    st.stop()
st.markdown(t("costs_intro", lang, baseline=scenario_title(comparison.meta["baseline"], lang), years=horizon,
              rate=view.rate_text(rate, lang), year=cba.meta["price_year"]))
noise = (cba.meta.get("uncertainty") or {}).get("posterior_draws", 1) > 1
for scenario in comparison.meta["scenarios"]:
    st.subheader(scenario_title(scenario, lang))
    st.markdown(f"**{view.headline(cba, scenario, lang)}**")
    png, svg = figures.to_png_svg(partial(view.actor_figure, cba, comparison, scenario, lang),
                                  figures.plot_meta(comparison))
    views.show_chart(png, svg, f"mkba_{scenario}", lang, current, alt=view.chart_alt(cba, scenario, lang))
    views.show_table(view.table_frame(cba, scenario, lang, noise), view.export_frame(cba, lang), f"mkba_{scenario}",
                     lang, current=current)
    with st.expander(t("costs_sensitivity", lang)):
        st.dataframe(view.sensitivity_frame(cba, scenario, lang), hide_index=True, width="stretch")
st.caption(view.pm_sentence(lang))
views.intervals_explained(current, lang)
views.export_buttons(current, lang)
views.stamp_line(current, lang)
