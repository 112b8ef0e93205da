# The portal's tasks. `make help` lists them.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .install-stamps
FLASK := $(BIN)/flask --app portal
CHROMIUM := /usr/lib/chromium/chromium

.DEFAULT_GOAL := help
.PHONY: help install browser run serve setup test test-postgres test-fast audit bench bench-public translations-extract translations-update translations-compile clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 24

install: $(STAMPS)/python $(STAMPS)/assets translations-compile ## Set up everything the portal needs (safe to repeat)

$(STAMPS)/python: requirements.lock pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

# GOV.UK Frontend from npm, with our Sass compiled against it (our typeface, our assets path).
$(STAMPS)/assets: package.json package-lock.json $(wildcard static/src/*.scss)
	@mkdir -p $(STAMPS) static/css
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/govuk && mkdir -p static/govuk
	cp -r node_modules/govuk-frontend/dist/govuk/assets static/govuk/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/govuk/govuk-frontend.min.js
	node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
		static/src/portal.scss static/css/portal.css
	@touch $@

translations-extract: $(STAMPS)/python ## Extract translatable text into translations/messages.pot
	$(BIN)/pybabel -q extract -F translations/babel.cfg -k _l -k lazy_gettext -k _n:1,2 -k lazy_pgettext:1c,2 --no-location \
		--sort-output --project=portal -o translations/messages.pot .

translations-update: translations-extract ## Merge new text into every catalogue (then translate it)
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

translations-compile: $(STAMPS)/python ## Compile the catalogues
	$(BIN)/pybabel -q compile -d translations

browser: ## Install Debian's Chromium, and fonts for every script the portal is offered in, for the browser tests
	@{ test -x $(CHROMIUM) && fc-list :lang=pa | grep -q . && fc-list :lang=ur | grep -q .; } || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-noto-core >/dev/null; }
	@test -x $(CHROMIUM)

setup: install ## Prepare instance/ (secret key, council configuration) and the database
	$(FLASK) setup

run: setup ## Run the portal on http://127.0.0.1:5000 (SQLite in instance/, emails to files)
	PORTAL_INSECURE_COOKIES=1 $(FLASK) run

# Production: gunicorn on 127.0.0.1 behind a reverse proxy (see README, "Running it for real").
# Settings come from the environment: DATABASE_URL, SECRET_KEY, EQUALITIES_KEY, PORTAL_PROXIES...
WORKERS ?= 4
BIND ?= 127.0.0.1:8000
serve: setup ## Run the portal for real with gunicorn (WORKERS=4 BIND=127.0.0.1:8000), database upgraded first
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(BIND) --no-control-socket --access-logfile - \
		--forwarded-allow-ips '127.0.0.1' 'portal:create_app()'

test: install browser ## Run the whole test suite
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

test-postgres: install browser ## Run the whole suite again on a throwaway PostgreSQL cluster
	@url=$$(bash tests/pg.sh start) && trap 'bash tests/pg.sh stop' EXIT && \
		TEST_DATABASE_URL=$$url $(BIN)/python -m pytest -n 2 --dist loadgroup -q

test-fast: install ## Run the tests that need no browser
	$(BIN)/python -m pytest -q -m "not browser"

audit: $(STAMPS)/python ## Check the code (bandit) and every pinned package for known vulnerabilities (pip-audit)
	$(BIN)/bandit -q -c pyproject.toml -r portal
	$(BIN)/python .ci/audit_packages.py requirements.lock

clean: ## Remove what install built (keeps instance/)
	rm -rf $(VENV) node_modules static/govuk static/css $(STAMPS)

bench: install ## Measure the queue with 100,000 cases (see bench/README.md)
	bash bench/run.sh $(N)

bench-public: install ## Measure the public form's pages and sending it, under load (see bench/README.md)
	bash bench/public.sh
