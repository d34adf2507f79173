"""A sweep that is stopped: kill -9 of the parent leaves no workers behind; Ctrl-C stops the workers,
prints no traceback and says how to resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SPEC = '''name = "stoppable"
population = "30000"
months = 36
warmup = 0
replications = 4
design = "grid"
[parameters]
"policy.legal_aid.share_summoned" = { min = 0.0, max = 1.0, steps = 4 }
'''


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _ctrl_c_as_in_a_terminal() -> None:
    """The sweep starts with Ctrl-C handled as a command typed in a terminal has it. A process
    inherits an ignored SIGINT, and Python then never raises KeyboardInterrupt: under the full
    suite, some test leaves SIGINT ignored in its pytest worker, and the sweep ran to its end
    (exit 0). Run under a pytest whose SIGINT is ignored, this test failed that way every time."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_sweep(tmp_path: Path) -> tuple[subprocess.Popen, list[int], Path]:
    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "sim.cli", "sweep", str(spec), "--workers", "2", "--out", str(out), "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_ctrl_c_as_in_a_terminal)
    deadline = time.time() + 120
    while time.time() < deadline and not list(out.glob("runs/*.parquet")):
        time.sleep(0.05)
    workers = children(proc.pid)
    assert workers, "the sweep should have started its workers"
    return proc, workers, out


def wait_until_gone(pids: list[int], seconds: float = 10) -> list[int]:
    deadline = time.time() + seconds
    while time.time() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="workers die with their parent through Linux's prctl")
def test_kill_9_of_the_parent_takes_its_workers_with_it(tmp_path):
    proc, workers, _ = start_sweep(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert wait_until_gone(workers) == [], "workers outlived their parent"


@pytest.mark.slow
def test_ctrl_c_stops_the_workers_and_says_how_to_resume(tmp_path):
    proc, workers, out = start_sweep(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends: to the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "interrupted; every finished run is stored: run the same command again to resume" in err
    assert wait_until_gone(workers) == []
    assert list(out.glob("runs/*.parquet"))
