SHELL := /bin/bash
# One entry point for readers, lecturers and CI. The README's commands are `make book` and `make test`.
#
# Everything runs in the project's own environment, .venv/, which the first command creates with the
# Python you have (`python3`, 3.11 or newer; another one with BOOTSTRAP_PYTHON=...) and fills from the
# lock, requirements.txt. Nothing is installed into that Python itself (PEP 668: Debian, Ubuntu, Fedora
# and Homebrew refuse it). To use an environment of your own instead, name its interpreter:
# `make test PYTHON=/path/to/bin/python` installs the lock into it.
BOOTSTRAP_PYTHON ?= python3
VENV ?= .venv
PYTHON ?= $(VENV)/bin/python
JOBS ?= 2
# jupyter-book build, strict, reading (and so executing notebooks) $(JOBS) at a time: see bookkit/build.py
JB = BOOK_JOBS=$(JOBS) $(PYTHON) -m bookkit.build -W -n --keep-going
SITE = _build/html
PIP = $(PYTHON) -m pip --disable-pip-version-check
# the Python the lock is resolved for: Binder's (runtime.txt); the lock holds every platform's packages
LOCK_PYTHON = $(patsubst python-%,%,$(shell cat runtime.txt))
UV_COMPILE = $(PYTHON) -m uv pip compile --quiet --universal --fork-strategy fewest --generate-hashes \
	--python-version $(LOCK_PYTHON) --custom-compile-command "make lock (Python $(LOCK_PYTHON), every platform)"

.PHONY: setup dev browser lint check book book-clean translations test nbval handout slides materials lab lock linkcheck mutation clean

# What has been installed, and into which environment: inside .venv (so a new .venv installs again), or,
# for PYTHON=..., in _build/.stamps/<that interpreter>.
STAMPS := $(if $(filter $(VENV)/bin/python,$(PYTHON)),$(VENV)/.stamps,_build/.stamps/$(subst /,_,$(PYTHON)))

setup: $(STAMPS)/setup ## the locked packages of the book (Binder installs the same lock) and the JavaScript it serves

# The project's environment, made with the Python the user has. A Debian or Ubuntu Python without its
# venv module leaves a half-made folder: removed, with the package to install named.
$(VENV)/bin/python:
	@$(BOOTSTRAP_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make: the book needs Python 3.11 or newer to create $(VENV); '$(BOOTSTRAP_PYTHON)' is" \
	    "$$($(BOOTSTRAP_PYTHON) --version 2>&1 || echo missing). Name another: make BOOTSTRAP_PYTHON=python3.12 ..."; \
	  exit 1; }
	@$(BOOTSTRAP_PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "make: '$(BOOTSTRAP_PYTHON) -m venv' failed. On Debian or Ubuntu install the venv module first:" \
	    "sudo apt-get install python3-venv"; exit 1; }
	@echo "make: created the project's environment $(VENV) with $$($(PYTHON) --version)"

# installs again only when what it installs from has changed (a warm `make book` does not reinstall):
# first the lock, exactly: every package at its version, checked by its hashes (--no-deps: the lock already
# holds every dependency, and the pip that Python 3.11's venv brings, 23.2, refuses in hash mode a dependency
# asked for with extras); then the book's own package, editable, with nothing more; `pip check` confirms
# that the environment is whole
$(STAMPS)/setup: requirements.txt pyproject.toml scripts/fetch_js.py | $(filter $(VENV)/bin/python,$(PYTHON))
	$(PIP) install --quiet --require-hashes --no-deps -r requirements.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PIP) check
	$(PYTHON) scripts/fetch_js.py
	@mkdir -p $(STAMPS) && touch $@

dev: $(STAMPS)/dev ## plus the test and lint tools (their own lock, requirements-dev.txt)

$(STAMPS)/dev: $(STAMPS)/setup requirements-dev.txt
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-dev.txt
	$(PIP) check
	@touch $@

lock: $(STAMPS)/dev ## resolve requirements.in and requirements-dev.in into the locks again (UPGRADE=1: the newest allowed)
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) requirements.in -o requirements.txt
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) requirements-dev.in -o requirements-dev.txt
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) requirements-mutation.in -o requirements-mutation.txt

browser: ## Debian's Chromium for the browser tests and the PDFs (no browser download), poppler's pdftotext to read them
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

lint: dev ## style, spelling, stripped notebooks, the Indonesian edition, and the repository's policy tests (fast: run first)
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m codespell_lib
	$(PYTHON) scripts/strip_notebooks.py --check
	$(PYTHON) -m bookkit.translate --check
	@# the policy tests (marker `lint`, tests/test_policy.py): house rules of the documents and sources, no build
	$(PYTHON) -m pytest -q -p no:cacheprovider -m lint tests

check: dev ## the fast tier while you edit (< 60 s): lint, models, ledger, prose, explorers; no build, no browser
	$(MAKE) --no-print-directory lint
	$(PYTHON) -m pytest -q -m "not build and not browser and not slow and not lint" -n $(JOBS) tests

book: setup ## every edition: _build/html (English), _build/html/id (Indonesian), ...: strict, incremental
	@mkdir -p _build
	$(PYTHON) -m bookkit.translate
	@# the editions side by side (English, then each translation), each reading (and executing) $(JOBS) notebooks
	@# at a time; a log each
	$(call EACH_EDITION,$(JB) .,$(JB),book)
	@echo "Open $(SITE)/index.html (English) or $(SITE)/id/index.html (Bahasa Indonesia) in a browser."

mutation: dev ## on demand, about 1.5 hours: mutation testing of the models (cosmic-ray); MODULES=twitch limits it
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-mutation.txt
	$(PYTHON) scripts/mutation.py $(MODULES)

linkcheck: setup ## online: Sphinx checks every external link of the book, each reference's DOI and URL among them
	@# apart from the book's build (Jupyter Book writes linkcheck's report where it writes the pages)
	$(JB) --builder linkcheck --path-output _build/linkcheck .
	@echo "The report: _build/linkcheck/_build/html/output.txt"

translations: setup ## update each translation's catalogues (book/locale/<code>) and pages (book/<code>) after an English change
	$(PYTHON) -m bookkit.translate

book-clean: ## remove the built book, so that the next `make book` builds from scratch
	rm -rf _build/html _build/.doctrees _build/jupyter_execute _build/book*.log
	@# each translation's build folder, _build/<code>
	for edition in $$($(PYTHON) -m bookkit.translate --editions 2>/dev/null); do rm -rf _build/$$edition; done

test: dev browser ## everything CI checks: lint, a strict build from scratch with its slides and PDFs and a pseudo-language edition, then every test against them
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory book-clean
	$(MAKE) --no-print-directory materials
	@# a third edition, in a made-up language, from catalogues alone (in a copy of the repository): see CONTRIBUTING.md
	$(PYTHON) scripts/pseudo_locale.py --edition _build/pseudo
	$(PYTHON) -m pytest -q -m "not lint and not subset" -n $(JOBS) --dist loadgroup --site $(SITE) \
	  --pseudo-edition _build/pseudo tests

nbval: dev ## every notebook top to bottom in a plain kernel (nbval), no browser; make test runs them in JupyterLab
	$(PYTHON) -m pytest -q -n $(JOBS) --dist loadfile -p no:cacheprovider --nbval-lax book/*.ipynb

handout: book browser ## the claim-by-claim page as a PDF handout (both editions), printed offline by headless Chromium
	$(PYTHON) scripts/handout.py $(SITE)
	@echo "The handouts: $(SITE)/book/pdf/claims-handout.pdf and $(SITE)/id/pdf/claims-handout-id.pdf"

# $(1) for the English edition and $(2) --edition CODE for each translation (`python -m bookkit.translate
# --editions`), side by side, a log each (_build/$(3).log, _build/$(3)-CODE.log): the end of each log shown, a
# failed one whole
define EACH_EDITION
@editions=$$($(PYTHON) -m bookkit.translate --editions) || exit 1; status=0; failed=; \
  logs=_build/$(3).log; $(1) > _build/$(3).log 2>&1 & pids=$$!; \
  for edition in $$editions; do \
    $(2) --edition $$edition > _build/$(3)-$$edition.log 2>&1 & pids="$$pids $$!"; logs="$$logs _build/$(3)-$$edition.log"; \
  done; \
  set -- $$logs; for pid in $$pids; do wait $$pid || { status=1; failed="$$failed $$1"; }; shift; done; \
  for log in $$logs; do echo "== $$log"; tail -n 4 $$log; done; \
  for log in $$failed; do echo "== failed, $$log:"; cat $$log; done; \
  exit $$status
endef
SLIDES = $(call EACH_EDITION,$(PYTHON) scripts/slides.py $(SITE),$(PYTHON) scripts/slides.py $(SITE),slides)
PDFS = $(call EACH_EDITION,$(PYTHON) scripts/book_pdf.py $(SITE) --edition en,$(PYTHON) scripts/book_pdf.py $(SITE),pdf)

slides: book ## reveal.js slides of every chapter (cells chosen by slide metadata), next to the chapter pages
	$(SLIDES)
	@echo "Open $(SITE)/book/<chapter>-slides.html (Indonesian: $(SITE)/id/<chapter>-slides.html) in a browser (F: full screen, Esc: overview)."

materials: book browser ## what the site offers lecturers and readers to take away: slides, handout, typeset book and pages
	$(SLIDES)
	@# book_pdf.py prints the whole book, then every page: the article page's PDF is the handout
	$(PDFS)

lab: setup ## the notebooks in JupyterLab, as Binder shows them (MyST Markdown rendered by jupyterlab-myst)
	$(PYTHON) -m jupyter lab --notebook-dir=book --LabApp.default_url=/lab/tree/coupling.ipynb

clean: ## everything made, but the environment (.venv: remove it by hand to install afresh)
	rm -rf _build book/vendor .tools
