"""The benchmark scripts a developer runs by hand from the README still run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

LAYOUT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_layout.py"


def test_the_layout_benchmark_times_the_three_layouts_on_a_small_population():
    done = subprocess.run([sys.executable, str(LAYOUT), "--households", "20000", "--watched", "2000", "--repeat", "1"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "2,000 watched households among 20,000 dwellings" in lines[0]
    assert [line.split("  ")[1].strip() for line in lines[1:]] == [
        "gathers from per-dwelling arrays (now)", "one gather of records (array of structs)",
        "compact table of the watched rows"]


@pytest.mark.parametrize(("argument", "message"), [
    (["--households", "100", "--watched", "200"], "--watched 200: must be between 1 and --households (100)"),
    (["--fields", "0"], "--fields 0: must be at least 1"),
    (["--repeat", "-1"], "--repeat -1: must be at least 1"),
])
def test_the_layout_benchmark_refuses_impossible_sizes(argument, message):
    done = subprocess.run([sys.executable, str(LAYOUT), *argument], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert message in done.stderr
