"""Limits that hold for every input (issue 24): each failure of the issue reproduced, and now a
clear refusal within seconds, or a result.

Was: a FIFO named x.csv blocked for ever, a .csv linked to /dev/zero grew to 18 GB, a 30 MB CSV
took 4 GB and 21 s, a CSV cell of 131,073 characters ended in a traceback, --workers 4294967296
was accepted, 3,000 copies of one scenario were compared, a sweep of a million runs was silent
for minutes and needed 27 GB, `--posterior 5000` printed pydantic's four lines, validate passed
what run refused, a sweep file's scenario and population could be any file on disk, and
`--out ""` wrote to results/<scenario>.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from sim import compare, limits, run, sweep
from sim.cli import main
from sim.errors import OutputError, ScenarioError
from sim.experiments import sweep as sweep_module
from sim.experiments.store import run_id
from sim.experiments.sweep_spec import load_spec
from sim.provenance import code_fingerprint, version
from sim.run_folder import Holding, claim
from sim.scenario import SCENARIO_DIR, load_scenario, resolve_population
from sim.settings import RunSettings

ROOT = SCENARIO_DIR.parent
SMALL = ["--population", "2000", "--months", "12", "--warmup", "0", "--replications", "1"]
SPEC = 'population = "2000"\nmonths = 12\nwarmup = 0\n[parameters]\n"policy.legal_aid.share_summoned" = {{ {range} }}\n'
GRID_1000 = '"{name}" = {{ min = 0.0, max = 1.0, steps = 1000 }}\n'


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def the_error(err: str) -> str:
    """The one error line of a failed command (a warning about the calibration may come before it)."""
    lines = [line for line in err.splitlines() if not line.startswith("evictsim: warning:")]
    assert len(lines) == 1 and lines[0].startswith("evictsim: error: "), err[-2000:]
    assert "Traceback" not in err and "errors.pydantic.dev" not in err
    return lines[0]


def cli_error(argv: list[str], capsys) -> str:
    assert main(argv) == 2
    return the_error(capsys.readouterr().err)


# --- every input kind that once hung: refused in seconds, in a fresh process ---------------------------

def _hanging_inputs(folder: Path) -> dict[str, tuple[list[str], str]]:
    """Command lines (and what their error must say) for each input that once hung or exhausted memory."""
    os.mkfifo(folder / "x.csv")
    os.mkfifo(folder / "town.toml")
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.csv").symlink_to("/dev/zero")
    with open(folder / "big.csv", "wb") as big:
        big.write(b"name,corporation_households,private_households\n" + b"a,100,100\n" * 3_000_000)
    write(folder, "grid.toml", "[parameters]\n" + GRID_1000.format(name="policy.legal_aid.share_summoned")
          + GRID_1000.format(name="policy.early_signalling.reach"))
    sweep_file = write(folder, "s.toml", SPEC.format(range="values = [0.0, 1.0]"))
    out = ["--out", str(folder / "out")]
    run = ["run", "baseline", *SMALL, *out]
    return {
        "a FIFO named x.csv": ([*run, "--population", str(folder / "x.csv")], "x.csv: a FIFO (named pipe), not a file"),
        "a .csv linked to /dev/zero": ([*run, "--population", str(folder / "zero.csv")],
                                       "zero.csv: a device, not a file"),
        "a 30 MB CSV": ([*run, "--population", str(folder / "big.csv")], "big.csv: more than 1,000,000 bytes"),
        "a FIFO as a profile": ([*run, "--population", str(folder / "town.toml")], "town.toml: a FIFO"),
        "a FIFO as a scenario": (["validate", str(folder / "pipe.toml")], "pipe.toml: a FIFO"),
        "a FIFO as a sweep file": (["sweep", str(folder / "pipe.toml"), *out], "pipe.toml: a FIFO"),
        "a 1000 x 1000 grid": (["sweep", str(folder / "grid.toml"), *out], "1,000,000 runs would need about 13 GB"),
        "3,000 copies of a scenario": (["compare", "baseline", *["baseline"] * 3000, *SMALL, *out],
                                       "compare: 3,001 scenarios; at most 50"),
        "--workers 4294967296": ([*run, "--posterior", "2", "--workers", "4294967296"],
                                 "--workers 4294967296: must be 0 to"),
        "--posterior 5000": (["sweep", str(sweep_file), "--posterior", "5000", *out],
                             "--posterior 5000: must be 0 to 1,000"),
    }


HANGING = ["a FIFO named x.csv", "a .csv linked to /dev/zero", "a 30 MB CSV", "a FIFO as a profile",
           "a FIFO as a scenario", "a FIFO as a sweep file", "a 1000 x 1000 grid", "3,000 copies of a scenario",
           "--workers 4294967296", "--posterior 5000"]


@pytest.mark.parametrize("case", HANGING)
def test_an_input_that_once_hung_is_refused_within_seconds(tmp_path, case):
    argv, says = _hanging_inputs(tmp_path)[case]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "sim.cli", *argv], capture_output=True, text=True, timeout=30,
                          env=env, cwd=tmp_path)
    assert done.returncode == 2 and says in the_error(done.stderr), done.stderr[-1000:]
    assert not (tmp_path / "out").exists() and not (tmp_path / "results").exists()


# --- the municipalities CSV: read through the same limits as every other file ---------------------------

def test_a_csv_cell_beyond_the_csv_module_s_limit_is_named_not_a_traceback(tmp_path, capsys):
    path = write(tmp_path, "towns.csv", "name,corporation_households,private_households\n"
                 f"A,{'1' * 140_000},10\n")
    err = cli_error(["run", "baseline", *SMALL, "--population", str(path), "--out", str(tmp_path / "o")], capsys)
    assert f"{path}, row 2: a cell of more than 131,072 characters" in err and len(err) < 300


def test_a_long_cell_is_refused_naming_its_row(tmp_path):
    path = write(tmp_path, "towns.csv",
                 f"name,corporation_households,private_households\nA,100,10\n{'b' * 5000},100,10\n")
    with pytest.raises(ScenarioError, match=re.escape(f"{path}, row 3: a cell of 5,000 characters")):
        resolve_population(str(path))


def test_more_municipalities_than_the_limit_are_refused(tmp_path):
    rows = "".join(f"m{i},100,0\n" for i in range(limits.MAX_MUNICIPALITIES + 1))
    path = write(tmp_path, "towns.csv", "name,corporation_households,private_households\n" + rows)
    with pytest.raises(ScenarioError, match=f"more than {limits.MAX_MUNICIPALITIES:,} municipalities"):
        resolve_population(str(path))


def test_a_csv_at_the_limits_is_read(tmp_path):
    rows = "".join(f"m{i},100,0\n" for i in range(limits.MAX_MUNICIPALITIES))
    path = write(tmp_path, "towns.csv", "name,corporation_households,private_households\n" + rows)
    assert len(resolve_population(str(path))) == limits.MAX_MUNICIPALITIES


@pytest.mark.parametrize("kind", ["folder", "FIFO", "device"])
def test_every_reader_refuses_what_is_not_a_file(tmp_path, kind):
    path = tmp_path / "in.csv"
    {"folder": path.mkdir, "FIFO": lambda: os.mkfifo(path), "device": lambda: path.symlink_to("/dev/zero")}[kind]()
    with pytest.raises(ScenarioError, match=re.escape(f"{path}: a")):
        limits.read_input(path)


def test_a_posterior_sample_is_read_within_the_limits_and_checked(tmp_path):
    from sim.experiments.draws import read_posterior

    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(ScenarioError, match=r"pipe\.csv: a FIFO"):
        read_posterior(tmp_path / "pipe.csv")
    bad = write(tmp_path, "p.csv", "context.costs.summons_eur,weight\n800,-1\n")
    with pytest.raises(ScenarioError, match="weights must be 0 or more"):
        read_posterior(bad)
    text = write(tmp_path, "q.csv", "context.costs.summons_eur,weight\nmany,1\n")
    with pytest.raises(ScenarioError, match="must be a finite number"):
        read_posterior(text)
    assert len(read_posterior(ROOT / "calibration" / "posterior.csv")) > 10


# --- workers, scenarios compared, planned and kept runs ---------------------------------------------------

def test_workers_have_an_upper_bound_everywhere(tmp_path, capsys):
    bound = limits.workers_bound()
    assert bound.high == limits.WORKERS_PER_CORE * len(os.sched_getaffinity(0))
    err = cli_error(["run", "baseline", *SMALL, "--workers", str(bound.high + 1), "--out", str(tmp_path / "o")],
                    capsys)
    assert f"--workers {bound.high + 1}: must be 0 to {bound.high}" in err
    with pytest.raises(ValueError, match="workers = 4294967296: must be 0 to"):
        run("baseline", population="2000", posterior=2, workers=2**32)
    spec = write(tmp_path, "s.toml", SPEC.format(range="values = [0.0, 1.0]"))
    with pytest.raises(ValueError, match="workers = -1: must be 0 to"):
        sweep(spec, tmp_path / "s", workers=-1, progress=False)
    assert not (tmp_path / "s").exists()


def test_no_more_worker_processes_start_than_there_are_runs(monkeypatch):
    started = []

    class Pool:
        def __init__(self, max_workers, **kwargs):
            started.append(max_workers)
            raise RuntimeError("stop here")

    monkeypatch.setattr(sweep_module, "ProcessPoolExecutor", Pool)
    with pytest.raises(RuntimeError, match="stop here"):
        sweep_module.execute([object(), object()], 8, None, lambda row: None)  # type: ignore[list-item]
    assert started == [2]


def test_a_comparison_names_each_scenario_once_and_at_most_fifty(tmp_path, capsys):
    assert "argument 'baseline' is given twice" in cli_error(["compare", "baseline", "ombudsman-package", "baseline",
                                                              *SMALL], capsys)
    twin = write(tmp_path, "twin.toml", 'name = "ombudsman-package"\nextends = "baseline"\n')
    assert "scenario name 'ombudsman-package' is given twice" in cli_error(
        ["compare", "baseline", "ombudsman-package", str(twin), *SMALL, "--out", str(tmp_path / "o")], capsys)
    with pytest.raises(ValueError, match="compare: 51 scenarios; at most 50"):
        compare("baseline", ["baseline"] * 50, population="2000")
    with pytest.raises(ValueError, match="is given twice"):
        compare("baseline", ["ombudsman-package", "ombudsman-package"], population="2000")


def test_runs_whose_results_would_not_fit_in_memory_are_refused_before_they_start():
    with pytest.raises(ValueError, match=r"1,000,000 runs would need about [0-9.]+ TB of memory .* at most 1 GB"):
        run("baseline", population="2000", months=1200, replications=1000, posterior=1000)
    settings = RunSettings(population="2000", months=12, replications=5)
    settings.check_kept(limits.SCENARIOS.high)  # an ordinary comparison fits


def test_a_sweep_of_a_million_distinct_points_is_refused_in_seconds_naming_its_memory(tmp_path):
    spec = write(tmp_path, "grid.toml", "[parameters]\n" + GRID_1000.format(name="policy.legal_aid.share_summoned")
                 + GRID_1000.format(name="policy.early_signalling.reach"))
    with pytest.raises(ScenarioError, match=re.escape("the grid design (1,000,000 points x 1 replications): "
                                                      "1,000,000 runs would need about 13 GB of memory")):
        load_spec(spec)


def test_a_sweep_of_a_million_replicated_runs_fits(tmp_path):
    spec = write(tmp_path, "rep.toml", "replications = 1000\n[parameters]\n"
                 + GRID_1000.format(name="policy.legal_aid.share_summoned"))
    assert load_spec(spec).replications == 1000  # planned in about 20 s and 0.7 GB: benchmarks/bench_plan.py


def test_a_sweep_prints_its_size_before_it_plans_anything(tmp_path, capsys, monkeypatch):
    printed = []

    def plan(*args, **kwargs):
        printed.append(capsys.readouterr().out)
        raise KeyboardInterrupt

    monkeypatch.setattr(sweep_module, "plan", plan)
    spec = write(tmp_path, "s.toml", 'name = "s"\n' + SPEC.format(range="min = 0.0, max = 1.0, steps = 7")
                 .replace("warmup = 0\n", "warmup = 0\nreplications = 3\n"))
    assert main(["sweep", str(spec), "--out", str(tmp_path / "o"), "--no-progress"]) == 130
    assert printed == ["s: 21 runs (7 points x 3 replications), design grid\n"]


def test_a_plan_that_takes_a_while_says_how_far_it_has_come(capsys, monkeypatch):
    clock = iter([0.0, 0.5, 1.2, 1.3, 2.0])  # seconds: at the start, then at each point planned
    monkeypatch.setattr(sweep_module, "time", SimpleNamespace(perf_counter=lambda: next(clock)))
    with sweep_module.Planning(10, enabled=True) as planning:
        for planned in (1, 2, 3, 4):
            planning.show(planned)
    assert capsys.readouterr().err == "\rplanning 2/10 points   \rplanning 4/10 points   \n"


def _plan_bytes(spec_text: str, folder: Path) -> tuple[int, int, int]:
    """Runs, scenarios and bytes a plan holds (traced allocations while it is built)."""
    spec = load_spec(write(folder, "m.toml", spec_text))
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = sweep_module.plan(spec)
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return len(tasks), len({id(t.scenario) for t in tasks}), held


@pytest.mark.parametrize("section, contexts", [("policy.legal_aid.share_summoned", False),
                                               ("context.costs.summons_eur", True)])
def test_the_plan_memory_estimate_is_not_below_what_a_plan_holds(tmp_path, section, contexts):
    low, high = (0.0, 1.0) if section.startswith("policy") else (500.0, 1500.0)
    text = (f'population = "2000"\nreplications = 4\n[parameters]\n'
            f'"{section}" = {{ min = {low}, max = {high}, steps = 200 }}\n')
    runs, scenarios, held = _plan_bytes(text, tmp_path)
    assert (runs, scenarios) == (800, 200)
    assert held <= limits.plan_bytes(scenarios, runs, contexts)


def test_run_ids_are_the_hash_of_the_run_s_identity_as_before():
    scenario, settings = load_scenario("baseline"), RunSettings(population="2000", months=12, warmup=0)
    seeds = [0, 1, 2**32 - 1]
    identity = {"parameters": scenario.parameters(), "population": "2000", "months": 12, "warmup": 0, "scale": 1.0,
                "code": {"version": version(), "code": code_fingerprint()}}
    assert sweep_module.run_ids(scenario, settings, seeds) == [run_id({**identity, "seed": s}) for s in seeds]


def test_the_experiments_table_is_built_by_column_as_it_was_by_row(tmp_path):
    spec = load_spec(write(tmp_path, "c.toml", 'population = "2000"\nreplications = 2\ndesign = "lhs"\nsamples = 3\n'
                           '[uncertainties]\n"context.costs.summons_eur" = { min = 500.0, max = 1500.0 }\n'
                           '[levers]\n"policy.housing_duty.families_duty" = { values = [false, true] }\n'))
    tasks = sweep_module.plan(spec)
    rows = pd.DataFrame([{"run_id": t.run_id, "point": t.point, "policy": t.policy, "replication": t.replication,
                          "seed": t.seed, **t.values} for t in tasks])
    pd.testing.assert_frame_equal(sweep_module.experiments_table(tasks), rows)


# --- accepted inputs that should have been refused ----------------------------------------------------------

def test_validate_refuses_a_municipality_the_population_does_not_have_as_run_does(tmp_path, capsys):
    scenario = write(tmp_path, "m.toml", 'extends = "baseline"\n[municipality.Zwolle.policy.housing_duty]\n'
                                         "families_duty = true\n")
    err = cli_error(["validate", str(scenario)], capsys)
    assert "municipality.Zwolle: no municipality or type of that name" in err and "--population 'medium_town'" in err
    assert "municipality.Zwolle" in cli_error(["run", str(scenario), *SMALL, "--out", str(tmp_path / "o")], capsys)
    towns = write(tmp_path, "towns.csv", "name,kind,corporation_households,private_households\n"
                                         "Zwolle,medium_town,1500,500\n")
    assert main(["validate", str(scenario), "--population", str(towns)]) == 0
    assert capsys.readouterr().out.startswith(f"ok: {scenario}")
    assert main(["run", str(scenario), "--population", str(towns), "--months", "12", "--warmup", "0",
                 "--replications", "1", "--out", str(tmp_path / "o")]) == 0


@pytest.mark.parametrize("line, key", [('scenario = "{root}/outside"', "scenario"),
                                       ('scenario = "../outside"', "scenario"),
                                       ('population = "../towns.csv"', "population"),
                                       ('population = "{root}/towns.csv"', "population"),
                                       ('posterior = "../posterior.csv"', "posterior")])
def test_a_sweep_file_may_name_files_only_where_extends_may(tmp_path, capsys, line, key):
    inner = tmp_path / "inner"
    inner.mkdir()
    write(tmp_path, "outside.toml", 'extends = "baseline"\n')
    write(tmp_path, "towns.csv", "name,corporation_households,private_households\nA,800,200\n")
    write(tmp_path, "posterior.csv", "context.costs.summons_eur,weight\n800,1\n")
    design = 'design = "posterior"\nsamples = 2\n[levers]\n' if key == "posterior" else "[parameters]\n"
    spec = write(inner, "s.toml", f'{line.format(root=tmp_path)}\nmonths = 12\nwarmup = 0\n{design}'
                 '"policy.legal_aid.share_summoned" = { values = [0.0, 1.0] }\n')
    err = cli_error(["sweep", str(spec), "--out", str(tmp_path / "o"), "--no-progress"], capsys)
    assert f"{spec}: {key} = " in err and f"is outside the folders {key} may point to" in err
    assert not (tmp_path / "o").exists()


def test_a_sweep_file_names_its_population_and_scenario_relative_to_itself(tmp_path, monkeypatch):
    (tmp_path / "study").mkdir()
    write(tmp_path / "study", "towns.csv",
          "name,kind,corporation_households,private_households\nA,small_town,800,200\n")
    write(tmp_path / "study", "mine.toml", 'extends = "baseline"\n')
    spec = write(tmp_path / "study", "s.toml", 'scenario = "mine"\npopulation = "towns.csv"\n'
                 + SPEC.format(range="values = [0.0, 1.0]").split("\n", 1)[1])
    monkeypatch.chdir(tmp_path)  # not the sweep file's folder
    tasks = sweep_module.plan(load_spec(spec), spec)
    assert tasks[0].population == str(tmp_path / "study" / "towns.csv")
    assert tasks[0].scenario.files[-1].endswith("mine.toml")


@pytest.mark.parametrize("out", ["", " "])
def test_an_empty_out_is_refused_not_taken_for_the_default(tmp_path, capsys, monkeypatch, out):
    monkeypatch.chdir(tmp_path)
    assert "--out" in cli_error(["run", "baseline", *SMALL, "--out", out], capsys)
    with pytest.raises(OutputError, match="empty; give a folder"):
        claim(out, Holding("run", "baseline"))
    assert list(tmp_path.iterdir()) == []


def test_a_path_with_a_line_break_is_refused_on_one_line(tmp_path, capsys):
    err = cli_error(["validate", str(tmp_path / "a\nb.toml")], capsys)
    assert "contains a control character ('\\n')" in err


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_an_out_folder_that_cannot_be_made_is_named_not_its_hidden_temporary(capsys):
    err = cli_error(["run", "baseline", *SMALL, "--out", "/proc/x"], capsys)
    assert err.startswith("evictsim: error: --out /proc/x: cannot create the folder") and ".evictsim-" not in err


def test_the_posterior_option_of_a_sweep_is_checked_like_any_other(tmp_path):
    spec = write(tmp_path, "s.toml", SPEC.format(range="values = [0.0, 1.0]"))
    with pytest.raises(ValueError, match=re.escape("posterior = 5000: must be 0 to 1,000")):
        sweep(spec, tmp_path / "o", posterior=5000, progress=False)


@pytest.mark.parametrize("body, says", [
    ('[parameters]\n"policy.legal_aid.share_summoned" = { min = 0.0, max = 1.0, foo = 1 }\n',
     "parameters.policy.legal_aid.share_summoned.foo: unknown field; allowed here: min, max, steps, values"),
    ('[parameters]\n"policy.legal_aid.share_summoned" = { values = [0.0] }\n[discovery]\noutcome = "evictions"\n'
     "above = 1\nx = 2\n", "discovery.x: unknown field; allowed here: outcome, above"),
    ('[uncertainties]\n"context.costs.summons_eur" = { min = 1.0, max = 2.0 }\n[levers]\n'
     '"policy.legal_aid.share_summoned" = { values = [1.0], bar = 1 }\n',
     "levers.policy.legal_aid.share_summoned.bar: unknown field; allowed here: min, max, steps, values"),
    ('[uncertainties]\n"context.costs.summons_eur" = { min = 1.0, max = 2.0 }\n[levers]\n'
     '"policy.legal_aid.share_summoned" = 5\n',
     "levers.policy.legal_aid.share_summoned = 5: Input should be a valid dictionary or instance of Range; or input "
     "should be a valid list"),
])
def test_a_sweep_file_s_error_is_one_line_that_lists_what_is_allowed(tmp_path, capsys, body, says):
    spec = write(tmp_path, "s.toml", body)
    err = cli_error(["sweep", str(spec), "--out", str(tmp_path / "o")], capsys)
    assert err == f"evictsim: error: {spec}: {says}"


# --- the optimize command (issue 26) within the same limits ----------------------------------------------

OPTIMIZE = ('name = "o"\nmonths = 12\nwarmup = 0\nreplications = 1\ngenerations = 1\npolicies = 4\n{line}\n'
            '[levers]\n"policy.early_signalling.reach" = {{ min = 0.1, max = 0.8 }}\n[objectives]\nevictions = "min"\n')


def test_an_optimisation_takes_workers_and_counts_within_the_limits(tmp_path, capsys):
    from sim.experiments.optimize import optimize
    from sim.experiments.optimize_spec import load_optimize_spec

    spec = write(tmp_path, "o.toml", OPTIMIZE.format(line='population = "2000"'))
    bound = limits.workers_bound()
    err = cli_error(["optimize", str(spec), "--workers", str(bound.high + 1), "--out", str(tmp_path / "o")], capsys)
    assert f"--workers {bound.high + 1}: must be 0 to {bound.high}" in err
    with pytest.raises(ValueError, match="workers = 4294967296: must be 0 to"):
        optimize(spec, tmp_path / "o", workers=2**32, progress=False)
    assert "--out '': empty" in cli_error(["optimize", str(spec), "--out", ""], capsys)
    big = write(tmp_path, "big.toml", OPTIMIZE.format(line="posterior_draws = 1000\nreplications = 100")
                .replace("replications = 1\n", "").replace("generations = 1", "generations = 10")
                .replace("policies = 4", "policies = 10"))
    with pytest.raises(ScenarioError, match=re.escape("100 points x 1,000 posterior draws x 100 replications = "
                                                      "10,000,000 runs; at most 1,000,000")):
        load_optimize_spec(big)
    plan = write(tmp_path, "plan.toml", OPTIMIZE.format(line="posterior_draws = 50")  # every generation's plan is kept
                 .replace("generations = 1", "generations = 100").replace("policies = 4", "policies = 100"))
    with pytest.raises(ScenarioError, match=r"500,000 runs would need about [0-9.]+ GB of memory"):
        load_optimize_spec(plan)
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("line, says", [('population = "../towns.csv"', "population = '../towns.csv'"),
                                        ('population = "99"', "population '99'"),
                                        ('scenario = "../outside"', "scenario = '../outside'")])
def test_an_optimisation_file_names_files_as_a_sweep_file_does_and_writes_nothing_when_refused(
        tmp_path, capsys, line, says):
    inner = tmp_path / "inner"
    inner.mkdir()
    write(tmp_path, "outside.toml", 'extends = "baseline"\n')
    write(tmp_path, "towns.csv", "name,corporation_households,private_households\nA,800,200\n")
    spec = write(inner, "o.toml", OPTIMIZE.format(line=line))
    err = cli_error(["optimize", str(spec), "--out", str(tmp_path / "o"), "--no-progress"], capsys)
    assert err.startswith(f"evictsim: error: {spec}: {says}"), err
    assert not (tmp_path / "o").exists()


def test_a_dry_run_says_the_size_first_then_what_is_stored(tmp_path, capsys):
    spec = write(tmp_path, "s.toml", 'name = "s"\n' + SPEC.format(range="values = [0.0, 1.0, 1.0]"))
    out = tmp_path / "o"
    assert main(["sweep", str(spec), "--out", str(out), "--dry-run", "--no-progress"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "s: 3 runs (3 points x 1 replications), design grid"
    assert lines[1].startswith("2 runs to simulate (0 of 2 stored already)") and not out.exists()
    err = cli_error(["sweep", str(spec), "--out", "", "--dry-run"], capsys)
    assert "--out '': empty" in err


@pytest.mark.parametrize("lever, says", [('scenarios = ["baseline", "nope"]', "levers.scenarios = 'nope'"),
                                         ('"policy.rehousing.second_chance_contracts" = { values = [true, 7] }',
                                          "policy.rehousing.second_chance_contracts = 7")])
def test_an_optimisation_with_a_bad_lever_is_refused_before_its_store_is_written(tmp_path, capsys, lever, says):
    spec = write(tmp_path, "o.toml", OPTIMIZE.format(line='population = "2000"').replace("[objectives]",
                                                                                         f"{lever}\n[objectives]"))
    err = cli_error(["optimize", str(spec), "--out", str(tmp_path / "o"), "--no-progress"], capsys)
    assert err.startswith(f"evictsim: error: {spec}: ") and says in err, err
    assert not (tmp_path / "o").exists()


def test_an_optimisation_dry_run_reads_its_population_file_where_its_runs_do(tmp_path, capsys, monkeypatch):
    (tmp_path / "study").mkdir()
    write(tmp_path / "study", "towns.csv",
          "name,kind,corporation_households,private_households\nA,small_town,800,200\n")
    spec = write(tmp_path / "study", "o.toml", OPTIMIZE.format(line='population = "towns.csv"'))
    monkeypatch.chdir(tmp_path)  # not the optimisation file's folder
    assert main(["optimize", str(spec), "--out", str(tmp_path / "o"), "--dry-run"]) == 0
    assert "Nothing was run (--dry-run)" in capsys.readouterr().out and not (tmp_path / "o").exists()
