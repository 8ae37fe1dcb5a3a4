# One entry point: `make run` serves the portal with demo data, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: run test lint format worker beat install install-dev migrate demo messages clean

# The PDF renderer (WeasyPrint) needs Pango; the report uses DejaVu Sans for German text.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

$(BIN)/python:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base
install-dev: $(VENV)/.installed-dev

migrate: install
	DEBUG=1 $(MANAGE) migrate --no-input

demo: migrate
	DEBUG=1 $(MANAGE) seed_demo

run: demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: install-dev
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install
	$(BIN)/celery -A sozialpaten worker --loglevel=info

beat: install
	$(BIN)/celery -A sozialpaten beat --loglevel=info

messages: install-dev
	DEBUG=1 $(MANAGE) makemessages --locale en --ignore=.venv --no-obsolete
	DEBUG=1 $(MANAGE) compilemessages --locale en --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles
