"""Benchmark comparisons with posterior draws, as users start them (the CLI, in a fresh process).

    python benchmarks/bench_posterior.py

Cases and targets on the 2-core reference machine (issue "uncertainty propagation"):
- `evictsim compare baseline ombudsman-package --population medium_town --posterior 20
  --replications 1`: <= 60 s;
- `make demo`'s comparison (`--posterior 20 --replications 2`): <= 120 s.
Each includes start-up, the 96-month warm-up of every run, the parallel runs on all cores and
writing the comparison folder. Peak memory is the largest single process (the parent or a worker).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time

CASES = [("--posterior 20 --replications 1", 60.0), ("--posterior 20 --replications 2 (make demo)", 120.0)]


def measure(options: str) -> tuple[float, int]:
    """Wall seconds and peak MB of one `evictsim compare` with the options."""
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "sim.cli", "compare", "baseline", "ombudsman-package",
                   "--population", "medium_town", *options.split(" (")[0].split(), "--out", out]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        wall = time.perf_counter() - start
    return wall, round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def main() -> int:
    print(f"evictsim posterior benchmark: `evictsim compare baseline ombudsman-package --population medium_town ...` "
          f"on {os.cpu_count()} cores")
    failed = False
    for options, target in CASES:
        wall, peak = measure(options)
        verdict = "ok" if wall <= target else "OVER"
        failed |= verdict == "OVER"
        print(f"{options:<48} {wall:6.1f} s  peak {peak:,} MB  time {verdict} (<= {target:g} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
