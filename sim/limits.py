"""Explicit limits on what a user can hand evictsim: files, names, paths and run sizes.

The command line, the Python API (`sim.run`, `sim.compare`, `sim.sweep`), sweep files and the
dashboard all check against these same numbers, and every file a user names is read through
`read_input`. Each limit is far above what real use needs (the country is 3.5 million rented
households; the shipped scenario files are a few hundred bytes and four levels deep) and far below
what would exhaust memory or run for days. A value outside a limit is refused with one line that
names the input, quotes at most a short excerpt of it, and says what is allowed.
"""

from __future__ import annotations

import os
import reprlib
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ScenarioError

# --- files --------------------------------------------------------------------------------------
MAX_FILE_BYTES = 1_000_000     # any file a user names: scenario, profile, municipalities, sweep, posterior
MAX_DEPTH = 10                 # tables and arrays inside each other (a scenario needs 4)
MAX_EXTENDS = 32               # files in one scenario's `extends` chain, the scenario itself included
MAX_NAME_CHARS = 100           # a scenario's or sweep's name: it names an output folder
MAX_PATH_BYTES = 4096          # a whole path (Linux's PATH_MAX)
MAX_PATH_PART_BYTES = 255      # one file or folder name (NAME_MAX of common file systems)
MAX_MUNICIPALITIES = 10_000    # rows of a municipalities CSV (the Netherlands has 342)
MAX_CELL_CHARS = 1_000         # one cell of a CSV: a name or a number

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
POSTERIOR = Bound(0, 1000, "joint draws of the uncertain parameters; 0 = the calibrated point")
HOUSEHOLDS = Bound(100, 10_000_000, "the Netherlands has 3.5 million rented homes")
RUNS = Bound(1, 1_000_000, "runs in one sweep: design points x replications")
SCENARIOS = Bound(2, 50, "the baseline and the scenarios compared with it, each once")
WORKERS_PER_CORE = 4           # more local processes than this only share the cores and add memory


def workers_bound() -> Bound:
    """Local worker processes allowed on this machine: 0 (all cores) to WORKERS_PER_CORE per core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return Bound(0, WORKERS_PER_CORE * cores, f"local processes, 0 = all cores; at most {WORKERS_PER_CORE} "
                                              f"per core of this machine's {cores}")


# --- plans: what a command holds in memory before its runs end -----------------------------------
MAX_PLAN_BYTES = 1_000_000_000   # planned scenarios and runs, and the results a run or comparison keeps
PLAN_BYTES_PER_SCENARIO = 12_000  # a sweep point's scenario, its policy validated (10 KB measured)
PLAN_BYTES_PER_CONTEXT = 20_000   # ... and its own context, where points vary context (17 KB measured)
PLAN_BYTES_PER_RUN = 700          # a planned sweep run: its id, seed, row of the plan, ... (0.5 KB measured)
KEPT_BYTES_PER_VALUE = 8 * 2      # a kept result's float, counted twice: the runs and their concatenation
KEPT_BYTES_PER_JOURNEY = 2_000    # a sampled household's events, counted twice (1 KB measured)


def check_plan(what: str, runs: int, needed: int, advice: str) -> None:
    """Refuse a plan whose `needed` bytes (see PLAN_BYTES_* and KEPT_BYTES_*) exceed MAX_PLAN_BYTES,
    naming its size, the memory it would need and the limit, before any of it is built."""
    if needed > MAX_PLAN_BYTES:
        raise ValueError(f"{what}: {runs:,} runs would need about {_bytes(needed)} of memory to plan and keep; "
                         f"at most {_bytes(MAX_PLAN_BYTES)} is allowed ({advice})")


def check_compared(names: list[str], what: str) -> None:
    """Refuse a comparison of more than SCENARIOS.high scenarios, or of one of them twice (`what`
    says how they are named: "argument", "scenario name")."""
    if len(names) > SCENARIOS.high:
        raise ValueError(f"compare: {len(names):,} scenarios; at most {SCENARIOS.high} ({SCENARIOS.why})")
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ValueError(f"compare: {what} {excerpt(name)} is given twice; compare each scenario once")
        seen.add(name)


def plan_bytes(scenarios: int, runs: int, contexts: bool) -> int:
    """The memory a sweep's plan holds: each distinct scenario (with a context of its own where the
    points vary context parameters) and each run."""
    per_scenario = PLAN_BYTES_PER_SCENARIO + (PLAN_BYTES_PER_CONTEXT if contexts else 0)
    return scenarios * per_scenario + runs * PLAN_BYTES_PER_RUN


def _bytes(count: int) -> str:
    """A memory size in words people read: "27 GB", "740 MB"."""
    for unit, size in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6)):
        if count >= size:
            return f"{count / size:.2g} {unit}" if count < 10 * size else f"{count / size:,.0f} {unit}"
    return f"{count:,} bytes"


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
    control = next((c for c in text if c < " " or c == "\x7f"), None)
    if control is not None:  # a line break in a name would split the one-line error that names it
        return f"contains a control character ({control!r}); rename it"
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


def read_input(path: Path) -> bytes:
    """The bytes of a file a user names (scenario, profile, municipalities, sweep, posterior sample).

    Anything but a regular file is refused before a byte is read: a folder, a FIFO (reading would
    block for ever), a device such as /dev/zero (it never ends), also behind a symlink. It is
    opened without blocking and checked on the open file, so nothing can be swapped in between,
    and at most MAX_FILE_BYTES + 1 bytes are read.
    """
    problem = path_problem(str(path))
    if problem:
        raise ScenarioError(f"{excerpt(str(path))}: the path {problem}")
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise ScenarioError(f"{path}: cannot be read: {err.strerror or err}") from None
    try:
        kind = _not_a_file(os.fstat(handle).st_mode)
        if kind:
            raise ScenarioError(f"{path}: {kind}, not a file; give a regular file of at most {MAX_FILE_BYTES:,} bytes")
        data = _read_at_most(handle, MAX_FILE_BYTES + 1)
    except OSError as err:
        raise ScenarioError(f"{path}: cannot be read: {err.strerror or err}") from None
    finally:
        os.close(handle)
    check_size(data, str(path))
    return data


def check_size(data: bytes, where: str) -> None:
    """Refuse more than MAX_FILE_BYTES of input (a file, or an upload's bytes)."""
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(f"{where}: more than {MAX_FILE_BYTES:,} bytes; a scenario, profile, municipalities, "
                            f"sweep or posterior file is a short text file (at most {MAX_FILE_BYTES:,} bytes)")


def _not_a_file(mode: int) -> str | None:
    """What a file system entry is, in words, if it is not a regular file."""
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
    return next((word for test, word in kinds if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def _read_at_most(handle: int, limit: int) -> bytes:
    """Up to `limit` bytes from an open file (os.read may return fewer than asked)."""
    parts, size = [], 0
    while size < limit:
        part = os.read(handle, limit - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def out_folder(out: str | None, default: Path) -> Path:
    """A command's --out folder, or `default` when none is given; an empty --out is refused, not defaulted."""
    if out is None:
        return default
    if not out.strip():
        raise ValueError(f"--out {out!r}: empty; give a folder, or leave --out out for {default}")
    return Path(out)
