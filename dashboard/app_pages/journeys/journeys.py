"""Family journeys: one simulated family's story under the baseline and under another scenario.
The same household has the same luck (common random numbers) under every policy."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import figures, runs, state, views
from dashboard.app_pages.journeys import figure as journey_figure
from dashboard.app_pages.journeys import view as journey_view
from dashboard.i18n import scenario_title, t

lang, ss = state.lang(), st.session_state
st.title(t("journeys_title", lang))
st.markdown(t("journeys_intro", lang))
current = runs.current(lang)
if current is None:
    st.stop()
comparison = current.comparison
base = comparison.meta["baseline"]
others = current.names[1:]
if others:
    if ss.get("other") not in others:
        ss["other"] = others[0]
    st.selectbox(t("other_scenario", lang), others, key="other", format_func=lambda s: scenario_title(s, lang))


@st.cache_data(max_entries=16, show_spinner=False)
def family_list(key: str, first: str, second: str) -> pd.DataFrame:
    """The families to offer under `first` and `second` (see journey_view.families), differing first."""
    runs_ = runs.comparison_for(key).runs
    return journey_view.families(runs_[first].journeys, runs_[second].journeys if second else None)


found = family_list(current.key, base, ss["other"] if others else "")
if found.empty:
    st.info(t("no_families", lang))
    st.stop()


@st.cache_data(max_entries=64, show_spinner=False)
def timeline(key: str, scenario: str, partner: str, household: str, language: str) -> tuple[bytes, bytes]:
    """The family's timeline under `scenario`, on the month range it shares with `partner`."""
    runs_ = runs.comparison_for(key).runs
    rep, hh = journey_view.parse_key(household)
    events = journey_view.events_of(runs_[scenario].journeys, rep, hh)
    other = journey_view.events_of(runs_[partner].journeys, rep, hh) if partner else events
    xlim = journey_figure.xlim_for(events, other, months=runs_[scenario].meta["months"])
    title = t("timeline_title", language, hh=hh, scenario=scenario_title(scenario, language))
    return figures.to_png_svg(lambda: journey_figure.timeline_figure(events, language, title, xlim),
                              figures.plot_meta(runs.comparison_for(key)))


if ss.get("household") not in set(found.key):
    ss["household"] = found.key.iloc[0]
labels = {row.key: journey_view.family_label(row, lang) for row in found.itertuples()}
st.selectbox(t("family", lang), list(found.key), key="household", format_func=lambda k: labels.get(k, k))
if others:
    st.caption(t("families_differ", lang, n=int(found.differs.sum()), total=len(found),
                 base=scenario_title(base, lang), other=scenario_title(ss["other"], lang)))
shown = [base, ss["other"]] if others else [base]
rep, hh = journey_view.parse_key(ss["household"])
stories = {name: journey_view.events_of(comparison.runs[name].journeys, rep, hh) for name in shown}
for scenario, events in stories.items():
    if events.empty:
        st.info(t("not_followed", lang, scenario=scenario_title(scenario, lang)))
        continue
    partner = next((s for s in shown if s != scenario), "")
    lines = journey_view.story(events, lang)
    alt = f"{t('story', lang)}, {scenario_title(scenario, lang)}: " + " ".join(text for _, text in lines)
    views.show_chart(*timeline(current.key, scenario, partner, ss["household"], lang),
                     f"journey-{scenario}-{ss['household']}", lang, current, alt=alt)
# The story is told in presentation mode too (larger); only the events table is left out there.
for column, (scenario, events) in zip(st.columns(len(stories)), stories.items()):
    with column:
        st.subheader(f"{t('story', lang)}: {scenario_title(scenario, lang)}")
        lines = journey_view.story(events, lang)
        st.markdown("\n".join(f"- **{journey_view.when(m, lang).capitalize()}**: {text}" for m, text in lines) or "–")
if not state.present():
    data = pd.concat([journey_view.events_in_words(e, lang).assign(scenario=scenario_title(name, lang))
                      for name, e in stories.items()], ignore_index=True)
    data = data[["scenario", "month", "event", "detail"]]
    data.columns = [t(f"col_{c}", lang) for c in data.columns]
    st.subheader(t("events_table", lang))
    views.show_table(data, data, f"journey-{ss['household']}", lang, current=current)
views.stamp_line(current, lang)
