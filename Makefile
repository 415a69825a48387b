# Every target creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARTICLES ?=
LAB_ARGS ?=

.PHONY: report test test-fast lab bench validate lint clean help chromium

help:
	@echo "make report  - set up .venv and build the reports of the bundled article into reports/"
	@echo "make test    - set up .venv with the dev extras and run the whole test suite"
	@echo "make test-fast - only the tests that start no kernel, browser or cluster (under a minute)"
	@echo "make lab     - open JupyterLab on notebooks/"
	@echo "make bench   - measure report build time, analysis throughput, and speed against textstat"
	@echo "make validate - score stance, naming, claims and structure against the gold set in tests/gold"
	@echo "make lint    - ruff check and format check"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The python3 kernel is installed into the venv so papermill runs notebooks with this venv.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3" >/dev/null
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	touch $@

report: $(VENV)/.installed
	$(BIN)/research-report $(ARTICLES)

# Headless Chromium for the browser tests of the HTML reports (Debian's package): installed
# when missing if apt-get can run (root); otherwise those tests are skipped, and fail under CI.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium (apt-get)"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium not found and cannot be installed here: browser tests will be skipped"; \
	  fi; }

# The fast units on both cores (pytest-xdist), then the tests that start a kernel, a browser
# or a cluster one at a time: two kernels building at once only slow each other down.
FAST := not notebook and not browser and not cluster

test: $(VENV)/.installed-dev chromium
	$(BIN)/python -m pytest -n 2 -m "$(FAST)"
	$(BIN)/python -m pytest -m "not ($(FAST))"

test-fast: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -n 2 -m "$(FAST)"

# JupyterLab refuses to start as root without --allow-root (containers, CI machines).
lab: $(VENV)/.installed
	$(BIN)/jupyter lab notebooks/ $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) $(LAB_ARGS)

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/bench.py

# Precision and recall on the hand-labelled gold set (tests/gold); writes research_utils/validation.json.
validate: $(VENV)/.installed
	$(BIN)/python -m research_utils.validation tests/gold

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) reports/*/ reports/.build-* .pytest_cache
