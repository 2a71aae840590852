# Two commands do all the set-up on a fresh machine with Python 3.11+: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
TIPLINE := $(VENV)/bin/tipline
STAMP := $(VENV)/.installed-stamp
PO_FILES := $(wildcard locales/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: help install demo test run lint types format hooks i18n-extract i18n-update i18n-compile i18n-check \
	migration db-upgrade bench clean

help:
	@echo "make demo      console chat with the bot on a local Telegram emulator (no account needed)"
	@echo "make test      the whole test suite (unit, property, end-to-end through the emulator)"
	@echo "make run       the bot against Telegram (BOT_TOKEN=... make run)"
	@echo "make lint      ruff check, format check, the import contracts (layers, no cycles) and mypy"
	@echo "make types     mypy bot db (also part of make lint)"
	@echo "make hooks     git pre-commit hooks: ruff, ruff format, translation check"
	@echo "make bench     benchmarks (figures in README)"
	@echo "make i18n-update / i18n-compile / i18n-check   translation catalogs"
	@echo "make migration m='what changed'   new Alembic migration from the models"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) $(MO_FILES)

%.mo: %.po $(STAMP)
	@$(PY) scripts/i18n.py compile >/dev/null

demo: install
	TIPLINE_ENV=demo $(TIPLINE) demo

# The suite runs on every core (pytest-xdist). Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set: every
# worker otherwise recompiles and re-rewrites the same modules. Work stealing: a worker that runs out takes tests
# queued for another, so the few minute-long tests do not leave one core idle at the end (2 cores: 4:31 -> 3:08).
# More options: make test TEST_ARGS='-x -k intake'.
TEST_WORKERS ?= auto
test: install
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(TEST_ARGS)

run: install
	@test -n "$$BOT_TOKEN" || grep -qs '^BOT_TOKEN=' .env || { echo "Set BOT_TOKEN (from @BotFather): BOT_TOKEN=... make run"; exit 2; }
	$(TIPLINE) keys ensure --env-file .env
	$(TIPLINE) run

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy bot db

# mypy alone (settings in pyproject.toml, [tool.mypy]); it must report no errors.
types: install
	$(VENV)/bin/mypy bot db

# Git pre-commit hooks (.pre-commit-config.yaml): ruff, ruff format and the translation check before each commit.
hooks: install
	$(PY) -m pip install --quiet pre-commit
	$(VENV)/bin/pre-commit install

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

i18n-extract: $(STAMP)
	$(PY) scripts/i18n.py extract

i18n-update: $(STAMP)
	$(PY) scripts/i18n.py update

i18n-compile: $(STAMP)
	$(PY) scripts/i18n.py compile

i18n-check: $(STAMP)
	$(PY) scripts/i18n.py check

migration: $(STAMP)
	@test -n "$(m)" || { echo "usage: make migration m='what changed'"; exit 2; }
	rm -f /tmp/tipline-migration.db
	TIPLINE_ENV=test DATABASE_URL=sqlite+aiosqlite:////tmp/tipline-migration.db $(TIPLINE) db upgrade
	TIPLINE_ENV=test DATABASE_URL=sqlite+aiosqlite:////tmp/tipline-migration.db $(VENV)/bin/alembic revision --autogenerate -m "$(m)"

db-upgrade: install
	$(TIPLINE) db upgrade

# bench_data.py (a million tips, about half an hour to generate) runs on its own: see README.
bench: install
	@for b in bench/bench_*.py; do case $$b in *bench_data.py) continue;; esac; echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis
	find locales -name '*.mo' -delete
