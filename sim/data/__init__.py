"""Data files the package reads: the 342 municipalities of 2023 (docs/data.md)."""
