"""My municipality against the other municipalities: the builders (rates, table, spread, strip)
on a small national comparison, and the page on it as a council uses it, in English and Dutch."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from matplotlib.colors import to_hex

from dashboard import exports, figures
from dashboard.app_pages.municipality import figure as local_figure
from dashboard.app_pages.municipality import rates as local
from sim.experiments.compare import compare, write_comparison
from sim.scorecard import spread_between_municipalities

from .conftest import opened, ran
from .test_dutch import leaks, page_text

PAGE = "app_pages/municipality/municipality.py"
OWN, OTHER = "Kampen", "Vaals"  # a medium town and a small town of the real 342


@pytest.fixture(scope="module")
def national():
    """342 municipalities at a tenth of their households, long enough for the spread to have cases."""
    return compare("baseline", ["ombudsman-package"], population="national", scale=0.1, months=36, warmup=12,
                   replications=1)


@pytest.fixture(scope="module")
def stored(national, tmp_path_factory):
    """The national comparison as stored results, the way the dashboard reads a national run."""
    folder = tmp_path_factory.mktemp("results")
    write_comparison(national, folder / "national")
    return folder


def test_rates_are_per_1000_households_a_year_and_weigh_up_to_the_national_rate(national):
    run = national.runs["baseline"]
    rates = local.local_rates(run)
    assert len(rates) == 342 and rates["municipality"].is_unique
    assert local.national_rate(rates, "evictions") == pytest.approx(run.summary["evictions"]["per_1000_households"])
    mine = run.by_municipality.query("municipality == @OWN")
    expected = mine["evictions"].sum() / mine["households"].iloc[0] * 1000 / 3  # 36 months: three years
    assert rates.set_index("municipality").loc[OWN, "evictions"] == pytest.approx(expected)


def test_own_table_sets_the_municipality_beside_its_type_and_all(national):
    frame = local.own_frame(national, OWN, "en")
    assert len(frame) == 2 * len(local.RATES)  # baseline and the policy scenario
    rates = local.local_rates(national.runs["baseline"])
    peers = rates[rates["type"] == "medium_town"]["evictions"]
    first = frame.iloc[0]
    assert first[OWN] == pytest.approx(rates.set_index("municipality").loc[OWN, "evictions"])
    assert first["Same type: median"] == pytest.approx(peers.median())
    assert first["All: P10"] <= first["All: median"] <= first["All: P90"]
    dutch = pd.read_csv(io.BytesIO(exports.csv_bytes(local.own_frame(national, OWN, "nl"), "nl")), sep=";",
                        decimal=",", comment="#")
    assert dutch["Zelfde type: mediaan"].iloc[0] == pytest.approx(peers.median())


def test_spread_says_whether_it_goes_beyond_chance(national):
    spread = spread_between_municipalities(national.runs["baseline"])
    assert not spread.empty
    wider = local.beyond_chance(spread)
    sentence = local.spread_sentence(spread, "en")
    assert ("goes beyond what chance alone gives" in sentence) == wider.any()
    beyond = spread.assign(p10=0.0, p90=1.0, chance_p10=0.5, chance_p90=0.5)
    within = spread.assign(p10=0.5, p90=0.5, chance_p10=0.0, chance_p90=1.0)
    assert "goes beyond" in local.spread_sentence(beyond, "en")
    assert "goes no further" in local.spread_sentence(within, "en")
    frame = local.spread_frame(national, "nl")
    assert set(frame["Meer dan toeval?"]) <= {"▲ ja, meer dan toeval", "≈ nee, binnen toeval"}


def test_the_strip_highlights_the_chosen_municipality(national):
    fig = local_figure.strip_figure(national, OWN, "en")
    try:
        assert len(fig.axes) == 2  # baseline and the policy scenario
        texts = [t.get_text() for t in fig.axes[0].texts]
        assert any(t.startswith(f"{OWN}: ") for t in texts)
        legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        assert "Same type: medium town (dark triangles)" in legend and any("National rate" in t for t in legend)
        # Greys and black only: blue is Current policy's colour everywhere else.
        colours = {tuple(c.get_facecolor()[0][:3]) for c in fig.axes[0].collections if len(c.get_facecolor())}
        assert not any(figures.scenario_style("baseline")["color"].lower() == to_hex(c) for c in colours)
        own = [c for c in fig.axes[0].collections if len(c.get_sizes()) and c.get_sizes()[0] == 110]
        assert len(own) == 1 and len(own[0].get_offsets()) == 1
    finally:
        fig.clf()
    alt = local_figure.strip_alt(national, OTHER, "en")
    assert f"{OTHER}: " in alt and "of 342" in alt and "small town" in alt


def test_a_one_municipality_run_says_how_to_see_the_others():
    at = opened()
    ran(at.switch_page(PAGE))
    assert any("Choose the national population" in c.value for c in at.caption)
    assert "own" not in [w.key for w in at.selectbox]


def _municipality_page(stored, monkeypatch, **params):
    monkeypatch.setenv("EVICTSIM_RESULTS", str(stored))
    at = opened(population="stored", **params)
    return ran(at.switch_page(PAGE))


def _strip_alt(at) -> str:
    images = [e for e in at.main if getattr(e, "type", "") == "image"]
    return " ".join(img.alt for e in images for img in e.proto.imgs)


def test_the_page_compares_a_chosen_municipality(stored, monkeypatch):
    at = _municipality_page(stored, monkeypatch)
    pick = at.selectbox(key="own")
    assert pick.options == sorted(pick.options, key=lambda o: o.split(" ")[0]) and len(pick.options) == 342
    assert pick.options[0] == "'s-Gravenhage (large city, Zuid-Holland)"
    first = at.session_state["own"]
    assert f"{first}: " in _strip_alt(at)
    tables = [d.value for d in at.dataframe]
    assert any(first in t.columns for t in tables) and any("Beyond chance?" in t.columns for t in tables)
    pick.set_value(OTHER)
    ran(at)
    assert f"{OTHER}: " in _strip_alt(at) and f"{first}: " not in _strip_alt(at)
    assert any(OTHER in d.value.columns for d in at.dataframe)
    assert at.query_params["own"] == OTHER  # the address reopens this view


def test_the_dutch_comparison_speaks_dutch(stored, monkeypatch):
    at = _municipality_page(stored, monkeypatch, lang="nl", own=OTHER)
    assert at.session_state["own"] == OTHER
    assert at.selectbox(key="own").value == OTHER
    shown = page_text(at) + _strip_alt(at)
    assert "kleine gemeente" in shown and "Meer dan toeval?" in [c for d in at.dataframe for c in d.value.columns]
    assert not leaks(shown), leaks(shown)


def test_national_is_offered_and_says_how_long_it_takes():
    at = opened()
    at.selectbox(key="population").set_value("national")
    ran(at)  # not simulated until Run is pressed
    assert at.button(key="run").disabled is False
    caption = [c.value for c in at.sidebar.caption if "simulations of the whole country" in c.value]
    # baseline and package x 2 replications x 4 draws (the quick address); 36 + 96 months at 46 s per 216
    assert caption and caption[0].startswith("A national comparison runs 16 simulations")
    assert "about 7 minutes" in caption[0]


def test_small_numbers_and_samples_say_so(national, stored, monkeypatch):
    """A rate from fewer than 20 evictions is marked (in the table and, hollow, in the strip), the
    page says how many such municipalities there are, a sampled run says it is a sample, and the
    chosen municipality's estimated figures are called estimates."""
    from dashboard.tables import facts, population_label

    rates = local.local_rates(national.runs["baseline"])
    few = rates[rates["evictions_events"] < local.FEW_EVENTS]
    assert len(few) and local.few_note(rates, "en").startswith(f"{len(few)} of 342 municipalities")
    frame = local.own_frame(national, OTHER, "en")
    mine = int(rates.set_index("municipality").loc[OTHER, "evictions_events"])
    assert frame["Your events behind the rate"].iloc[0] == mine
    assert frame["Few cases?"].iloc[0] == ("yes" if mine < local.FEW_EVENTS else "no")
    assert "10 % sample, reported for all" in population_label(facts(national), "en")
    assert "steekproef van 10 %" in population_label(facts(national), "nl")
    at = _municipality_page(stored, monkeypatch, own=OTHER)
    shown = " ".join(c.value for c in at.caption)
    assert "Vaals (GM0981, Limburg)" in shown and "estimated" in shown
    assert "fewer than 20 evictions in this run" in shown
