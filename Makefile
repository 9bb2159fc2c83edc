# Bridgework: `make run` serves the app on SQLite, `make test` runs the whole suite.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= $(shell scripts/find-python.sh)

.PHONY: run test install install-dev lint typecheck bench clean

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

$(VENV)/.created:
	@test -n "$(PYTHON)" || { echo "Bridgework needs Python 3.12 or newer on PATH (python3.12, python3.13 …)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

## Set up (first time) and serve on http://127.0.0.1:8000 with SQLite. Ctrl-C stops it.
run: install
	@/sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0.so.0 || echo "Note: PDF reports need pango (Debian: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0); without it the app says so instead of printing."
	$(BIN)/bridgework serve

## Install what the tests need (Debian's chromium too) and run lint, types and the suite.
## With BRIDGEWORK_TEST_POSTGRES=1 the suite also runs against a throwaway PostgreSQL.
test: install-dev
	scripts/test.sh

lint: install-dev
	$(BIN)/ruff check .

typecheck: install-dev
	$(BIN)/mypy bridgework

bench: install-dev
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[bench]'
	for f in bench/bench_*.py; do $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) build *.egg-info test-output .pytest_cache .mypy_cache .ruff_cache
