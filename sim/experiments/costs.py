"""What a planned study will cost, said before anything runs (`--dry-run`).

A rough estimate of one run's time on one core from its size in household-months (households
times months, warm-up included): about 7.6e-4 s x household-months ^ 0.53, fitted (2026-12-06, the
2-core reference machine) to runs of 3,000 households over 48 months (0.44 s), 8,000 over 132
(1.2 s), 20,000 over 156 (2.0 s), 100,000 over 216 (4.2 s) and the national benchmark, 3.5 million
over 216 (43 s simulating, benchmarks/bench_model.py), within about a third of each: small runs
pay for setting up the model and each month's fixed work, large ones gain from working on arrays.
Real times vary with the machine, its load and how much trouble the scenario's households get into.
"""

from __future__ import annotations

from ..scenario import resolve_population

SCALE_SECONDS, EXPONENT = 7.6e-4, 0.53


def households(population: str, scale: float = 1.0) -> int:
    """The households a run of `population` simulates (after `scale`)."""
    profiles = resolve_population(population)
    return round(scale * sum(p.corporation_households + p.private_households for p in profiles))


def estimate_seconds(population: str, scale: float, months: int) -> float:
    """Roughly how long one run takes on one core, in seconds (`months` including the warm-up)."""
    return SCALE_SECONDS * (households(population, scale) * months) ** EXPONENT


def cost_text(runs: int, stored: int, population: str, scale: float, months: int, workers: int) -> str:
    """"N runs to simulate (M stored already), about T on W workers" in words."""
    import os

    todo = runs - stored
    cores = workers or os.cpu_count() or 1
    seconds = todo * estimate_seconds(population, scale, months) / min(cores, max(todo, 1))
    when = f"{seconds / 60:,.1f} min" if seconds >= 90 else f"{seconds:,.0f} s"
    return (f"{todo:,} runs to simulate ({stored:,} of {runs:,} stored already), roughly {when} on {cores} "
            f"worker(s) (a rough estimate: {estimate_seconds(population, scale, months):.2g} s per run)")
