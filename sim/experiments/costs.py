"""What a planned study will cost, said before anything runs (`--dry-run`).

A rough estimate from the benchmarks (benchmarks/bench_model.py): a run costs about 0.15 s of
start-up per task plus about 4e-8 s per simulated household-month on one core (a national run,
3.5 million households over 216 months, takes about 30 s). Real times vary with the machine
and with how much trouble the scenario's households get into.
"""

from __future__ import annotations

from ..scenario import resolve_population

SECONDS_PER_RUN = 0.15
SECONDS_PER_HOUSEHOLD_MONTH = 4e-8


def households(population: str, scale: float = 1.0) -> int:
    """The households a run of `population` simulates (after `scale`)."""
    profiles = resolve_population(population)
    return round(scale * sum(p.corporation_households + p.private_households for p in profiles))


def estimate_seconds(population: str, scale: float, months: int) -> float:
    """Roughly how long one run takes on one core, in seconds (`months` including the warm-up)."""
    return SECONDS_PER_RUN + SECONDS_PER_HOUSEHOLD_MONTH * households(population, scale) * months


def cost_text(runs: int, stored: int, population: str, scale: float, months: int, workers: int) -> str:
    """"N runs to simulate (M stored already), about T on W workers" in words."""
    import os

    todo = runs - stored
    cores = workers or os.cpu_count() or 1
    seconds = todo * estimate_seconds(population, scale, months) / min(cores, max(todo, 1))
    when = f"{seconds / 60:,.1f} min" if seconds >= 90 else f"{seconds:,.0f} s"
    return (f"{todo:,} runs to simulate ({stored:,} of {runs:,} stored already), roughly {when} on {cores} "
            f"worker(s) (a rough estimate: {estimate_seconds(population, scale, months):.2g} s per run)")
