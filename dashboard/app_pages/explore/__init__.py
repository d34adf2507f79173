"""Explore sweeps and calibration: stored sweeps, sensitivity analyses and the calibration's fit
(data: read through the package's readers; view: figures and tables in the chosen language)."""
