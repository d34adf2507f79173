"""The explore page (stored sweeps, sensitivity, calibration) in AppTest, on a tiny sweep and a
tiny Morris analysis made once per session; plus folders that are empty, damaged or half-made.

The page reads EVICTSIM_RESULTS (stored sweeps) and EVICTSIM_CALIBRATION (the calibration
folder), so every test points both at folders of its own. The sidebar is set to stored results
(none there), so the compare page's simulation never runs.
"""

from __future__ import annotations

import math
import shutil

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.app_pages.explore import data as explore_data
from dashboard.app_pages.explore import view as explore_views

from .conftest import APP, point_at

PAGE = "app_pages/explore/explore.py"


def opened(**params: str) -> AppTest:
    """The explore page, opened first (the compare page never runs)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in {"population": "stored", **params}.items():
        at.query_params[key] = value
    at.switch_page(PAGE)
    return ran(at)


def ran(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def images(at) -> list[str]:
    return [e.proto.imgs[0].url for e in at.main if getattr(e, "type", "") == "image"]


def words(at) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "info", "warning", "caption", "code")
                     for e in getattr(at, kind))


def test_page_shows_a_sweep_its_chart_runs_and_the_calibration(stored, calibration, monkeypatch):
    point_at(monkeypatch, stored, calibration)
    at = opened()
    assert at.title[0].value == "Explore sweeps and calibration"
    assert not at.warning
    assert at.selectbox(key="sweep").options == ["sens", "tiny"]
    at.selectbox(key="sweep").set_value("tiny")
    ran(at)
    assert "The sweep in brief" in subheaders(at)
    text = words(at)
    assert "Grid (every combination" in text and "4 runs stored: 4 points x 1 replication(s)." in text
    assert "`policy.legal_aid.share_summoned`: 0 – 1 (2 steps)" in text
    assert "New arrears spells against job_loss_per_month" in subheaders(at)  # the outcome chosen for "sens" stays
    runs = at.dataframe[0].value
    assert len(runs) == 4 and "context.shocks.job_loss_per_month" in runs
    labels = [b.label for b in at.get("download_button")]
    assert {"⬇ PNG", "⬇ SVG", "⬇ CSV", "⬇ report.md"} <= set(labels)
    # The calibration: the fit chart, the table with status in words, medians, date and settings.
    assert len(images(at)) == 2
    fit = next(d.value for d in at.dataframe if "status" in d.value)
    assert list(fit["status"]) == ["✓ fits", "✗ does not fit", "✓ below, as it should be"]
    assert "2 of 3 targets are met; 1 are not" in text
    assert "Calibrated on 2026-01-02 with ABC-SMC: 64 particles over 2 generations" in text
    medians = next(d.value for d in at.dataframe if "posterior median" in d.value)
    assert medians["posterior median"].tolist() == ["0.0175"]
    assert at.query_params["sweep"] in ("tiny", ["tiny"])


def test_choosing_another_outcome_and_parameter_redraws_the_chart(stored, calibration, monkeypatch):
    point_at(monkeypatch, stored, calibration)
    at = opened(sweep="tiny")
    before = images(at)[0]
    at.selectbox(key="sweep_outcome").set_value("homeless_households")
    ran(at)
    assert any(s.startswith("Homeless") and s.endswith("against job_loss_per_month") for s in subheaders(at))
    assert "Evictions (executed) against job_loss_per_month" not in subheaders(at)
    assert images(at)[0] != before
    at.selectbox(key="sweep_param").set_value("policy.legal_aid.share_summoned")
    ran(at)
    assert any(s.startswith("Homeless") and s.endswith("against share_summoned") for s in subheaders(at))
    assert at.query_params["sweep_param"] in ("policy.legal_aid.share_summoned", ["policy.legal_aid.share_summoned"])


def test_sensitivity_indices_and_discovery(stored, calibration, monkeypatch):
    point_at(monkeypatch, stored, calibration)
    at = opened(sweep="sens")
    assert {"Which parameters matter most", "Where the outcome is high"} <= set(subheaders(at))
    text = words(at)
    assert "Morris sensitivity analysis (2 samples)" in text
    assert "New arrears spells above 400 a year happen mostly when job_loss_per_month" in text
    ranked = next(d.value for d in at.dataframe if "rank" in d.value)
    assert ranked["rank"].tolist() == [1, 2] and "mu*" in ranked
    assert next(d.value for d in at.dataframe if "inside the box" in d.value).shape[0] == 2
    assert len(at.tabs) == 2  # one per outcome
    assert len(images(at)) == 1 + 2 + 1 + 1  # sweep chart, indices per outcome, discovery, calibration fit


def test_the_address_restores_sweep_outcome_and_parameter(stored, calibration, monkeypatch):
    point_at(monkeypatch, stored, calibration)
    at = opened(sweep="tiny", sweep_outcome="homeless_households", sweep_param="policy.legal_aid.share_summoned")
    assert (at.session_state["sweep"], at.session_state["sweep_outcome"], at.session_state["sweep_param"]) == (
        "tiny", "homeless_households", "policy.legal_aid.share_summoned")
    at = opened(sweep="nowhere", sweep_outcome="bogus")  # unknown values fall back to the first choice
    assert (at.session_state["sweep"], at.session_state["sweep_outcome"]) == ("sens", "arrears_new")


def test_switching_to_dutch(stored, calibration, monkeypatch):
    point_at(monkeypatch, stored, calibration)
    at = opened(sweep="tiny")
    at.radio(key="lang").set_value("nl")
    ran(at)
    assert at.title[0].value == "Verkenningen en kalibratie"
    # Parameters, populations and the targets' notes by their Dutch names, not their English keys.
    assert "Ontruimingen (uitgevoerd) tegen kans per maand op verlies van inkomen uit werk" in subheaders(at)
    text = words(at)
    assert "Rooster (elke combinatie" in text and "bevolking 2.000 huishoudens" in text
    assert "- Gedagvaarde huurders met rechtshulp: 0 – 1 (2 stappen)" in text
    assert "generaties op heel Nederland (342 gemeenten) op schaal 0,05" in text and "startgetal 2023" in text
    fit = next(d.value for d in at.dataframe if "status" in d.value)
    assert fit["status"].tolist()[0] == "✓ past"
    assert fit["toelichting (kern uit het doelenbestand)"].tolist() == [
        "bandbreedte ±15%", "schatting", "zie het doelenbestand (Engels)"]
    runs = at.dataframe[0].value
    assert {"punt", "kans per maand op verlies van inkomen uit werk", "Ontruimingen (uitgevoerd)"} <= set(runs)


def test_no_results_and_no_calibration_say_how_to_make_them(tmp_path, monkeypatch):
    point_at(monkeypatch, tmp_path / "results", tmp_path / "calibration")
    at = opened()
    assert at.title[0].value == "Explore sweeps and calibration"
    assert not at.warning
    commands = [c.value for c in at.code]
    assert any("evictsim sweep" in c for c in commands)
    assert any("evictsim calibrate\n" in c and "calibrate --report" in c for c in commands)
    assert "No stored sweep under" in words(at) and "No calibration in" in words(at)


def test_damaged_folders_give_warnings_not_tracebacks(stored, tmp_path, monkeypatch):
    results = tmp_path / "results"
    broken = results / "broken" / "runs"
    broken.mkdir(parents=True)
    (results / "broken" / "sweep.json").write_text("{not json", encoding="utf-8")
    (broken / "abc.parquet").write_bytes(b"this is not parquet")
    (broken / "notes.txt").write_text("hello", encoding="utf-8")
    shutil.copytree(stored / "tiny", results / "no-runs")
    shutil.rmtree(results / "no-runs" / "runs")
    shutil.copytree(stored / "sens", results / "bad-sensitivity")
    (results / "bad-sensitivity" / "sensitivity.json").write_text("[", encoding="utf-8")
    (results / "bad-sensitivity" / "sensitivity.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    (calibration / "fit.csv").write_text("target\nx\n", encoding="utf-8")
    point_at(monkeypatch, results, calibration)

    at = opened(sweep="broken")
    warnings = [w.value for w in at.warning]
    folder = str(results / "broken")
    assert any(folder in w and "sweep.json cannot be read" in w for w in warnings)
    assert any(folder in w and "runs/abc.parquet cannot be read" in w for w in warnings)
    assert any(folder in w and "notes.txt" in w for w in warnings)
    assert any(str(calibration) in w and "fit.csv cannot be read" in w for w in warnings)
    assert "No runs can be shown" in words(at)

    at.selectbox(key="sweep").set_value("no-runs")
    ran(at)
    assert any(str(results / "no-runs") in w.value and "runs/ is missing" in w.value for w in at.warning)

    at.selectbox(key="sweep").set_value("bad-sensitivity")
    ran(at)
    warnings = [w.value for w in at.warning]
    assert any("sensitivity.csv cannot be read" in w for w in warnings)
    assert any("sensitivity.json cannot be read" in w for w in warnings)
    assert "Which parameters matter most" not in subheaders(at)
    assert len(at.dataframe[0].value) > 0  # its runs are still shown


def test_helpers():
    assert explore_data.sig(0.017470197, "nl") == "0,0175"
    assert explore_data.sig(185000.0, "en") == "185,000"
    assert explore_data.sig(True, "en") == "true"
    limits = pd.DataFrame({"parameter": ["context.shocks.job_loss_per_month", "policy.x.y"], "low": [0.02, 0.0],
                           "high": [0.03, 1.0], "full_low": [0.01, 0.0], "full_high": [0.03, 1.0],
                           "restricted": [0.5, 0.0]})
    box = {"outcome": "evictions", "above": 8.0, "coverage": 0.8, "density": 0.9, "mass": 0.2}
    assert explore_data.discovery_sentence(box, limits, "en") == (
        "Evictions (executed) above 8 a year happen mostly when job_loss_per_month is between 0.02 and 0.03: this "
        "range holds 80 % of such points, and 90 % of the points inside it are above 8.")
    assert "niets te ontdekken" in explore_data.discovery_sentence({**box, "coverage": math.nan}, limits, "nl")
    # In Dutch a parameter, a population and a target's English note by what matters of them.
    assert explore_data.parameter_name("policy.legal_aid.share_summoned", "nl") == "Gedagvaarde huurders met rechtshulp"
    assert explore_data.parameter_name("context.unknown.thing_per_month", "nl") == "thing_per_month"
    assert explore_data.population_name("small_town", "nl") == "Kleine gemeente"
    assert explore_data.population_name("national_types", "nl") == "het land als drie gemeentetypen"
    note = "estimate in domain.md: 3200 x 10-14% x 1.8 children; very uncertain"
    assert explore_data.note_text(note, True, "nl") == "schatting, zeer onzeker"
    assert explore_data.note_text("Aedes survey; band +-15% (assumption) [AE21]", "False", "nl") == (
        "aanname, bandbreedte ±15%, [AE21]")
    assert explore_data.note_text(note, True, "en") == note


def test_download_bytes_of_every_chart(stored, calibration):
    """The bytes behind the PNG and SVG buttons (AppTest cannot see a download's content)."""
    folder = stored / "sens"
    mtimes = explore_data.sweep_stamp(folder)
    charts = [explore_views.sweep_chart(str(stored / "tiny"), explore_data.sweep_stamp(stored / "tiny"),
                                       "policy.legal_aid.share_summoned", "evictions", "nl"),
              explore_views.indices_chart(str(folder), mtimes, "arrears_new", "en"),
              explore_views.discovery_chart(str(folder), mtimes, "nl"),
              explore_views.fit_chart(str(calibration), explore_data.calibration_stamp(calibration), "en")]
    for png, svg in charts:
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and b"<svg" in svg[:2000]
    # The title, in Dutch, with the lever's Dutch name.
    assert b"<!-- Ontruimingen (uitgevoerd) tegen Gedagvaarde huurders met rechtshulp -->" in charts[0][1]
