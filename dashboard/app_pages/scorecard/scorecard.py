"""Rights scorecard: the ombudsmen's eight obligations per scenario, with indicator, interval,
which direction is better and what it means."""

from __future__ import annotations

import streamlit as st

from dashboard import runs, state, views
from dashboard.i18n import t
from dashboard.tables import scorecard_export, scorecard_frame, scorecard_wide

lang = state.lang()
st.title(t("scorecard_title", lang))
st.markdown(t("scorecard_intro", lang))
current = runs.current(lang)
if current is None:
    st.stop()


@st.cache_data(max_entries=32, show_spinner=False)
def card(key: str, language: str):
    """Every scenario's scorecard (cached per comparison and language)."""
    return scorecard_frame(runs.comparison_for(key), language)


data = card(current.key, lang)
views.show_table(scorecard_wide(data, lang), scorecard_export(data, lang), "scorecard",
                 lang, static=True, current=current)
st.caption(t("scorecard_covers", lang))
views.stamp_line(current, lang)
