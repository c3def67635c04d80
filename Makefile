# phoihop: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: demo test lint bench install system-deps messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The benchmark's heavy packages (DuckDB, PyArrow) are for `make bench` only.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	touch $(BENCH_STAMP)

install: $(STAMP)

system-deps:
	./scripts/system-deps.sh

messages: install
	$(BIN)/phoihop compilemessages --ignore '.venv' -v0

demo: install
	$(BIN)/phoihop demo

# Coverage of the product code (tests and migrations left out): one line per file not fully
# covered, and the total. On Python 3.11 it nearly doubles the suite's time (tracing every call);
# `make test COVERAGE=` skips it.
COVERAGE ?= --cov=phoihop --cov-report=term:skip-covered
# One test database per worker (pytest-xdist); `make test WORKERS=0` runs in one process.
WORKERS ?= auto
test: install system-deps
	$(BIN)/pytest -n $(WORKERS) $(COVERAGE)

# Every check runs and says what it found; the target fails if any of them did.
# lint-imports: the layer contracts in pyproject.toml; mypy: types (strict where configured).
lint: install
	@status=0; \
	for check in "ruff check ." "ruff format --check ." "phoihop makemigrations --check --dry-run" \
	             "lint-imports" "mypy"; do \
		echo "== $$check"; $(BIN)/$$check || status=1; \
	done; \
	exit $$status

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .import_linter_cache .coverage .coverage.*
