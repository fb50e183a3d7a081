# Quick start (see README):  make site   |   make test
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup site serve test test-fast lint format browser-deps pdf-deps validate benchmark audit clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Build the bilingual site into site/ (strict: any warning fails) and its Pagefind search index.
site: setup pdf-deps
	$(VENV)/bin/odimpact build --out site

## Serve the site with live reload on http://127.0.0.1:8000/knowledge-base/ (French under /fr/;
## edits to cases/, docs/ or mkdocs.yml rebuild it). Search works on `make site` output only.
serve: setup
	$(VENV)/bin/odimpact serve

## Validate every case.
validate: setup
	$(VENV)/bin/odimpact validate

## Debian's chromium (browser tests drive it; no browser download) and Java (the Nu HTML Checker
## runs on it); from npm, axe-core, vnu-jar, pa11y and Lighthouse. npm runs no install scripts:
## puppeteer's and vnu-jar's would download a browser and a Java runtime from outside the registries.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium'" >&2; exit 1; fi; }
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	  else echo "Java is missing (the Nu HTML Checker runs on it): run 'sudo apt-get install default-jre-headless'" >&2; exit 1; fi; }
	@test -f node_modules/axe-core/axe.min.js -a -f node_modules/vnu-jar/build/dist/vnu.jar -a -x node_modules/.bin/pa11y \
	  -a -x node_modules/.bin/lighthouse || PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent --ignore-scripts

## Debian's Pango and DejaVu fonts: WeasyPrint prints the findings report's PDF with them.
pdf-deps:
	@/sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0' || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	  else echo "Pango is missing (the findings report's PDF needs it): run 'sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'" >&2; exit 1; fi; }

## Set up everything and run the whole test suite (the linters included: tests/test_code.py).
test: setup browser-deps pdf-deps
	$(VENV)/bin/pytest

## The edit loop: every test but the browser ones and those that build a whole site.
test-fast: setup
	$(VENV)/bin/pytest -m "not browser and not slow"

## The linter, the layout and the type checker, as the test suite runs them.
lint: setup
	$(VENV)/bin/ruff check scripts tests benchmarks
	$(VENV)/bin/ruff format --check scripts tests benchmarks
	$(VENV)/bin/mypy

## Lay the code out as the test suite requires (ruff format, lines of 100 characters).
format: setup
	$(VENV)/bin/ruff format scripts tests benchmarks

benchmark: setup
	$(VENV)/bin/python -m benchmarks.validate

## Lighthouse (mobile, the median of 3 runs a page), the Nu HTML Checker and pa11y on a fresh build
## of site/: prints the figures (README, "Checked with the field's tools"), writes the reports to
## test-artifacts/audit/, and fails when one misses its target.
audit: site browser-deps
	$(PY) -m benchmarks.audit --site site --runs 3

clean:
	rm -rf site build .pytest_cache test-artifacts
