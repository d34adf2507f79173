"""The bytes the dashboard hands out: the PPTX deck, the PDF brief, charts as PNG and SVG, tables
as CSV. Built straight from a comparison, as the download buttons do."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from pptx import Presentation

from dashboard import exports, figures
from dashboard.i18n import t
from dashboard.tables import headline_frame, scorecard_export, scorecard_frame, stamp
from pptx.util import Inches, Pt
from sim.intervals import covers_sentence

PNG = b"\x89PNG\r\n\x1a\n"
TITLES = {"en": ["Eviction policy compared", "Key message"],
          "nl": ["Huisuitzettingsbeleid vergeleken", "Kernboodschap"]}
CAVEATS = {"en": "Caveats · Method", "nl": "Kanttekeningen · Methode"}


def slide_title(slide) -> str:
    """The first text box of a slide: its title (the deck uses no title placeholders)."""
    return next(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pptx_is_16_9_with_a_key_message_notes_and_alt_text(comparison, lang):
    deck = Presentation(io.BytesIO(exports.pptx_deck(comparison, lang)))
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    titles = [slide_title(slide) for slide in deck.slides]
    assert titles[:2] == TITLES[lang] and titles[-1] == CAVEATS[lang]
    for slide in deck.slides:
        assert stamp(comparison, lang) in slide_text(slide)
        assert covers_sentence(comparison.meta, lang) in slide.notes_slide.notes_text_frame.text
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= deck.slide_width and shape.top + shape.height <= deck.slide_height
            assert not shape.has_text_frame or all(run.font.size >= Pt(18) for p in shape.text_frame.paragraphs
                                                   for run in p.runs)
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]  # 13: picture
    assert len(pictures) == 3  # the forest plot, an outcome over time, the MKBA's who pays and who gains
    for picture in pictures:
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt and alt != "image.png" and re.search(r"\d", alt)  # the headline numbers
        assert picture.width >= Inches(12) or picture.height >= Inches(5)
    assert {"en": "seed 3", "nl": "startgetal 3"}[lang] in deck.core_properties.subject


def test_pptx_scorecard_lists_every_obligation_and_scenario(comparison):
    from sim.scorecard import OBLIGATIONS

    deck = Presentation(io.BytesIO(exports.pptx_deck(comparison, "en")))
    tables = [shape.table for slide in deck.slides if slide_title(slide).startswith("Rights scorecard")
              for shape in slide.shapes if shape.has_table]
    assert sum(len(table.rows) - 1 for table in tables) == len(OBLIGATIONS)
    assert [tables[0].cell(0, c).text for c in range(len(tables[0].columns))][2:] == ["Current policy",
                                                                                    "Ombudsman package"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pdf_brief_opens_with_its_summary(comparison, lang):
    pdf = exports.pdf_brief(comparison, lang)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == len(exports.brief_pages(comparison, lang)) >= 4
    page = exports.brief_pages(comparison, lang)[0]()
    shown = " ".join(text.get_text() for text in page.texts)
    for heading in ("deck_summary", "deck_caveats", "deck_method"):
        assert t(heading, lang) in shown
    assert covers_sentence(comparison.meta, lang).split(":")[0] in shown.replace("\n", " ")
    assert b"/Subject" in pdf and b"/Title" in pdf  # the stamp and the scenarios, as document metadata


def test_charts_as_png_and_svg(comparison):
    meta = figures.plot_meta(comparison)
    png, svg = figures.to_png_svg(lambda: figures.forest_figure(comparison, "nl"), meta)
    assert png.startswith(PNG)
    assert b"<svg" in svg[:500] and b"Verschil met het basisscenario" in svg
    png, svg = figures.to_png_svg(lambda: figures.timeseries_figure(comparison, "homeless_children", "en"), meta)
    assert png.startswith(PNG) and b"children" in svg


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_csv_says_what_it_is_and_parses_back_in_its_language(comparison, lang):
    meta = exports.export_meta(comparison, lang)
    sep, decimal = {"en": (",", "."), "nl": (";", ",")}[lang]
    for frame in (headline_frame(comparison, lang), scorecard_export(scorecard_frame(comparison, lang), lang)):
        data = exports.csv_bytes(frame, lang, meta)
        head = [line for line in data.decode("utf-8-sig").splitlines() if line.startswith("#")]
        assert len(head) == len(meta) and f"# {t('meta_seed', lang)}{sep}3" in head
        back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=sep, decimal=decimal, comment="#")
        assert list(back.columns) == list(frame.columns) and back.shape == frame.shape
        numbers = frame.select_dtypes("number").columns
        pd.testing.assert_frame_equal(back[numbers], frame[numbers], check_dtype=False)
    dutch = scorecard_export(scorecard_frame(comparison, "nl"), "nl")
    assert "verplichting" in dutch.columns and "better" not in dutch.columns
    assert set(dutch["beter als"]) <= {"▼ lager is beter", "▲ hoger is beter"}


def test_file_names_say_what_and_for_whom(comparison):
    name = exports.file_name(comparison, "forest", "png")
    assert name.startswith("evictsim_forest_ombudsman-package_small_town_") and name.endswith(".png")


def test_reproduce_this_gives_the_same_table(comparison):
    from dashboard.messages import reproduce

    command, python = reproduce(comparison)
    assert command.startswith(".venv/bin/evictsim compare baseline ombudsman-package --population small_town")
    assert "--seed 3" in command and "--replications 2" in command
    names: dict = {}
    exec(python.replace("comparison.table", "table = comparison.table"), names)  # the lines as shown
    pd.testing.assert_frame_equal(names["table"], comparison.table)
