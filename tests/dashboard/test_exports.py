"""The bytes the dashboard hands out: the PPTX deck, the PDF brief, charts as PNG and SVG, tables
as CSV. Built straight from a comparison, as the download buttons do."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from dashboard import exports, figures
from dashboard.i18n import t
from dashboard.tables import headline_frame, scorecard_export, scorecard_frame, stamp
from pptx.util import Inches, Pt
from sim.intervals import covers_sentence

ROOT = Path(__file__).resolve().parents[2]

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
    name = exports.file_name(comparison, "forest", "png", "nl")
    assert name.startswith("evictsim_forest_ombudsman-package_small_town_nl_") and name.endswith(".png")


def test_reproduce_this_gives_the_same_table(comparison):
    from dashboard.messages import reproduce

    command, python, files = reproduce(comparison)
    assert command.startswith(".venv/bin/evictsim compare baseline ombudsman-package --population small_town")
    assert "--seed 3" in command and "--replications 2" in command and not files
    names: dict = {}
    exec(python.replace("comparison.table", "table = comparison.table"), names)  # the lines as shown
    pd.testing.assert_frame_equal(names["table"], comparison.table)


def test_reproduce_this_command_gives_the_page_s_table(tmp_path, monkeypatch):
    """The page's comparison (posterior draws, a scenario built from levers), made as the dashboard
    makes it, one scenario at a time; then the shown command, run as it is with the scenario file
    the page offers, and the shown Python lines, run where that file is: the three tables are the
    same, and no interval goes below minus the baseline."""
    import json
    import os
    import shlex
    import subprocess
    import sys

    from dashboard import runs
    from dashboard.messages import reproduce
    from sim import read_comparison

    request = {"baseline": "baseline", "scenarios": ["ombudsman-package"],
               "custom": {"from": "baseline", "policy": {"legal_aid.share_summoned": 1.0}},
               "population": "small_town", "profile": None, "services": None, "months": 36, "replications": 2,
               "posterior": 2, "seed": 3}
    page = runs.paired({name: runs.run_for(key) for name, key in runs.run_requests(request)})
    command, python, files = reproduce(page)
    assert "--posterior 2" in command and "evictsim-own-scenario.toml" in command
    assert "posterior=2" in python and "evictsim-own-scenario.toml" in python
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [*shlex.split(command)[1:], "--out", str(tmp_path / "out"), "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", "from sim.cli import main; main()", *args], cwd=tmp_path, env=env,
                   check=True, capture_output=True, timeout=900)
    shown = read_comparison(tmp_path / "out").table
    numbers = ["mean", "low", "high", "diff", "diff_low", "diff_high"]
    pd.testing.assert_frame_equal(shown[["scenario", "outcome", *numbers, "verdict"]].reset_index(drop=True),
                                  page.table[["scenario", "outcome", *numbers, "verdict"]].reset_index(drop=True),
                                  check_exact=False, rtol=1e-9)
    base = shown[shown.verdict == "baseline"].set_index("outcome")["mean"]
    assert (shown.diff_low >= -shown.outcome.map(base) - 1e-9).all()
    assert json.loads((tmp_path / "out" / "comparison.json").read_text())["meta"]["scenarios"] == \
        ["ombudsman-package", "custom"]
    monkeypatch.chdir(tmp_path)  # the Python lines, as shown, next to the scenario file
    names: dict = {}
    exec(python.replace("comparison.table", "table = comparison.table"), names)
    lines = names["table"].replace({"scenario": {"evictsim-own-scenario.toml": "custom"}})
    pd.testing.assert_frame_equal(lines[["scenario", "outcome", *numbers, "verdict"]].reset_index(drop=True),
                                  page.table[["scenario", "outcome", *numbers, "verdict"]].reset_index(drop=True),
                                  check_exact=False, rtol=1e-9)


@pytest.fixture(scope="module")
def with_draws():
    from sim import compare

    return compare("baseline", ["ombudsman-package"], population="small_town", months=12, warmup=12,
                   replications=2, posterior=2, seed=3)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_units_and_method_say_what_the_numbers_are(comparison, with_draws, lang):
    """A monthly average is not said 'a year' (homeless children), and the method says what the
    interval covers: noise only, or noise and the parameter draws."""
    from dashboard.messages import headline_sentence, method

    sentence = headline_sentence(comparison, "ombudsman-package", lang)
    homeless = sentence.split({"en": "homeless children", "nl": "dakloze kinderen"}[lang])[1].split(";")[0]
    assert {"en": "a year", "nl": "per jaar"}[lang] not in homeless.split(")")[0]
    assert {"en": "at any one time", "nl": "tegelijk"}[lang] in homeless
    assert "t-interval" in method(comparison, lang) and "2 " not in method(comparison, lang).split("t-interval")[1]
    drawn = method(with_draws, lang)
    assert {"en": "2 joint draws", "nl": "2 gezamenlijke trekkingen"}[lang] in drawn


def test_small_numbers_follow_one_rule_and_a_star_is_explained(two_scenarios):
    """A ratio on 3 evictions is marked as a share on 12 cases is; a slide that shows the star
    says what it means."""
    from dashboard.tables import RATIO_INDICATORS, indicator_text

    ratio = RATIO_INDICATORS[0]
    assert t("few_cases", "en") in indicator_text(ratio, 1.5, 1.0, 2.0, "en", events=3, cases=900)
    assert t("few_cases", "en") not in indicator_text(ratio, 1.5, 1.0, 2.0, "en", events=40, cases=900)
    assert t("few_cases", "en") in indicator_text("no_homelessness", 0.3, 0.2, 0.4, "en", events=4, cases=12)
    for lang in ("en", "nl"):
        deck = Presentation(io.BytesIO(exports.pptx_deck(two_scenarios, lang)))
        for slide in deck.slides:
            cells = [c.text for s in slide.shapes if s.has_table for row in s.table.rows for c in row.cells]
            notes = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
            if any(cell.endswith(" *") or " *\n" in cell for cell in cells):
                assert any(n.startswith(f"* {t('few_cases_note', lang)}") for n in notes)


def test_chart_text_is_dark_and_file_names_carry_the_language(comparison):
    """Scenario names on the charts are in dark type (4.5:1 or more on white), with the scenario's
    colour on its marker; English and Dutch downloads get different names."""
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_rgb

    def luminance(colour) -> float:
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    for draw in (lambda: figures.forest_figure(comparison, "en"),
                 lambda: figures.timeseries_figure(comparison, "evictions", "en")):
        fig = draw()
        texts = [*fig.texts, *(t_ for ax in fig.axes for t_ in ax.texts)]
        texts += [t_ for legend in [*fig.legends, *(ax.get_legend() for ax in fig.axes)] if legend
                  for t_ in legend.get_texts()]
        assert texts
        for text in texts:
            assert 1.05 / (luminance(text.get_color()) + 0.05) >= 4.5, (text.get_text(), text.get_color())
        plt.close(fig)
    english, dutch = (exports.file_name(comparison, "forest", "png", lang) for lang in ("en", "nl"))
    assert english != dutch and "_nl_" in dutch and "_en_" in english
