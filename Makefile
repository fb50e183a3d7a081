# Quick start (see README):  make site   |   make test
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup site serve test browser-deps pdf-deps validate benchmark clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Build the bilingual site into site/ (strict: any warning fails) and its Pagefind search index.
site: setup pdf-deps
	$(VENV)/bin/odimpact build --out site

## Serve the site with live reload on http://127.0.0.1:8000/knowledge-base/ (edits to cases/ rebuild it).
## Search works on `make site` output only (Pagefind indexes the built pages).
serve: setup
	$(VENV)/bin/mkdocs serve

## Validate every case.
validate: setup
	$(VENV)/bin/odimpact validate

## Debian's chromium (browser tests drive it; no browser download) and axe-core from npm.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium'" >&2; exit 1; fi; }
	@test -f node_modules/axe-core/axe.min.js || npm install --no-audit --no-fund --silent

## Debian's Pango and DejaVu fonts: WeasyPrint prints the findings report's PDF with them.
pdf-deps:
	@/sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0' || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	  else echo "Pango is missing (the findings report's PDF needs it): run 'sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'" >&2; exit 1; fi; }

## Set up everything and run the whole test suite.
test: setup browser-deps pdf-deps
	$(VENV)/bin/pytest

benchmark: setup
	$(VENV)/bin/python -m benchmarks.validate

clean:
	rm -rf site docs/cases .pytest_cache test-artifacts
