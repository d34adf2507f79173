"""Benchmark the model as users run it: wall time, household-months per second and peak memory.

    python benchmarks/bench_model.py            # national (3,479,588 households) and 100k
    python benchmarks/bench_model.py --scaling  # also 25k-400k households, to show linear cost

Each case is the command a user types, `evictsim run baseline --population P --replications 1`
(default months and warm-up, results written to a temporary folder), in a fresh process, so its
peak memory (max RSS) is its own and start-up, warm-up and writing are included. Targets on the
2-core reference machine: national <= 30 s and <= 1 GB; 100k households <= 1.5 s; both at or below
the reference's time (ratio <= 1.0x, issue 25: "Faster than touching every household").

Right after each case the bare-numpy reference (../shared/perf/toy.py, the cheapest honest
household month) runs over the same households and months, also as a whole process, and the
ratio of the two times is reported: absolute times move with a shared machine's load, the ratio
much less. Both times include starting Python and importing the libraries, measured alone once
(best of 3) for each; the line under a case gives the two times without them, their ratio, and
what the reference's time leaves the model once its own start-up is paid (at 100,000 households,
a few tenths of a second: the imports cost nearly as much as the reference's whole run).
With `--repeat N` each case and its reference run N times, paired, and the medians are reported.

`--against TREE` answers "is this slower than it was?": TREE is a checkout of an earlier commit
(`git worktree add ../evictsim-before f9d5ae7`, the tree before Model v3), run with this
environment. In each round the case runs here and in TREE (taking turns going first), then the
reference, so all three share the machine's load of the moment, and the medians of the rounds are
reported for both trees with the median of this tree's time over TREE's; an even `--repeat` gives
each tree the first place equally often. `--cases` picks the populations (default 100000 and
national).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"national": (30.0, 1024.0), "100000": (1.5, None)}  # seconds, MB
RATIO_TARGET = 1.0  # the model's time over the reference's, for every judged case
REPOSITORY = Path(__file__).resolve().parents[1]
TOY = REPOSITORY.parent / "shared" / "perf" / "toy.py"  # the reference, next to the repository


def toy_seconds(households: int, months: int) -> float | None:
    """Wall time of the bare-numpy reference over the same households and months, as a whole
    process (None where the reference is not there, e.g. on a plain clone)."""
    if not TOY.is_file():
        return None
    start = time.perf_counter()
    subprocess.run([sys.executable, str(TOY), str(households), str(months)], check=True, capture_output=True)
    return time.perf_counter() - start


def measure(population: str, tree: Path | None = None) -> dict:
    """Run the CLI once in a child process (of the checkout `tree`, this one if None); wall time
    from outside, peak memory of the child."""
    from sim.limits import DEFAULT_WARMUP
    from sim.scenario import resolve_population

    households = sum(p.households for p in resolve_population(population))
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if tree is not None:  # its `sim` first on the path, ahead of this checkout's installed one
        earlier = os.environ.get("PYTHONPATH")
        env["PYTHONPATH"] = str(tree) + (os.pathsep + earlier if earlier else "")
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "sim.cli", "run", "baseline", "--population", population,
                   "--replications", "1", "--out", out]
        wall, peak_kb = run_child(command, env, tree)
    months = 120 + DEFAULT_WARMUP
    return {"population": population, "households": households, "months": months, "wall_s": round(wall, 2),
            "household_months_per_s": round(households * months / wall), "peak_mb": round(peak_kb / 1024)}


def run_child(command: list[str], env: dict[str, str], cwd: Path | None) -> tuple[float, int]:
    """Wall time (s) and peak memory (KB, max RSS) of one child process of its own: the children's
    running maximum (RUSAGE_CHILDREN) would give a later, smaller run an earlier one's peak."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it
        if child.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} (in {cwd or Path.cwd()}) failed with exit status "
                               f"{child.returncode}:\n{errors.read().decode(errors='replace')[-3000:]}")
    return wall, usage.ru_maxrss


def compile_bytecode(tree: Path) -> None:
    """Compile the checkout's package ahead, as pip does for an installed one and as Python does on
    a first import wherever it may write its cache: where PYTHONDONTWRITEBYTECODE is set (our CI and
    benchmark machines), every run would otherwise compile the package again, about 0.2 s of its
    start-up that no user pays twice. (`make setup` does the same.)"""
    compileall.compile_dir(tree / "sim", quiet=1)


MODEL_IMPORTS = "import sim.cli, sim.runner"  # what `evictsim run` imports before it simulates anything
REFERENCE_IMPORTS = "import mesa, numpy"  # what ../shared/perf/toy.py imports


def startup_seconds(imports: str = MODEL_IMPORTS, repeat: int = 3) -> float:
    """Wall time of a fresh interpreter that only runs `imports` (the best of `repeat`): the fixed
    part of every run, before any household is simulated. Importing Mesa alone takes over a second
    on the reference machine, as it imports pandas, SciPy and networkx; the reference pays it too."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", imports], check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        best = min(best, time.perf_counter() - start)
    return round(best, 2)


def after_startup(row: dict, startup: float, reference_startup: float) -> dict:
    """`row` with what its time and the reference's are once each one's start-up is taken off, and
    their ratio: how the simulating itself compares. `left_at_ratio_1_s` is the reference's whole time
    less this model's start-up: all the model may spend on building, simulating and writing the run
    if it is to take no longer than the reference."""
    if not row.get("toy_s"):
        return row
    model_s, reference_s = row["wall_s"] - startup, row["toy_s"] - reference_startup
    return {**row, "startup_s": startup, "toy_startup_s": reference_startup, "after_startup_s": round(model_s, 2),
            "toy_after_startup_s": round(reference_s, 2),
            "ratio_after_startup": round(model_s / reference_s, 3) if reference_s > 0 else None,
            "left_at_ratio_1_s": round(row["toy_s"] - startup, 2)}


def report(row: dict, label: str = "", judged: bool = True) -> str:
    """One case's line; `judged`: with the verdicts on its time and memory targets (not for another tree)."""
    wall_target, mem_target = TARGETS.get(row["population"], (None, None)) if judged else (None, None)
    verdicts = []
    if wall_target:
        verdicts.append(f"time {'ok' if row['wall_s'] <= wall_target else 'OVER'} (<= {wall_target:g} s)")
    if mem_target:
        verdicts.append(f"memory {'ok' if row['peak_mb'] <= mem_target else 'OVER'} (<= {mem_target:g} MB)")
    if judged and row.get("ratio_to_toy") and row["population"] in TARGETS:
        verdicts.append(f"ratio {'ok' if row['ratio_to_toy'] <= RATIO_TARGET else 'OVER'} (<= {RATIO_TARGET:g}x)")
    toy = (f"  reference {row['toy_s']:.2f} s, ratio {row['ratio_to_toy']:.2f}x" if row.get("toy_s")
           else "  reference not found")
    line = (f"{label}{row['population']:>10} {row['households']:>10,} hh  {row['months']} months  "
            f"{row['wall_s']:>7.2f} s  {row['household_months_per_s'] / 1e6:>6.1f} M hh-months/s  "
            f"peak {row['peak_mb']:>5} MB{toy}  {'; '.join(verdicts)}")
    if "after_startup_s" in row:
        # The reference's simulating can measure at or below zero where it is shorter than the noise in its start-up
        ratio = row["ratio_after_startup"]
        line += (f"\n{'':>{len(label) + 10}} after start-up: {row['after_startup_s']:.2f} s against the "
                 f"reference's {row['toy_after_startup_s']:.2f} s ({f'{ratio:.2f}x' if ratio else 'no ratio'}); "
                 f"at 1.0x the model would have {row['left_at_ratio_1_s']:.2f} s after its start-up")
    return line


def with_ratio(row: dict, toy: float | None) -> dict:
    return {**row, "toy_s": toy, "ratio_to_toy": row["wall_s"] / toy if toy else None}


def medians(rows: list[dict]) -> dict:
    """One row for `rows`, runs of the same case: median time and ratio, the highest peak memory."""
    best = dict(rows[0])
    best["wall_s"] = round(statistics.median(r["wall_s"] for r in rows), 2)
    best["household_months_per_s"] = round(best["households"] * best["months"] / best["wall_s"])
    best["peak_mb"] = max(r["peak_mb"] for r in rows)
    if all(r["toy_s"] for r in rows):
        best["toy_s"] = round(statistics.median(r["toy_s"] for r in rows), 2)
        best["ratio_to_toy"] = round(statistics.median(r["ratio_to_toy"] for r in rows), 3)
    return best


def paired(population: str, repeat: int, against: Path | None = None) -> tuple[dict, dict | None]:
    """The case (here, then in the checkout `against` if given) and the reference, `repeat` rounds
    one after the other: the medians of each tree's rounds, and for `against` the median of the
    rounds' ratios of this tree's time to its (`this_over_against`)."""
    rows, others = [], []
    trees = [None, against] if against else [None]
    for round_ in range(repeat):
        # The trees take turns going first: this tree measured against itself, always going first,
        # came out 4 % slower (national, 3 rounds: 1.04), an edge neither tree should get.
        runs = {tree: measure(population, tree) for tree in (trees[::-1] if round_ % 2 else trees)}
        row = runs[None]
        toy = toy_seconds(row["households"], row["months"])
        rows.append(with_ratio(row, toy))
        if against:
            others.append(with_ratio(runs[against], toy))
    if not others:
        return medians(rows), None
    this = medians(rows)
    this["this_over_against"] = round(statistics.median(r["wall_s"] / o["wall_s"] for r, o in zip(rows, others)), 3)
    this["rounds"] = [{"this_s": r["wall_s"], "against_s": o["wall_s"], "toy_s": r["toy_s"] and round(r["toy_s"], 2)}
                      for r, o in zip(rows, others)]
    return this, {**medians(others), "tree": str(against)}


def checkout(text: str) -> Path:
    """`--against`: a checkout of this repository at another commit (it has sim/cli.py)."""
    path = Path(text).expanduser().resolve()
    if not (path / "sim" / "cli.py").is_file():
        raise argparse.ArgumentTypeError(
            f"{text!r}: not a checkout of evictsim (no sim/cli.py there); give the folder of one, e.g. made "
            "with `git worktree add ../evictsim-before <commit>`")
    return path


def at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: not a whole number; give 1 or more") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: must be at least 1")
    return value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scaling", action="store_true", help="also run 25k-400k households")
    ap.add_argument("--cases", nargs="+", metavar="POPULATION",
                    help="populations to run (names or household counts; default 100000 national)")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON lines too")
    ap.add_argument("--repeat", type=at_least_one, default=1,
                    help="paired runs of each case and its reference (medians)")
    ap.add_argument("--against", type=checkout, metavar="TREE",
                    help="also run each case in this checkout of another commit, in the same rounds")
    args = ap.parse_args()
    cases = args.cases or ["100000", "national"]
    if args.scaling:
        cases = ["25000", "50000", "100000", "200000", "400000", "national"]
    print("evictsim model benchmark: `evictsim run baseline --population P --replications 1` "
          "(120 reported months after the default warm-up, results written)")
    failed = False
    for tree in (REPOSITORY, args.against):
        if tree is not None:
            compile_bytecode(tree)
    startup, reference_startup = startup_seconds(), startup_seconds(REFERENCE_IMPORTS)
    print(f"start-up and imports alone: {startup:.2f} s (`python -c '{MODEL_IMPORTS}'`), the reference's "
          f"{reference_startup:.2f} s (`{REFERENCE_IMPORTS}`); each is included in its times below", flush=True)
    for case in cases:
        row, other = paired(case, args.repeat, args.against)
        row = after_startup(row, startup, reference_startup)  # (another tree's start-up is not measured)
        line = report(row, "this  " if other else "")
        failed |= "OVER" in line
        print(line, flush=True)
        if other:
            print(report(other, "TREE  ", judged=False), flush=True)
            print(f"      this tree's time / TREE's ({other['tree']}): {row['this_over_against']:.3f} "
                  f"(median of {args.repeat} rounds)", flush=True)
        if args.json:
            print(json.dumps(row))
            if other:
                print(json.dumps(other))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
