"""The national baseline as 342 municipalities against the same country as three type blocks:
yearly outcomes of one replication each (docs/model.md, "The country as municipalities").

    python benchmarks/country_vs_types.py            # full scale, about 30 s each
    python benchmarks/country_vs_types.py --scale 0.1
"""

from __future__ import annotations

import argparse

from sim import run
from sim.scorecard import spread_between_municipalities

FLOWS = ("evictions", "summonses", "signals", "help_accepted", "debt_help_started", "family_shelter_entries")
STOCKS = ("households_in_arrears", "family_shelter_waiting", "night_shelter_waiting")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    results = {pop: run("baseline", population=pop, months=120, replications=1, seed=args.seed, scale=args.scale)
               for pop in ("national", "national_types")}
    print(f"{'outcome':<28}{'342 municipalities':>20}{'3 type blocks':>16}{'ratio':>8}")
    for name in FLOWS + STOCKS:
        values = [r.monthly[name].sum() / 10 if name in FLOWS else r.monthly[name].mean() for r in results.values()]
        print(f"{name:<28}{values[0]:>20,.0f}{values[1]:>16,.0f}{values[0] / max(values[1], 1e-9):>8.2f}")
    print("\nspread between municipalities (342):")
    print(spread_between_municipalities(results["national"]).round(3).to_string(index=False))


if __name__ == "__main__":
    main()
