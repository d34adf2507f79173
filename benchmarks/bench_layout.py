"""What reading the households in trouble costs, by memory layout: the measurement behind the
compact trouble table that issue 25 ("Faster than touching every household") builds.

    python benchmarks/bench_layout.py                      # national: 3,479,588 dwellings, 330,000 watched
    python benchmarks/bench_layout.py --households 100000 --watched 9500

The rent phase reads about twenty fields of each watched household each month, from arrays of one
entry per dwelling (households.py), at the watched households' positions: sorted, but about ten
dwellings apart nationally, so nearly every read fetches a cache line of its own. This times
reading `--fields` float32 fields of the watched households three ways:

* gathers from arrays of one entry per dwelling (the layout now);
* one gather of records holding all the fields (an array of structs);
* the same fields kept in a compact table of the watched households' rows only.

On the 2-core reference machine (2026-12-06), national defaults, two runs: gathers 12.9-15.7 ms,
records 19.4-19.6 ms, the compact table 1.3 ms (10-12x faster). Records do not help, because one
record is one cache miss. A compiled loop over the gathers does not help either: a Numba version
of the rent phase's busy households, bit-identical to the NumPy code, took 24-34 ms a month
against about 37 ms, so it was not adopted. Only keeping the rows of the households in trouble
contiguous removes the cost.
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def best_ms(work, repeat: int) -> float:
    """The fastest of `repeat` timings of `work()`, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, default=3_479_588, help="dwellings (entries per array)")
    ap.add_argument("--watched", type=int, default=330_000, help="households in trouble read each month")
    ap.add_argument("--fields", type=int, default=16, help="float32 fields read per household")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    for name in ("households", "fields", "repeat"):
        if getattr(args, name) < 1:
            ap.error(f"--{name} {getattr(args, name)}: must be at least 1")
    if not 0 < args.watched <= args.households:
        ap.error(f"--watched {args.watched}: must be between 1 and --households ({args.households})")
    rng = np.random.default_rng(0)
    ids = np.sort(rng.choice(args.households, args.watched, replace=False))
    names = [f"field_{k}" for k in range(args.fields)]
    by_dwelling = [rng.random(args.households, dtype=np.float32) for _ in names]
    records = np.zeros(args.households, np.dtype([(name, np.float32) for name in names]))
    for name, values in zip(names, by_dwelling):
        records[name] = values
    compact = [values[ids] for values in by_dwelling]  # the same rows, kept contiguous

    rows = [
        ("gathers from per-dwelling arrays (now)", lambda: [float(v[ids].sum()) for v in by_dwelling]),
        ("one gather of records (array of structs)",
         lambda: [float(r[n].sum()) for r in [records[ids]] for n in names]),
        ("compact table of the watched rows", lambda: [float(v.sum()) for v in compact]),
    ]
    print(f"{args.fields} float32 fields of {args.watched:,} watched households among {args.households:,} dwellings")
    base = None
    for label, work in rows:
        ms = best_ms(work, args.repeat)
        base = base or ms
        print(f"  {label:<44} {ms:8.2f} ms  ({base / ms:4.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
