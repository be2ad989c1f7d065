# One entry point for readers, lecturers and CI. The README's two commands are `make book` and `make test`.
PYTHON ?= python3
# console scripts live next to the interpreter (works with venvs and pyenv without a rehash)
BIN := $(dir $(shell $(PYTHON) -c 'import sys; print(sys.executable)'))
STRICT_BUILD = $(BIN)jupyter-book build --all -W -n --keep-going .

.PHONY: setup browser book test outputs handout slides clean

setup: ## the pinned Python packages and the widget JavaScript the book serves itself
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PYTHON) scripts/fetch_js.py

browser: ## Debian's Chromium for the browser tests (no browser download)
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

book: setup ## build the web book, strictly and from scratch, into _build/html
	$(STRICT_BUILD)
	@echo "Open _build/html/index.html in a browser."

test: setup browser ## everything CI checks: models, ledger, notebooks (nbval), strict build, browser
	$(PYTHON) -m pytest

handout: book browser ## the claim-by-claim page as a PDF handout, printed offline by headless Chromium
	$(PYTHON) scripts/handout.py _build/html _build/handout/claims.pdf book/article.html
	$(PYTHON) scripts/handout.py _build/html _build/handout/claims-id.pdf book/article_id.html

slides: book ## reveal.js slides of every chapter (cells chosen by slide metadata), next to the chapter pages
	$(PYTHON) scripts/slides.py _build/html
	@echo "Open _build/html/book/<chapter>-slides.html in a browser (F: full screen, Esc: overview)."

outputs: ## re-run the notebooks and store their outputs for nbval (after changing a notebook or model)
	$(PYTHON) scripts/store_outputs.py

clean:
	rm -rf _build book/widget-js book/widget-fonts
