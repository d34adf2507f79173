"""The failures evictsim expects and reports as one clear line, never as a traceback.

Each is a ValueError, so that a caller who catches ValueError catches them all; the command
line prints the message after "evictsim: error:" and exits with status 2.
"""

from __future__ import annotations


class ScenarioError(ValueError):
    """A scenario, profile or sweep file that cannot be used; the message says where and why."""


class OutputError(ValueError):
    """An output folder that cannot be used, or a results folder that cannot be trusted."""


class ClusterError(ValueError):
    """A Dask cluster that cannot be reached, is not a Dask scheduler, or has no workers."""
