"""The bytes the dashboard hands out: the PPTX deck, the PDF brief, charts as PNG and SVG, tables
as CSV. Built straight from a comparison, as the download buttons do."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from pptx import Presentation

from dashboard import exports, figures
from dashboard.tables import headline_frame, scorecard_frame, stamp

PNG = b"\x89PNG\r\n\x1a\n"
TITLES = {"en": ["Eviction policy compared", "Headline outcomes per year", "Difference against the baseline",
                 "Over time: Evictions (executed)", "Rights scorecard"],
          "nl": ["Huisuitzettingsbeleid vergeleken", "Kernuitkomsten per jaar", "Verschil met het basisscenario",
                 "In de tijd: Uitzettingen (uitgevoerd)", "Rechten-scorekaart"]}


def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pptx_has_the_five_slides_each_stamped(comparison, lang):
    deck = Presentation(io.BytesIO(exports.pptx_deck(comparison, lang)))
    assert [slide.shapes.title.text for slide in deck.slides] == TITLES[lang]
    for slide in deck.slides:
        assert stamp(comparison, lang) in slide_text(slide)
    pictures = [sum(shape.shape_type == 13 for shape in slide.shapes) for slide in deck.slides]  # 13: picture
    assert pictures == [0, 0, 1, 1, 0]
    tables = [sum(shape.has_table for shape in slide.shapes) for slide in deck.slides]
    assert tables == [0, 1, 0, 0, 1]
    assert "seed 3" in deck.core_properties.subject


def test_pptx_scorecard_lists_every_obligation_and_scenario(comparison):
    deck = Presentation(io.BytesIO(exports.pptx_deck(comparison, "en")))
    table = next(shape.table for shape in deck.slides[4].shapes if shape.has_table)
    from sim.scorecard import OBLIGATIONS

    assert len(table.rows) == 1 + len(OBLIGATIONS)
    assert [table.cell(0, c).text for c in range(len(table.columns))][2:] == ["baseline", "ombudsman-package"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pdf_brief_has_four_pages(comparison, lang):
    pdf = exports.pdf_brief(comparison, lang)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 4
    assert b"/Subject" in pdf and b"/Title" in pdf  # the stamp and the scenarios, as document metadata


def test_charts_as_png_and_svg(comparison):
    meta = figures.plot_meta(comparison)
    png, svg = figures.to_png_svg(lambda: figures.forest_figure(comparison, "nl"), meta)
    assert png.startswith(PNG)
    assert b"<svg" in svg[:500] and "Verschil met het basisscenario".encode() in svg
    png, svg = figures.to_png_svg(lambda: figures.timeseries_figure(comparison, "homeless_children", "en"), meta)
    assert png.startswith(PNG) and b"children" in svg


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_csv_parses_back(comparison, lang):
    for frame in (headline_frame(comparison, lang), scorecard_frame(comparison, lang)):
        back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), encoding="utf-8-sig")
        assert list(back.columns) == list(frame.columns)
        assert back.shape == frame.shape
        numbers = frame.select_dtypes("number").columns
        pd.testing.assert_frame_equal(back[numbers], frame[numbers], check_dtype=False)
