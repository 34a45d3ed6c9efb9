# Two commands do everything on a fresh machine with Python 3.11+:
#   make run   - set up and serve the site on http://127.0.0.1:8000 (development mode)
#   make test  - set up and run the whole suite (lint, checks, pytest with browser tests)
# and, for the edit loop, `make test-fast`: lint and pytest without the browser tests and the
# booklet PDF builds. Both run pytest on every core (pytest-xdist; TEST_WORKERS=0 runs serially).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOAD_STAMP := $(VENV)/.installed-load
REPORTS ?= reports
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist: one worker per core; a module's tests stay on one worker (--dist loadscope), so
# a module-scoped fixture (a booklet build, a browser) is made once, not once per worker.
TEST_WORKERS ?= auto
XDIST := -n $(TEST_WORKERS) --dist loadscope
FAST_MARKERS := not bench and not browser and not booklet_build and not slow

.PHONY: run test test-fast test-postgres bench load serve admin backup restore lint format install clean messages

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# `make load` also needs the optional `load` extra (locust).
$(LOAD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,load]"
	touch $(LOAD_STAMP)

# Collect (and compress) static files again only when a static source changed.
staticfiles/staticfiles.json: $(STAMP) isatuximab_portal/apps.py $(shell find static -type f)
	DEBUG=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0

# The task worker (it builds the booklets) runs beside the development server; Ctrl-C stops both.
run: $(STAMP) staticfiles/staticfiles.json
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_initial_content
	@set -u; export DEBUG=1; \
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

# The edit loop: lint, then pytest without the browser tests and the booklet PDF builds.
test-fast: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(XDIST) -m "$(FAST_MARKERS)" $(PYTEST_ARGS)

# The pytest suite alone, against the database in DATABASE_URL (CI runs it on PostgreSQL).
# Each xdist worker gets its own test database (test_<name>_gw0, _gw1, ...).
test-postgres: $(STAMP)
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "Set DATABASE_URL=postgres://... (see docs/operations.md)"; exit 2;; esac
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

# In-process render times (pytest-benchmark) and page weight; results in reports/bench/.
bench: $(STAMP)
	@mkdir -p $(REPORTS)/bench
	$(BIN)/python -m pytest tests/bench tests/test_page_weight.py -m "" -rP \
		--benchmark-warmup=on --benchmark-min-rounds=10 --benchmark-time-unit=ms \
		--benchmark-columns=min,median,mean,max,rounds --benchmark-sort=name \
		--benchmark-json=$(REPORTS)/bench/bench.json $(BENCH_ARGS)

# Locust against gunicorn in production mode on loopback (own SQLite database, static files and
# throw-away SECRET_KEY in a temporary folder, removed with the server on exit, pass or fail),
# with the task worker that builds the booklets (queued by load_initial_content).
# 50 users for 30 s; exits non-zero on any failed request (docs/performance.md).
LOAD_USERS ?= 50
LOAD_TIME ?= 30s
LOAD_MAX_CONTENT_RATIO ?= 1.2
load: $(LOAD_STAMP)
	@set -eu; pid=""; wpid=""; tmp=$$(mktemp -d /tmp/portal-load.XXXXXX); \
	trap 'for p in $$pid $$wpid; do kill $$p 2>/dev/null || :; wait $$p || :; done; rm -rf "$$tmp"' EXIT; \
	trap 'exit 130' INT TERM; \
	port=$$($(BIN)/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	url=http://127.0.0.1:$$port; \
	unset BEHIND_TLS_PROXY CSRF_TRUSTED_ORIGINS; \
	export DJANGO_SETTINGS_MODULE=isatuximab_portal.settings DEBUG=0 SECURE_SSL_REDIRECT=0 \
		SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		ALLOWED_HOSTS=127.0.0.1 DATABASE_URL=sqlite:///$$tmp/db.sqlite3 STATIC_ROOT=$$tmp/static; \
	echo "Setting up a production-mode server in $$tmp ..."; \
	$(BIN)/python manage.py migrate --noinput --verbosity 0; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0; \
	$(BIN)/python manage.py load_initial_content > /dev/null; \
	$(BIN)/python manage.py db_worker > "$$tmp/worker.log" 2>&1 & wpid=$$!; \
	$(BIN)/gunicorn isatuximab_portal.wsgi --bind 127.0.0.1:$$port --workers 2 \
		--no-control-socket --log-file "$$tmp/gunicorn.log" & pid=$$!; \
	for i in $$(seq 100); do \
		kill -0 $$pid 2>/dev/null || break; \
		$(BIN)/python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
			$$url/health/ 2>/dev/null && break; \
		sleep 0.3; \
	done; \
	$(BIN)/python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
		$$url/health/ || { cat "$$tmp/gunicorn.log"; echo "gunicorn did not start"; exit 1; }; \
	echo "gunicorn (2 workers) ready on $$url: $(LOAD_USERS) users for $(LOAD_TIME)"; \
	mkdir -p $(REPORTS)/load; \
	LOAD_REPORT_DIR=$(REPORTS)/load LOAD_MAX_CONTENT_RATIO=$(LOAD_MAX_CONTENT_RATIO) \
		$(BIN)/locust -f loadtest/locustfile.py --headless \
		--host $$url --users $(LOAD_USERS) --spawn-rate $(LOAD_USERS) --run-time $(LOAD_TIME) \
		--stop-timeout 10 --only-summary --csv $(REPORTS)/load/locust \
		--html $(REPORTS)/load/locust.html $(LOAD_ARGS)

# Production mode under gunicorn: needs SECRET_KEY and ALLOWED_HOSTS (see README).
serve: $(STAMP) staticfiles/staticfiles.json
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn isatuximab_portal.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

# The first administrator: the account (username, e-mail, password), then its second factor
# (a QR code to scan, the first code from the app, then the recovery codes). `make admin NAME=x`
# skips the username question. Staff cannot open the admin without the second factor.
admin: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	@set -e; name="$(NAME)"; \
	if [ -z "$$name" ]; then printf "Username for the new administrator: "; read -r name; fi; \
	DEBUG=1 $(BIN)/python manage.py createsuperuser --username "$$name"; \
	DEBUG=1 $(BIN)/python manage.py enrol_second_factor "$$name"

# Back up the database in DATABASE_URL to backups/<UTC time>.sqlite3 or .dump, and restore one
# (docs/operations.md, "Backups and restore"). On a development clone (no SECRET_KEY) they run
# with DEBUG=1 like `make run`. `make restore` refuses to overwrite a database that holds
# accounts or content unless FORCE=1.
DEV_ENV := $(if $(SECRET_KEY),,DEBUG=1)
backup: $(STAMP)
	$(DEV_ENV) $(BIN)/python manage.py backup $(FILE)

restore: $(STAMP)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/NAME [FORCE=1]"; exit 2; }
	$(DEV_ENV) $(BIN)/python manage.py restore "$(FILE)" $(if $(filter 1,$(FORCE)),--force,)

# Re-extract the interface strings into locale/es/LC_MESSAGES/django.po, then compile django.mo.
# Needs GNU gettext (apt install gettext). The compiled .mo is committed, so `make run` and
# `make test` work without gettext; a test fails when the .po has an untranslated or fuzzy
# entry, or when the committed .mo no longer matches the .po.
I18N_ARGS := --ignore=.venv --ignore=staticfiles --ignore=tests
messages: $(STAMP)
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemessages -l es $(I18N_ARGS) --no-obsolete
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py compilemessages -l es $(I18N_ARGS)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache $(REPORTS)
