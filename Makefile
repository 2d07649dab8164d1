# The two commands a new user needs: `make demo` (the main job) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench docs dist clean

demo: $(STAMP)
	$(BIN)/twingraph demo

test: $(STAMP)
	bash scripts/install-system-deps.sh
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src scripts
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy src scripts

docs: $(STAMP)  # the ontology pages the README links to (docs/ontology/); a test checks they are current
	$(BIN)/twingraph docs --out docs/ontology

dist: $(STAMP)  # sdist and a self-contained wheel in dist/: pip install dist/twingraph-*.whl runs anywhere
	$(BIN)/python -m build --outdir dist

bench: $(STAMP)
	for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) twingraph-store twingraph-cache out test-artifacts dist build
