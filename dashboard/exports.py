"""One-click exports of a comparison: the PDF brief and tables as CSV, as bytes (the slide deck
is dashboard/deck.py).

Plain functions of a sim.experiments.compare.Comparison and a language, so they can be tested without a
browser. Every page carries the same stamp: version, date, seed and scenarios; every CSV opens
with a block of lines starting with "#" that say the same (read it back with `comment="#"`).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from functools import partial

import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
import pandas as pd

from sim import Comparison, covers_parameters, interval_coverage

from . import custom
from .app_pages.costs import view as costs_view
from .deck import pptx_deck  # noqa: F401  (the exports in one place for the pages)
from .figures import LOCK, forest_figure, to_png
from .i18n import scenario_summary, scenario_title, t
from .levers import CUSTOM
from .messages import caveats, method, summary
from .tables import facts, headline_cells, population_label, scorecard_frame, scorecard_wide, stamp

A4_LANDSCAPE = (11.69, 8.27)  # inches
# Dutch spreadsheet programs read ";" between fields and "," in numbers; English ones "," and ".".
CSV_FORMAT = {"en": {"sep": ",", "decimal": "."}, "nl": {"sep": ";", "decimal": ","}}


def csv_bytes(frame: pd.DataFrame, lang: str = "en", meta: dict[str, object] | None = None) -> bytes:
    """A table as UTF-8 CSV in the language's own format (with a byte-order mark, so spreadsheet
    programs read accents right), after a block of "# key<sep>value" lines describing it."""
    fmt = CSV_FORMAT[lang]
    head = "".join(f"# {key}{fmt['sep']}{value}\n" for key, value in (meta or {}).items())
    return (head + frame.to_csv(index=False, **fmt)).encode("utf-8-sig")


def export_meta(comparison: Comparison, lang: str) -> dict[str, object]:
    """What every exported table says about itself: version, commit, scenarios, seed, population,
    run settings, date, posterior draws and what the intervals cover."""
    f, u = facts(comparison), interval_coverage(comparison.meta)
    values = {"version": f["version"], "commit": f["commit"] or "-", "baseline": scenario_title(f["baseline"], lang),
              "scenarios": " + ".join(scenario_title(n, lang) for n in f["scenarios"]) or "-", "seed": f["seed"],
              "population": population_label(f, lang), "replications": f["reps"],
              "months": f["months"], "date": f["date"], "draws": u["posterior_draws"],
              "covers": t(f"covers_{'parameters' if covers_parameters(comparison.meta) else 'noise'}", lang)}
    return {t(f"meta_{key}", lang): value for key, value in values.items()}


def file_name(comparison: Comparison, what: str, ext: str, lang: str = "en") -> str:
    """A descriptive file name: evictsim, what it is, the scenarios, the population, the language
    (so that an English and a Dutch download do not overwrite each other) and the date."""
    f = facts(comparison)
    parts = ["evictsim", what, "+".join(f["scenarios"]) or f["baseline"], str(f["population"]), lang, f["date"]]
    name = "_".join(parts).replace("/", "-").replace(" ", "-")
    return f"{name[:150]}.{ext}"


def _subtitle(comparison: Comparison, lang: str) -> str:
    f = facts(comparison)
    return t("deck_subtitle", lang, scenarios=", ".join(scenario_title(s, lang) for s in f["scenarios"]) or "–",
             baseline=scenario_title(f["baseline"], lang), population=population_label(f, lang))


def scorecard_cells(comparison: Comparison, lang: str) -> list[list[str]]:
    """The scorecard as text: obligation (with its indicator), direction, one column per scenario."""
    wide = scorecard_wide(scorecard_frame(comparison, lang), lang, explain=False)
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    header = [t("col_obligation", lang), t("col_better", lang), *(scenario_title(n, lang) for n in names)]
    rows = [[f"{r[0]}. {r[1]}\n{r[2]}", r[3], *r[4:]] for r in wide.itertuples(index=False)]
    return [header, *rows]


# -- PDF -------------------------------------------------------------------------------------
def _page(title: str, comparison: Comparison, lang: str) -> Figure:
    fig = plt.figure(figsize=A4_LANDSCAPE)
    fig.text(0.04, 0.94, title, fontsize=20, weight="bold", va="top")
    fig.text(0.04, 0.02, stamp(comparison, lang), fontsize=9, color="#444444")
    return fig


def _block(fig: Figure, y: float, heading: str, lines: list[str], size: int = 11) -> float:
    """A heading and wrapped paragraphs from height `y` (figure fraction) down; returns where it ends."""
    line = size * 1.45 / 72 / A4_LANDSCAPE[1]  # one line of text as a fraction of the page's height
    fig.text(0.04, y, heading, fontsize=13, weight="bold", va="top")
    y -= 1.6 * line
    for paragraph in lines:
        wrapped = textwrap.fill(paragraph, int(1450 / size))
        fig.text(0.04, y, wrapped, fontsize=size, va="top", linespacing=1.45)
        y -= (wrapped.count("\n") + 1.5) * line
    return y - 0.5 * line


def _summary_page(comparison: Comparison, lang: str) -> Figure:
    """The one page a reader needs: what was compared, the headline per scenario, the caveats and
    the method, and what each scenario is."""
    f = facts(comparison)
    fig = _page(t("deck_title", lang), comparison, lang)
    fig.text(0.04, 0.875, _subtitle(comparison, lang), fontsize=13, va="top")
    y = _block(fig, 0.82, t("deck_summary", lang), [summary(comparison, lang)])
    y = _block(fig, y, t("deck_caveats", lang), [f"• {c}" for c in caveats(comparison, lang)], size=10)
    y = _block(fig, y, t("deck_method", lang), [method(comparison, lang)], size=10)
    lines = [f"{scenario_title(n, lang)}: {scenario_description(comparison, n, lang)}"
             for n in [f["baseline"], *f["scenarios"]]]
    _block(fig, y, t("scenarios", lang), lines, size=10)
    return fig


def scenario_description(comparison: Comparison, name: str, lang: str) -> str:
    """A scenario's one-line description in the language (its file's own where there is no other); for
    the scenario built from levers, what it started from and which levers it changed."""
    if name == CUSTOM:
        return custom.description(comparison.runs[name].meta, lang)
    return scenario_summary(name, lang) or str(comparison.runs[name].meta.get("description", ""))


def _fit(cells: list[list[str]], line_chars: int = 135) -> tuple[list[list[str]], list[float]]:
    """Wrap each column's text so that the table fits the page; returns the text and column widths."""
    longest = [max(len(part) for cell in column for part in str(cell).split("\n")) for column in zip(*cells)]
    wanted = [min(n, 42) + 1 for n in longest]
    chars = [max(8, int(w * min(1.0, line_chars / sum(wanted)))) for w in wanted]
    wrapped = [["\n".join(textwrap.fill(part, width) or " " for part in str(cell).split("\n"))
                for cell, width in zip(row, chars)] for row in cells]
    return wrapped, [c / sum(chars) for c in chars]


def _table_page(title: str, cells: list[list[str]], comparison: Comparison, lang: str) -> Figure:
    fig = _page(title, comparison, lang)
    ax = fig.add_axes((0.04, 0.07, 0.92, 0.80))
    ax.axis("off")
    text, widths = _fit(cells)
    table = ax.table(cellText=text[1:], colLabels=text[0], colWidths=widths, loc="upper left", cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(10)
    line = 10 * 1.35 / 72 / (A4_LANDSCAPE[1] * 0.80)  # one text line in axes units
    for (row, _), cell in table.get_celld().items():
        cell.PAD = 0.03  # matplotlib's default indents left-aligned text by a tenth of the column
        lines = max(str(c).count("\n") + 1 for c in text[row])
        cell.set_height(line * lines + 0.012)
        if row == 0:
            cell.set_text_props(weight="bold")
    return fig


def _forest_page(comparison: Comparison, lang: str) -> Figure:
    fig = _page(t("deck_forest", lang), comparison, lang)
    image = plt.imread(io.BytesIO(to_png(lambda: forest_figure(comparison, lang), dpi=200)), format="png")
    ax = fig.add_axes((0.04, 0.06, 0.92, 0.82))
    ax.imshow(image)
    ax.axis("off")
    return fig


def _mkba_page(comparison: Comparison, cba, scenario: str, lang: str) -> Figure:
    """A scenario's MKBA: the headline sentence and who pays, who gains (the page's chart)."""
    fig = _page(t("deck_mkba", lang, scenario=scenario_title(scenario, lang)), comparison, lang)
    fig.text(0.04, 0.875, textwrap.fill(costs_view.headline(cba, scenario, lang), 130), fontsize=12, va="top")
    draw = partial(costs_view.actor_figure, cba, comparison, scenario, lang)
    image = plt.imread(io.BytesIO(to_png(draw, dpi=200)), format="png")
    ax = fig.add_axes((0.04, 0.07, 0.92, 0.74))
    ax.imshow(image)
    ax.axis("off")
    return fig


def mkba_pages(comparison: Comparison, lang: str) -> list[Callable[[], Figure]]:
    """An MKBA page per scenario (none where the run is too short for one)."""
    cba = costs_view.mkba(comparison)
    if cba is None:
        return []
    return [partial(_mkba_page, comparison, cba, s, lang) for s in comparison.meta["scenarios"]]


SCORECARD_ROWS = 5  # obligations per page of the brief, so that the wrapped rows fit


def brief_pages(comparison: Comparison, lang: str) -> list[Callable[[], Figure]]:
    """The brief's pages, each drawn when called: the summary with caveats and method, the headline
    table, the forest plot, the rights scorecard over two pages, and an MKBA page per scenario."""
    card = scorecard_cells(comparison, lang)
    parts = [card[1:][i:i + SCORECARD_ROWS] for i in range(0, len(card) - 1, SCORECARD_ROWS)]
    return [lambda: _summary_page(comparison, lang),
            lambda: _table_page(t("deck_headline", lang), headline_cells(comparison, lang), comparison, lang),
            lambda: _forest_page(comparison, lang),
            *(lambda i=i, part=part: _table_page(t("deck_scorecard_part", lang, part=i, parts=len(parts)),
                                                 [card[0], *part], comparison, lang)
              for i, part in enumerate(parts, 1)),
            *mkba_pages(comparison, lang)]


def pdf_brief(comparison: Comparison, lang: str = "en") -> bytes:
    """The brief as PDF: a summary page a reader can take alone, then the tables and the chart."""
    buf = io.BytesIO()
    pages = brief_pages(comparison, lang)
    info = {"Title": f"{t('deck_title', lang)}: {_subtitle(comparison, lang)}", "Subject": stamp(comparison, lang),
            "Creator": "evictsim dashboard"}
    with LOCK, PdfPages(buf, metadata=info) as pdf:
        for draw in pages:
            fig = draw()
            pdf.savefig(fig)
            plt.close(fig)
    return buf.getvalue()
