"""Benchmark the dashboard as people open it: the cold first view, a stored national comparison,
and a cached Compare page (Streamlit's AppTest, no browser: the script's own time).

    python benchmarks/bench_dashboard.py                       # stored comparison: results/national
    python benchmarks/bench_dashboard.py --stored national-sample

Each case runs in a fresh process, so no cache is warm that a person's first visit would not
find warm. Make the stored comparison first, e.g.
`evictsim compare baseline ombudsman-package --population national --out results/national`.
Target on the 2-core reference machine: a stored national comparison shows in under 3 s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORED_TARGET = 3.0  # seconds

CASE = """
import json, sys, time
sys.path.insert(0, {root!r})
from streamlit.testing.v1 import AppTest
import dashboard.runs  # imports are a process's start-up, not the page's time

def view(**params):
    at = AppTest.from_file({app!r}, default_timeout=600)
    for key, value in params.items():
        at.query_params[key] = value
    start = time.perf_counter()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return time.perf_counter() - start, len(at.metric)

first, cards = view(**{params})
again, _ = view(**{params})
print(json.dumps({{"first": first, "again": again, "cards": cards}}))
"""


def measure(params: dict[str, str]) -> dict[str, float]:
    """One page view in a fresh process, then the same view again (cached)."""
    code = CASE.format(root=str(ROOT), app=str(ROOT / "dashboard" / "app.py"), params=params)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", default="national", help="folder under results/ holding a comparison")
    args = parser.parse_args()
    cases = {"cold first view (small town, 3 x 60 months)": {},
             f"stored comparison results/{args.stored}": {"population": "stored", "stored": args.stored}}
    failed = False
    for name, params in cases.items():
        result = measure(params)
        print(f"{name}: first {result['first']:.1f} s, cached {result['again']:.1f} s, {result['cards']} cards")
        if "stored" in params:
            failed |= result["first"] > STORED_TARGET or result["cards"] == 0
    print("target: stored comparison under 3 s:", "missed" if failed else "met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
