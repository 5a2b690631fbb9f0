# Every target creates .venv on first use, so each one works on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: help setup test lint dashboard examples benchmark model clean

help:
	@echo "make dashboard  - set up and serve the dashboard at http://127.0.0.1:$(PORT)"
	@echo "make test       - set up and run the test suite"
	@echo "make examples   - set up and analyze the bundled example articles"
	@echo "make benchmark  - run the speed and memory benchmarks (needs ../shared/data)"
	@echo "make model      - retrain the shipped default model (needs ../shared/data)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dask,test]"
	touch $(STAMP)

setup: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check credibility dashboard tests benchmarks scripts

dashboard: $(STAMP)
	$(BIN)/credibility dashboard --port $(PORT)

examples: $(STAMP)
	$(BIN)/credibility analyze credibility/data/examples --format table

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_features.py

model: $(STAMP)
	$(BIN)/python scripts/train_default_model.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
