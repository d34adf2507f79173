"""An existing Dask cluster: with deadlines, so that nothing it does can make a sweep hang, and
with a check that every worker runs the code the client runs.

Connecting first checks, within CONNECT_TIMEOUT, that the address answers like a Dask scheduler.
A Dask server sends its handshake as soon as a connection opens; an HTTP server (such as the
Dask dashboard's port) sends nothing, and other servers send something that is not a Dask
message. Both get one line, instead of a hang or an attempt to allocate exabytes for a garbage
message length.

A run's id (and so the results store) is tied to the client's code fingerprint. A worker with
another evictsim version, or with local edits, would compute other numbers and the store would
file them under the client's code; so a sweep stops before any run if a worker differs.
See docs/cluster.md.

While runs are in flight the scheduler is asked every POLL seconds whether it has workers; with
none for NO_WORKERS_TIMEOUT the sweep stops with a message. Every finished run is already
stored, so starting the sweep again resumes it.
"""

from __future__ import annotations

import platform
import re
import socket
import struct
import time
from concurrent.futures import CancelledError
from typing import Any

from ..errors import ClusterError
from ..limits import clip, excerpt
from ..provenance import code_fingerprint, version

CONNECT_TIMEOUT = 10.0     # seconds to connect and hear a Dask handshake
NO_WORKERS_TIMEOUT = 20.0  # seconds without a single worker before a sweep stops
POLL = 1.0                 # seconds between checks on the workers while runs are in flight
MAX_HANDSHAKE_BYTES = 1 << 20  # a Dask handshake is about a hundred bytes
ADDRESS = re.compile(r"(?:tcp://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})")


def connect(address: str, timeout: float | None = None):
    """A dask.distributed Client of the scheduler at `address` (tcp://host:port or host:port);
    `timeout` in seconds, CONNECT_TIMEOUT by default."""
    from dask.distributed import Client

    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    host, port = _host_port(address)
    _probe(address, host, port, timeout)
    try:
        return Client(f"tcp://{host}:{port}", timeout=f"{timeout}s")
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"--cluster {address}: cannot reach a Dask scheduler there ({err})") from None
    except Exception as err:  # noqa: BLE001 - the server's own error, of any type (e.g. a worker's port)
        raise ClusterError(f"--cluster {address}: a Dask server, but not a scheduler ({type(err).__name__}: "
                           f"{excerpt(str(err))}); give the scheduler's address") from None


def _host_port(address: str) -> tuple[str, int]:
    match = ADDRESS.fullmatch(address)
    if match is None or not 1 <= int(match.group(2)) <= 65535:
        raise ClusterError(f"--cluster {excerpt(address)}: not an address like tcp://10.0.0.5:8786 "
                           "(tcp://, a host name or IP address, and a port 1-65535)")
    return match.group(1).strip("[]"), int(match.group(2))


def _probe(address: str, host: str, port: int, timeout: float) -> None:
    """Refuse, within `timeout` seconds, an address where no Dask server answers."""
    deadline = time.monotonic() + timeout
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            header = _receive(sock, 8, deadline)
            (size,) = struct.unpack("<Q", header)
            if not 0 < size <= MAX_HANDSHAKE_BYTES:
                raise ClusterError(_not_dask(address, header + _more(sock)))
            _check_handshake(address, _receive(sock, size, deadline))
    except TimeoutError:
        raise ClusterError(f"--cluster {address}: nothing answered like a Dask scheduler within {timeout:g} s (is "
                           "it a web or dashboard port? a scheduler usually listens on port 8786)") from None
    except OSError as err:  # refused, unreachable, or closed before a word
        raise ClusterError(f"--cluster {address}: cannot reach a Dask scheduler there ({err.strerror or err})") \
            from None


def _receive(sock: socket.socket, size: int, deadline: float) -> bytes:
    data = b""
    while len(data) < size:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionAbortedError("closed the connection without a Dask handshake")
        data += chunk
    return data


def _more(sock: socket.socket) -> bytes:
    """Whatever else arrives at once, to quote a little more of a wrong answer."""
    try:
        sock.settimeout(0.2)
        return sock.recv(32)
    except OSError:
        return b""


def _check_handshake(address: str, body: bytes) -> None:
    from distributed.protocol.core import loads
    from distributed.protocol.utils import unpack_frames

    try:
        frames, missing = unpack_frames(body, partial=True)
        message = None if missing else loads(frames)
    except Exception:  # noqa: BLE001 - garbage can fail to decode in many ways
        message = None
    if not isinstance(message, dict) or "pickle-protocol" not in message:
        raise ClusterError(_not_dask(address, body))


def _not_dask(address: str, first: bytes) -> str:
    return f"--cluster {address}: not a Dask scheduler (it answered {excerpt(first[:40])})"


def wait_for_workers(client, timeout: float | None = None) -> int:
    """How many workers the cluster has, waiting up to `timeout` seconds (NO_WORKERS_TIMEOUT by
    default) for the first to join."""
    timeout = NO_WORKERS_TIMEOUT if timeout is None else timeout
    try:
        client.wait_for_workers(1, timeout=timeout)
        return len(client.nthreads())
    except TimeoutError:
        raise ClusterError(_no_workers(client, timeout)) from None
    except OSError as err:
        raise ClusterError(_lost(client, str(err))) from None


def first_completed(client, running: set, timeout: float | None = None) -> tuple[set, set]:
    """Wait until a run finishes, as dask's wait(FIRST_COMPLETED) does, but stop with a
    ClusterError once the cluster has had no worker for `timeout` seconds (NO_WORKERS_TIMEOUT)."""
    from dask.distributed import wait

    timeout = NO_WORKERS_TIMEOUT if timeout is None else timeout
    idle_since = None
    while True:
        try:
            finished, rest = wait(running, timeout=POLL, return_when="FIRST_COMPLETED")
            return set(finished), set(rest)
        except TimeoutError:
            pass
        except CancelledError:  # the client lost the scheduler and gave up on every run in flight
            raise ClusterError(_lost(client, "the runs in flight were cancelled")) from None
        idle_since = _check_workers(client, idle_since, timeout)


def _check_workers(client, idle_since: float | None, timeout: float) -> float | None:
    try:
        workers = len(client.nthreads())
    except (OSError, TimeoutError) as err:
        raise ClusterError(_lost(client, str(err))) from None
    now = time.monotonic()
    if workers:
        return None
    if idle_since is not None and now - idle_since >= timeout:
        raise ClusterError(_no_workers(client, timeout))
    return idle_since if idle_since is not None else now


def _lost(client, why: str) -> str:
    return (f"--cluster {client.scheduler.address}: lost the scheduler ({clip(why, 80)}); the runs "
            "finished so far are stored: start the sweep again to resume")


def _no_workers(client, timeout: float) -> str:
    return (f"--cluster {client.scheduler.address}: no workers for {timeout:g} s; the runs finished so far are "
            "stored: start the sweep again to resume once workers have joined")


def result_of(future, timeout: float | None = None) -> dict[str, Any]:
    """A finished run's row, or a ClusterError for what the cluster (not the model) got wrong.

    A run can finish and then lose its result with the worker that held it (a worker leaving
    between the two): Dask then recomputes it, which never happens without workers, so the wait
    for the result checks the workers as `first_completed` does instead of waiting forever."""
    from distributed.scheduler import KilledWorker

    timeout = NO_WORKERS_TIMEOUT if timeout is None else timeout
    idle_since = None
    try:
        while True:
            try:
                return future.result(timeout=POLL)
            except TimeoutError:
                idle_since = _check_workers(future.client, idle_since, timeout)
    except ImportError as err:
        raise ClusterError(f"a Dask worker cannot import evictsim ({err}); install evictsim on the workers") \
            from None
    except KilledWorker:
        raise ClusterError("a Dask worker died during a run (killed, or out of memory); the runs finished so "
                           "far are stored: start the sweep again to resume") from None
    except CancelledError:
        raise ClusterError("the Dask cluster cancelled a run (did the scheduler restart?); the runs finished so "
                           "far are stored: start the sweep again to resume") from None


def worker_identity() -> dict[str, str]:
    """What a process runs: evictsim version, the model code's fingerprint and Python version."""
    return {"version": version(), "code": code_fingerprint(), "python": platform.python_version()}


def check_workers(client: Any) -> None:
    """Raise a ClusterError naming each worker whose evictsim version or model code differs from ours."""
    ours = worker_identity()
    try:
        theirs = client.run(worker_identity)
    except Exception as err:  # noqa: BLE001 - a worker without this module raises whatever unpickling raises
        raise ClusterError(f"--cluster: a worker cannot run evictsim's code check "
                           f"({type(err).__name__}: {clip(str(err), 200)}); "
                         f"it probably has another evictsim version than this client ({ours['version']}); "
                         "see docs/cluster.md") from None
    wrong = {address: found for address, found in theirs.items()
             if (found["version"], found["code"]) != (ours["version"], ours["code"])}
    if wrong:
        address, found = sorted(wrong.items())[0]
        raise ClusterError(f"--cluster: {len(wrong)} of {len(theirs)} worker(s) run other code than this client "
                         f"(client: evictsim {ours['version']}, code {ours['code']}; {address}: evictsim "
                         f"{found['version']}, code {found['code']}); install the same evictsim on every worker "
                         "(docs/cluster.md)")
