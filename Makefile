# Two commands a newcomer needs (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FAST   := .venv-fast
FAST_TREE := build/fast-tests

.PHONY: demo test lint bench clean fast test-fast clean-compiled

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

## The analysis modules compiled with mypyc (setup.py): a wheel in dist/, installed in its own venv, so that
## .venv-fast/bin/entente is the fast command (same output, 1.13-1.17x the articles per CPU second: BENCHMARKS.md).
## .venv and the source tree stay pure: an edited .py runs at once there. Without a C compiler, the pure wheel.
fast: $(FAST)/bin/entente

$(FAST)/bin/entente: pyproject.toml setup.py $(shell find entente -name '*.py')
	test -x $(FAST)/bin/python || $(PYTHON) -m venv $(FAST)
	$(FAST)/bin/python -m pip install --quiet --upgrade pip
	rm -rf build dist
	ENTENTE_MYPYC=1 $(FAST)/bin/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	$(FAST)/bin/python -m pip install --quiet --force-reinstall --no-deps dist/entente-*.whl
	$(FAST)/bin/python -m pip install --quiet "$$(ls dist/entente-*.whl)[dev]"
	rm -rf build
	@cd /tmp && $(CURDIR)/$(FAST)/bin/python -c 'import sys, entente.pipeline as p; p.__file__.endswith(".so") or \
		print("make fast: NOT compiled, .venv-fast runs the pure package (pip wheel -v . says why)", file=sys.stderr)'
	touch $(FAST)/bin/entente

## The whole test suite again, on the compiled package (CI runs it after `make test`): mypyc checks annotations
## at run time and compiles a few Python constructs differently (BENCHMARKS.md). The tests run from a copy of the
## project without entente/, so that every process, the tests' subprocesses too, imports the compiled one.
test-fast: $(FAST)/bin/entente
	rm -rf $(FAST_TREE) && mkdir -p $(FAST_TREE)
	cp -r $(filter-out entente build dist %.egg-info,$(wildcard *)) $(FAST_TREE)/
	ln -sfn ../../shared build/shared  # ../shared beside the copy, as beside the project
	cd $(FAST_TREE) && ../../$(FAST)/bin/python -c 'import entente.pipeline as p; \
		assert p.__file__.endswith(".so"), f"not compiled: {p.__file__} (see the warnings of make fast)"'
	cd $(FAST_TREE) && ../../$(FAST)/bin/python -m pytest

bench: $(BIN)/entente
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/actors.py

## Compiled modules left in the source tree (by hand: mypyc entente/..., setup.py build_ext --inplace), which
## entente refuses to import once older than their source (entente/compiled.py).
clean-compiled:
	find entente -name '*.so' -delete
	rm -f *__mypyc*.so

clean: clean-compiled
	rm -rf $(VENV) $(FAST) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
