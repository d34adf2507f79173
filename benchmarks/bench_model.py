"""Benchmark the model as users run it: wall time, household-months per second and peak memory.

    python benchmarks/bench_model.py            # national (3,479,588 households) and 100k
    python benchmarks/bench_model.py --scaling  # also 25k-400k households, to show linear cost

Each case is the command a user types, `evictsim run baseline --population P --replications 1`
(default months and warm-up, results written to a temporary folder), in a fresh process, so its
peak memory (max RSS) is its own and start-up, warm-up and writing are included. Targets on the
2-core reference machine: national <= 30 s and <= 2 GB; 100k households <= 1.5 s.

Right after each case the bare-numpy reference (../shared/perf/toy.py, the cheapest honest
household month) runs over the same households and months, also as a whole process, and the
ratio of the two times is reported: absolute times move with a shared machine's load, the ratio
much less. With `--repeat N` each case and its reference run N times, paired, and the medians are
reported.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"national": (30.0, 2048.0), "100000": (1.5, None)}
TOY = Path(__file__).resolve().parents[2] / "shared" / "perf" / "toy.py"  # the reference, next to the repository


def toy_seconds(households: int, months: int) -> float | None:
    """Wall time of the bare-numpy reference over the same households and months, as a whole
    process (None where the reference is not there, e.g. on a plain clone)."""
    if not TOY.is_file():
        return None
    start = time.perf_counter()
    subprocess.run([sys.executable, str(TOY), str(households), str(months)], check=True, capture_output=True)
    return time.perf_counter() - start


def measure(population: str) -> dict:
    """Run the CLI once in a child process; wall time from outside, peak memory of the child."""
    from sim.limits import DEFAULT_WARMUP
    from sim.scenario import resolve_population

    households = sum(p.households for p in resolve_population(population))
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "sim.cli", "run", "baseline", "--population", population,
                   "--replications", "1", "--out", out]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    months = 120 + DEFAULT_WARMUP
    return {"population": population, "households": households, "months": months, "wall_s": round(wall, 2),
            "household_months_per_s": round(households * months / wall), "peak_mb": round(max(peak, before) / 1024)}


def startup_seconds(repeat: int = 3) -> float:
    """Wall time of a fresh interpreter that only imports what `evictsim run` imports (the best of
    `repeat`): the fixed part of every run, before any household is simulated. Importing Mesa
    alone takes about half a second, as it imports pandas, SciPy and networkx."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sim.cli, sim.runner"], check=True,
                       env={**os.environ, "PYTHONHASHSEED": "0"})
        best = min(best, time.perf_counter() - start)
    return round(best, 2)


def report(row: dict) -> str:
    wall_target, mem_target = TARGETS.get(row["population"], (None, None))
    verdicts = []
    if wall_target:
        verdicts.append(f"time {'ok' if row['wall_s'] <= wall_target else 'OVER'} (<= {wall_target:g} s)")
    if mem_target:
        verdicts.append(f"memory {'ok' if row['peak_mb'] <= mem_target else 'OVER'} (<= {mem_target:g} MB)")
    toy = (f"  reference {row['toy_s']:.2f} s, ratio {row['ratio_to_toy']:.2f}x" if row.get("toy_s")
           else "  reference not found")
    return (f"{row['population']:>10} {row['households']:>10,} hh  {row['months']} months  "
            f"{row['wall_s']:>7.2f} s  {row['household_months_per_s'] / 1e6:>6.1f} M hh-months/s  "
            f"peak {row['peak_mb']:>5} MB{toy}  {'; '.join(verdicts)}")


def paired(population: str, repeat: int) -> dict:
    """The case and the reference, `repeat` times one after the other; medians of times and ratios."""
    rows = []
    for _ in range(repeat):
        row = measure(population)
        toy = toy_seconds(row["households"], row["months"])
        rows.append({**row, "toy_s": toy, "ratio_to_toy": row["wall_s"] / toy if toy else None})
    best = dict(rows[0])
    best["wall_s"] = round(statistics.median(r["wall_s"] for r in rows), 2)
    best["household_months_per_s"] = round(best["households"] * best["months"] / best["wall_s"])
    best["peak_mb"] = max(r["peak_mb"] for r in rows)
    if all(r["toy_s"] for r in rows):
        best["toy_s"] = round(statistics.median(r["toy_s"] for r in rows), 2)
        best["ratio_to_toy"] = round(statistics.median(r["ratio_to_toy"] for r in rows), 3)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scaling", action="store_true", help="also run 25k-400k households")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON lines too")
    ap.add_argument("--repeat", type=int, default=1, help="paired runs of each case and its reference (medians)")
    args = ap.parse_args()
    cases = ["100000", "national"]
    if args.scaling:
        cases = ["25000", "50000", "100000", "200000", "400000", "national"]
    print("evictsim model benchmark: `evictsim run baseline --population P --replications 1` "
          "(120 reported months after the default warm-up, results written)")
    failed = False
    print(f"start-up and imports alone (`python -c 'import sim.cli, sim.runner'`): {startup_seconds():.2f} s, "
          "included in every time below", flush=True)
    for case in cases:
        row = paired(case, args.repeat)
        line = report(row)
        failed |= "OVER" in line
        print(line, flush=True)
        if args.json:
            print(json.dumps(row))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
