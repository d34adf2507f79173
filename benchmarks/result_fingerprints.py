"""Fingerprints of the model's results: the check that a speed change changes no result.

    python benchmarks/result_fingerprints.py --save before.json     # on the code before the change
    python benchmarks/result_fingerprints.py --compare before.json  # after it: exit 1, naming what differs

Speed work on the model (issue 25, "Faster than touching every household") should leave every
result as it was, to the last bit, so that the calibration, the regression baseline and paired
comparisons stay what they were. A fingerprint hashes a run's monthly outcomes, every household
field, the register of displaced households and the journey logs. Each case (a scenario on a
population, 60 reported months after the default warm-up, seed 7) runs twice:

* as users run it (`--journeys 500`, the command line's default);
* with nobody's journey logged (journeys.FOLLOW_BUDGET = 0). At these sizes the court-stage sample
  logs every summoned household's journey; this run moves the displaced without any log, as
  national runs move most of them.

All twelve cases, both runs each, took 56 s on the 2-core reference machine; `--cases` picks some.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

SCENARIOS = ("baseline", "ombudsman-package", "rental-assistance", "pre-2021")
POPULATIONS = {"medium_town": 1.0, "large_city": 0.5, "national_types": 0.02}  # population: scale
CASES = tuple(f"{scenario}/{population}" for scenario in SCENARIOS for population in POPULATIONS)
MONTHS, SEED = 60, 7
JOURNEY_SAMPLE = 500  # households followed from moving in, as `evictsim run` follows them by default


def fingerprint(case: str, logged: bool, months: int = MONTHS, seed: int = SEED) -> str:
    """The hash of one run of `case` ("scenario/population"); `logged`: journeys logged as users
    run it (else nobody's)."""
    from sim.pathway import journeys
    from sim.runner import simulate
    from sim.scenario import load_scenario, resolve_population

    scenario, population = case.split("/")
    budget = journeys.FOLLOW_BUDGET
    journeys.FOLLOW_BUDGET = budget if logged else 0
    try:
        model = simulate(load_scenario(scenario), resolve_population(population), months, seed,
                         POPULATIONS[population], journey_sample=JOURNEY_SAMPLE if logged else 0)
    finally:
        journeys.FOLLOW_BUDGET = budget
    digest = hashlib.sha256(np.ascontiguousarray(model.outcomes.values).tobytes())
    for holder in (model.households, model.world.register):
        for field in dataclasses.fields(holder):
            value = getattr(holder, field.name)
            if isinstance(value, np.ndarray):
                digest.update(field.name.encode())
                digest.update(np.ascontiguousarray(value).tobytes())
    logs = model.journeys.frame()  # each household's events, in its own order
    digest.update(logs.to_csv(index=False).encode())
    return digest.hexdigest()[:16]


def fingerprints(cases: list[str], months: int = MONTHS) -> dict[str, str]:
    prints = {}
    for case in cases:
        for logged in (True, False):
            name = f"{case}, {months} months ({'journeys logged' if logged else 'nobody logged'})"
            prints[name] = fingerprint(case, logged, months)
            print(f"{name:60s} {prints[name]}", flush=True)
    return prints


def compare(prints: dict[str, str], saved: dict[str, str]) -> list[str]:
    """The runs whose fingerprint differs from the saved one (or that were not saved)."""
    return [name for name, value in prints.items() if saved.get(name) != value]


def _cases(text: str) -> list[str]:
    cases = [case.strip() for case in text.split(",") if case.strip()]
    unknown = [case for case in cases if case not in CASES]
    if unknown or not cases:
        raise argparse.ArgumentTypeError(f"{text!r}: not a case; the cases are {', '.join(CASES)}")
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--save", type=Path, help="write the fingerprints to this JSON file")
    ap.add_argument("--compare", type=Path, help="compare with fingerprints saved by --save")
    ap.add_argument("--cases", type=_cases, default=list(CASES),
                    help="comma-separated scenario/population cases (default: all twelve)")
    ap.add_argument("--months", type=int, default=MONTHS, help=f"reported months per run (default {MONTHS})")
    args = ap.parse_args(argv)
    if args.months < 1:
        ap.error(f"--months {args.months}: must be at least 1")
    saved = None
    if args.compare is not None:
        try:
            saved = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            ap.error(f"--compare {args.compare}: cannot read saved fingerprints ({err})")
    if args.save is not None and not args.save.parent.is_dir():
        ap.error(f"--save {args.save}: the folder {args.save.parent} does not exist")
    prints = fingerprints(args.cases, args.months)
    if args.save is not None:
        args.save.write_text(json.dumps(prints, indent=1) + "\n", encoding="utf-8")
    if saved is not None:
        different = compare(prints, saved)
        print("different: " + (", ".join(different) if different else "none"))
        return 1 if different else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
