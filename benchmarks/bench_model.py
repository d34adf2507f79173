"""Benchmark the pathway model: wall time, household-months per second and peak memory.

    python benchmarks/bench_model.py            # national (3,479,588 households) and 100k, 120 months
    python benchmarks/bench_model.py --scaling  # also 25k-400k households, to show linear cost

Each case runs in a fresh process so that its peak memory (max RSS) is its own. Targets on the
2-core reference machine: national <= 30 s and <= 2 GB; 100k households <= 1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

MONTHS = 120
TARGETS = {"national": (30.0, 2048.0), "100000": (1.0, None)}


def one_case(population: str, months: int) -> dict:
    """Run the baseline once (no sampling, no warm-up) and measure it, in this process."""
    from sim import run
    from sim.scenario import resolve_population

    households = sum(p.households for p in resolve_population(population))
    start = time.perf_counter()
    run("baseline", population=population, months=months, seed=1, replications=1, warmup=0)
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"population": population, "households": households, "months": months, "wall_s": round(wall, 2),
            "household_months_per_s": round(households * months / wall), "peak_mb": round(peak_mb)}


def measure(population: str, months: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", population, "--months", str(months)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(row: dict) -> str:
    wall_target, mem_target = TARGETS.get(row["population"], (None, None))
    verdicts = []
    if wall_target:
        verdicts.append(f"time {'ok' if row['wall_s'] <= wall_target else 'OVER'} (<= {wall_target:g} s)")
    if mem_target:
        verdicts.append(f"memory {'ok' if row['peak_mb'] <= mem_target else 'OVER'} (<= {mem_target:g} MB)")
    return (f"{row['population']:>10} {row['households']:>10,} hh  {row['months']} months  "
            f"{row['wall_s']:>7.2f} s  {row['household_months_per_s'] / 1e6:>6.1f} M hh-months/s  "
            f"peak {row['peak_mb']:>5} MB  {'; '.join(verdicts)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--months", type=int, default=MONTHS)
    ap.add_argument("--scaling", action="store_true", help="also run 25k-400k households")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_case(args.one, args.months)))
        return 0
    cases = ["100000", "national"]
    if args.scaling:
        cases = ["25000", "50000", "100000", "200000", "400000", "national"]
    print(f"evictsim model benchmark: baseline, {args.months} months, full scale, one replication")
    failed = False
    for case in cases:
        row = measure(case, args.months)
        line = report(row)
        failed |= "OVER" in line
        print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
