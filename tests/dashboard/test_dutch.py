"""The Dutch view speaks Dutch: no English words from the list of leaks seen in review, one term
per concept (ontruiming for the executed eviction), on every page and in the exports."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from dashboard import exports

from .conftest import opened, ran

PAGES = tuple(f"app_pages/{page}/{page}.py" for page in ("compare", "scorecard", "journeys", "municipality"))
# Words seen leaking into the Dutch view, and Dutch words that were literal or ambiguous.
LEAKS = ("within noise", "uncertain", "binnen de ruis", "child(ren)", "kind(eren)", "before_court", "signalled",
         "True", "False", " against ", "Month ", "households per", "seed 1", "Uitzettingen", "Uitgezette",
         "hefboom", "Hefbom", "gefit", "Looptijd en seed", "Kinderen gescheiden", "Betekenisvolle consultatie",
         "op de bevolking national", "Simulating", "Run ", "Press",
         # My municipality against the others (i18n_local.py)
         "Same type", "chance alone", "Beyond chance", "large city", "medium town", "small town", "per 1,000",
         "National rate", "rented households", "middle 80")


def page_text(at) -> str:
    """Everything a run shows as text: headings, paragraphs, captions, messages, metric labels,
    widget labels and the cells and headers of every table."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "error", "success",
                                  "warning") for e in getattr(at, kind)]
    parts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    for table in [*at.dataframe, *at.table]:
        frame = table.value
        parts += [str(c) for c in frame.columns] + [str(v) for v in frame.astype(str).to_numpy().ravel()]
    return "\n".join(str(p) for p in parts)


def leaks(text: str) -> list[str]:
    return [word for word in LEAKS if word in text]


@pytest.mark.parametrize("page", PAGES)
def test_no_english_on_a_dutch_page(page):
    at = opened(lang="nl")
    ran(at.switch_page(page))
    assert not leaks(page_text(at)), page


def test_the_dutch_exports_speak_dutch(comparison):
    deck = Presentation(io.BytesIO(exports.pptx_deck(comparison, "nl")))
    shown = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    shown += [cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table
              for row in shape.table.rows for cell in row.cells]
    shown += [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    assert not leaks("\n".join(shown))
    page = exports.brief_pages(comparison, "nl")[0]()
    assert not leaks(" ".join(text.get_text() for text in page.texts).replace("\n", " "))
    assert re.search(r"\d+ van \d+", "\n".join(shown))  # counts behind the shares, in Dutch
