# The portal's two everyday commands are `make run` and `make test`; see README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install system-deps browser-deps messages run demo serve test test-sqlite test-postgres test-opensearch lint check bench bench-stories bench-search bench-iiif bench-deps clean

help:
	@echo "make run    set up, load the demo museum and serve http://$(HOST):$(PORT)/"
	@echo "make test   set up and run every test (SQLite, and PostgreSQL when DATABASE_URL is set)"
	@echo "make bench  run the benchmarks (figures go to docs/benchmarks.md by hand)"

# Debian packages the project needs: gettext (message catalogues).
system-deps:
	@command -v msgfmt >/dev/null 2>&1 || { \
	  echo "Installing gettext from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }

# Debian's Chromium for the axe-core accessibility tests (never `playwright install`).
browser-deps:
	@test -x /usr/bin/chromium || { \
	  echo "Installing chromium from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

# Front-end libraries (Leaflet, model-viewer, web fonts) from the npm registry; Django serves
# them from node_modules (STATICFILES_DIRS), nothing is copied into the repository.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: system-deps $(STAMP) node_modules/.installed

messages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

# The embedded default: SQLite, media/ on disk, database search, the demo museum.
run: messages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) runserver $(HOST):$(PORT)

test: messages browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# The same suite against PostgreSQL (DATABASE_URL must name a server; CI sets it).
test-postgres: messages browser-deps
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL=postgres://…"; exit 2; }
	DATABASE_URL=$(DATABASE_URL) $(BIN)/pytest --create-db

# The search suite against an OpenSearch-protocol server: osmem-server (in memory, from the dev
# extras) on a free loopback port, stopped when the recipe ends (docs/search-opensearch.md).
OSMEM_LOG := var/osmem.out
test-opensearch: messages
	@mkdir -p var; OSMEM=$$($(BIN)/python -c "import osmem_server; print(osmem_server.resolve_binary())"); \
	"$$OSMEM" --addr 127.0.0.1:0 --no-ja --no-stdin-watch --parent-pid $$$$ > $(OSMEM_LOG) & \
	trap "kill $$! 2>/dev/null" EXIT; \
	for i in $$(seq 100); do grep -q '"url"' $(OSMEM_LOG) 2>/dev/null && break; sleep 0.1; done; \
	URL=$$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' $(OSMEM_LOG)); \
	test -n "$$URL" || { echo "osmem-server did not start"; exit 1; }; \
	OPENSEARCH_URL=$$URL SEARCH_INDEX_REFRESH=1 $(BIN)/pytest search

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Benchmarks on fresh databases under bench/out/ (BENCH_DATABASE_URL=postgres://… for
# PostgreSQL); e.g. make bench BENCH_ARGS="--records 20000" for a quick run.
bench: messages bench-deps
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/iiif_manifests.py
	$(BIN)/python bench/iiif_tiles.py

# Readers' search at 100,000 objects against Wagtail's database backend (docs/search.md).
bench-search: messages
	$(BIN)/python bench/search.py $(BENCH_ARGS)

# Debian's iipimage-server (the IIIF peer), nginx in front of it and wrk, for the benchmarks.
bench-deps:
	@test -x /usr/lib/iipimage-server/iipsrv.fcgi && command -v nginx >/dev/null && command -v wrk >/dev/null || { \
	  echo "Installing iipimage-server, nginx-light and wrk from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iipimage-server nginx-light wrk; }

# IIIF: tiles against Debian's iipimage-server, manifests against the object's JSON-LD.
bench-iiif: messages bench-deps
	$(BIN)/python bench/iiif_tiles.py
	$(BIN)/python bench/iiif_manifests.py

# Only the exhibition chapter benchmark (30 blocks, 12 register objects, against a plain page).
bench-stories: messages
	$(BIN)/python bench/stories.py

clean:
	rm -rf $(VENV) var static node_modules
