"""Where a result comes from: package version, git commit and dirty flag, and fingerprints of the code.

Every result's metadata carries `version()`, `git_commit()` and `git_dirty()`. Two hashes tell
code apart: `code_fingerprint()` stands for all the source a simulation runs (stored sweep runs
are reused, and cluster workers accepted, only while it is the same), `model_fingerprint()` for
what the model does (a calibration records it, and `stale_calibration` warns when it changes).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import subprocess
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from .parameters import Context, Policy

if TYPE_CHECKING:
    from .scenario import Scenario

PACKAGE = Path(__file__).resolve().parent
# The modules that start simulations: fixed-parameter runs, posterior runs, and a sweep's (or a
# calibration's) single run in a worker. The code fingerprint covers them and all they import.
BOUNDARY = ("runner.py", "experiments/runs.py", "experiments/sweep.py")


@functools.cache
def version() -> str:
    """The installed package's version ("0+unknown" when run from a tree that is not installed)."""
    try:
        return metadata.version("evictsim")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def git_commit() -> str:
    """The commit of the checkout the package runs from, or "unknown"."""
    out = _git("rev-parse", "HEAD")
    return out.strip() if out is not None else "unknown"


def git_dirty() -> bool | None:
    """Whether tracked files differ from the commit (results may come from uncommitted code);
    None where there is no git checkout (an installed package)."""
    out = _git("status", "--porcelain", "--untracked-files=no")
    return None if out is None else bool(out.strip())


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=PACKAGE.parent, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


def model_sources() -> list[Path]:
    """The source files the simulation depends on: the BOUNDARY modules and everything they
    import (relative imports, at any depth), recursively."""
    todo, seen = [PACKAGE / name for name in BOUNDARY], set()
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        todo += _imported_files(path)
    return sorted(seen)


def _imported_files(path: Path) -> list[Path]:
    """The files a module's relative imports may name (a module or a package's __init__)."""
    files = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            base = path.parent if node.level == 1 else path.parent.parent
            if node.module is None:  # from . import informal
                files += [base / f"{alias.name}.py" for alias in node.names]
                continue
            target = base.joinpath(*node.module.split("."))
            files += [target.with_suffix(".py"), target / "__init__.py"]
    return files


@functools.cache  # once per process: it is the code this process imported, and sweeps ask for it per run
def code_fingerprint() -> str:
    """A hash of the simulation's source: stored runs are reused only while that code is the same."""
    digest = hashlib.sha256()
    for path in model_sources():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def model_fingerprint() -> str:
    """A hash of what the simulation does: the pathway's code and every parameter's default.

    Unlike `code_fingerprint` it ignores the runner and the parameters' documentation (sources,
    priors, texts), so a calibration stays current while only those change, and goes stale as
    soon as the model's mechanisms or defaults do (see `stale_calibration`)."""
    digest = hashlib.sha256()
    for path in sorted((PACKAGE / "pathway").glob("*.py")):
        if path.name != "__init__.py":
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    defaults = {"policy": Policy().model_dump(), "context": Context().model_dump()}
    digest.update(json.dumps(defaults, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def stale_calibration(scenario: Scenario) -> str | None:
    """Why the scenario's calibration does not belong to this model (fitted to other code), or None."""
    fitted = scenario.calibration.get("model") if scenario.calibration else None
    if not scenario.calibration or fitted == model_fingerprint():
        return None
    return (f"the calibration of {scenario.calibration.get('date', '?')} was fitted to model "
            f"{fitted or 'of an older version'}, this is model {model_fingerprint()}: its parameters may no "
            "longer reproduce the targets; `evictsim calibrate --check` says whether they still fit, "
            "`evictsim calibrate` fits them again")
