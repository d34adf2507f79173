"""The Dutch view speaks Dutch: no English words from the list of leaks seen in review, one term
per concept (ontruiming for the executed eviction), on every page and in the exports."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from dashboard import exports

from .conftest import opened, ran

PAGES = tuple(f"app_pages/{page}/{page}.py"
              for page in ("compare", "scorecard", "journeys", "municipality", "explore"))
EXPLORE = "app_pages/explore/explore.py"
PATHS = re.compile(r"`[^`\n]*/[^`\n]*`")
# Words seen leaking into the Dutch view, and Dutch words that were literal or ambiguous.
LEAKS = ("within noise", "uncertain", "binnen de ruis", "child(ren)", "kind(eren)", "before_court", "signalled",
         "True", "False", " against ", "Month ", "households per", "seed 1", "Uitzettingen", "Uitgezette",
         "hefboom", "Hefbom", "gefit", "Looptijd en seed", "Kinderen gescheiden", "Betekenisvolle consultatie",
         "op de bevolking national", "Simulating", "Run ", "Press",
         # My municipality against the others (i18n_local.py)
         "Same type", "chance alone", "Beyond chance", "large city", "medium town", "small town", "per 1,000",
         "National rate", "rented households", "middle 80",
         # issue 23: English plurals, Streamlit's own placeholder, the seed on the title slide
         "(s)", "Choose options", "Seed:")


def page_text(at) -> str:
    """Everything a run shows as text: headings, paragraphs, captions, messages, metric labels,
    widget labels and the cells and headers of every table (not the page's own style sheet)."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "error", "success",
                                  "warning") for e in getattr(at, kind) if not str(e.value).lstrip().startswith("<")]
    parts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    for table in [*at.dataframe, *at.table]:
        frame = table.value
        parts += [str(c) for c in frame.columns] + [str(v) for v in frame.astype(str).to_numpy().ravel()]
    return "\n".join(str(p) for p in parts)


def leaks(text: str) -> list[str]:
    return [word for word in LEAKS if word in text]


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", text)}


def english_words() -> set[str]:
    """The project's own English: every word of its English UI strings, outcome and lever labels and
    lever descriptions that no Dutch string uses, and its file names (scenarios, profiles)."""
    from dashboard.i18n import SIM_LABELS, UI
    from dashboard.levers import levers, scenario_names
    from sim import PROFILES

    english, dutch = set(), set()
    for entry in [*UI.values(), *SIM_LABELS.values()]:
        english |= _words(entry.get("en", ""))
        dutch |= _words(entry.get("nl", ""))
    for lever in levers():
        english |= _words(f"{lever.label['en']} {lever.doc}")
        dutch |= _words(f"{lever.label['nl']} {lever.label.get('doc_nl', '')}")
    names = {n.lower() for n in [*scenario_names(), *PROFILES] if "-" in n or "_" in n}
    return (english - dutch) | names


ENGLISH = english_words()


def english_in(text: str) -> list[str]:
    """English words (and file names) in a Dutch text."""
    names = {w.lower() for w in re.findall(r"[\w-]+", text) if "-" in w or "_" in w}
    return sorted((_words(text) | names) & ENGLISH)


def widget_text(at) -> str:
    """Labels, help texts, placeholders and option labels of every widget, the sidebar's included."""
    parts: list[str] = []
    for kind in ("selectbox", "multiselect", "slider", "select_slider", "number_input", "toggle", "checkbox",
                 "radio", "button", "text_input"):
        for w in getattr(at, kind):
            parts += [str(getattr(w, a, "") or "") for a in ("label", "help")]
            parts.append(str(getattr(getattr(w, "proto", None), "placeholder", "") or ""))  # "Choose options"
            parts += [str(o) for o in getattr(w, "options", [])]
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_no_english_on_a_dutch_page(page, request, monkeypatch):
    if page == EXPLORE:
        # Stored sweeps (a grid and a Morris analysis with discovery) and the project's own
        # calibration, whose targets file has the English notes that the page must not show.
        monkeypatch.setenv("EVICTSIM_RESULTS", str(request.getfixturevalue("stored")))
        monkeypatch.delenv("EVICTSIM_CALIBRATION", raising=False)
    at = opened(lang="nl", draws="0", custom="baseline", lever=["legal_aid.share_summoned=1.0"])
    ran(at.switch_page(page))
    sweeps = at.selectbox(key="sweep").options if page == EXPLORE else [None]
    for sweep in sweeps:
        if sweep is not None:
            at.selectbox(key="sweep").set_value(sweep)
            ran(at)
            assert at.dataframe, sweep  # the runs, so that their columns are read too
        shown = page_text(at) + "\n" + widget_text(at)
        assert not leaks(shown), (page, sweep, leaks(shown))
        prose = PATHS.sub("", shown)  # folders and files (`results/...`) are names, not English
        assert not english_in(prose), (page, sweep, english_in(prose))


def test_the_english_list_knows_the_leaks_of_issue_23():
    """The list the Dutch tests use holds the English a reviewer found (so a test over it can fail)."""
    for text in ("Choose options", "practice", "small_town (8000 households)", "noise and parameters",
                 "ombudsman-package"):
        assert english_in(text), text
    assert leaks("1 run(s) gesimuleerd") and leaks("Seed: 1")


def test_the_dutch_exports_speak_dutch(comparison):
    from dashboard.tables import headline_frame, scorecard_export, scorecard_frame

    deck = Presentation(io.BytesIO(exports.pptx_deck(comparison, "nl")))
    shown = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    shown += [cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table
              for row in shape.table.rows for cell in row.cells]
    shown += [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    assert not leaks("\n".join(shown))
    page = exports.brief_pages(comparison, "nl")[0]()
    brief = " ".join(text.get_text() for text in page.texts).replace("\n", " ")
    assert not leaks(brief)
    assert re.search(r"\d+ van \d+", "\n".join(shown))  # counts behind the shares, in Dutch
    assert not english_in("\n".join(shown)), english_in("\n".join(shown))
    assert not english_in(brief), english_in(brief)
    meta = exports.export_meta(comparison, "nl")
    for frame in (headline_frame(comparison, "nl"), scorecard_export(scorecard_frame(comparison, "nl"), "nl")):
        text = exports.csv_bytes(frame.select_dtypes(exclude="number"), "nl", meta).decode("utf-8-sig")
        # The block that says what the table is, its column names and its scenario column; the
        # indicators' keys and the levers' dotted names stay as identifiers for a spreadsheet.
        lines = text.splitlines()
        header = "\n".join([*(line for line in lines if line.startswith("#")), lines[len(meta)]])
        assert not english_in(header), english_in(header)
        scenarios = frame.iloc[:, 0].astype(str).str.cat(sep=" ")
        assert not english_in(scenarios), english_in(scenarios)
