"""`evictsim dashboard` as a person starts and stops it: on this machine only by default, and
SIGTERM stops the Streamlit server it started (nothing is left listening)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .test_browser import free_port, wait_healthy

pytestmark = pytest.mark.slow
EVICTSIM = Path(sys.executable).with_name("evictsim")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
            return True
    except OSError:
        return False


def test_sigterm_stops_the_server_it_started():
    port = free_port()
    env = {**os.environ, "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"}
    proc = subprocess.Popen([str(EVICTSIM), "dashboard", "--headless", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while answers(url) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not answers(url)
    finally:
        if proc.poll() is None:
            proc.kill()
