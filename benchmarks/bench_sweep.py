"""Benchmark sweeps: runs per minute at 1 worker and at all workers, the speedup, and the
parent's memory as the number of runs grows.

    python benchmarks/bench_sweep.py                 # 100k-household runs, 120 months
    python benchmarks/bench_sweep.py --workers 1 4 8 16 --runs 32   # on a many-core machine

Target on the 2-core reference machine: speedup >= 1.9x for 100k-household runs. The machine's
speed drifts by 20-30 % from minute to minute, so each setting runs `--repeat` times,
interleaved, and the fastest time counts (as timeit does). Memory of a sweep must not grow
with its number of runs (results stream to disk): compare the peak RSS of a 50-run and a
400-run sweep of small runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPEC = """name = "bench"
population = "{population}"
months = {months}
warmup = 0
replications = 1
design = "lhs"
samples = {runs}
outcomes = ["evictions"]
[parameters]
"policy.legal_aid.share_summoned" = {{ min = 0.0, max = 1.0 }}
"""


def timed_sweep(population: str, months: int, runs: int, workers: int) -> dict:
    from sim import sweep

    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "bench.toml"
        spec.write_text(SPEC.format(population=population, months=months, runs=runs))
        start = time.perf_counter()
        sweep(spec, Path(tmp) / "out", workers=workers, progress=False)
        wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"workers": workers, "runs": runs, "wall_s": round(wall, 2), "runs_per_min": round(60 * runs / wall, 1),
            "parent_peak_mb": round(peak)}


def in_fresh_process(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--population", default="100000")
    ap.add_argument("--months", type=int, default=120)
    ap.add_argument("--runs", type=int, default=16)
    ap.add_argument("--workers", type=int, nargs="*", default=[1, os.cpu_count() or 1])
    ap.add_argument("--repeat", type=int, default=3, help="interleaved repetitions; the fastest counts")
    args = ap.parse_args()
    if args.one:
        population, months, runs, workers = args.one
        print(json.dumps(timed_sweep(population, int(months), int(runs), int(workers))))
        return 0
    print(f"sweep benchmark: {args.runs} runs of {args.population} households x {args.months} months "
          f"on {os.cpu_count()} cores")
    walls: dict[int, list[float]] = {w: [] for w in args.workers}
    for _ in range(args.repeat):
        for workers in args.workers:
            row = in_fresh_process(args.population, str(args.months), str(args.runs), str(workers))
            walls[workers].append(row["wall_s"])
    base = min(walls[args.workers[0]])
    for workers, times in walls.items():
        best = min(times)
        print(f"  {workers:>3} worker(s): best {best:>7.2f} s of {', '.join(f'{t:.1f}' for t in times)}  "
              f"{60 * args.runs / best:>7.1f} runs/min  speedup {base / best:.2f}x", flush=True)
    print("parent memory against the number of runs (2,000 households x 12 months, 2 workers):")
    for runs in (50, 400):
        row = in_fresh_process("2000", "12", str(runs), "2")
        print(f"  {runs:>4} runs: parent peak {row['parent_peak_mb']} MB, {row['runs_per_min']:.0f} runs/min",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
