"""`evictsim dashboard`: start the Streamlit dashboard (dashboard/app.py) of this repository.

Only this module knows how the dashboard is started; the dashboard itself lives in dashboard/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"


def command(port: int | None = None, headless: bool = False) -> list[str]:
    """The `streamlit run` command line: no usage statistics, no deploy button."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP),
           "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "viewer",
           "--server.headless", "true" if headless else "false"]
    if port is not None:
        cmd += ["--server.port", str(port)]
    return cmd


def launch(port: int | None = None, headless: bool = False) -> int:
    """Run the dashboard until it is stopped (Ctrl+C); returns the exit status."""
    if not APP.is_file():
        print(f"evictsim: error: the dashboard is not there ({APP}); it ships with the repository, "
              "not with the installed package", file=sys.stderr)
        return 2
    if port is not None and not 1 <= port <= 65535:
        print(f"evictsim: error: --port {port}: must be 1-65535", file=sys.stderr)
        return 2
    try:
        return subprocess.call(command(port, headless))
    except KeyboardInterrupt:
        return 0
