"""The folder a sweep is stored in, as store.py writes it and results.py reads it back.

    sweep.json            the spec, with the code version, git commit and dirty flag
    experiments.parquet   the plan: one row per run
    runs/<id>.parquet     one run's yearly value of every outcome
    series/<id>.parquet   one run's monthly series of every outcome (when the spec asks for it)
"""

RUNS = "runs"
SERIES = "series"
SPEC_FILE = "sweep.json"
PLAN_FILE = "experiments.parquet"
