"""What `evictsim calibrate` says: where it wrote, whether the baseline uses it, what it ran anew."""

from __future__ import annotations

import json
import shutil
import warnings

import pytest

from sim.cli import main
from sim.experiments.targets import DEFAULT_TARGETS

SETTINGS = ('population = "3000"\nscale = 1.0\nmonths = 12\nwarmup = 0\nparticles = 4\ngenerations = 2\n'
            "batch = 4\nseed = 1\n")


@pytest.fixture()
def folder(tmp_path):
    cal = tmp_path / "cal"
    cal.mkdir()
    shutil.copy(DEFAULT_TARGETS, cal / "targets.csv")
    shutil.copy(DEFAULT_TARGETS.parent / "parameters.toml", cal / "parameters.toml")
    (cal / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    return cal


def calibrate(folder, capsys) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # e.g. "Mean of empty slice" on a resume
        assert main(["calibrate", "--folder", str(folder), "--workers", "1", "--no-progress"]) == 0
    return capsys.readouterr().out


def test_a_calibration_elsewhere_says_where_it_wrote_and_that_the_baseline_does_not_use_it(folder, capsys):
    out = calibrate(folder, capsys)
    assert f"wrote {folder / 'calibrated.toml'}; the baseline does not use it" in out
    assert "baseline now extends" not in out
    assert "0 read from the store" in out


def test_a_resumed_calibration_says_it_ran_nothing_new_and_warns_of_nothing(folder, capsys):
    first = calibrate(folder, capsys)
    total = first.split(" simulations")[0].rsplit(" ", 1)[-1]
    again = calibrate(folder, capsys)
    assert f"{total} simulations, 0 run now and {total} read from the store" in again


def test_more_generations_extend_a_finished_calibration_instead_of_starting_again(folder, capsys):
    first = calibrate(folder, capsys)
    before = int(first.split(" simulations")[0].rsplit(" ", 1)[-1])
    settings = folder / "settings.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("generations = 2", "generations = 3"),
                        encoding="utf-8")
    again = calibrate(folder, capsys)
    total = int(again.split(" simulations")[0].rsplit(" ", 1)[-1])
    assert total > before
    assert f"{total} simulations, {total - before} run now and {before} read from the store" in again


def test_accepting_a_calibration_that_still_fits_records_this_model(tmp_path):
    import pandas as pd

    from sim.experiments.calibration_check import Check, accept_for_this_model
    from sim.provenance import model_fingerprint

    folder = tmp_path / "calibration"
    shutil.copytree("calibration", folder)
    before = json.loads((folder / "calibration.json").read_text())
    with pytest.raises(ValueError, match="no longer fits"):
        accept_for_this_model(folder, Check(False, 3.0, 2.69, before["model"], model_fingerprint(), pd.DataFrame()))
    accept_for_this_model(folder, Check(True, 2.4, 2.69, before["model"], model_fingerprint(), pd.DataFrame()))
    after = json.loads((folder / "calibration.json").read_text())
    assert after["model"] == model_fingerprint() and after["checks"][-1]["distance"] == 2.4
    assert after["estimate"] == before["estimate"]
    assert f'model = "{model_fingerprint()}"' in (folder / "calibrated.toml").read_text()


def test_a_calibration_elsewhere_comes_with_a_baseline_on_it_that_validate_accepts(folder, capsys):
    from sim import load_scenario
    from sim.scenario import flatten

    out = calibrate(folder, capsys)
    assert f"evictsim run {folder / 'recalibrated.toml'}" in out
    assert main(["validate", str(folder / "recalibrated.toml")]) == 0
    scenario = load_scenario(folder / "recalibrated.toml")
    estimate = json.loads((folder / "calibration.json").read_text(encoding="utf-8"))["estimate"]
    values = flatten(scenario.parameters())
    assert all(values[name] == pytest.approx(value, rel=1e-5) for name, value in estimate.items())
    assert scenario.policy == load_scenario("baseline").policy, "the baseline's policy on the folder's calibration"
    from sim.experiments.draws import posterior_file

    assert posterior_file(scenario)[0] == folder / "posterior.csv", "--posterior draws from this calibration"


def test_the_check_never_says_it_fits_while_hiding_targets_outside_their_band(folder, capsys):
    import pandas as pd

    from sim.experiments.calibration_check import Check, check

    calibrate(folder, capsys)
    report = check(folder, workers=1, seeds=2).report()
    outside = report.count("OUTSIDE")
    last = report.splitlines()[-1]
    if outside:
        assert f"{outside} of " in last and "still fits" not in last
    targets = pd.DataFrame({"target": ["a", "b", "c"], "simulated": [1.0, 5.0, 9.0], "band_low": 0.0,
                            "band_high": [2.0, 2.0, 10.0], "in_band": [True, False, True]})
    fits = Check(True, 1.0, 2.0, "m", "m", targets).verdict()
    assert "1 of 3 targets lie outside their band (b)" in fits and "still fits" not in fits
    assert "all 3 targets" in Check(True, 1.0, 2.0, "m", "m", targets.assign(in_band=True)).verdict()
    assert "no longer fits" in Check(False, 3.0, 2.0, "m", "m", targets).verdict()
