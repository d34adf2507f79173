"""The Costs and benefits page (the MKBA of the comparison on screen) in English and Dutch, and
its exports: the CSV of every figure, an MKBA page in the PDF brief and a slide in the deck."""

from __future__ import annotations

import io

from dashboard.app_pages.costs import view
from dashboard.exports import csv_bytes

from .conftest import opened, ran

PAGE = "app_pages/costs/costs.py"


def test_the_page_shows_who_pays_and_who_gains_in_english_and_dutch():
    at = opened()  # Run pressed: the page shows the comparison the dashboard simulated
    ran(at.switch_page(PAGE))
    assert at.title[0].value == "Costs and benefits"
    shown = at.dataframe[0].value
    assert "Society (total)" in set(shown["Figure"]) and "Municipality" in set(shown["Figure"])
    assert any("eviction" in m.value for m in at.markdown), "the headline sentence"
    at.radio(key="lang").set_value("nl")
    ran(at)
    assert at.title[0].value == "Kosten en baten"
    assert "Maatschappij (totaal)" in set(at.dataframe[0].value["Post"])


def test_a_shorter_horizon_and_no_discounting_change_the_figures():
    at = opened()  # Run pressed: the page shows the comparison the dashboard simulated
    ran(at.switch_page(PAGE))
    before = at.dataframe[0].value.copy()
    at.number_input(key="cba_horizon").set_value(1)
    at.number_input(key="cba_discount").set_value(0.0)
    ran(at)
    assert not at.dataframe[0].value.equals(before)


def test_the_table_exports_every_figure_and_the_headline_names_the_payers(comparison):
    cba = view.mkba(comparison)
    text = csv_bytes(view.export_frame(cba, "nl"), "nl").decode("utf-8-sig")
    assert "Gemeente" in text and "Maatschappij (totaal)" in text
    sentence = view.headline(cba, "ombudsman-package", "en")
    assert "municipality" in sentence or "not defined" in sentence
    assert view.sensitivity_frame(cba, "ombudsman-package", "en").shape[0] > 5
    png = io.BytesIO()
    view.actor_figure(cba, comparison, "ombudsman-package", "en").savefig(png, format="png")
    assert png.getvalue()[:4] == b"\x89PNG"


def test_the_brief_and_the_deck_each_get_an_mkba_page(comparison):
    from pptx import Presentation

    from dashboard.exports import mkba_pages, pdf_brief, pptx_deck

    assert len(mkba_pages(comparison, "nl")) == 1
    assert pdf_brief(comparison, "nl")[:5] == b"%PDF-"
    deck = Presentation(io.BytesIO(pptx_deck(comparison, "en")))
    titles = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    assert any(title.startswith("Costs and benefits (MKBA)") for title in titles)
