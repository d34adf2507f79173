"""Morris screening of five parameters for evictions, with scenario discovery.

    .venv/bin/python examples/sensitivity_analysis.py
"""

from pathlib import Path

from sim import sensitivity
from sim.experiments.sensitivity import format_indices

result = sensitivity(Path(__file__).parent / "sensitivity_shocks_court.toml", "results/examples/sensitivity",
                     workers=2)
print(format_indices(result))
