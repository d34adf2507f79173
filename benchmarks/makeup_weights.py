"""Derive context.turnover.makeup_weights from the model's own baseline.

New tenants are drawn with the profile's shares of make-ups times these weights. With all weights
1, groups that leave the rented stock faster (in arrears, evicted) slowly become rarer among
tenants than the profile says. This script runs the baseline for 40 years with the weights set
to 1, measures each make-up's share of tenants over the last 20 years, and prints the weights
that keep the stock at the profile's shares: profile share / measured share (mean 1).

    python benchmarks/makeup_weights.py [--households 100000] [--years 40]
"""

from __future__ import annotations

import argparse

import numpy as np

from sim import load_scenario
from sim.pathway.model import EvictionModel
from sim.pathway.tenants import makeup_of, makeup_shares
from sim.scenario import resolve_population


def stationary_shares(households: int, years: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    scenario = load_scenario("baseline").override({"context": {"turnover": {"makeup_weights": [1.0] * 8}}})
    real = resolve_population(str(households))
    model = EvictionModel(scenario, real, 12 * years, seed, 0, 0)
    counts = np.zeros(8)
    for month in range(12 * years):
        model.step()
        if month >= 6 * years and month % 12 == 0:
            hh = model.households
            counts += np.bincount(makeup_of(hh.composition[hh.occupied], hh.children[hh.occupied]), minlength=8)
    return counts / counts.sum(), makeup_shares(real[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    measured, target = stationary_shares(args.households, args.years, args.seed)
    weights = target / measured
    weights /= weights.mean()
    print("make-up            profile  stationary  weight")
    names = ("single", "couple", "single parent 1", "single parent 2", "single parent 3",
             "couple 1 child", "couple 2 children", "couple 3+ children")
    for name, t, s, w in zip(names, target, measured, weights):
        print(f"{name:<18} {t:8.4f} {s:10.4f} {w:7.3f}")
    print("makeup_weights = [" + ", ".join(f"{w:.3f}" for w in weights) + "]")


if __name__ == "__main__":
    main()
