# Two commands matter: `make serve` (set up everything and preview the site)
# and `make test` (every check and test). The rest are building blocks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
ADDR ?= 127.0.0.1:8000

# build-deps: fonts and Pango for the PDF handbook (scripts/ensure-build-deps.sh).
.PHONY: help install serve build check lint test browser stamp status new bench build-deps \
        linkcheck linkcheck-external lock clean bench-search audit bench-html

help:
	@echo "make serve               set up .venv and preview the site at http://$(ADDR)"
	@echo "make test                run every check and test (ruff, toolkit, strict build, pytest)"
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

# The virtual environment is rebuilt whenever the pinned dependencies change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
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

test: $(STAMP) browser build-deps $(NODE_STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m scripts check
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m pytest
	$(BIN)/python -m scripts.audit

# Audit tools (axe-core, Lighthouse) and Workbox (offline reading, copied into site/)
# from the npm registry, pinned by package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Accessibility (axe, every page, desktop and phone), privacy, weight and Lighthouse.
audit: $(STAMP) browser build-deps $(NODE_STAMP)
	$(BIN)/python -m scripts.audit

bench-html: $(STAMP)
	$(BIN)/python -m scripts.bench_html

# make stamp PAGE=residence/fees.md (every language of that page), or PAGE=all.
stamp: $(STAMP)
	@test -n "$(PAGE)" || (echo "usage: make stamp PAGE=area/page.md   (or PAGE=all)" && exit 2)
	$(BIN)/python -m scripts stamp $(if $(filter all,$(PAGE)),--all,$(PAGE))

status: $(STAMP)
	$(BIN)/python -m scripts status

new: $(STAMP)
	@test -n "$(PAGE)" || (echo "usage: make new PAGE=residence/my-page.md" && exit 2)
	$(BIN)/python -m scripts new $(PAGE)

linkcheck: build
	$(BIN)/python -m scripts linkcheck

linkcheck-external: build
	$(BIN)/python -m scripts linkcheck --external

bench: $(STAMP)
	$(BIN)/python -m scripts.bench

bench-search: build browser
	$(BIN)/python -m scripts.bench_search

lock: $(STAMP)
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file requirements.lock pyproject.toml

clean:
	rm -rf site .pytest_cache
