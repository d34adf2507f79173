"""The benchmark scripts a developer runs by hand from the README still run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

LAYOUT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_layout.py"
FINGERPRINTS = LAYOUT.parent / "result_fingerprints.py"
MODEL = LAYOUT.parent / "bench_model.py"


def refusal(script: Path, argument: list[str]) -> str:
    """What `script` says on stderr when it refuses `argument` (exit status 2, as argparse errors)."""
    done = subprocess.run([sys.executable, str(script), *argument], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    return done.stderr


def test_the_layout_benchmark_times_the_three_layouts_on_a_small_population():
    done = subprocess.run([sys.executable, str(LAYOUT), "--households", "20000", "--watched", "2000", "--repeat", "1"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "2,000 watched households among 20,000 dwellings" in lines[0]
    assert [line.split("  ")[1].strip() for line in lines[1:]] == [
        "gathers from per-dwelling arrays (now)", "one gather of records (array of structs)",
        "compact table of the watched rows"]


@pytest.mark.parametrize(("argument", "message"), [
    (["--households", "100", "--watched", "200"], "--watched 200: must be between 1 and --households (100)"),
    (["--fields", "0"], "--fields 0: must be at least 1"),
    (["--repeat", "-1"], "--repeat -1: must be at least 1"),
])
def test_the_layout_benchmark_refuses_impossible_sizes(argument, message):
    assert message in refusal(LAYOUT, argument)


def test_result_fingerprints_find_the_same_results_and_name_a_different_one(tmp_path):
    saved = tmp_path / "before.json"
    command = [sys.executable, str(FINGERPRINTS), "--cases", "baseline/medium_town", "--months", "2"]
    done = subprocess.run([*command, "--save", str(saved)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    prints = json.loads(saved.read_text(encoding="utf-8"))
    assert list(prints) == ["baseline/medium_town, 2 months (journeys logged)",
                            "baseline/medium_town, 2 months (nobody logged)"]
    again = subprocess.run([*command, "--compare", str(saved)], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "different: none" in again.stdout, again.stderr
    prints["baseline/medium_town, 2 months (nobody logged)"] = "0" * 16
    saved.write_text(json.dumps(prints), encoding="utf-8")
    changed = subprocess.run([*command, "--compare", str(saved)], capture_output=True, text=True, timeout=120)
    assert changed.returncode == 1
    assert "different: baseline/medium_town, 2 months (nobody logged)" in changed.stdout


@pytest.mark.parametrize(("argument", "message"), [
    (["--cases", "baseline/atlantis"], "'baseline/atlantis': not a case; the cases are baseline/medium_town"),
    (["--months", "0"], "--months 0: must be at least 1"),
    (["--compare", "/nonexistent/before.json"], "--compare /nonexistent/before.json: cannot read saved fingerprints"),
    (["--save", "/nonexistent/before.json"], "--save /nonexistent/before.json: the folder /nonexistent does not exist"),
])
def test_result_fingerprints_refuse_what_cannot_be_done(argument, message):
    assert message in refusal(FINGERPRINTS, argument)


@pytest.mark.slow
def test_the_model_benchmark_runs_a_case_here_and_in_another_checkout_in_the_same_rounds():
    repository = MODEL.parents[1]
    done = subprocess.run([sys.executable, str(MODEL), "--cases", "2000", "--repeat", "2", "--against", str(repository),
                           "--json"], capture_output=True, text=True, timeout=300, cwd=repository)
    assert done.returncode == 0, done.stderr
    this, other = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert this["households"] == other["households"] == 2000 and this["months"] == other["months"] == 216
    assert other["tree"] == str(repository.resolve())
    assert len(this["rounds"]) == 2 and all(r["this_s"] > 0 and r["against_s"] > 0 for r in this["rounds"])
    if this["toy_s"]:  # the reference is there (../shared/perf/toy.py): times without start-up too
        assert this["after_startup_s"] == pytest.approx(this["wall_s"] - this["startup_s"], abs=0.011)
        assert this["left_at_ratio_1_s"] == pytest.approx(this["toy_s"] - this["startup_s"], abs=0.011)
        assert "after start-up:" in done.stdout
    ratios = sorted(r["this_s"] / r["against_s"] for r in this["rounds"])
    assert this["this_over_against"] == pytest.approx(sum(ratios) / 2, abs=0.01)  # the median of two rounds
    assert this["peak_mb"] > 50 and other["peak_mb"] > 50  # each run's own peak
    assert "this tree's time / TREE's" in done.stdout


@pytest.mark.parametrize("argument, message", [
    (["--against", "no-such-folder"], "'no-such-folder': not a checkout of evictsim (no sim/cli.py there)"),
    (["--repeat", "0"], "--repeat: 0: must be at least 1"),
    (["--repeat", "two"], "--repeat: 'two': not a whole number"),
])
def test_the_model_benchmark_refuses_what_cannot_be_done(argument, message):
    assert message in refusal(MODEL, argument)
