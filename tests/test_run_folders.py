"""Run and comparison folders are written as one unit and checked when read (sim.run_folder).

Was: a run killed after it replaced monthly.parquet left a folder whose meta.json said legal aid,
seed 1, 77.9 evictions a year while its monthly table gave 98.5, and read_run (and so the
dashboard) accepted it; `run` overwrote another run's files; `run` into a sweep folder, `compare`
into a run folder and `sweep` into that mixed folder all exited 0.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sim import results_io, run
from sim.cli import main
from sim.errors import OutputError
from sim.experiments.compare import compare, write_comparison
from sim.results_io import read_comparison, read_run, write_run
from sim.run_folder import Holding, claim

SETTINGS = {"population": "2000", "months": 12, "warmup": 0, "replications": 2}
SMALL = ["--population", "2000", "--months", "12", "--warmup", "0", "--replications", "2"]
SPEC = ('population = "2000"\nmonths = 12\nwarmup = 0\n[parameters]\n'
        '"policy.legal_aid.share_summoned" = { values = [0.0, 1.0] }\n')


@pytest.fixture(scope="module")
def runs():
    """Two different runs: the baseline (seed 1) and legal aid (seed 2)."""
    return {"baseline": run("baseline", seed=1, **SETTINGS), "ombudsman-legal-aid": run("ombudsman-legal-aid",
                                                                                         seed=2, **SETTINGS)}


def same_run(folder: Path, expected) -> bool:
    got = read_run(folder)
    return got.meta["scenario"] == expected.meta["scenario"] and got.monthly.equals(expected.monthly) \
        and got.summary == json.loads(json.dumps(expected.summary))


@pytest.mark.parametrize("part", ["monthly.parquet", "journeys.parquet", "summary.json", "meta.json"])
def test_a_folder_with_a_part_of_another_run_is_refused(tmp_path, runs, part):
    """The failure of the issue, reproduced by hand: the folder of one run, a file of another."""
    write_run(runs["ombudsman-legal-aid"], tmp_path / "a")
    write_run(runs["baseline"], tmp_path / "b")
    shutil.copy(tmp_path / "b" / part, tmp_path / "a" / part)
    with pytest.raises(OutputError, match=re.escape("is not the file meta.json was written with: its parts do "
                                                    "not belong together")):
        read_run(tmp_path / "a")


def test_a_folder_without_checksums_is_refused(tmp_path, runs):
    write_run(runs["baseline"], tmp_path / "a")
    meta = json.loads((tmp_path / "a" / "meta.json").read_text(encoding="utf-8"))
    del meta["files"]
    (tmp_path / "a" / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(OutputError, match="records no checksums"):
        read_run(tmp_path / "a")


def test_a_comparison_with_a_changed_run_is_refused(tmp_path, runs):
    comparison = compare("baseline", ["ombudsman-legal-aid"], seed=5, **SETTINGS)
    write_comparison(comparison, tmp_path / "c")
    assert read_comparison(tmp_path / "c").meta["baseline"] == "baseline"
    write_run(runs["baseline"], tmp_path / "other")
    for name in ("monthly.parquet", "summary.json", "journeys.parquet", "meta.json"):
        shutil.copy(tmp_path / "other" / name, tmp_path / "c" / "baseline" / name)
    not_its_own = "baseline/meta.json is not the file comparison.json was written with"
    with pytest.raises(OutputError, match=re.escape(not_its_own)):
        read_comparison(tmp_path / "c")


def test_the_same_scenario_is_replaced_whole(tmp_path, runs):
    out = tmp_path / "r"
    write_run(runs["baseline"], out)
    (out / "monthly.parquet").unlink()  # a damaged folder of the same scenario
    write_run(runs["baseline"], out)
    assert same_run(out, runs["baseline"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no temporary folders left beside it


@pytest.mark.parametrize("first, second", [
    (["run", "ombudsman-legal-aid"], ["run", "baseline"]),
    (["sweep"], ["run", "baseline"]),
    (["run", "baseline"], ["compare", "baseline", "ombudsman-legal-aid"]),
    (["run", "baseline"], ["sweep"]),
    (["compare", "baseline", "ombudsman-legal-aid"], ["sweep"]),
], ids=["run over another run", "run over a sweep", "compare over a run", "sweep over a run",
        "sweep over a comparison"])
def test_another_kind_of_result_is_refused_unless_forced(tmp_path, capsys, first, second):
    spec = tmp_path / "sw.toml"
    spec.write_text('name = "sw"\n' + SPEC, encoding="utf-8")
    out = tmp_path / "out"

    def argv(command):
        extra = [str(spec), "--workers", "1", "--no-progress"] if command == ["sweep"] else SMALL
        return [*command, *extra, "--out", str(out)]

    assert main(argv(first)) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(argv(second)) == 2
    err = capsys.readouterr().err
    assert f"--out {out}: holds a " in err and "add --force" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # nothing changed
    assert main([*argv(second), "--force"]) == 0
    if second[0] == "run":
        assert read_run(out).meta["scenario"] == "baseline" and not (out / "runs").exists()
    elif second[0] == "compare":
        assert read_comparison(out).meta["scenarios"] == ["ombudsman-legal-aid"] and not (out / "meta.json").exists()
    else:
        assert (out / "sweep.json").is_file() and not (out / "meta.json").exists()
        assert not (out / "comparison.json").exists()


def test_a_folder_with_files_evictsim_did_not_write_is_refused_even_with_force(tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["run", "baseline", *SMALL, "--out", str(out), "--force"]) == 2
    assert "'notes.txt', which evictsim did not write" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


# --- fault injection: kill -9 in the middle of writing ------------------------------------------------

KILLER = '''
import os, signal, sys, pathlib
import sim.folder_swap as folder_swap
import sim.results_io as results_io
from sim import run

out, kill_at, can_exchange = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "exchange"
result = run("ombudsman-legal-aid", population="2000", months=12, warmup=0, replications=2, seed=2)
steps = 0

def counted(real):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step

results_io.to_parquet = counted(results_io.to_parquet)
pathlib.Path.write_text = counted(pathlib.Path.write_text)
os.fsync, os.rename = counted(os.fsync), counted(os.rename)
folder_swap.exchange = counted(folder_swap.exchange if can_exchange else lambda first, second: False)
results_io.write_run(result, out, force=True)
print(steps)
'''


def check_whole(out: Path, runs) -> str:
    """The folder is one of the two runs, whole: never a folder with parts of both, never absent."""
    scenario = read_run(out).meta["scenario"]
    assert same_run(out, runs[scenario]), f"{out} accepted with parts of two runs"
    return scenario


def killed_at_every_step(tmp_path: Path, runs, how: str) -> tuple[int, list[str]]:
    """Write legal aid over the baseline, killed at each step in turn; after each kill, the
    folder's run as the next command finds it (`claim`, as every command does first)."""
    out = tmp_path / "out"
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    write_run(runs["baseline"], out)
    total = int(subprocess.run([sys.executable, str(script), str(out), "0", how], capture_output=True,
                               text=True, check=True, timeout=120).stdout.split()[-1])
    seen = []
    for kill_at in range(1, total + 1):
        write_run(runs["baseline"], out, force=True)
        proc = subprocess.run([sys.executable, str(script), str(out), str(kill_at), how], capture_output=True,
                              timeout=120)
        assert proc.returncode == -signal.SIGKILL
        if how == "exchange":  # no moment without the folder: readable before any command runs
            check_whole(out, runs)
        claim(out, Holding("run", "baseline"), force=True)
        seen.append(check_whole(out, runs))
    write_run(runs["baseline"], out, force=True)  # the next write clears what the killed ones left
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    return total, seen


@pytest.mark.slow
def test_a_run_killed_at_every_step_of_its_write_leaves_the_old_folder_or_the_new(tmp_path, runs):
    """The folder is exchanged with the new one in one step (renameat2 RENAME_EXCHANGE): killed
    just before it, the old run is there; just after it (before the old one is deleted), the new."""
    total, seen = killed_at_every_step(tmp_path, runs, "exchange")
    assert total >= 11  # two tables, two JSON files, their flushes, the exchange and the folder's flush
    assert seen == ["baseline"] * (total - 1) + ["ombudsman-legal-aid"]


@pytest.mark.slow
def test_without_an_exchange_a_kill_between_the_two_renames_loses_nothing(tmp_path, runs):
    """Was: between moving the old folder aside and renaming the new one in, the folder was absent,
    and the next write into the same parent deleted both. Now the next command puts the old back."""
    total, seen = killed_at_every_step(tmp_path, runs, "two renames")
    assert seen == ["baseline"] * (total - 1) + ["ombudsman-legal-aid"]


@pytest.mark.slow
def test_runs_killed_at_random_moments_never_leave_a_mixed_folder(tmp_path, runs):
    """EVICTSIM_KILLS=20 runs the issue's bar (default: 4 kills, to keep the suite quick)."""
    rng = random.Random(12)
    out = tmp_path / "out"
    outcomes = []
    for _ in range(int(os.environ.get("EVICTSIM_KILLS", "4"))):
        write_run(runs["baseline"], out, force=True)
        proc = subprocess.Popen([sys.executable, "-m", "sim.cli", "run", "ombudsman-legal-aid", *SMALL, "--seed", "2",
                                 "--out", str(out), "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_the_write(tmp_path, proc)
        time.sleep(rng.uniform(0, 0.08))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcomes.append(check_whole(out, runs))
    print(f"{len(outcomes)} kills: " + ", ".join(f"{o} {outcomes.count(o)}" for o in sorted(set(outcomes))))


def _wait_for_the_write(folder: Path, proc: subprocess.Popen) -> None:
    """Until the run starts writing (its temporary folder appears) or ends."""
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not any(folder.glob(".out.evictsim-new-*")):
        time.sleep(0.001)


def test_a_failed_write_leaves_the_old_folder(tmp_path, runs, monkeypatch):
    out = tmp_path / "out"
    write_run(runs["baseline"], out)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(results_io, "to_parquet", full_disk)
    with pytest.raises(OutputError, match=re.escape(f"--out {out}: cannot write the results: No space left on "
                                                    "device (nothing was changed")):
        write_run(runs["ombudsman-legal-aid"], out, force=True)
    monkeypatch.undo()
    assert same_run(out, runs["baseline"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("tag, put_back", [("old", True), ("gone", False)])
def test_only_a_folder_moved_aside_by_a_swap_is_put_back(tmp_path, runs, tag, put_back):
    """A kill between the two renames of a swap (no exchange) leaves the old folder tagged "old":
    the next claim renames it back. A folder that --force was clearing is "gone": it stays gone."""
    write_run(runs["baseline"], tmp_path / "aside")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # its process id is no longer running: the write that moved the folder aside was killed
    os.rename(tmp_path / "aside", tmp_path / f".out.evictsim-{tag}-{dead.pid}-0123abcd")
    claim(tmp_path / "out", Holding("run", "baseline"))
    assert (tmp_path / "out").exists() == put_back
    if put_back:
        assert same_run(tmp_path / "out", runs["baseline"])
