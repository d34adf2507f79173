"""`evictsim dashboard`: start the Streamlit dashboard (dashboard/app.py) of this repository.

Only this module knows how the dashboard is started; the dashboard itself lives in dashboard/.
"""

from __future__ import annotations

import ipaddress
import re
import signal
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
LOCAL = "127.0.0.1"  # only this machine can open the dashboard unless --address says otherwise
HOST_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")


def command(port: int | None = None, headless: bool = False, address: str = LOCAL) -> list[str]:
    """The `streamlit run` command line: no usage statistics, no deploy button, listening on
    `address` only (this machine, unless asked otherwise)."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP),
           "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "viewer",
           "--server.headless", "true" if headless else "false",
           "--server.address", address]
    if port is not None:
        cmd += ["--server.port", str(port)]
    return cmd


def address_problem(address: str) -> str | None:
    """Why an --address cannot be listened on, or None: an IP address or a host name."""
    try:
        ipaddress.ip_address(address)
        return None
    except ValueError:
        pass
    if HOST_NAME.fullmatch(address) and len(address) <= 253:
        return None
    return "must be an IP address (127.0.0.1, 0.0.0.0 for every interface, ::1) or a host name"


def launch(port: int | None = None, headless: bool = False, address: str = LOCAL) -> int:
    """Run the dashboard until it is stopped (Ctrl+C or SIGTERM, which stop the Streamlit server
    too); returns the exit status."""
    if not APP.is_file():
        print(f"evictsim: error: the dashboard is not there ({APP}); it ships with the repository, "
              "not with the installed package", file=sys.stderr)
        return 2
    if port is not None and not 1 <= port <= 65535:
        print(f"evictsim: error: --port {port}: must be 1-65535", file=sys.stderr)
        return 2
    problem = address_problem(address)
    if problem:
        print(f"evictsim: error: --address {address[:60]!r}: {problem}", file=sys.stderr)
        return 2
    server = subprocess.Popen(command(port, headless, address))
    previous = signal.signal(signal.SIGTERM, _stopped)
    try:
        status = server.wait()
        return 0 if status in (-signal.SIGTERM, -signal.SIGINT) else status
    except (KeyboardInterrupt, Stopped):
        return 0
    finally:
        stop(server)
        signal.signal(signal.SIGTERM, previous)


class Stopped(Exception):
    """SIGTERM arrived: leave the wait for the server, then stop it (see `launch`)."""


def _stopped(*_: object) -> None:
    # Only raise here: waiting for the server inside the handler would deadlock with the wait it
    # interrupts (Popen.wait holds a lock).
    raise Stopped


def stop(server: subprocess.Popen, seconds: float = 10) -> None:
    """Stop the Streamlit server this command started: politely, then for certain."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
