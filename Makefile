# motcua: the two commands of the README are `make run` and `make test`; the rest are their parts.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NPM_STAMP := pwa/node_modules/.installed
DIST := pwa/dist/index.html
PWA_SOURCES := $(shell find pwa/src pwa/public -type f 2>/dev/null) $(wildcard pwa/index.html pwa/staff/index.html pwa/*.ts pwa/tsconfig*.json pwa/package.json)
PG_ADMIN_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
CHROMIUM ?= /usr/bin/chromium

.PHONY: run setup test lint pytest-both test-sqlite test-postgres api-contract e2e chromium bench migration clean

## make run: install what is missing, build the app, migrate, load the demo catalogue, serve (MOTCUA_PORT, default 8000)
run: setup
	@$(BIN)/motcua migrate
	@$(BIN)/motcua seed
	@$(BIN)/motcua create-staff --demo
	@$(BIN)/motcua serve

setup: $(PY_STAMP) $(DIST)

$(PY_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

# pwa/package.json overrides rollup with its WebAssembly build: the npm registry reachable here serves only
# some of rollup's per-platform binaries, so a lock file listing them all cannot be made, and `npm ci` refuses
# one that does not.
$(NPM_STAMP): pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(DIST): $(NPM_STAMP) $(PWA_SOURCES)
	cd pwa && npm run build
	@touch $@

## make test: linters, pytest on SQLite and PostgreSQL (side by side), then the browser suite
test: setup lint
	@$(MAKE) --no-print-directory pytest-both
	@$(MAKE) --no-print-directory e2e

# The two pytest runs share nothing (a data folder and a database each) and each keeps one core busy, so on
# two cores they run at once. Each run's output is shown whole when it ends; either failing fails this.
pytest-both:
	@echo "pytest on SQLite and on PostgreSQL at once; each run's output follows when it ends"
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

lint: $(PY_STAMP) $(NPM_STAMP)
	$(BIN)/ruff check backend tests e2e bench
	$(BIN)/ruff format --check backend tests e2e bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	cd pwa && npm run --silent typecheck
	@# The staff app is code-split from the citizen app: nothing the citizen downloads may import it.
	@if grep -rnE "['\"](\.{1,2}/)+([^'\"]*/)?staff(/[^'\"]*)?['\"]" pwa/src/main.tsx pwa/src/app pwa/src/sw pwa/src/sync pwa/src/data pwa/src/shared; then \
		echo "lint: the citizen app, its worker and shared code must not import pwa/src/staff" >&2; exit 1; fi

test-sqlite: $(PY_STAMP)
	$(BIN)/pytest -q --db=sqlite

# The API against its OpenAPI description (schemathesis on a live server): part of test-sqlite and
# test-postgres; this runs it alone and prints the cases and statuses seen.
api-contract: $(PY_STAMP)
	$(BIN)/pytest -q -s -m api_contract --db=sqlite

# Without a reachable PostgreSQL this part is skipped with a notice, except in CI (CI=true), where it fails.
test-postgres: $(PY_STAMP)
	@if $(BIN)/python -c "import asyncio, asyncpg; asyncio.run(asyncio.wait_for(asyncpg.connect('$(PG_ADMIN_URL)'), 5))" 2>/dev/null; then \
		echo "$(BIN)/pytest -q --db=postgres"; $(BIN)/pytest -q --db=postgres --postgres-admin-url='$(PG_ADMIN_URL)'; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "test-postgres: PostgreSQL is required in CI but $(PG_ADMIN_URL) is not reachable" >&2; exit 1; \
	else \
		echo "test-postgres: SKIPPED, PostgreSQL not reachable at $(PG_ADMIN_URL) (set PG_ADMIN_URL)"; \
	fi

e2e: setup chromium
	$(BIN)/pytest -q e2e

# Debian's Chromium drives the browser tests (Playwright's own browser download is not used).
chromium:
	@test -x $(CHROMIUM) || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "Install Debian's chromium first: sudo apt-get install chromium" >&2; exit 1; fi; }

## make bench: load figures against a live server (see bench/README.md)
bench: setup chromium
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else echo "Install wrk first: sudo apt-get install wrk" >&2; exit 1; fi; }
	$(BIN)/python -m bench.catalogue_load
	$(BIN)/python -m bench.intake_load
	$(BIN)/python -m bench.pwa_load

## make migration NAME=...: a new Piccolo migration from the current tables
migration: $(PY_STAMP)
	PICCOLO_CONF=backend.piccolo_conf $(BIN)/piccolo migrations new motcua --auto --desc="$(NAME)"

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist
