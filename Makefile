# Quick start: `make run` (the workbench with the exercise), `make test` (the linter and every test)
# and `make test-fast` (unit and handler tests, for the inner loop).
# Both create the virtualenv and install what they need.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
INSTALLED := $(VENV)/.installed

.PHONY: help run test test-fast lint chromium eval bench screenshots minify wheel clean requirements extract_translations compile_translations

help:
	@echo "make run         the workbench with the exercise at http://127.0.0.1:$(PORT)/"
	@echo "make test        the linter, then every test (unit, workbench, browser, packaging)"
	@echo "make test-fast   unit and handler tests only (no server, no browser): under a minute"
	@echo "make lint        ruff, configured in pyproject.toml"
	@echo "make eval        the matching engine against ../shared/eval, beside a keyword baseline"
	@echo "make bench       speed and size figures, then side by side with two peer blocks"
	@echo "make screenshots PNGs of the main states, from the real page"
	@echo "make minify      the minified copies of static/js and static/css that pages load"
	@echo "make extract_translations / compile_translations   the gettext catalogs"

$(INSTALLED): requirements/test.txt setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/test.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

run: $(INSTALLED)
	$(PY) scripts/run_workbench.py --port $(PORT)

test: lint chromium
	$(PY) -m pytest

# The browser tests drive Debian's chromium: installed here when missing and we are root, else say how.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; \
		else \
			echo "The browser tests need Debian's chromium: sudo apt-get install -y chromium fonts-dejavu-core" >&2; exit 1; \
		fi; }

# The inner loop: everything not marked slow (servers, wheels) or browser.
test-fast: $(INSTALLED)
	$(PY) -m pytest -m "not slow and not browser"

lint: $(INSTALLED)
	$(PY) -m ruff check .

eval: $(INSTALLED)
	$(PY) scripts/evaluate.py

# Prints MISSED beside a target it misses, and still exits 0: it measures, the tests judge.
bench: $(INSTALLED)
	$(PY) scripts/bench.py
	$(PY) -W ignore::UserWarning scripts/bench_peers.py

# After editing static/js or static/css: pages load these copies (a test fails while one is stale).
minify:
	$(PYTHON) scripts/minify_static.py

screenshots: $(INSTALLED)
	$(PY) scripts/screenshots.py

LOCALE := customer_tenet_xblock/conf/locale
TRANSLATIONS := customer_tenet_xblock/translations
PYBABEL := PYTHONPATH=scripts $(PY) -m babel.messages.frontend

# Source strings into conf/locale/en, then merged into every translated catalog.
extract_translations: $(INSTALLED)
	$(PYBABEL) extract --no-location --sort-output -k N_ -F $(LOCALE)/babel.cfg -o $(LOCALE)/en/LC_MESSAGES/text.po .
	$(PYBABEL) extract --no-location --sort-output -F $(LOCALE)/babel_js.cfg -o $(LOCALE)/en/LC_MESSAGES/textjs.po .
	for domain in text textjs; do \
		$(PYBABEL) update --no-fuzzy-matching -D $$domain -i $(LOCALE)/en/LC_MESSAGES/$$domain.po -d $(TRANSLATIONS); \
	done

# Then our JavaScript strings of each language as static/js/i18n/<language>.js (a test fails while one is stale).
compile_translations: $(INSTALLED)
	for domain in text textjs; do $(PYBABEL) compile --statistics -D $$domain -d $(TRANSLATIONS); done
	$(PY) scripts/js_catalogs.py

wheel: $(INSTALLED)
	$(PY) -m build --wheel --outdir dist .

# Re-pin requirements/test.txt from requirements/test.in in a throwaway virtualenv.
requirements:
	rm -rf /tmp/ct-pin && $(PYTHON) -m venv /tmp/ct-pin
	/tmp/ct-pin/bin/pip install --quiet -r requirements/test.in
	/tmp/ct-pin/bin/pip freeze --exclude-editable > requirements/test.txt

clean:
	rm -rf $(VENV) build dist *.egg-info var test-artifacts
