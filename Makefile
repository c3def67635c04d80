# phoihop: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: demo test coverage lint bench install system-deps messages clean

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

# One test database per worker (pytest-xdist); `make test WORKERS=0` runs in one process.
# No coverage here: on Python 3.11 tracing every call nearly doubles the suite's time.
WORKERS ?= auto
test: install system-deps
	$(BIN)/pytest -n $(WORKERS)

# The same suite with coverage of the product code (tests and migrations left out): one line
# per file not fully covered, and the total.
coverage: install system-deps
	$(BIN)/pytest -n $(WORKERS) --cov=phoihop --cov-report=term:skip-covered

# Every check runs and says what it found; the target fails if any of them did.
# lint-imports: the layer contracts in pyproject.toml; mypy: types (strict where configured).
lint: install
	@status=0; \
	for check in "ruff check ." "ruff format --check ." "phoihop makemigrations --check --dry-run" \
	             "lint-imports" "mypy"; do \
		echo "== $$check"; $(BIN)/$$check || status=1; \
	done; \
	exit $$status

# Pivots on SQLite (data/bench.sqlite3) and on this PostgreSQL database (created if missing;
# BENCH_POSTGRES_URL= skips it); BENCH_SCALE=1 for the national-scale dataset.
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/phoihop_bench
bench: $(BENCH_STAMP)
	BENCH_POSTGRES_URL=$(BENCH_POSTGRES_URL) $(BIN)/python -m bench

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .import_linter_cache .coverage .coverage.*
