"""Two sweeps of one spec into one folder at the same moment both finish, each run stored once.

Was: 3 of 6 simultaneous starts crashed with FileNotFoundError on runs/.<run_id>.tmp: both
sweeps used the same temporary name, and a sweep starting up deleted the other's temporary files.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from sim import sweep
from sim.experiments import store as store_module
from sim.experiments.store import ResultStore

SPEC = ('name = "{name}"\npopulation = "2000"\nmonths = 12\nwarmup = 0\nreplications = 3\n[parameters]\n'
        '"policy.legal_aid.share_summoned" = {{ min = 0.0, max = 1.0, steps = 4 }}\n')


def test_a_store_opening_while_another_writes_leaves_its_temporary_file_alone(tmp_path, monkeypatch):
    """Deterministic: a second sweep starts on the folder between a write and its rename."""
    first = ResultStore(tmp_path / "out", {"spec": 1})
    real_replace = os.replace

    def replace_after_a_second_start(source, target):
        ResultStore(tmp_path / "out", {"spec": 1})
        return real_replace(source, target)

    monkeypatch.setattr(store_module.os, "replace", replace_after_a_second_start)
    first.write({"run_id": "abc", "point": 0, "replication": 0})
    assert first.done() == {"abc"}


def test_both_stores_write_the_same_run_under_their_own_temporary_names(tmp_path, monkeypatch):
    one, two = ResultStore(tmp_path / "out", {"spec": 1}), ResultStore(tmp_path / "out", {"spec": 1})
    real_replace = os.replace
    order = []

    def interleaved(source, target):  # the other store writes the same run before this one renames it
        order.append(source)
        if len(order) == 1:
            two.write({"run_id": "abc", "point": 0, "replication": 0})
        return real_replace(source, target)

    monkeypatch.setattr(store_module.os, "replace", interleaved)
    one.write({"run_id": "abc", "point": 0, "replication": 0})
    assert order[0] != order[1] and one.done() == {"abc"}
    assert sorted(p.name for p in (tmp_path / "out" / "runs").iterdir()) == ["abc.parquet"]


@pytest.mark.slow
def test_two_sweeps_started_together_both_finish_and_store_each_run_once(tmp_path):
    spec = tmp_path / "together.toml"
    spec.write_text(SPEC.format(name="together"), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "sim.cli", "sweep", str(spec), "--workers", "1", "--out", str(out), "--no-progress"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [proc.communicate(timeout=300) for proc in procs]
    for proc, (_, err) in zip(procs, results):
        assert proc.returncode == 0, err
    stored = sorted(p.name for p in (out / "runs").iterdir())
    assert len(stored) == 4 * 3 and all(name.endswith(".parquet") for name in stored)  # no temporary files left
    reference = sweep(spec, tmp_path / "alone", workers=1, progress=False)
    pd.testing.assert_frame_equal(sweep(spec, out, workers=1, progress=False), reference)
