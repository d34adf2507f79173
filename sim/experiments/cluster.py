"""Checks for sweeps on a Dask cluster: every worker must run the code the client runs.

A run's id (and so the results store) is tied to the client's code fingerprint. A worker with
another evictsim version, or with local edits, would compute other numbers and the store would
file them under the client's code; so a sweep stops before any run if a worker differs.
See docs/cluster.md.
"""

from __future__ import annotations

import platform
from typing import Any

from ..runner import code_fingerprint, version


def worker_identity() -> dict[str, str]:
    """What a process runs: evictsim version, the model code's fingerprint and Python version."""
    return {"version": version(), "code": code_fingerprint(), "python": platform.python_version()}


def check_workers(client: Any) -> None:
    """Raise ValueError naming each worker whose evictsim version or model code differs from ours."""
    ours = worker_identity()
    try:
        theirs = client.run(worker_identity)
    except Exception as err:  # noqa: BLE001 - a worker without this module raises whatever unpickling raises
        raise ValueError(f"--cluster: a worker cannot run evictsim's code check ({type(err).__name__}: {err}); "
                         f"it probably has another evictsim version than this client ({ours['version']}); "
                         "see docs/cluster.md") from None
    wrong = {address: found for address, found in theirs.items()
             if (found["version"], found["code"]) != (ours["version"], ours["code"])}
    if wrong:
        address, found = sorted(wrong.items())[0]
        raise ValueError(f"--cluster: {len(wrong)} of {len(theirs)} worker(s) run other code than this client "
                         f"(client: evictsim {ours['version']}, code {ours['code']}; {address}: evictsim "
                         f"{found['version']}, code {found['code']}); install the same evictsim on every worker "
                         "(docs/cluster.md)")
