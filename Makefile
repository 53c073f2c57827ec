# Two commands do everything on a fresh machine with Python 3.11:
#   make book   set up .venv, regenerate the data, execute the notebooks, build _build/html
#   make test   set up .venv and run every test layer
# Each target sets up the virtual environment first if it is missing or out of date.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SETUP  := $(VENV)/.installed
# cffconvert needs jsonschema<4, which Jupyter cannot live with: it gets its own small venv.
TOOLS  := .venv-tools/.installed
PORT   ?= 8000
# uv installs the exact pins of the lock files in seconds; pip stays the fallback if uv cannot be
# had. uv itself is pinned here, installed into the environment it fills.
UV_VERSION := 0.13.9
define install_pins
	$(1)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) \
	  && $(1)/bin/uv pip install --quiet --python $(1)/bin/python -r $(2) \
	  || $(1)/bin/python -m pip install --quiet --disable-pip-version-check -r $(2)
endef

# `book` is also a folder: without .PHONY make would call the target up to date.
.PHONY: help book pdf test data lab serve bench clean distclean lock notebooks lint mutate

help:
	@echo "make book       build the site into _build/html (sets up .venv if needed)"
	@echo "make pdf        print each edition of the built book to a PDF in _build/pdf (after make book)"
	@echo "make test       run every test layer: lint, units and data, nbval, strict build and PDF, site"
	@echo "make data       regenerate data/processed from data/raw + data/curated"
	@echo "make notebooks  re-execute every notebook in place (before committing a change), then"
	@echo "                bring the Chinese notebooks in step and list stale Chinese passages"
	@echo "make lab        open JupyterLab with the project's kernel"
	@echo "make serve      serve _build/html on http://127.0.0.1:$(PORT)/"
	@echo "make bench      measure the performance budgets"
	@echo "make mutate     mutation score of the parsers and citation code (mutmut, in .venv-mutate)"
	@echo "make lock       re-resolve requirements.in into requirements.lock and environment.yml"
	@echo "make clean      remove _build; make distclean also removes .venv"

$(SETUP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else \
	  "This project needs Python 3.11; $(PYTHON) is %d.%d. Run: make PYTHON=/path/to/python3.11" % sys.version_info[:2])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(call install_pins,$(VENV),requirements.lock)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(SETUP)

$(TOOLS): requirements-tools.lock
	test -x .venv-tools/bin/python || $(PYTHON) -m venv .venv-tools
	$(call install_pins,.venv-tools,requirements-tools.lock)
	touch $(TOOLS)

# `make book RELEASE=1`: a release build, which stops while CITATION.cff has a placeholder address.
book: $(SETUP)
	$(PY) tools/build_book.py $(if $(filter 1,$(RELEASE)),--release)

# The PDF of each edition, printed by chromium from the built site (tools/build_pdf.py says what is
# missing: the site, or chromium and how to install it).
pdf: $(SETUP)
	$(PY) tools/build_pdf.py

data: $(SETUP)
	$(PY) -m gwr data

notebooks: $(SETUP)
	$(PY) -m gwr data
	$(PY) tools/execute_notebooks.py
	$(PY) tools/sync_translations.py

lint: $(SETUP)
	$(BIN)/ruff check gwr tests tools

test: $(SETUP) $(TOOLS)
	@echo "== 1/5 lint (ruff)"
	$(BIN)/ruff check gwr tests tools
	@echo "== 2/5 units, doctests and data integrity"
	$(BIN)/pytest -m "not site"
	@echo "== 3/5 notebooks re-run against their committed outputs (nbval), data/curated/ off limits"
	guard=$$($(PY) tools/kernel_guard.py) && status=0 && \
	  IPYTHONDIR=$$guard $(BIN)/pytest --nbval notebooks/ --nbval-current-env -v || status=$$?; \
	  rm -rf "$$guard"; exit $$status
	@echo "== 4/5 strict book build (-W -n --keep-going) of both editions, and their PDFs"
	$(PY) tools/build_book.py --strict
	$(PY) tools/build_pdf.py
	@echo "== 5/5 the built site and PDFs: pages, links, figures, browser (pdffonts, pdftoppm)"
	$(BIN)/pytest -m site -v

lab: $(SETUP)
	$(PY) tools/lab.py

serve:
	@test -f _build/html/index.html || { echo "No site yet: run make book first."; exit 1; }
	@echo "Serving _build/html on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: $(SETUP)
	$(PY) tools/bench.py

# mutmut in its own environment (the project's pins plus requirements-mutate.lock); not in CI.
.venv-mutate/.installed: requirements.lock requirements-mutate.lock
	test -x .venv-mutate/bin/python || $(PYTHON) -m venv .venv-mutate
	$(call install_pins,.venv-mutate,requirements.lock -r requirements-mutate.lock)
	touch .venv-mutate/.installed

mutate: .venv-mutate/.installed $(TOOLS)
	.venv-mutate/bin/python tools/mutate.py

lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Exact pins of every package in the project's environment (Python 3.11, Linux)."; \
	  echo "# Generated by \`make lock\` from requirements.in; do not edit by hand."; \
	  .venv-lock/bin/pip freeze --all | grep -v '^pip==' | LC_ALL=C sort -f; } > requirements.lock
	rm -rf .venv-lock
	$(PYTHON) tools/sync_environment.py

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV) .venv-tools
