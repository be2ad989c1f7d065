SHELL := /bin/bash
# One entry point for readers, lecturers and CI. The README's commands are `make book` and `make test`.
PYTHON ?= python3
JOBS ?= 2
# jupyter-book build, strict, reading (and so executing notebooks) $(JOBS) at a time: see bookkit/build.py
JB = BOOK_JOBS=$(JOBS) $(PYTHON) -m bookkit.build -W -n --keep-going
SITE = _build/html

.PHONY: setup dev browser lint check book book-clean translations test nbval handout slides lab clean

STAMPS = _build/.stamps

setup: $(STAMPS)/setup ## the pinned packages of the book (Binder installs the same file) and the JavaScript it serves

# installs again only when what it installs from has changed (a warm `make book` does not reinstall)
$(STAMPS)/setup: requirements.txt pyproject.toml scripts/fetch_js.py
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PYTHON) scripts/fetch_js.py
	@mkdir -p $(STAMPS) && touch $@

dev: $(STAMPS)/dev ## plus the test and lint tools

$(STAMPS)/dev: $(STAMPS)/setup requirements-dev.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

browser: ## Debian's Chromium for the browser tests (no browser download)
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: ## style, spelling and stripped notebooks (fast: run first)
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m codespell_lib
	$(PYTHON) scripts/strip_notebooks.py --check
	$(PYTHON) -m bookkit.translate --check

check: ## the fast tier while you edit (< 60 s): lint, models, ledger, prose, explorers; no build, no browser
	$(MAKE) --no-print-directory lint
	$(PYTHON) -m pytest -q -m "not build and not browser and not slow" -n $(JOBS) tests

book: setup ## both editions in _build/html (English) and _build/html/id (Indonesian): strict, incremental
	@mkdir -p _build
	$(PYTHON) -m bookkit.translate
	@# the two editions side by side, each reading (and executing) $(JOBS) notebooks at a time; a log each
	@$(JB) . > _build/book.log 2>&1 & english=$$!; \
	  $(JB) --edition id > _build/book-id.log 2>&1; indonesian=$$?; \
	  wait $$english; english=$$?; \
	  for log in _build/book.log _build/book-id.log; do echo "== $$log"; tail -n 4 $$log; done; \
	  if [ $$english -ne 0 ]; then echo "== the English edition failed:"; cat _build/book.log; fi; \
	  if [ $$indonesian -ne 0 ]; then echo "== the Indonesian edition failed:"; cat _build/book-id.log; fi; \
	  test $$english -eq 0 && test $$indonesian -eq 0
	@echo "Open $(SITE)/index.html (English) or $(SITE)/id/index.html (Bahasa Indonesia) in a browser."

translations: ## update the Indonesian catalogues (book/locale/id) and pages (book/id) after an English change
	$(PYTHON) -m bookkit.translate

book-clean: ## remove the built book, so that the next `make book` builds from scratch
	rm -rf _build/html _build/.doctrees _build/jupyter_execute _build/book.log _build/id _build/book-id.log

test: dev browser ## everything CI checks: lint, a strict build from scratch, then every test against that build
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory book-clean
	$(MAKE) --no-print-directory book
	$(PYTHON) -m pytest -q -n $(JOBS) --dist loadgroup --site $(SITE) tests

nbval: dev ## every notebook top to bottom in a plain kernel (nbval), no browser; make test runs them in JupyterLab
	$(PYTHON) -m pytest -q -n $(JOBS) --dist loadfile -p no:cacheprovider --nbval-lax book/*.ipynb

handout: book browser ## the claim-by-claim page as a PDF handout, printed offline by headless Chromium
	$(PYTHON) scripts/handout.py $(SITE) _build/handout/claims.pdf book/article.html
	$(PYTHON) scripts/handout.py $(SITE) _build/handout/claims-id.pdf id/article.html

slides: book ## reveal.js slides of every chapter (cells chosen by slide metadata), next to the chapter pages
	$(PYTHON) scripts/slides.py $(SITE)
	$(PYTHON) scripts/slides.py $(SITE) --edition id
	@echo "Open $(SITE)/book/<chapter>-slides.html (Indonesian: $(SITE)/id/<chapter>-slides.html) in a browser (F: full screen, Esc: overview)."

lab: setup ## the notebooks in JupyterLab, as Binder shows them (MyST Markdown rendered by jupyterlab-myst)
	$(PYTHON) -m jupyter lab --notebook-dir=book --LabApp.default_url=/lab/tree/coupling.ipynb

clean:
	rm -rf _build book/vendor .tools
