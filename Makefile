# Two commands matter: `make serve` (set up everything and preview the site)
# and `make test` (every check and test). The rest are building blocks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
ADDR ?= 127.0.0.1:8000
# Material prints its end-of-life notice (5 May 2027) at every build: README's "Toolchain
# lifetime" section tracks it, so editors' terminals need not (`mkdocs build` run by hand shows it).
export NO_MKDOCS_2_WARNING ?= 1
export DISABLE_MKDOCS_2_WARNING ?= true
# Installer chatter (setuptools' beta notices, pip's index warnings) is not for editors.
PIP := PYTHONWARNINGS=ignore $(BIN)/python -m pip --quiet --quiet

# build-deps: fonts and Pango for the PDF handbook (scripts/ensure-build-deps.sh).
.PHONY: help install serve build check lint test browser stamp status new bench build-deps \
        linkcheck linkcheck-external lock clean bench-search audit bench-html pr-report

help:
	@echo "make serve               set up .venv and preview the site at http://$(ADDR)"
	@echo "make test                run every check and test (lint, content checks, builds, pytest, audit)"
	@echo "make check               the editors' content checks only"
	@echo "make stamp PAGE=a/b.md   record that a page's translations match the Slovak source again"
	@echo "make status              translation dashboard"
	@echo "make new PAGE=area/x.md  scaffold a page in every language"
	@echo "make build               build site/ in strict mode"
	@echo "make linkcheck           crawl the built site for broken links and anchors"
	@echo "make linkcheck-external  check links to other sites (needs internet)"
	@echo "make bench               toolkit benchmark on a synthetic 3 x 1000 page site"
	@echo "make bench-search        search benchmark: index size, bytes per query, latency"
	@echo "make audit               axe, privacy, weight budget and Lighthouse on the built site"
	@echo "make bench-html          guide page HTML size on synthetic sites up to 3 x 1000 pages"
	@echo "make lock                re-pin dependencies after editing pyproject.toml"
	@echo "make pr-report BASE=ref  Markdown report of what this branch changes, per language"

# The virtual environment is rebuilt whenever the pinned dependencies change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload

build: $(STAMP) build-deps $(NODE_STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m scripts check

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

# Browser tests need Debian's Chromium; Playwright cannot download browsers here.
browser:
	@sh scripts/ensure-chromium.sh

build-deps:
	@sh scripts/ensure-build-deps.sh

# One strict build, for the tests' address (tests/conftest.py SITE_URL), reused by pytest
# (BUILT_SITE) instead of building the same site again; ProperDocs builds the same site
# alongside it (PROPERDOCS_SITE, compared file by file in tests/test_toolchain.py): MkDocs
# runs on one core, so the second build takes the other, and the two share the PDF
# handbooks (each rendered once). A `+stage` runs alongside the stage before it; the time
# of each stage is printed. pytest runs on both cores, a test file per worker (its module
# fixtures built once). pip and npm install side by side first.
TEST_SITE := $(VENV)/test-site
PROPERDOCS_SITE := $(VENV)/properdocs-site
TEST_SITE_URL := https://guide.example.org/sub/
test: browser build-deps
	@$(MAKE) --no-print-directory -j2 $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m scripts.quality.stages \
	  "lint=$(BIN)/ruff check scripts tests" \
	  "+content checks=$(BIN)/python -m scripts check" \
	  "strict build=env SITE_URL=$(TEST_SITE_URL) $(BIN)/mkdocs build --strict --clean -d $(TEST_SITE)" \
	  "+ProperDocs build=env SITE_URL=$(TEST_SITE_URL) $(BIN)/properdocs build --strict --clean -q -d $(PROPERDOCS_SITE)" \
	  "pytest=env BUILT_SITE=$(TEST_SITE) PROPERDOCS_SITE=$(PROPERDOCS_SITE) $(BIN)/python -m pytest -n 2 --dist loadfile" \
	  "audit=env BUILT_SITE=$(TEST_SITE) SITE_URL=$(TEST_SITE_URL) $(BIN)/python -m scripts.quality.audit"

# Audit tools (axe-core, Lighthouse) and Workbox (offline reading, copied into site/)
# from the npm registry, pinned by package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Accessibility (axe, every page, desktop and phone), privacy, weight and Lighthouse.
audit: $(STAMP) browser build-deps $(NODE_STAMP)
	$(BIN)/python -m scripts.quality.audit

bench-html: $(STAMP)
	$(BIN)/python -m scripts.quality.bench_html

# make stamp PAGE=residence/fees.md (every language of that page), or PAGE=all.
stamp: $(STAMP)
	@test -n "$(PAGE)" || (echo "usage: make stamp PAGE=area/page.md   (or PAGE=all)" && exit 2)
	$(BIN)/python -m scripts stamp $(if $(filter all,$(PAGE)),--all,$(PAGE))

status: $(STAMP)
	$(BIN)/python -m scripts status

new: $(STAMP)
	@test -n "$(PAGE)" || (echo "usage: make new PAGE=residence/my-page.md" && exit 2)
	$(BIN)/python -m scripts new $(PAGE)

# make pr-report BASE=origin/main: what the branch changes (pages per language, facts, checks).
pr-report: $(STAMP)
	@$(BIN)/python -m scripts pr-report --base $(or $(BASE),origin/main)

# Build and crawl, timed (one LinkChecker per language, in parallel).
linkcheck: $(STAMP)
	@start=$$(date +%s); $(BIN)/mkdocs build --strict && \
	  $(BIN)/python -m scripts linkcheck; status=$$?; \
	  echo "make linkcheck: $$(( $$(date +%s) - start )) s (build and crawl)"; exit $$status

linkcheck-external: build
	$(BIN)/python -m scripts linkcheck --external

bench: $(STAMP)
	$(BIN)/python -m scripts.quality.bench

bench-search: build browser
	$(BIN)/python -m scripts.quality.bench_search

lock: $(STAMP)
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file requirements.lock pyproject.toml

clean:
	rm -rf site .pytest_cache
