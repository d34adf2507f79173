"""The calibrated point: a search near the posterior's medians, kept only if it fits better on
seeds it never saw (sim/experiments/calibration_refine.py)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from sim.experiments.calibrate import FOLDER
from sim.experiments.calibration_refine import (EVALUATIONS, Refinement, coordinate_search, refine,
                                                write_refinement)


def test_the_search_finds_a_minimum_inside_its_bounds_within_its_budget():
    target = np.array([0.3, -0.2, 0.9])
    calls = []

    def bowl(x):
        calls.append(x.copy())
        return float(((x - target) ** 2).sum())
    low, high = np.array([0.0, 0.0, 0.0]), np.array([1.0, 1.0, 1.0])
    best, value, start_value, used = coordinate_search(bowl, np.full(3, 0.5), low, high, evaluations=60)
    assert used == len(calls) <= 60
    assert np.all(best >= low) and np.all(best <= high)
    # -0.2 lies outside: the search stops at the bound; the others come within the smallest step
    assert best[1] == 0.0
    assert abs(best[0] - 0.3) <= 0.05 and abs(best[2] - 0.9) <= 0.05
    assert value < start_value == pytest.approx(((0.5 - target) ** 2).sum())


def test_the_search_stops_at_its_budget_and_never_worsens_the_start():
    rng = np.random.default_rng(3)
    noise = lambda x: float(rng.random())  # noqa: E731 - nothing to learn: any move is luck
    _, value, start_value, used = coordinate_search(noise, np.full(4, 0.5), np.zeros(4), np.ones(4), evaluations=7)
    assert used == 7
    assert value <= start_value


def _refinement(check_medians: float, check_refined: float) -> Refinement:
    return Refinement({"context.landlords.repaid_at_contact": 0.53}, {"context.landlords.repaid_at_contact": 0.44},
                      10, 1.4, 1.3, check_medians, check_refined)


def test_a_refined_point_is_kept_only_if_it_fits_better_on_the_checks_seeds():
    assert _refinement(1.2, 1.1).kept
    assert _refinement(1.2, 1.1).estimate["context.landlords.repaid_at_contact"] == 0.44
    worse = _refinement(1.2, 1.25)
    assert not worse.kept and worse.estimate == worse.medians
    assert "not kept" in worse.report() and "0.53 -> 0.44" in worse.report()


def test_the_record_keeps_both_points_and_the_baseline_file_says_which_it_uses(tmp_path):
    folder = tmp_path / "cal"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("runs", "figures"))
    record = json.loads((folder / "calibration.json").read_text(encoding="utf-8"))
    medians = record.get("medians", record["estimate"])
    name = "context.landlords.repaid_at_contact"
    refined = {**medians, name: medians[name] * 0.9}
    kept = Refinement(medians, refined, 12, 1.4, 1.3, 1.2, 1.1)
    written = write_refinement(folder, kept)
    assert written["medians"] == medians and written["estimate"][name] == pytest.approx(medians[name] * 0.9)
    assert written["refinement"]["kept"] is True and written["refinement"]["check_refined"] == 1.1
    toml = (folder / "calibrated.toml").read_text(encoding="utf-8")
    assert "refined to fit the targets" in toml and f"repaid_at_contact = {medians[name] * 0.9:.6g}" in toml
    # refining again starts from the medians, not from the last refined point
    again = write_refinement(folder, Refinement(medians, medians, 1, 1.4, 1.4, 1.2, 1.2))
    assert again["estimate"] == medians and again["medians"] == medians
    assert "Posterior medians" in (folder / "calibrated.toml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_refine_runs_on_a_small_calibration_and_stays_in_the_posterior_range(tmp_path):
    folder = tmp_path / "cal"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("runs", "figures"))
    (folder / "settings.toml").write_text(
        'population = "medium_town"\nscale = 0.2\nmonths = 12\nwarmup = 12\nparticles = 64\ngenerations = 10\n'
        "seed = 5\n", encoding="utf-8")
    result = refine(folder, workers=1, evaluations=3)
    assert result.evaluations == 3 <= EVALUATIONS
    from sim.experiments.calibrated import _weighted_quantiles
    import pandas as pd
    posterior = pd.read_csv(folder / "posterior.csv")
    for name, value in result.refined.items():
        low, high = _weighted_quantiles(posterior[name].to_numpy(float), posterior["weight"].to_numpy(float),
                                        (0.05, 0.95))
        assert low * (1 - 1e-9) <= value <= high * (1 + 1e-9), name
    assert np.isfinite([result.search_medians, result.search_refined, result.check_medians, result.check_refined]).all()
