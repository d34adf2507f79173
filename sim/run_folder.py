"""Results folders written as one unit, checked when read, and never mixed up.

A run or a comparison is written into a temporary folder next to its destination and swapped
into place only when every file is written and flushed to disk (sim.folder_swap), so an
interrupted write (even kill -9, between any two steps) leaves the old folder or the new one,
never a mix of both and never neither. `meta.json` (a run) and `comparison.json` (a comparison)
record a SHA-256 hash of every data file they describe, and the readers (sim.results_io) refuse
a folder whose files do not match them.

Before a command runs, `claim` looks at what its output folder holds: nothing, or the same
result (replaced whole when the new one is written); another result, such as a run of another
scenario, a comparison or a sweep (refused unless `force`); or files evictsim does not write
(always refused: they are not evictsim's to delete).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from collections.abc import Iterator

from .errors import OutputError
from .folder_swap import flush, put_back, remove_stale, sibling, swap
from .limits import excerpt, path_problem

RUN_DATA = ("monthly.parquet", "journeys.parquet", "summary.json", "by_municipality.parquet")  # hashed in meta.json
RUN_FILES = (*RUN_DATA, "meta.json")
RUN_REQUIRED = ("monthly.parquet", "journeys.parquet", "summary.json", "meta.json")  # older runs lack by_municipality
ENTRIES = {  # what evictsim writes into a folder of each kind
    "run": set(RUN_FILES),
    "comparison": {"comparison.parquet", "comparison.json", "cba.parquet", "cba.json"},  # cba: its MKBA
    "sweep": {"sweep.json", "runs", "series", "experiments.parquet", "results.csv", "analysis", "sensitivity.parquet",
              "sensitivity.csv", "sensitivity.json",
              "pareto.parquet", "pareto.csv", "optimize.json", "convergence.csv"},  # an optimisation's (optimize.py)
}
SHARED = {"figures"}  # written into comparisons and sweeps alike


@dataclass(frozen=True)
class Holding:
    """What a results folder holds: a "run", "comparison" or "sweep" and its name(s); "mixed"
    for several kinds of evictsim results; "foreign" (name: the first such entry) for files
    evictsim did not write."""

    kind: str
    name: str = ""

    def describe(self) -> str:
        if self.kind == "foreign":
            return f"{excerpt(self.name)}, which evictsim did not write"
        if self.kind == "mixed":
            return "results of several kinds (runs, comparisons or sweeps)"
        return f"a {self.kind} of {excerpt(self.name)}" if self.name else f"a {self.kind}"


def holding(folder: Path) -> Holding | None:
    """What `folder` holds; None if it does not exist or is empty."""
    try:
        entries = sorted(p.name for p in folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not entries:
        return None
    kinds = set()
    for entry in entries:
        kind = _kind_of_entry(folder, entry)
        if kind == "foreign":
            return Holding("foreign", entry)
        if kind is not None:
            kinds.add(kind)
    if len(kinds) != 1:
        return Holding("mixed")
    kind = kinds.pop()
    return Holding(kind, _name_of(folder, kind))


def _kind_of_entry(folder: Path, entry: str) -> str | None:
    """The kind of result an entry of a folder belongs to; None for entries shared by kinds."""
    if entry in SHARED or (entry.startswith(".") and entry.endswith(".tmp")):  # .tmp: an old interrupted write
        return None
    for kind, names in ENTRIES.items():
        if entry in names:
            return kind
    if (folder / entry / "meta.json").is_file():  # a comparison's run of one scenario
        return "comparison"
    return "foreign"


def _name_of(folder: Path, kind: str) -> str:
    """A run's scenario, a comparison's scenarios joined by "+", a sweep's name; "" if unreadable."""
    try:
        if kind == "run":
            return str(_json(folder / "meta.json")["scenario"])
        if kind == "comparison":
            meta = _json(folder / "comparison.json")["meta"]
            return "+".join([meta["baseline"], *meta["scenarios"]])
        return str(_json(folder / "sweep.json")["spec"]["name"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def claim(out: str | Path, wanted: Holding, force: bool = False) -> Path:
    """Check that results of `wanted` may be written to `out`; nothing is created or changed, but
    for putting back a folder that a killed write had moved aside (sim.folder_swap.put_back).

    A sweep is wanted with no name: whether a store belongs to the same sweep is the store's
    own, stricter check (sim.experiments.store).
    """
    path = checked_path(out)
    put_back(path)
    found = holding(path)
    if found is None or (found.kind == wanted.kind and (not wanted.name or found.name == wanted.name)):
        return path
    if found.kind == "foreign":
        raise OutputError(f"--out {path}: holds {found.describe()}; choose a new or empty folder "
                          "(nothing was changed)")
    if not force:
        raise OutputError(f"--out {path}: holds {found.describe()}; choose another folder, or add --force "
                          "(force=True in Python) to replace it (nothing was changed)")
    return path


def checked_path(out: str | Path) -> Path:
    """`out` as a Path, if it is a folder or could become one; creates nothing."""
    path = Path(_checked_text(out))
    try:
        if path.exists() and not path.is_dir():
            raise OutputError(f"--out {path}: exists and is not a folder")
        existing = next((p for p in (path, *path.parents) if p.exists()), Path("."))
    except OSError as err:
        raise OutputError(f"--out {path}: cannot be used: {err.strerror}") from None
    if not existing.is_dir():
        raise OutputError(f"--out {path}: cannot create the folder: {existing} is not a folder")
    where = path.parent if existing == path else existing  # siblings are written next to the folder
    if not os.access(where, os.W_OK):
        raise OutputError(f"--out {path}: cannot create the folder: {where} is not writable")
    return path


def _checked_text(out: str | Path) -> str:
    """`out` as text, refused if it is empty or no usable path."""
    text = str(out)
    if not text.strip():
        raise OutputError(f"--out {text!r}: empty; give a folder")
    problem = path_problem(text)
    if problem:
        raise OutputError(f"--out {excerpt(text)}: the path {problem}")
    return text


@contextmanager
def replacing(out: str | Path, wanted: Holding, force: bool = False) -> Iterator[Path]:
    """A fresh temporary folder next to `out` to write into. When the block ends without an
    error it is flushed to disk and renamed to `out`, replacing what was there as a whole; when
    the block fails it is removed, and `out` is as it was."""
    path = claim(out, wanted, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"--out {path}: cannot create the folder: {err.strerror}") from None
    remove_stale(path.parent)
    new = sibling(path, "new")
    try:
        new.mkdir()
    except OSError as err:  # named by the folder asked for, not by the hidden temporary one
        raise OutputError(f"--out {path}: cannot create the folder: {err.strerror}") from None
    try:
        yield new
        flush(new)
        claim(path, wanted, force)  # something else may have been written there meanwhile
        swap(new, path)
    except OSError as err:  # e.g. a full disk: nothing was changed, and the message names --out
        raise OutputError(f"--out {path}: cannot write the results: {err.strerror or err} (nothing was changed; "
                          "the folder holds what it held before)") from None
    finally:
        shutil.rmtree(new, ignore_errors=True)


def clear(path: Path) -> None:
    """Remove an evictsim results folder (after `claim` with force), moving it aside first so
    that an interruption leaves no half-deleted folder under its name (tagged "gone": unlike an
    "old" folder of a swap, it is never put back)."""
    if path.exists():
        old = sibling(path, "gone")
        os.rename(path, old)
        shutil.rmtree(old, ignore_errors=True)


def hashes(folder: Path, names: list[str] | tuple[str, ...]) -> dict[str, str]:
    """SHA-256 of each named file (relative to `folder`, "/" between folders)."""
    return {name: _sha256(folder / name) for name in names}


def verify(folder: Path, recorded: object, what: str) -> None:
    """Refuse `folder` unless every file `recorded` (name -> SHA-256) is there, unchanged."""
    if not isinstance(recorded, dict) or not recorded:
        raise OutputError(f"{folder}: {what} records no checksums of its files (written by hand or by an "
                          "evictsim before 0.2), so they cannot be shown to belong together; write it again")
    for name, digest in recorded.items():
        relative = PurePosixPath(str(name))
        if relative.is_absolute() or ".." in relative.parts:
            raise OutputError(f"{folder}: {what} names {excerpt(name)}, outside its folder; write it again")
        path = folder / relative
        if not path.is_file() or _sha256(path) != digest:
            change = "is missing" if not path.is_file() else "is not the file"
            raise OutputError(f"{folder}: {name} {change} {what} was written with: its parts do not belong "
                              "together (an interrupted write, or files copied between results); write it again")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
