# Two commands do everything on a fresh machine with Python 3.11+:
#   make run   - set up and serve the site on http://127.0.0.1:8000 (development mode)
#   make test  - set up and run the whole suite (lint, checks, pytest with browser tests)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres bench load serve admin lint format install clean messages

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Collect (and compress) static files again only when a static source changed.
staticfiles/staticfiles.json: $(STAMP) isatuximab_portal/apps.py $(shell find static -type f)
	DEBUG=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: $(STAMP) staticfiles/staticfiles.json
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_initial_content
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The pytest suite alone, against the database in DATABASE_URL (CI runs it on PostgreSQL).
test-postgres: $(STAMP)
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "Set DATABASE_URL=postgres://... (see README)"; exit 2;; esac
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Speed and page weight under gunicorn in production mode on loopback (docs/performance.md).
bench: $(STAMP)
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

# Bounded load test on loopback: 50 clients for 30 seconds; exits non-zero on any error.
load: $(STAMP)
	$(BIN)/python -m scripts.loadtest --clients 50 --duration 30 $(LOAD_ARGS)

# Production mode under gunicorn: needs SECRET_KEY and ALLOWED_HOSTS (see README).
serve: $(STAMP) staticfiles/staticfiles.json
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn isatuximab_portal.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

admin: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py createsuperuser

# Re-extract the interface strings into locale/es/LC_MESSAGES/django.po, then compile django.mo.
# Needs GNU gettext (apt install gettext). The compiled .mo is committed, so `make run` and
# `make test` work without gettext; a test fails when the .po has an untranslated or fuzzy
# entry, or when the committed .mo no longer matches the .po.
I18N_ARGS := --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=scripts
messages: $(STAMP)
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemessages -l es $(I18N_ARGS) --no-obsolete
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py compilemessages -l es $(I18N_ARGS)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
