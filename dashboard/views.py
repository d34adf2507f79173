"""Building blocks the pages share: headline cards, charts and tables with their downloads,
export buttons, the stamp line and presentation-mode styling.
"""

from __future__ import annotations

import functools
import math
from functools import partial

import pandas as pd
import streamlit as st
from PIL import Image, ImageDraw

from sim import covers_sentence

from . import breakdowns, exports, figures, runs, state
from .exports import scenario_description
from .messages import headline_sentence
from .i18n import (CARD_LABELS, CARDS, outcome_label, outcome_number, scenario_title, span, t, unit_label,
                   verdict_text, word)
from .runs import Current
from .tables import bounded_table, stamp

BASE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
[data-testid="stMetricLabel"] p { font-size: 1rem; }
[data-testid="stCaptionContainer"] { font-size: 0.95rem; }
/* Captions carry the intervals and what they cover: Streamlit's faded grey (about 3.9:1) is
   below WCAG AA, this grey is about 10:1 on white. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * { color: #3d3f4a !important; opacity: 1; }
/* A visible keyboard focus on every control (WCAG 2.4.7): a 3 px dark-blue ring, about 6.6:1 on
   white and 6:1 on the sidebar's grey (WCAG 1.4.11 asks 3:1). Where the focused element is hidden
   or clipped (radio and checkbox inputs, a slider's range input, a table's canvas) the ring goes
   on what the user sees: the label, the slider's thumb (react-aria marks it data-focus-visible),
   the box around it. */
:focus-visible, [data-rac][data-focus-visible="true"], label:has(input[type="radio"]:focus-visible),
label:has(input[type="checkbox"]:focus-visible),
[data-baseweb="select"] > div:has(input:focus-visible),
[data-baseweb="input"]:has(input:focus-visible), [data-baseweb="textarea"]:has(textarea:focus-visible),
[data-testid="stNumberInputContainer"]:has(input:focus-visible),
[data-testid="stDataFrameResizable"]:has(:focus-visible) {
  outline: 3px solid #0b57d0 !important; outline-offset: 2px !important;
}
/* The page's and a table's scrolling areas fill their space: their ring goes inside. */
[data-testid="stMain"]:focus-visible, [data-testid="stDataFrameResizable"]:focus-visible,
[data-testid="stDataFrameResizable"]:has(:focus-visible) { outline-offset: -3px !important; }
/* A chart's or table's toolbar shows only on hover: show it too while a button in it has the focus. */
[data-testid="stElementToolbar"]:focus-within { opacity: 1 !important; visibility: visible !important; }
</style>
"""
# Presentation mode: the same page read from the back of a room.
PRESENTATION_CSS = BASE_CSS + """
<style>
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 3rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem; }
[data-testid="stMetricDelta"] * { font-size: 1.2rem !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"] { font-size: 1.3rem; }
/* Tables read from the back of the room, and no chart taller than the screen. */
[data-testid="stTable"] td, [data-testid="stTable"] th { font-size: 1.25rem !important; }
[data-testid="stImage"] img { max-height: 82vh; width: auto !important; max-width: 100%; object-fit: contain; }
</style>
"""
CHART_WIDTH = 900  # pixels
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_data(max_entries=96, show_spinner=False)
def chart(key: str, kind: str, outcome: str, lang: str) -> tuple[bytes, bytes]:
    """A comparison's chart as (PNG, SVG); kind is "forest" or "timeseries"."""
    comparison = runs.comparison_for(key)
    if kind == "forest":
        draw = partial(figures.forest_figure, comparison, lang)
    elif kind == "breakdown":  # `outcome` names the breakdown (breakdowns.BREAKDOWNS or "municipality")
        groups, unit = breakdowns.levels(comparison, outcome, lang)
        draw = partial(figures.bars_figure, comparison, groups, t(f"breakdown_{outcome}", lang), unit, lang)
    else:
        draw = partial(figures.timeseries_figure, comparison, outcome, lang)
    return figures.to_png_svg(draw, figures.plot_meta(comparison))


def show_chart(png: bytes, svg: bytes, name: str, lang: str, current: Current | None = None, alt: str = "",
               wide: bool = False) -> None:
    """A chart (its title and axes are in the image) with its alt text (what it shows, in words),
    and outside presentation mode its downloads. A `wide` chart (the forest plot, with text on both
    sides of its plot) takes the page's width; others keep a readable size on a wide screen."""
    st.image(png, width="stretch" if state.present() or wide else CHART_WIDTH, alt=alt or name)
    if state.present():
        return
    with st.container(horizontal=True):
        for data, ext, mime in ((png, "png", "image/png"), (svg, "svg", "image/svg+xml")):
            st.download_button(f"⬇ {t(ext, lang)}", data, _file(current, name, ext, lang), mime, key=f"{ext}_{name}",
                               on_click="ignore")


def _file(current: Current | None, name: str, ext: str, lang: str = "en") -> str:
    return exports.file_name(current.comparison, name, ext, lang) if current else f"evictsim_{name}_{lang}.{ext}"


def show_table(shown: pd.DataFrame, data: pd.DataFrame, name: str, lang: str, static: bool = False,
               current: Current | None = None) -> None:
    """A table, and (outside presentation mode) its CSV download with the numbers unrounded, in the
    language's own CSV format, after a block saying what it comes from. A static table wraps
    long text instead of cutting it off."""
    if static:
        st.table(shown.set_index(shown.columns[0]))
    else:
        st.dataframe(shown, hide_index=True, width="stretch", height="content")
    if not state.present():
        meta = exports.export_meta(current.comparison, lang) if current else None
        st.download_button(f"⬇ {t('csv', lang)}", exports.csv_bytes(data, lang, meta),
                           _file(current, name, "csv", lang),
                           "text/csv", key=f"csv_{name}", on_click="ignore")


def _card(table: pd.DataFrame, scenario: str, outcome: str, lang: str) -> None:
    r = table[(table.scenario == scenario) & (table.outcome == outcome)].iloc[0]
    low, high = (outcome_number(outcome, r[k], lang, True, short=True) for k in ("diff_low", "diff_high"))
    interval = "–" if math.isnan(r["diff_low"]) else span(low, high, lang)
    base = table[(table.verdict == "baseline") & (table.outcome == outcome)].iloc[0]
    st.metric(word(CARD_LABELS, outcome, lang), outcome_number(outcome, r["mean"], lang, short=True),
              delta=outcome_number(outcome, r["diff"], lang, True, short=True), delta_color="inverse",
              help=f"{outcome_label(outcome, lang)}: {unit_label(outcome, lang)}", border=True)
    st.caption(t("interval_line", lang, span=interval, verdict=verdict_text(r["verdict"], lang)) + " · "
               + t("baseline_level", lang, value=outcome_number(outcome, base["mean"], lang, short=True)))


def headline_cards(current: Current, lang: str) -> None:
    """Per scenario: a card per headline outcome with level, difference, 90 % interval and verdict."""
    table = bounded_table(current.comparison)
    base = current.comparison.meta["baseline"]
    for scenario in current.comparison.meta["scenarios"]:
        st.subheader(t("vs", lang, scenario=scenario_title(scenario, lang), baseline=scenario_title(base, lang)))
        st.caption(scenario_description(current.comparison, scenario, lang))
        # The one plain sentence a reader takes away, as the brief and the deck open with it.
        st.markdown(f"**{headline_sentence(current.comparison, scenario, lang)}**")
        for row in (CARDS[:4], CARDS[4:]):
            for column, outcome in zip(st.columns(4), row):
                with column:
                    _card(table, scenario, outcome, lang)
    intervals_explained(current, lang)


def intervals_explained(current: Current, lang: str) -> None:
    """Under every interval: what it covers, and what the verdict words mean."""
    st.caption(covers_sentence(current.comparison.meta, lang))
    st.caption(t("verdicts_explained", lang))


def export_buttons(current: Current, lang: str) -> None:
    """PDF brief and PPTX deck of the current comparison, built only when clicked."""
    st.subheader(t("downloads", lang))
    outcome = st.session_state.get("ts_outcome", "evictions")
    row = st.container(horizontal=True)
    row.download_button(f"⬇ {t('pdf', lang)}", partial(exports.pdf_brief, current.comparison, lang),
                        _file(current, "brief", "pdf", lang), "application/pdf", key="pdf", on_click="ignore",
                        type="primary")
    row.download_button(f"⬇ {t('pptx', lang)}", partial(exports.pptx_deck, current.comparison, lang, outcome),
                        _file(current, "slides", "pptx", lang), PPTX_MIME, key="pptx", on_click="ignore",
                        type="primary")


def stamp_line(current: Current, lang: str) -> None:
    """Version, date, seed and scenarios under every page, as on every export."""
    st.caption(stamp(current.comparison, lang))


@functools.cache
def favicon() -> Image.Image:
    """A small house in the model's blue, drawn here so that the browser fetches nothing elsewhere."""
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(32, 6), (60, 30), (4, 30)], fill="#0072B2")
    draw.rectangle((12, 30, 52, 58), fill="#0072B2")
    draw.rectangle((27, 40, 37, 58), fill="#FFFFFF")
    return image


def dropped_from_address(lang: str) -> None:
    """Say which parts of the address the view could not use (once, on the session's first view)."""
    dropped = st.session_state.pop("_dropped", [])
    if dropped:
        st.warning(t("address_dropped", lang, parts=", ".join(f"`{p}`" for p in dropped)))


def document_language(lang: str) -> None:
    """Set <html lang> to the chosen language, so that screen readers and translation tools read
    the page in it (Streamlit writes lang="en" whatever the page says)."""
    st.html(f"<script>document.documentElement.lang = {lang!r};</script>", unsafe_allow_javascript=True)


def style() -> None:
    """Larger type in presentation mode; a leave button, since the sidebar is folded away."""
    st.markdown(PRESENTATION_CSS if state.present() else BASE_CSS, unsafe_allow_html=True)
    if state.present():
        st.button(t("leave_presentation", state.lang()), key="leave_presentation",
                  on_click=lambda: st.session_state.update(present=False))


@st.cache_resource(show_spinner=False)
def _stale() -> bool:
    """Whether the shipped baseline's calibration was fitted to other model code (checked once)."""
    from sim import load_scenario, stale_calibration

    return stale_calibration(load_scenario("baseline")) is not None


def stale_calibration(lang: str) -> None:
    """A warning on every page while the model has changed since its calibration."""
    if _stale():
        st.warning(t("stale_calibration", lang))
