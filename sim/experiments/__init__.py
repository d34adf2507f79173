"""Experiments on the pathway model: runs in posterior draws (and `sim.run`, which may make them),
policy comparisons, sweeps and their results store, sensitivity analysis with scenario
discovery, and calibration against Dutch figures.

Modules here call `sim.runner` and `sim.pathway`; neither imports them back (tests/test_imports.py
fails on any import circle).
"""
