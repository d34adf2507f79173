"""Explicit limits on what a user can hand evictsim: files, names, paths and run sizes.

The command line, the Python API (`sim.run`, `sim.compare`, `sim.sweep`), sweep files and the
dashboard all check against these same numbers. Each limit is far above what real use needs (the
country is 3.5 million rented households; the shipped scenario files are a few hundred bytes and
four levels deep) and far below what would exhaust memory or run for days. A value outside a
limit is refused with one line that names the input, quotes at most a short excerpt of it, and
says what is allowed.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from typing import Any

# --- files --------------------------------------------------------------------------------------
MAX_FILE_BYTES = 1_000_000     # a scenario, profile or sweep file (the shipped ones are under 3 KB)
MAX_DEPTH = 10                 # tables and arrays inside each other (a scenario needs 4)
MAX_EXTENDS = 32               # files in one scenario's `extends` chain, the scenario itself included
MAX_NAME_CHARS = 100           # a scenario's or sweep's name: it names an output folder
MAX_PATH_BYTES = 4096          # a whole path (Linux's PATH_MAX)
MAX_PATH_PART_BYTES = 255      # one file or folder name (NAME_MAX of common file systems)

# --- messages -----------------------------------------------------------------------------------
EXCERPT_CHARS = 60             # of a user's value quoted in an error
MAX_MESSAGE_LINES = 10         # problems listed in one error; the rest are counted
MAX_LINE_CHARS = 400

_REPR = reprlib.Repr(maxlevel=2, maxstring=EXCERPT_CHARS, maxother=EXCERPT_CHARS, maxlong=EXCERPT_CHARS,
                     maxlist=4, maxtuple=4, maxdict=4, maxset=4)


@dataclass(frozen=True)
class Bound:
    """An inclusive range for a run setting, and why it ends there."""

    low: int
    high: int
    why: str

    def allowed(self) -> str:
        return f"{self.low:,} to {self.high:,} ({self.why})"


MONTHS = Bound(12, 1200, "months reported, 100 years at most")
WARMUP = Bound(0, 600, "months simulated before month 0")
DEFAULT_WARMUP = 96  # months simulated before month 0: arrears settle within 2 years, homelessness within 8
REPLICATIONS = Bound(1, 1000, "each one a whole simulation of the population")
SEED = Bound(0, 2**32 - 1, "an unsigned 32-bit number")
JOURNEYS = Bound(0, 100_000, "households whose events are logged")
POSTERIOR = Bound(0, 1000, "joint draws of the uncertain parameters; 0 = the calibration's medians")
HOUSEHOLDS = Bound(100, 10_000_000, "the Netherlands has 3.5 million rented homes")
RUNS = Bound(1, 1_000_000, "runs in one sweep: design points x replications")


def excerpt(value: Any, limit: int = EXCERPT_CHARS) -> str:
    """A short repr of a user's value for an error message, however large or deep the value is."""
    return clip(_REPR.repr(value), limit)


def clip(text: str, limit: int) -> str:
    """`text`, cut to `limit` characters (ending in "...") if it is longer."""
    return text if len(text) <= limit else text[:limit - 3] + "..."


def clip_message(message: str) -> str:
    """At most MAX_MESSAGE_LINES lines of at most MAX_LINE_CHARS characters each."""
    lines = message.splitlines() or [""]
    kept = [clip(line, MAX_LINE_CHARS) for line in lines[:MAX_MESSAGE_LINES]]
    if len(lines) > MAX_MESSAGE_LINES:
        kept.append(f"... and {len(lines) - MAX_MESSAGE_LINES} more problem(s)")
    return "\n".join(kept)


def check_setting(name: str, value: Any, bound: Bound, prefix: str = "") -> None:
    """Refuse a run setting outside its bound, e.g. "--months 100000: must be 12 to 1,200 (...)"."""
    if isinstance(value, bool) or not isinstance(value, int) or not bound.low <= value <= bound.high:
        raise ValueError(f"{_named(name, value, prefix)}: must be {bound.allowed()}")


def check_households(households: int, scale: float, population: Any, prefix: str = "") -> None:
    """Refuse a population above the limit, or one that leaves fewer than 100 households to simulate.

    `population` is what the user gave (a name, a count, a file), quoted in the message.
    """
    if households > HOUSEHOLDS.high:
        raise ValueError(f"{_named('population', population, prefix)}: {households:,} households; at most "
                         f"{HOUSEHOLDS.high:,} ({HOUSEHOLDS.why}; use --scale to simulate a share)")
    if households < HOUSEHOLDS.low:
        raise ValueError(f"{_named('population', population, prefix)}: {households:,} households; "
                         f"at least {HOUSEHOLDS.low} are needed")
    if households * scale < HOUSEHOLDS.low:
        raise ValueError(f"{_named('scale', scale, prefix)}: would simulate {households * scale:.3g} of "
                         f"{households:,} households; at least {HOUSEHOLDS.low} are needed (a scale of at "
                         f"least {HOUSEHOLDS.low / households:.2g})")


def _named(name: str, value: Any, prefix: str) -> str:
    return f"{prefix}{name} {excerpt(value)}" if prefix else f"{name} = {excerpt(value)}"


def path_problem(text: str) -> str | None:
    """What makes `text` unusable as a path on common file systems, or None if nothing does."""
    if "\x00" in text:
        return "contains a NUL character"
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid UTF-8; rename it"
    if len(encoded) > MAX_PATH_BYTES:
        return f"is {len(encoded):,} bytes long; at most {MAX_PATH_BYTES:,} are allowed"
    longest = max((len(part) for part in encoded.split(b"/")), default=0)
    if longest > MAX_PATH_PART_BYTES:
        return f"has a file or folder name of {longest:,} bytes; at most {MAX_PATH_PART_BYTES} are allowed"
    return None


def name_problem(name: str) -> str | None:
    """What makes a scenario's or sweep's name too long, or None."""
    if len(name) > MAX_NAME_CHARS:
        return f"is {len(name):,} characters long; at most {MAX_NAME_CHARS} are allowed (it names a folder)"
    return None
