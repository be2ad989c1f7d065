"""The notebooks as a student meets them in Binder: a real JupyterLab, driven by headless Chromium.

A JupyterLab server (the pinned one, with jupyterlab-myst) serves a temporary copy of ``book/``, so
that autosave never touches the repository. For every notebook the test runs all cells from the Run
menu, then checks what the student sees: no error output, every Markdown cell rendered by MyST with
no raw role or directive text, every claim card shown, and every live explorer redrawing its figure
when a control is moved by keyboard and by mouse. Screenshots land in ``_build/screenshots/lab-*.png``
beside the web book's.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from bookkit.katex import UNRENDERED
from bookkit.ledger import load_ledger, placed_claims

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "_build" / "screenshots"
LEDGER = {entry.id: entry for entry in load_ledger().entries}
NOTEBOOKS = sorted((REPO / "book").glob("*.ipynb"))

# Markup that means a role or directive was not rendered (jupyterlab-myst shows unknown ones as text).
RAW = re.compile(r"\{[\w:-]+\}`|```|:::|Unknown (?:directive|role)", re.IGNORECASE)
ERROR_OUTPUTS = (
    ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
    ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"
)
# Cells queued or running: the notebook's execution indicator counts them all (a prompt's "[*]" shows on a cell
# whose code is shown only: a collapsed set-up or prose cell has none)
BUSY = """() => [...document.querySelectorAll('.jp-Notebook-ExecutionIndicator')].some(e => e.dataset.status === 'busy')
    || [...document.querySelectorAll('.jp-InputArea-prompt')].some(e => e.textContent.includes('*'))"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory):
    """A JupyterLab server on a free port with a random token; yields its base URL with the token."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(REPO / "book", root / "book", ignore=shutil.ignore_patterns("_build", "__pycache__", "*.pyc"))
    settings = root / "settings"
    for plugin, values in {
        # every cell in the page, so that the test (and a screenshot) sees the whole notebook
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    }.items():
        path = settings / plugin
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = os.environ | {"JUPYTER_CONFIG_DIR": str(root / "config"), "JUPYTER_RUNTIME_DIR": str(root / "runtime")}
    log = (root / "lab.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",  # CI runs as root
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={root / 'workspaces'}",
        ],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, f"JupyterLab exited:\n{(root / 'lab.log').read_text()[-3000:]}"
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, f"JupyterLab did not start:\n{(root / 'lab.log').read_text()}"
                time.sleep(0.3)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="session")
def lab_page(jupyterlab, browser):
    """JupyterLab open in one page, its file browser in ``book/``: each notebook opens in a new tab, as a
    student opens it, without loading the application again."""
    base, token = jupyterlab
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/lab/tree/book?token={token}&reset", wait_until="domcontentloaded")
    page.locator(".jp-DirListing-itemText", has_text="twitch.ipynb").wait_for(timeout=60_000)
    yield page
    context.close()


def _open(page, notebook: Path):
    """Open ``notebook`` from the file browser; return its panel once its kernel is idle."""
    page.locator(".jp-DirListing-itemText").get_by_text(notebook.name, exact=True).dblclick()
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current", has_text=notebook.name)
    tab.wait_for(timeout=30_000)
    panel = page.locator(f"#{tab.get_attribute('data-id')}")
    panel.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=30_000)
    # the kernel is started and idle (Run All before that runs nothing)
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$")).wait_for(timeout=60_000)
    return panel


def _shut_down(base: str, token: str, notebook: Path) -> None:
    """Shut the notebook's kernel down, freeing the CPU for the next notebook; its tab stays open behind."""
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as response:
        sessions = [s for s in json.load(response) if s["path"] == f"book/{notebook.name}"]
    for session in sessions:
        request = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(request, timeout=10).close()


def _frame(explorer):
    """What the explorer's figure shows now: a digest of the moving layer's image, and its text alternative
    (read in the page: the image is a data URI of tens of kilobytes)."""
    return explorer.locator(".widget-gridbox img").last.evaluate(
        "img => { let h = 0; for (let i = 0; i < img.src.length; i++) h = (h * 31 + img.src.charCodeAt(i)) | 0;"
        " return [h, img.alt]; }"
    )


def _wait_for_new_frame(page, explorer, before, how):
    deadline = time.monotonic() + 15
    while _frame(explorer) == before:
        assert time.monotonic() < deadline, f"the figure did not change when a control was moved by {how}"
        page.wait_for_timeout(50)


def _move_by_keyboard(page, control):
    handle = control.locator(".noUi-handle")
    if handle.count():
        at_max = handle.first.get_attribute("aria-valuenow") == handle.first.get_attribute("aria-valuemax")
        handle.first.focus()
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
        return
    buttons = control.locator("button")
    target = next(
        i for i in range(buttons.count()) if "mod-active" not in (buttons.nth(i).get_attribute("class") or "")
    )
    buttons.nth(target).focus()
    page.keyboard.press("Space")


def _move_by_mouse(page, control):
    handle = control.locator(".noUi-handle")
    if handle.count():
        track = control.locator(".noUi-base").bounding_box()
        box = handle.first.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        target = track["x"] + track["width"] * (0.25 if x > track["x"] + track["width"] / 2 else 0.75)
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(target, y, steps=5)
        page.mouse.up()
        return
    buttons = control.locator("button")
    active = [i for i in range(buttons.count()) if "mod-active" in (buttons.nth(i).get_attribute("class") or "")]
    buttons.nth(0 if active != [0] else 1).click()


# What jupyterlab-myst renders (checked in JupyterLab by the test below). It shows an unknown directive as
# "Unknown Directive", which that test catches, but an unknown role only as its bare text: hence this list.
LAB_ROLES = {"eval", "sub", "term", "doc", "ref", "numref", "math", "abbr", "eq"}
LAB_DIRECTIVES = {"exercise", "solution", "div", "note", "tip", "warning", "important", "admonition", "math"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_markdown_uses_only_what_jupyterlab_renders(notebook):
    for index, cell in enumerate(json.loads(notebook.read_text(encoding="utf-8"))["cells"]):
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            roles = set(re.findall(r"\{([\w:-]+)\}`", text)) - LAB_ROLES
            directives = set(re.findall(r"^\s*(?:`{3,}|:{3,})\{([\w:-]+)\}", text, re.MULTILINE)) - LAB_DIRECTIVES
            assert not roles | directives, f"{notebook.name} cell {index}: JupyterLab shows {roles | directives} raw"


@pytest.mark.browser
@pytest.mark.xdist_group("jupyterlab")  # one worker runs every notebook on one server (make test: --dist loadgroup)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_in_jupyterlab(jupyterlab, lab_page, notebook):
    base, token = jupyterlab
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    markdown_cells = sum(c["cell_type"] == "markdown" for c in cells)
    page = lab_page
    panel = _open(page, notebook)
    try:
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
        page.get_by_text("Run All Cells", exact=True).click()
        page.wait_for_function(BUSY, timeout=30_000)  # queued
        page.wait_for_function(f"() => !({BUSY})()", timeout=120_000)  # and done

        errors = panel.locator(ERROR_OUTPUTS).all_inner_texts()
        assert not errors, f"{notebook.name}: error output:\n" + "\n---\n".join(e[:800] for e in errors)

        rendered = panel.locator(".jp-MarkdownCell .myst").all_inner_texts()
        assert len(rendered) == markdown_cells, f"{notebook.name}: {len(rendered)} of {markdown_cells} cells by MyST"
        raw = [text for text in rendered if RAW.search(text) or UNRENDERED.search(text)]  # or TeX left as text
        assert not raw, f"{notebook.name}: raw markup in rendered Markdown:\n" + "\n---\n".join(t[:300] for t in raw)

        cards = panel.locator(".jp-OutputArea .mb-claim-card").all_inner_texts()
        placed = placed_claims(notebook)
        assert len(cards) == len(placed), f"{notebook.name}: {len(cards)} claim cards shown, {len(placed)} placed"
        for claim_id, text in zip(placed, cards):
            claim = LEDGER[claim_id]
            for part in (f"Claim {claim_id}", claim.verdict_label, claim.quote.strip()[:40], "Physiology says"):
                assert part in text, f"{notebook.name}: the card of {claim_id} does not show {part!r}: {text[:300]!r}"

        explorers = panel.locator(".jp-OutputArea .widget-vbox:has(> .widget-gridbox)")
        moved = 0
        for e in range(explorers.count()):
            explorer = explorers.nth(e)
            explorer.scroll_into_view_if_needed()
            controls = explorer.locator(":scope > .widget-slider, :scope > .widget-toggle-buttons")
            assert controls.count(), f"{notebook.name}: explorer {e} has no control"
            # the first control by keyboard and by mouse (the web book's suite drives every control)
            for move, how in ((_move_by_keyboard, "keyboard"), (_move_by_mouse, "mouse")):
                before = _frame(explorer)
                move(page, controls.first)
                _wait_for_new_frame(page, explorer, before, f"{how} ({notebook.name}, explorer {e})")
                moved += 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"lab-{notebook.stem}.png"))
        if "Explorer(" in "".join("".join(c["source"]) for c in cells):
            assert moved, f"{notebook.name}: the notebook makes explorers but none was found in JupyterLab"
    except Exception:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"lab-{notebook.stem}-failed.png"))
        raise
    finally:
        threading.Thread(target=_shut_down, args=(base, token, notebook)).start()  # while the next notebook opens
