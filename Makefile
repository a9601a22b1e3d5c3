# nianbao — one command to see the portal (make serve), one to test it (make test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
SIZES ?= 1000 2500 20000
RUNS ?= 3
PDFS ?= 500
# Reproducible builds: MkDocs stamps the sitemap with this time instead of "now".
# Material announces its end of life (2027-05-05, DESIGN.md) before every command; a newcomer reads it as an error.
export NO_MKDOCS_2_WARNING ?= 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1700000000)

.PHONY: serve site test deps check lint bench bench-import golden fuzz clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

serve: $(VENV)/.installed ## build and serve the sample portal on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --strict -a $(ADDR)

site: $(VENV)/.installed ## build the static site into site/
	$(BIN)/mkdocs build --strict

check: $(VENV)/.installed ## check every data file
	$(BIN)/nianbao check

lint: $(VENV)/.installed
	$(BIN)/ruff check macros tests

test: $(VENV)/.installed ## run the whole test suite
	$(BIN)/ruff check macros tests bench
	$(BIN)/lint-imports
	$(BIN)/pytest

deps: ## once on a fresh machine: Chromium and axe-core (browser tests), LibreOffice, poppler and CJK fonts (Word layout test)
	.ci/deps

fuzz: $(VENV)/.installed ## a long fuzz run of the loader, nianbao check and the exports (thousands of random mutants, minutes)
	NIANBAO_FUZZ=1 $(BIN)/pytest -q tests/test_fuzz.py

bench: $(VENV)/.installed ## portal-scale benchmark (not part of make test); SIZES="1000 2500 20000" RUNS=3
	$(BIN)/python bench/run.py --sizes $(SIZES) --runs $(RUNS)
	$(MAKE) bench-import

bench-import: $(VENV)/.installed ## PDF import: the two libraries, seconds a report, a folder of PDFS=500 on every core
	$(BIN)/python bench/import_pdf.py --runs $(RUNS) --folder $(PDFS)

golden: $(VENV)/.installed ## refresh every golden (report bodies, whole portal, Word) after an intended change; review the diff
	NIANBAO_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_golden.py tests/test_portal_golden.py tests/test_word.py -k golden

clean:
	rm -rf site $(VENV)
