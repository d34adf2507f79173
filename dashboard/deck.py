"""The comparison as a 16:9 slide deck a council can use as it is (PPTX bytes).

Every slide is laid out on the 16:9 page itself (the template's 4:3 placeholders are not used):
text of 18 pt and more, charts across the full width, a key-message slide, speaker notes with
the caveats on every slide, and alt text with the headline numbers on every image.
"""

from __future__ import annotations

import io
import textwrap
from functools import partial

from PIL import Image
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from sim import Comparison

from .figures import SLIDE_FOREST_WIDTH, difference_text, forest_figure, slide_png, timeseries_figure
from .i18n import CARD_LABELS, CARDS, outcome_label, outcome_number, scenario_title, t, verdict_text, word
from .messages import caveats, headline_sentence, method, summary
from .tables import bounded_table, facts, population_label, row_of, scorecard_frame, scorecard_wide, stamp

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
BODY_TOP, FOOTER_H = Inches(1.35), Inches(0.75)
BLANK = 6  # the default template's blank layout: no 4:3 placeholders
MIN_PT = 18  # the smallest text on any slide


def _text(slide, text: str | list[str], left, top, width, height, size: int, bold: bool = False) -> None:
    """A text box of one or more paragraphs, wrapped within its width."""
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, line in enumerate([text] if isinstance(text, str) else text):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(size * 0.5)
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), bold


def _slide(prs, title: str, comparison: Comparison, lang: str, notes: list[str]):
    """A blank 16:9 slide with its title, the stamp at the bottom and speaker notes (the caveats)."""
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK])
    _text(slide, title, MARGIN, Inches(0.3), SLIDE_W - 2 * MARGIN, Inches(0.9), 28, bold=True)
    _text(slide, stamp(comparison, lang), MARGIN, SLIDE_H - FOOTER_H, SLIDE_W - 2 * MARGIN, FOOTER_H, MIN_PT)
    slide.notes_slide.notes_text_frame.text = "\n\n".join([*notes, *caveats(comparison, lang)])
    return slide


def _title_slide(prs, comparison: Comparison, lang: str) -> None:
    f = facts(comparison)
    slide = _slide(prs, t("deck_title", lang), comparison, lang, [summary(comparison, lang)])
    names = ", ".join(scenario_title(s, lang) for s in f["scenarios"]) or "–"
    lines = [t("deck_subtitle", lang, scenarios=names, baseline=scenario_title(f["baseline"], lang),
               population=population_label(f, lang)),
             t("brief_meta", lang, population=population_label(f, lang), reps=f["reps"], months=f["months"],
               seed=f["seed"], version=f["version"], date=f["date"]).replace("\n", " · ")]
    _text(slide, lines, MARGIN, Inches(1.6), SLIDE_W - 2 * MARGIN, Inches(4.5), 24)


KEY_MESSAGES = 2  # scenarios per key-message slide, so that their sentences fit at 20 pt and more


def _key_message_slides(prs, comparison: Comparison, lang: str) -> None:
    """The headline sentence of each scenario (two to a slide), with what the intervals cover."""
    names = comparison.meta["scenarios"]
    for start in range(0, max(len(names), 1), KEY_MESSAGES):
        part = names[start:start + KEY_MESSAGES]
        slide = _slide(prs, t("deck_key_message", lang), comparison, lang, [method(comparison, lang)])
        _text(slide, [headline_sentence(comparison, s, lang) for s in part], MARGIN, BODY_TOP,
              SLIDE_W - 2 * MARGIN, Inches(3.9), 24 if len(part) == 1 else 20)
        _text(slide, caveats(comparison, lang)[0], MARGIN, Inches(5.35), SLIDE_W - 2 * MARGIN, Inches(1.35), MIN_PT)


def _table(slide, cells: list[list[str]], widths: list[float], top=BODY_TOP) -> None:
    """A table of text at 18 pt, header in bold, columns of the given widths (inches)."""
    shape = slide.shapes.add_table(len(cells), len(cells[0]), MARGIN, top, Inches(sum(widths)),
                                   Inches(0.5) * len(cells))
    for c, width in enumerate(widths):
        shape.table.columns[c].width = Inches(width)
    for r, line in enumerate(cells):
        shape.table.rows[r].height = Inches(0.45)
        for c, text in enumerate(line):
            cell = shape.table.cell(r, c)
            cell.text = str(text)
            cell.margin_top = cell.margin_bottom = Inches(0.04)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size, run.font.bold = Pt(MIN_PT), r == 0


def _headline_slide(prs, comparison: Comparison, scenario: str, lang: str) -> None:
    """One scenario's headline outcomes: baseline, scenario, difference with interval, verdict."""
    table, base = bounded_table(comparison), comparison.meta["baseline"]
    title = t("deck_headline_of", lang, scenario=scenario_title(scenario, lang))
    slide = _slide(prs, title, comparison, lang, [headline_sentence(comparison, scenario, lang)])
    cells = [[t("col_outcome", lang), t("col_baseline", lang), t("col_value", lang),
              t("col_difference_interval", lang), t("col_verdict", lang)]]
    for outcome in CARDS:
        b, r = row_of(table, base, outcome), row_of(table, scenario, outcome)
        cells.append([word(CARD_LABELS, outcome, lang), outcome_number(outcome, b["mean"], lang, short=True),
                      outcome_number(outcome, r["mean"], lang, short=True), difference_text(outcome, r, lang),
                      verdict_text(r["verdict"], lang)])
    _table(slide, cells, [3.4, 1.5, 1.5, 3.7, 2.2])  # the verdict in words fits one line in Dutch too


def _picture_slide(prs, title: str, png: bytes, alt: str, comparison: Comparison, lang: str) -> None:
    """A chart across the slide's full width (or its full height, if it is tall), with alt text."""
    slide = _slide(prs, title, comparison, lang, [alt])
    width, height = Image.open(io.BytesIO(png)).size
    box_w, box_h = SLIDE_W - 2 * MARGIN, SLIDE_H - BODY_TOP - FOOTER_H - Inches(0.1)
    scale = min(box_w / width, box_h / height)
    w, h = int(width * scale), int(height * scale)
    picture = slide.shapes.add_picture(io.BytesIO(png), Emu(int((SLIDE_W - w) / 2)), BODY_TOP, w, h)
    picture._element.nvPicPr.cNvPr.set("descr", alt)  # what a screen reader says; python-pptx has no setter
    picture.name = title


def forest_alt(comparison: Comparison, scenario: str, lang: str) -> str:
    """What the forest plot shows, in words: each outcome's difference a year with its interval."""
    table = bounded_table(comparison)
    numbers = "; ".join(f"{outcome_label(o, lang)}: {difference_text(o, row_of(table, scenario, o), lang)}"
                        for o in CARDS)
    return t("alt_forest", lang, numbers=f"{scenario_title(scenario, lang)}: {numbers}.")


def timeseries_alt(comparison: Comparison, outcome: str, lang: str) -> str:
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    means = {n: row_of(comparison.table, n, outcome)["mean"] for n in names}
    levels = "; ".join(f"{scenario_title(n, lang)}: {outcome_number(outcome, mean, lang)}" for n, mean in means.items())
    return t("alt_timeseries", lang, outcome=outcome_label(outcome, lang).lower(),
             scenarios=", ".join(scenario_title(n, lang) for n in names), numbers=levels)


def _scorecard_slides(prs, comparison: Comparison, lang: str) -> None:
    """The rights scorecard over as many slides as 18 pt needs: obligation, direction, a column
    per scenario with the share, its interval and the counts behind it."""
    wide = scorecard_wide(scorecard_frame(comparison, lang), lang, explain=False)
    names = [comparison.meta["baseline"], *comparison.meta["scenarios"]]
    header = [t("col_obligation", lang), t("col_better", lang), *(scenario_title(n, lang) for n in names)]
    few = f" · {t('few_cases', lang)}"  # on a slide a star; the notes say what it means
    rows = [[f"{r[0]}. {r[2]}", r[3], *(c.replace(few, " *").replace(" · ", "\n", 1) for c in r[4:])]
            for r in wide.itertuples(index=False)]
    rest = (SLIDE_W - 2 * MARGIN) / Inches(1) - 5.6
    widths = [4.0, 1.6, *[rest / len(names)] * len(names)]
    note = f"* {t('few_cases_note', lang)}"
    note_h = _lines(note, (SLIDE_W - 2 * MARGIN) / Inches(1)) * LINE_IN + 0.1
    room = (SLIDE_H - FOOTER_H - BODY_TOP) / Inches(1) - note_h - 0.1  # the table above the star's note
    parts = _fill(rows, widths, room - _row_height(header, widths, bold=True), 2 if len(names) > 3 else 3)
    for i, part in enumerate(parts, 1):
        title = t("deck_scorecard_part", lang, part=i, parts=len(parts))
        slide = _slide(prs, title, comparison, lang, [t("scorecard_covers", lang), f"* {t('few_cases', lang)}"])
        _table(slide, [header, *part], widths)
        if any(" *" in cell for row in part for cell in row[2:]):  # a star is explained where it is shown
            _text(slide, note, MARGIN, SLIDE_H - FOOTER_H - Inches(note_h), SLIDE_W - 2 * MARGIN, Inches(note_h),
                  MIN_PT)


# How much room 18 pt text takes on a slide, measured on LibreOffice's rendering (DejaVu Sans):
# a line 1.2 times the type size, a character 0.56 of it on average (0.62 in bold); a cell's margins.
LINE_IN, CHAR_IN, BOLD_CHAR_IN = MIN_PT * 1.2 / 72, MIN_PT * 0.56 / 72, MIN_PT * 0.62 / 72
CELL_MARGINS_IN = (0.2, 0.08)  # left and right; top and bottom


def _lines(text: str, width_in: float, bold: bool = False) -> int:
    """Lines a text wraps to in a box this wide (inches), word by word as the slide wraps it."""
    per_line = max(1, int(width_in / (BOLD_CHAR_IN if bold else CHAR_IN)))
    return sum(max(1, len(textwrap.wrap(part, per_line))) for part in str(text).split("\n"))


def _row_height(cells: list[str], widths: list[float], bold: bool = False) -> float:
    """A table row's height (inches): its tallest cell."""
    return max(_lines(c, w - CELL_MARGINS_IN[0], bold) for c, w in zip(cells, widths)) * LINE_IN + CELL_MARGINS_IN[1]


def _fill(rows: list[list[str]], widths: list[float], room: float, most: int) -> list[list[list[str]]]:
    """Rows over slides: as many on a slide as fit in `room` inches (at most `most`, at least one)."""
    parts: list[list[list[str]]] = []
    used = 0.0
    for row in rows:
        height = _row_height(row, widths)
        if parts and len(parts[-1]) < most and used + height <= room:
            parts[-1].append(row)
            used += height
        else:
            parts.append([row])
            used = height
    return parts


def _mkba_slides(prs, comparison: Comparison, lang: str) -> None:
    """Per scenario, who pays and who gains (the MKBA's chart), the headline sentence in its alt
    text and notes; none where the run is too short for an MKBA."""
    from .app_pages.costs import view as costs_view

    cba = costs_view.mkba(comparison)
    for scenario in comparison.meta["scenarios"] if cba is not None else []:
        png = slide_png(partial(costs_view.actor_figure, cba, comparison, scenario, lang))
        alt = f"{costs_view.headline(cba, scenario, lang)} {costs_view.chart_alt(cba, scenario, lang)}"
        _picture_slide(prs, t("deck_mkba", lang, scenario=scenario_title(scenario, lang)), png, alt, comparison, lang)


def _caveats_slide(prs, comparison: Comparison, lang: str) -> None:
    slide = _slide(prs, f"{t('deck_caveats', lang)} · {t('deck_method', lang)}", comparison, lang, [])
    _text(slide, [*caveats(comparison, lang), method(comparison, lang)], MARGIN, BODY_TOP, SLIDE_W - 2 * MARGIN,
          Inches(5.3), 20)


def pptx_deck(comparison: Comparison, lang: str = "en", outcome: str = "evictions") -> bytes:
    """Title, key message, per scenario its outcomes and its forest plot, one outcome over time,
    the rights scorecard, an MKBA slide per scenario, caveats and method."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    _title_slide(prs, comparison, lang)
    _key_message_slides(prs, comparison, lang)
    for scenario in comparison.meta["scenarios"]:
        _headline_slide(prs, comparison, scenario, lang)
        png = slide_png(partial(forest_figure, comparison, lang, scenarios=(scenario,), width=SLIDE_FOREST_WIDTH))
        _picture_slide(prs, t("deck_forest_of", lang, scenario=scenario_title(scenario, lang)), png,
                       forest_alt(comparison, scenario, lang), comparison, lang)
    _picture_slide(prs, t("deck_timeseries", lang, outcome=outcome_label(outcome, lang)),
                   slide_png(lambda: timeseries_figure(comparison, outcome, lang)),
                   timeseries_alt(comparison, outcome, lang), comparison, lang)
    _scorecard_slides(prs, comparison, lang)
    _mkba_slides(prs, comparison, lang)
    _caveats_slide(prs, comparison, lang)
    prs.core_properties.title = f"{t('deck_title', lang)}: {summary(comparison, lang)[:200]}"
    prs.core_properties.subject = stamp(comparison, lang)
    prs.core_properties.author = "evictsim dashboard"
    prs.core_properties.language = {"en": "en-GB", "nl": "nl-NL"}[lang]
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
