# One command sets up and runs the main job; one runs the tests.
PYTHON ?= python3.12
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint bench dashboard clean

$(BIN)/evictsim: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) (Mesa 3.5 requires Python >= 3.12)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

setup: $(BIN)/evictsim

## demo: baseline vs the ombudsman package for a medium town, in 20 posterior draws x 2 paired replications
demo: setup
	$(BIN)/evictsim compare baseline ombudsman-package --population medium_town --posterior 20 --replications 2 --out results/demo

test: setup
	$(BIN)/python -m pytest -n 2 -q

## lint: ruff (rules in pyproject.toml) and mypy over the package and the dashboard
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

dashboard: setup
	$(BIN)/evictsim dashboard

bench: setup
	$(BIN)/python benchmarks/bench_model.py
	$(BIN)/python benchmarks/bench_posterior.py

clean:
	rm -rf $(VENV) results/demo .pytest_cache
