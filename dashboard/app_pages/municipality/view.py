"""My municipality's section for runs with many municipalities (a national run): the council picks
its own municipality and sees it in the ranked strip of all municipalities, its figures next to its
type and the country, and whether the spread between municipalities goes beyond chance."""

from __future__ import annotations

from functools import partial

import streamlit as st

from sim import municipality_table, spread_between_municipalities

from dashboard import figures, views
from dashboard.i18n import number, t
from dashboard.runs import Current, comparison_for
from dashboard.tables import display

from .figure import strip_alt, strip_figure
from .rates import (few_note, has_municipalities, local_rates, municipality_names, own_frame, spread_frame,
                    spread_sentence, spread_shown, type_word)

KEY = "own"  # session key (and address parameter) of the chosen municipality


@st.cache_data(max_entries=48, show_spinner=False)
def strip_chart(key: str, own: str, lang: str) -> tuple[bytes, bytes, str]:
    """The ranked strip of a comparison for one municipality as (PNG, SVG, alt text)."""
    comparison = comparison_for(key)
    png, svg = figures.to_png_svg(partial(strip_figure, comparison, own, lang), figures.plot_meta(comparison))
    return png, svg, strip_alt(comparison, own, lang)


def pick_municipality(current: Current, lang: str) -> str:
    """The selectbox of municipality names (sorted, type in the label); the first where none is chosen."""
    base = current.comparison.runs[current.comparison.meta["baseline"]]
    kinds = municipality_names(local_rates(base))
    ss = st.session_state
    if ss.get(KEY) not in kinds:
        ss[KEY] = next(iter(kinds))
    known = municipality_table().set_index("name")
    province = {n: str(known["province"].get(n, "–")) for n in kinds}
    st.selectbox(t("local_pick", lang), list(kinds), key=KEY,
                 format_func=lambda n: t("local_option", lang, name=n, kind=type_word(kinds[n], lang),
                                         province=province[n]))
    if ss[KEY] in known.index:  # a municipality of the national population: say what is estimated about it
        row = known.loc[ss[KEY]]
        st.caption(t("local_estimated", lang, name=ss[KEY], code=row["code"], province=row["province"],
                     households=number(int(row["corporation_households"] + row["private_households"]), lang),
                     region=row["region"]))
    return ss[KEY]


def spread_section(current: Current, lang: str) -> None:
    """The spread between municipalities, in a sentence (baseline) and a table (every shown scenario)."""
    st.subheader(t("spread_title", lang))
    comparison = current.comparison
    spread = spread_between_municipalities(comparison.runs[comparison.meta["baseline"]])
    if spread.empty:
        st.info(t("spread_empty", lang))
        return
    st.markdown(spread_sentence(spread, lang))
    frame = spread_frame(comparison, lang)
    views.show_table(display(spread_shown(frame, lang), lang), frame, "municipality-spread", lang, current=current)


def show(current: Current, lang: str) -> None:
    """The whole section; one line saying how to get it where the run has one municipality."""
    st.subheader(t("local_title", lang))
    if not has_municipalities(current.comparison):
        st.caption(t("local_none", lang))
        return
    own = pick_municipality(current, lang)
    png, svg, alt = strip_chart(current.key, own, lang)
    views.show_chart(png, svg, "municipality-strip", lang, current, alt=alt)
    note = few_note(local_rates(current.comparison.runs[current.comparison.meta["baseline"]]), lang)
    if note:
        st.caption(note)
    st.markdown(f"**{t('local_table', lang)}**")
    frame = own_frame(current.comparison, own, lang)
    views.show_table(display(frame, lang), frame, "municipality-against-others", lang, current=current)
    st.caption(t("local_table_note", lang))
    spread_section(current, lang)
