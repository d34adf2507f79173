"""Every page of the dashboard runs without exceptions (AppTest, no browser), and one interaction
per page changes what it shows. Also: the address restores a view, and stored national results."""

from __future__ import annotations

import json
import re

import pytest

from sim.experiments.compare import compare, write_comparison

from .conftest import APP, app, opened, ran

PAGES = tuple(f"app_pages/{page}/{page}.py" for page in ("compare", "scorecard", "costs", "journeys", "municipality"))


def param(at, key: str) -> list[str]:
    """A parameter of the page's address after the run, as a list (repeated or not)."""
    value = at.query_params.get(key, [])
    return list(value) if isinstance(value, list | tuple) else [value]


def texts(at) -> str:
    """All visible text of a run, to look for a word."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "error", "success")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = opened()
    at.switch_page(page)
    ran(at)
    assert at.title


def test_compare_shows_cards_and_switches_to_dutch():
    at = opened()
    assert len(at.metric) == 8
    assert "Ombudsman package against Current policy" in texts(at)
    assert "Social-home wait (months)" in [m.label for m in at.metric]  # how long regular home-seekers wait
    at.radio(key="lang").set_value("nl")
    ran(at)
    assert at.title[0].value == "Beleid vergelijken"
    assert {"Ontruimingen", "Wachttijd sociale huur (mnd)"} <= {m.label for m in at.metric}
    assert param(at, "lang") == ["nl"]


def test_a_changed_selection_waits_for_the_run_button():
    from dashboard.runs import _store

    at = opened()
    runs_before = set(_store())
    at.multiselect(key="scenarios").set_value(["ombudsman-package", "moratorium-winter-families"])
    ran(at)
    assert len(at.metric) == 8  # still the comparison that was run
    assert "Press **Run**" in texts(at) and set(_store()) == runs_before  # nothing simulated yet
    assert param(at, "scenario") == ["ombudsman-package", "moratorium-winter-families"]
    at.button(key="run").click()
    ran(at)
    assert len(at.metric) == 16 and "Press **Run**" not in texts(at)
    # Only the added scenario was simulated: its runs, and first its first look (one replication
    # at the medians, kept like any run; runs.first_look).
    added = [json.loads(k) for k in set(_store()) - runs_before]
    assert {a["scenario"] for a in added} == {"moratorium-winter-families"}
    assert sorted((a["replications"], a["posterior"]) for a in added) == [(1, 0), (2, 4)]


def test_compare_picks_another_scenario():
    at = opened()
    at.multiselect(key="scenarios").set_value(["ombudsman-package", "ombudsman-legal-aid"])
    ran(at)
    at.button(key="run").click()
    ran(at)
    assert len(at.metric) == 16
    assert "Legal aid for every tenant against Current policy" in texts(at)
    assert param(at, "scenario") == ["ombudsman-package", "ombudsman-legal-aid"]


def test_custom_scenario_from_levers():
    at = opened()
    at.toggle(key="custom_on").set_value(True)
    ran(at)
    at.slider(key="lever.legal_aid.share_summoned").set_value(1.0)
    next(b for b in at.button if b.label == "Apply levers").click()
    ran(at)
    # Named in words, with what it started from and which lever changed (not the baseline's description).
    assert "Own scenario against Current policy" in texts(at) and "custom against" not in texts(at)
    assert re.search(r"Built from Current policy; changed: [^.]*: \d+ % → 100 %", texts(at)), texts(at)
    assert "legal_aid.share_summoned=1.0" in param(at, "lever")
    expander = next(e for e in at.expander if e.label == "Reproduce this")
    assert "evictsim-own-scenario.toml" in expander.code[0].value and "--posterior 4" in expander.code[0].value


def test_scorecard_lists_the_eight_obligations_in_dutch():
    from sim.scorecard import OBLIGATIONS

    at = opened()
    ran(at.switch_page("app_pages/scorecard/scorecard.py"))
    table = at.table[0].value
    assert len(table) == len(OBLIGATIONS) and table.iloc[:, 0].nunique() == 8
    at.radio(key="lang").set_value("nl")
    ran(at)
    assert "Geen ontruiming in dakloosheid" in at.table[0].value["verplichting"].tolist()


def test_journeys_select_another_family():
    at = opened()
    ran(at.switch_page("app_pages/journeys/journeys.py"))
    first = at.session_state["household"]
    family = at.selectbox(key="household")
    assert len(family.options) > 1
    # The list opens on a family whose path differs under the two policies, and says so in words,
    # and whose story is told under both (neither side empty).
    assert family.format_func(first).startswith("≠ paths differ")
    assert not [i for i in at.info if "never reached court" in i.value]
    assert "≠: the family's path differs between Current policy and Ombudsman package" in texts(at)
    family.select_index(1)
    ran(at)
    chosen = at.session_state["household"]
    assert chosen != first
    assert param(at, "household") == [chosen]
    assert "Month" in texts(at)
    # Months on the report's clock, in words: no "month -22" and no model codes.
    assert not re.search(r"[Mm]onth -\d|before_court|signalled: (True|False)", texts(at))
    events = at.dataframe[0].value
    assert events.iloc[:, 1].astype(str).str.contains("month|before the report starts").all()


def test_municipality_own_figures_are_compared():
    at = opened()
    ran(at.switch_page("app_pages/municipality/municipality.py"))
    at.number_input(key="pf.corporation_households").set_value(12000)
    at.number_input(key="mun.family_shelter_places").set_value(3.0)
    ran(at)
    at.button(key="use_figures").click()
    ran(at)
    assert at.session_state["population"] == "custom"
    assert "Outcomes for 14,200 rented households" in texts(at)
    assert "corporation_households=12000" in param(at, "pf")


def test_municipality_uploader_is_explained_in_dutch():
    # Streamlit's uploader says "Upload" and "Limit 10MB per file" in English whatever the language:
    # a line above it says in Dutch what to do and that its limit is 100 kB.
    at = opened(lang="nl")
    ran(at.switch_page("app_pages/municipality/municipality.py"))
    how = [c.value for c in at.caption if "Sleep een profielbestand" in c.value]
    assert how and "hoogstens 100 kB" in how[0]


def test_municipality_bad_figures_give_a_message_not_a_traceback():
    at = opened()
    ran(at.switch_page("app_pages/municipality/municipality.py"))
    at.number_input(key="pf.share_single").set_value(0.9)
    ran(at)
    assert "add up to" in at.error[0].value


def test_address_restores_the_view():
    from dashboard.runs import _store

    before = set(_store())
    at = ran(app(lang="nl", scenario=["ombudsman-legal-aid"], custom="baseline",
                 lever=["legal_aid.share_summoned=1.0", "moratorium.calendar_months=11,12"], seed="5",
                 outcome="homeless_children", bogus="1", reps="99", draws="0"))
    ss = at.session_state
    assert (ss["lang"], ss["scenarios"], ss["seed"], ss["ts_outcome"]) == ("nl", ["ombudsman-legal-aid"], 5,
                                                                          "homeless_children")
    assert ss["replications"] == 3  # 99 is out of range: the default stays
    assert ss["lever.legal_aid.share_summoned"] == 1.0 and ss["lever.moratorium.calendar_months"] == [11, 12]
    assert sorted(param(at, "lever")) == ["legal_aid.share_summoned=1.0", "moratorium.calendar_months=11,12"]
    assert "`bogus=1`" in at.warning[0].value and "`reps=99`" in at.warning[0].value
    # A link restores the controls and asks for Run: nothing is simulated before it is pressed.
    assert "Doorrekenen" in texts(at) and not at.metric and set(_store()) == before
    at.button(key="run_page").click()
    ran(at)
    assert "Eigen scenario tegen Huidig beleid" in texts(at)


def test_a_bad_address_says_what_was_left_out():
    at = ran(app(scenario=["doesnotexist"], lang="fr"))
    assert "`scenario=doesnotexist`" in at.warning[0].value and "`lang=fr`" in at.warning[0].value
    ran(at)
    assert not at.warning  # said once


def test_presentation_mode_hides_controls():
    at = opened(present="1")
    assert not at.get("download_button")
    at.button(key="leave_presentation").click()
    ran(at)
    assert at.session_state["present"] is False
    assert at.get("download_button")


def test_stored_national_results(tmp_path, monkeypatch):
    monkeypatch.setenv("EVICTSIM_RESULTS", str(tmp_path))
    at = opened(population="stored")
    assert "evictsim compare" in at.code[0].value  # nothing stored yet: how to make it
    stored = compare("baseline", ["ombudsman-legal-aid"], population="national", scale=0.002, months=12,
                     replications=2, warmup=6)
    write_comparison(stored, tmp_path / "national")
    at = opened(population="stored")
    assert len(at.metric) == 8
    assert "the Netherlands" in texts(at)
    for page in PAGES[1:]:
        ran(at.switch_page(page))


def test_pages_with_the_baseline_alone():
    at = opened()
    at.multiselect(key="scenarios").set_value([])
    ran(at)
    at.button(key="run").click()
    ran(at)
    assert "Pick at least one scenario" in at.info[0].value
    for page in PAGES[1:]:
        ran(at.switch_page(page))


def test_the_readme_counts_and_names_every_page():
    """Issue 23 (9): the README said four pages where there were five. It says how many there are
    and names each one by its English title."""
    from dashboard.i18n import t

    root = APP.parents[1]
    pages = sorted(p.name for p in (root / "dashboard" / "app_pages").iterdir() if (p / f"{p.name}.py").is_file())
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    count = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight")[len(pages)]
    assert f"{count} pages, in English and Dutch" in readme
    for name in pages:
        assert f"**{t(f'page_{name}', 'en')}**" in readme, name
