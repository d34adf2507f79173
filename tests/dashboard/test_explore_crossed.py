"""The explore page reads crossed experiments ([uncertainties] x [levers]) and sampled sweeps too."""

from __future__ import annotations

from pathlib import Path

import pytest
from dashboard.app_pages.explore import data as explore_data
from sim.experiments.sweep import sweep

from .test_explore import opened, point_at

SPEC = '''name = "crossed"
population = "2000"
months = 12
warmup = 0
design = "lhs"
samples = 3
outcomes = ["evictions"]
[uncertainties]
"context.costs.summons_eur" = { min = 500.0, max = 1500.0 }
[levers]
"policy.legal_aid.share_summoned" = { values = [0.15, 1.0] }
'''


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("crossed")
    (base / "crossed.toml").write_text(SPEC, encoding="utf-8")
    sweep(base / "crossed.toml", base / "results" / "crossed", workers=1, progress=False, report=False)
    return base / "results"


def test_a_crossed_sweep_loads_with_its_uncertainties_and_levers(results):
    folder = results / "crossed"
    loaded = explore_data.load_sweep(str(folder), explore_data.sweep_stamp(folder))
    assert loaded.problems == [] and len(loaded.runs) == 6
    assert loaded.parameters == ["context.costs.summons_eur", "policy.legal_aid.share_summoned"]
    lines = explore_data.spec_lines(loaded, None, "en")
    assert "lhs sample of 3 points" in lines[0], "a sampled sweep is not called a sensitivity analysis"


def test_the_explore_page_shows_a_crossed_sweep(results, tmp_path, monkeypatch):
    point_at(monkeypatch, results, tmp_path)
    at = opened()
    assert at.selectbox(key="sweep").options == ["crossed"]
    text = "\n".join(str(e.value) for e in at.markdown)
    assert "`policy.legal_aid.share_summoned`: values 0.15, 1" in text and "6 runs stored" in text
    assert len(at.dataframe[0].value) == 6
