# Two commands a newcomer needs (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/entente: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/entente

## Set everything up, ingest the bundled examples into the default store, print a summary.
demo: $(BIN)/entente
	$(BIN)/entente ingest examples/
	$(BIN)/entente stats

## What CI runs: lint, type check, the whole test suite.
test: $(BIN)/entente
	$(BIN)/ruff check entente tests bench
	$(BIN)/mypy entente
	$(BIN)/python -m pytest

bench: $(BIN)/entente
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/actors.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
