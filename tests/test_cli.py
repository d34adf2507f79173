"""The `evictsim` command line, called in-process through sim.cli.main (plus one real subprocess).

Every run here is tiny (2,000 households, 12 months, no warm-up) and writes under tmp_path only.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import SUMMARY_KEYS, main
from sim.results_io import OutputError, prepare_dir, read_run
from sim.scenario import SCENARIO_DIR

EVICTSIM = Path(sys.prefix) / "bin" / "evictsim"  # the venv running the tests
SMALL = ["--population", "2000", "--months", "12", "--warmup", "0", "--replications", "2"]
EXPECTED_SUMMARY = ("evictions", "evictions_with_children", "children_evicted", "summonses", "verdicts", "signals",
                    "households_in_arrears", "homeless_households", "homeless_children", "children_separated",
                    "school_changes", "cost_total_eur")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def bad_file(tmp_path) -> Path:
    return write(tmp_path, "bad.toml", 'name = "bad"\n[policy.early_signalling]\nreach = 1.5\n')


def assert_clean_error(err: str) -> None:
    assert err.startswith("evictsim: error:")
    assert "Traceback" not in err


def assert_nothing_written(folder: Path) -> None:
    assert not folder.exists() or not any(folder.iterdir())


# --- validate --------------------------------------------------------------------------------------

def test_validate_good_name(capsys):
    assert main(["validate", "baseline"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: baseline")
    assert err == ""


def test_validate_good_file(tmp_path, capsys):
    path = write(tmp_path, "fine.toml", 'name = "fine"\n[policy.legal_aid]\nshare_summoned = 0.5\n')
    assert main(["validate", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith(f"ok: {path}")
    assert "fine" in out


def test_validate_all_shipped_scenarios(capsys):
    files = sorted(str(p) for p in SCENARIO_DIR.glob("*.toml"))
    assert main(["validate", *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(files)
    assert all(line.startswith("ok: ") for line in lines)


def test_validate_bad_file(bad_file, capsys):
    assert main(["validate", str(bad_file)]) == 2
    out, err = capsys.readouterr()
    assert_clean_error(err)
    assert str(bad_file) in err
    assert "policy.early_signalling.reach = 1.5" in err
    assert "ok" not in out


def test_validate_stops_at_the_first_bad_file(bad_file, capsys):
    assert main(["validate", "baseline", str(bad_file)]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("ok: baseline")
    assert_clean_error(err)


def test_validate_invalid_toml(tmp_path, capsys):
    path = write(tmp_path, "syntax.toml", "name = \n")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert_clean_error(err)
    assert str(path) in err and "not valid TOML" in err


def test_validate_unknown_scenario(capsys):
    assert main(["validate", "no-such-scenario"]) == 2
    err = capsys.readouterr().err
    assert_clean_error(err)
    assert "no-such-scenario: no such scenario file" in err


# --- run / compare with bad input --------------------------------------------------------------------

def test_run_bad_scenario_writes_nothing(bad_file, tmp_path, capsys):
    out_dir = tmp_path / "out"
    assert main(["run", str(bad_file), *SMALL, "--out", str(out_dir)]) == 2
    out, err = capsys.readouterr()
    assert_clean_error(err)
    assert str(bad_file) in err
    assert out == ""
    assert_nothing_written(out_dir)
    assert not out_dir.exists()  # checked before the folder is even created


def test_compare_bad_scenario_writes_nothing(bad_file, tmp_path, capsys):
    out_dir = tmp_path / "out"
    assert main(["compare", "baseline", str(bad_file), *SMALL, "--out", str(out_dir)]) == 2
    assert_clean_error(capsys.readouterr().err)
    assert_nothing_written(out_dir)


@pytest.mark.parametrize(("option", "value", "named"), [
    ("--scale", "0", "--scale 0"),
    ("--scale", "2", "--scale 2"),
    ("--scale", "-0.5", "--scale -0.5"),
    ("--months", "5", "--months 5"),
    ("--replications", "0", "--replications 0"),
    ("--population", "nowhere", "population 'nowhere'"),
])
@pytest.mark.parametrize("command", ["run", "compare"])
def test_bad_run_option(tmp_path, capsys, command, option, value, named):
    out_dir = tmp_path / "out"
    scenarios = ["baseline"] if command == "run" else ["baseline", "ombudsman-legal-aid"]
    argv = [command, *scenarios, *SMALL, option, value, "--out", str(out_dir)]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert_clean_error(err)
    assert named in err
    assert out == ""
    assert_nothing_written(out_dir)


def test_bad_population_lists_allowed(tmp_path, capsys):
    assert main(["run", "baseline", *SMALL, "--population", "nowhere", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    for allowed in ("national", "large_city", "medium_town", "small_town"):
        assert allowed in err


def test_bad_profile_file(tmp_path, capsys):
    profile = write(tmp_path, "town.toml", "corporation_households = -5\n")
    out_dir = tmp_path / "out"
    assert main(["run", "baseline", *SMALL, "--population", str(profile), "--out", str(out_dir)]) == 2
    err = capsys.readouterr().err
    assert_clean_error(err)
    assert str(profile) in err and "corporation_households = -5" in err
    assert_nothing_written(out_dir)


@pytest.mark.parametrize("argv", [["--months", "abc"], ["--months", "-1"], ["--scale", "lots"]])
def test_unparsable_option_exits_2(tmp_path, capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(["run", "baseline", *argv, "--out", str(tmp_path / "out")])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert argv[0] in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_out_is_an_existing_file(tmp_path, capsys):
    target = write(tmp_path, "results.txt", "keep me\n")
    assert main(["run", "baseline", *SMALL, "--out", str(target)]) == 2
    out, err = capsys.readouterr()
    assert_clean_error(err)
    assert f"--out {target}: exists and is not a folder" in err
    assert out == ""
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_out_below_a_file(tmp_path, capsys):
    target = write(tmp_path, "results.txt", "keep me\n")
    assert main(["run", "baseline", *SMALL, "--out", str(target / "sub")]) == 2
    err = capsys.readouterr().err
    assert_clean_error(err)
    assert "cannot create the folder" in err


def test_prepare_dir_raises_output_error(tmp_path):
    target = write(tmp_path, "f", "")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        prepare_dir(target)
    made = prepare_dir(tmp_path / "a" / "b")
    assert made.is_dir()


def test_read_run_on_incomplete_folder(tmp_path):
    (tmp_path / "summary.json").write_text("{}", encoding="utf-8")
    with pytest.raises(OutputError, match=re.escape("missing monthly.parquet, journeys.parquet, meta.json")):
        read_run(tmp_path)


# --- a real, small run ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("run") / "r"
    code = main(["run", "baseline", *SMALL, "--out", str(folder)])
    return code, folder


def test_run_returns_0_and_writes_the_five_files(small_run):
    code, folder = small_run
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(  # and no leftover .tmp files
        ["monthly.parquet", "journeys.parquet", "summary.json", "by_municipality.parquet", "meta.json"])


def test_run_summary(small_run):
    summary = json.loads((small_run[1] / "summary.json").read_text(encoding="utf-8"))
    assert set(EXPECTED_SUMMARY) == set(SUMMARY_KEYS)
    for key in EXPECTED_SUMMARY:
        assert key in summary, key
        entry = summary[key]
        for stat in ("mean", "p5", "p95"):
            assert isinstance(entry[stat], (int, float)), (key, stat)
        assert entry["p5"] <= entry["mean"] <= entry["p95"], key
        assert entry["mean"] >= 0, key


def test_run_monthly(small_run):
    monthly = pd.read_parquet(small_run[1] / "monthly.parquet")
    assert {"replication", "month"} <= set(monthly.columns)
    assert len(monthly) == 24
    assert sorted(monthly["replication"].unique()) == [0, 1]
    assert sorted(monthly["month"].unique()) == list(range(12))
    assert monthly.groupby("replication")["month"].count().tolist() == [12, 12]


def test_run_meta(small_run):
    meta = json.loads((small_run[1] / "meta.json").read_text(encoding="utf-8"))
    for key in ("scenario", "parameters", "seed", "replication_seeds", "version", "git_commit"):
        assert key in meta, key
    assert meta["scenario"] == "baseline"
    assert meta["seed"] == 1
    assert len(meta["replication_seeds"]) == 2
    assert len(set(meta["replication_seeds"])) == 2
    assert meta["months"] == 12 and meta["warmup_months"] == 0
    assert meta["households"] == 2000
    assert set(meta["parameters"]) == {"policy", "context"}
    assert meta["parameters"]["policy"]["early_signalling"]["reach"] == 0.2


def test_read_run_loads_the_folder_back(small_run):
    folder = small_run[1]
    result = read_run(folder)
    pd.testing.assert_frame_equal(result.monthly, pd.read_parquet(folder / "monthly.parquet"))
    assert len(result.monthly) == 24
    assert len(result.journeys) == len(pd.read_parquet(folder / "journeys.parquet"))
    assert result.summary == json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert result.meta["scenario"] == "baseline"


def test_run_prints_the_summary(tmp_path, capsys):
    folder = tmp_path / "printed"
    assert main(["run", "baseline", *SMALL, "--out", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("baseline: 2 replication(s) of 12 months, 2,000 households")
    for key in SUMMARY_KEYS:
        assert any(line.startswith(key + " ") for line in out.splitlines()), key
    assert f"written to {folder}/" in out
    assert err == ""


def test_run_is_reproducible(small_run, tmp_path):
    again = tmp_path / "again"
    assert main(["run", "baseline", *SMALL, "--out", str(again)]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(again / "monthly.parquet"),
                                  pd.read_parquet(small_run[1] / "monthly.parquet"))


# --- params and compare -----------------------------------------------------------------------------

def test_params_lists_reach(capsys):
    assert main(["params"]) == 0
    lines = capsys.readouterr().out.splitlines()
    reach = [line for line in lines if line.split()[:1] == ["policy.early_signalling.reach"]]
    assert len(reach) == 1
    assert "0.2" in reach[0] and "probability" in reach[0]
    assert any(line.startswith("context.court.appear ") for line in lines)


def test_params_markdown(capsys):
    assert main(["params", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| parameter | default | unit | bounds | source |")
    assert "| `policy.early_signalling.reach` (local) | 0.2 | probability | 0.0..1.0 |" in out


def test_compare_writes_table_and_json(tmp_path, capsys):
    folder = tmp_path / "cmp"
    argv = ["compare", "baseline", "ombudsman-legal-aid", *SMALL, "--out", str(folder)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "ombudsman-legal-aid vs baseline" in out
    assert (folder / "comparison.parquet").is_file()
    assert (folder / "comparison.json").is_file()

    table = pd.read_parquet(folder / "comparison.parquet")
    assert set(table["scenario"]) == {"baseline", "ombudsman-legal-aid"}
    assert set(SUMMARY_KEYS) <= set(table["outcome"])
    base_rows = table[table["scenario"] == "baseline"]
    assert (base_rows["verdict"] == "baseline").all()
    assert (base_rows["diff"] == 0).all()

    data = json.loads((folder / "comparison.json").read_text(encoding="utf-8"))
    assert data["meta"]["baseline"] == "baseline"
    assert data["meta"]["scenarios"] == ["ombudsman-legal-aid"]
    assert len(data["rows"]) == len(table)
    for name in ("baseline", "ombudsman-legal-aid"):
        assert read_run(folder / name).meta["scenario"] == name


# --- the installed console script -------------------------------------------------------------------

def test_console_script_bad_file_no_traceback(bad_file, tmp_path):
    assert EVICTSIM.is_file(), f"console script not installed at {EVICTSIM}"
    out_dir = tmp_path / "out"
    proc = subprocess.run([str(EVICTSIM), "run", str(bad_file), *SMALL, "--out", str(out_dir)],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("evictsim: error:")
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert str(bad_file) in proc.stderr
    assert_nothing_written(out_dir)
