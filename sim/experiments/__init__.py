"""Experiments on the pathway model: policy comparisons, sweeps and their results store,
sensitivity analysis with scenario discovery, and calibration against Dutch figures.

Modules here call `sim.runner` and `sim.pathway`; the pathway never imports them.
"""
