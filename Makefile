# One command sets up and runs the main job; one runs the tests.
PYTHON ?= python3.12
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup bytecode demo test lint bench dashboard clean

$(BIN)/evictsim: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) (Mesa 3.5 requires Python >= 3.12)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

# The package's bytecode, compiled ahead: Python writes it on first import by itself, except where
# PYTHONDONTWRITEBYTECODE is set (as on our CI and benchmark machines), and then every start compiles
# the package again, about 0.2 s of each run's start-up. Up to date, this check takes about 0.1 s.
bytecode: $(BIN)/evictsim
	@$(BIN)/python -m compileall -q sim dashboard

setup: $(BIN)/evictsim bytecode

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
