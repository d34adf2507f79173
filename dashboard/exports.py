"""One-click exports of a comparison: a PDF brief and a PPTX slide deck, as bytes.

Plain functions of a sim.experiments.compare.Comparison and a language, so they can be tested without a
browser. Every page and slide carries the same stamp: version, date, seed and scenarios.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from PIL import Image
from pptx import Presentation
from pptx.util import Inches, Pt

from sim.experiments.compare import Comparison

from .figures import LOCK, forest_figure, timeseries_figure, to_png
from .i18n import outcome_label, t
from .tables import facts, headline_cells, population_label, scorecard_frame, scorecard_wide, stamp

A4_LANDSCAPE = (11.69, 8.27)  # inches
SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9


def csv_bytes(frame) -> bytes:
    """A table as UTF-8 CSV (with a byte-order mark, so spreadsheet programs read accents right)."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def _subtitle(comparison: Comparison, lang: str) -> str:
    f = facts(comparison)
    return t("deck_subtitle", lang, scenarios=", ".join(f["scenarios"]) or "–", baseline=f["baseline"],
             population=population_label(f, lang))


def _brief_meta(comparison: Comparison, lang: str) -> str:
    f = facts(comparison)
    return t("brief_meta", lang, population=population_label(f, lang), reps=f["reps"], months=f["months"],
             seed=f["seed"], version=f["version"], date=f["date"])


def scorecard_cells(comparison: Comparison, lang: str) -> list[list[str]]:
    """The scorecard as text: obligation (with its indicator), direction, one column per scenario."""
    wide = scorecard_wide(scorecard_frame(comparison, lang), lang, explain=False)
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    header = [t("col_obligation", lang), t("col_better", lang), *names]
    rows = [[f"{r[0]}. {r[1]}\n{r[2]}", r[3], *r[4:]] for r in wide.itertuples(index=False)]
    return [header, *rows]


# -- PDF -------------------------------------------------------------------------------------
def _page(title: str, comparison: Comparison, lang: str) -> Figure:
    fig = plt.figure(figsize=A4_LANDSCAPE)
    fig.text(0.04, 0.94, title, fontsize=20, weight="bold", va="top")
    fig.text(0.04, 0.02, stamp(comparison, lang), fontsize=8, color="#444444")
    return fig


def _title_page(comparison: Comparison, lang: str) -> Figure:
    fig = _page(t("deck_title", lang), comparison, lang)
    fig.text(0.04, 0.84, _subtitle(comparison, lang), fontsize=14, va="top", wrap=True)
    fig.text(0.04, 0.74, _brief_meta(comparison, lang), fontsize=12, va="top", linespacing=1.6)
    lines = [f"{name}: {comparison.runs[name].meta.get('description', '')}"
             for name in [comparison.meta["baseline"], *comparison.meta["scenarios"]]]
    fig.text(0.04, 0.40, "\n".join(lines), fontsize=11, va="top", linespacing=1.6, wrap=True)
    return fig


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
    table.set_fontsize(9)
    line = 9 * 1.35 / 72 / (A4_LANDSCAPE[1] * 0.80)  # one text line in axes units
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


def pdf_brief(comparison: Comparison, lang: str = "en") -> bytes:
    """A four-page brief: title, headline table, forest plot, rights scorecard."""
    buf = io.BytesIO()
    pages = (lambda: _title_page(comparison, lang),
             lambda: _table_page(t("deck_headline", lang), headline_cells(comparison, lang), comparison, lang),
             lambda: _forest_page(comparison, lang),
             lambda: _table_page(t("deck_scorecard", lang), scorecard_cells(comparison, lang), comparison, lang))
    info = {"Title": f"{t('deck_title', lang)}: {_subtitle(comparison, lang)}", "Subject": stamp(comparison, lang),
            "Creator": "evictsim dashboard"}
    with LOCK, PdfPages(buf, metadata=info) as pdf:
        for draw in pages:
            fig = draw()
            pdf.savefig(fig)
            plt.close(fig)
    return buf.getvalue()


# -- PPTX ------------------------------------------------------------------------------------
def _slide(prs, title: str, comparison: Comparison, lang: str):
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"
    slide.shapes.title.text = title
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
    box = slide.shapes.add_textbox(Inches(0.4), SLIDE_H - Inches(0.5), SLIDE_W - Inches(0.8), Inches(0.35))
    box.text_frame.text = stamp(comparison, lang)
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
    return slide


def _title_slide(prs, comparison: Comparison, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = t("deck_title", lang)
    slide.placeholders[1].text = f"{_subtitle(comparison, lang)}\n{stamp(comparison, lang)}"
    for paragraph in slide.placeholders[1].text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(18)


def _table_slide(prs, title: str, cells: list[list[str]], comparison: Comparison, lang: str) -> None:
    slide = _slide(prs, title, comparison, lang)
    rows, cols = len(cells), len(cells[0])
    shape = slide.shapes.add_table(rows, cols, Inches(0.4), Inches(1.4), SLIDE_W - Inches(0.8), Inches(0.4) * rows)
    table = shape.table
    table.columns[0].width = Inches(4.2)
    for c in range(1, cols):
        table.columns[c].width = int((SLIDE_W - Inches(0.8) - Inches(4.2)) / (cols - 1))
    size = Pt(12 if rows <= 8 and cols <= 4 else 10)
    for r, line in enumerate(cells):
        for c, text in enumerate(line):
            cell = table.cell(r, c)
            cell.text = str(text)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = size
                    run.font.bold = r == 0


def _picture_slide(prs, title: str, png: bytes, comparison: Comparison, lang: str) -> None:
    slide = _slide(prs, title, comparison, lang)
    width, height = Image.open(io.BytesIO(png)).size
    box_w, box_h = SLIDE_W - Inches(0.8), SLIDE_H - Inches(2.1)
    scale = min(box_w / width, box_h / height)
    w, h = int(width * scale), int(height * scale)
    slide.shapes.add_picture(io.BytesIO(png), int((SLIDE_W - w) / 2), Inches(1.4), w, h)


def pptx_deck(comparison: Comparison, lang: str = "en", outcome: str = "evictions") -> bytes:
    """Five slides: title, headline table, forest plot, one outcome over time, rights scorecard."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    _title_slide(prs, comparison, lang)
    _table_slide(prs, t("deck_headline", lang), headline_cells(comparison, lang), comparison, lang)
    _picture_slide(prs, t("deck_forest", lang), to_png(lambda: forest_figure(comparison, lang)), comparison, lang)
    _picture_slide(prs, t("deck_timeseries", lang, outcome=outcome_label(outcome, lang)),
                   to_png(lambda: timeseries_figure(comparison, outcome, lang)), comparison, lang)
    _table_slide(prs, t("deck_scorecard", lang), scorecard_cells(comparison, lang), comparison, lang)
    prs.core_properties.title = f"{t('deck_title', lang)}: {_subtitle(comparison, lang)}"
    prs.core_properties.subject = stamp(comparison, lang)
    prs.core_properties.author = "evictsim dashboard"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
