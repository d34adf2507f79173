"""Benchmark a sweep at the limit of 1,000,000 runs: how soon `evictsim sweep` says something, and
its peak memory until the first run starts (or until it refuses).

    python benchmarks/bench_plan.py            # both plans below, one JSON line each

Two plans of 10^6 runs, each through the command line in a fresh process:
- `distinct`: a 1000 x 1000 grid, one replication (a million scenarios, about 12 GB to plan):
  must be refused within 10 s, using less than 2 GB.
- `replicated`: 1,000 grid points x 1,000 replications: must print its plan size within 10 s
  and store its first run using less than 2 GB; the benchmark then stops it.
Was (issue 24): about 6 minutes of silence and 27 GB for either.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RANGE = '"{name}" = {{ min = 0.0, max = 1.0, steps = 1000 }}\n'
PLANS = {
    "distinct": ('population = "2000"\nmonths = 12\nwarmup = 0\n[parameters]\n'
                 + RANGE.format(name="policy.legal_aid.share_summoned")
                 + RANGE.format(name="policy.early_signalling.reach")),
    "replicated": ('population = "2000"\nmonths = 12\nwarmup = 0\nreplications = 1000\n[parameters]\n'
                   + RANGE.format(name="policy.legal_aid.share_summoned")),
}
LIMIT_S = 600  # give up on a plan after this long


def watch(name: str, folder: Path) -> dict:
    """Run `evictsim sweep` on the plan; time its first output and its first stored run, and poll
    its peak resident memory (VmHWM) until it refuses, has stored a run or LIMIT_S passes."""
    spec = folder / f"{name}.toml"
    spec.write_text(PLANS[name], encoding="utf-8")
    log = folder / f"{name}.log"
    start = time.perf_counter()
    with open(log, "wb") as sink:
        proc = subprocess.Popen([sys.executable, "-u", "-m", "sim.cli", "sweep", str(spec), "--workers", "1",
                                 "--out", str(folder / name)], stdout=sink, stderr=sink)
    first_output = first_run = None
    peak_kb = 0
    while proc.poll() is None and time.perf_counter() - start < LIMIT_S:
        peak_kb = max(peak_kb, _peak_kb(proc.pid))
        text = log.read_text(encoding="utf-8", errors="replace")
        first_output = first_output or (time.perf_counter() - start if text.strip() else None)
        if "runs 1/" in text:  # the first run stored: everything the sweep holds is built
            first_run = time.perf_counter() - start
            break
        time.sleep(0.05)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    text = log.read_text(encoding="utf-8", errors="replace")
    return {"plan": name, "first_output_s": _round(first_output), "first_run_stored_s": _round(first_run),
            "refused": "evictsim: error:" in text, "peak_mb": round(peak_kb / 1024),
            "first_line": text.replace("\r", "\n").strip().splitlines()[-1 if "error" in text else 0][:160]}


def _peak_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def _round(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds, 1)


def main() -> int:
    if not Path("/proc/self/status").exists():
        print("needs Linux (/proc) to read the peak memory", file=sys.stderr)
        return 1
    env_root = str(Path(__file__).resolve().parents[1])
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [env_root, os.environ.get("PYTHONPATH")]))
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name in PLANS:
            row = watch(name, Path(tmp))
            print(json.dumps(row), flush=True)
            said = row["first_output_s"] is not None and row["first_output_s"] <= 10
            outcome = row["refused"] if name == "distinct" else row["first_run_stored_s"] is not None
            ok &= said and row["peak_mb"] < 2048 and outcome
    print("targets met: say something within 10 s, under 2 GB" if ok else "a target was missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
