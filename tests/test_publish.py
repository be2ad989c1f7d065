"""Publishing: launch links and the repository URL (set once in _config.yml), the deploy workflow."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
CONFIG = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
URL = CONFIG["repository"]["url"]


def test_launch_buttons_are_configured_for_binder_and_colab():
    assert URL.startswith("https://github.com/") and URL.count("/") == 4
    launch = CONFIG["launch_buttons"]
    assert launch["binderhub_url"] == "https://mybinder.org"
    assert launch["colab_url"] == "https://colab.research.google.com"


def test_readme_binder_badge_uses_the_configured_repository():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    owner_repo = URL.removeprefix("https://github.com/")
    badges = re.findall(r"https://mybinder\.org/v2/gh/([^/]+/[^/]+)/([^?)]+)(?:\?urlpath=lab/tree/([^)]+))?", readme)
    assert badges, "no Binder badge in the README"
    for repo, branch, notebook in badges:
        assert repo == owner_repo and branch == CONFIG["repository"]["branch"]
        assert not notebook or (REPO / notebook).is_file(), notebook


def test_colab_setup_is_one_identical_install_line_from_the_configured_repository():
    install = f"%pip install --quiet git+{URL}"
    cells = {}
    for path in sorted((REPO / "book").glob("*.ipynb")):
        source = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert 'if "google.colab" in sys.modules:' in source, f"{path.name}: the first cell should set up Colab"
        lines = [line.strip() for line in source.splitlines() if "install" in line and not line.startswith("#")]
        assert lines == [install], f"{path.name}: the Colab cell should install with exactly `{install}`"
        cells[path.name] = source
    assert len(set(cells.values())) == 1, "the Colab cells differ between notebooks"


def test_the_package_installs_what_a_notebook_needs_from_the_repository():
    """What Colab's install line gets: the models and the data they read (ledger, bibliography, terms)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data = project["tool"]["setuptools"]["package-data"]["musclebook"]
    for name in ("claims.yaml", "terms.yaml", "references.bib"):
        path = REPO / "book" / "musclebook" / "data" / name
        assert path.is_file() and any(Path(f"data/{name}").match(pattern) for pattern in data), name
    assert {"numpy", "matplotlib", "ipywidgets", "pyyaml", "pybtex"} <= {
        re.split(r"[<>=!~ ]", d)[0].lower() for d in project["project"]["dependencies"]
    }


def test_deploy_workflow_publishes_the_tree_it_tested():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8"))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.+?)\n```", readme)
    assert commands[:2] == ["make book", "make test"], commands
    jobs = workflow["jobs"]
    assert set(jobs) == {"test", "deploy"}, "one job builds and tests, one publishes: no second build"
    steps = jobs["test"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "make test" in runs and not any("make book" in r for r in runs)
    upload = [i for i, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/upload-pages-artifact")]
    assert upload and steps[upload[0]]["with"]["path"] == "_build/html"
    assert upload[0] > runs.index("make test"), "the site is uploaded before it is tested"
    deploy = jobs["deploy"]
    assert deploy["needs"] == ["test"] and "refs/heads/main" in deploy["if"]
    assert [s.get("run") for s in deploy["steps"]] == [None], "the deploy job must not build"
    assert any(str(s.get("uses", "")).startswith("actions/deploy-pages") for s in deploy["steps"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_make_test_builds_once_from_scratch_and_tests_that_tree():
    """The README's test command: lint first, one strict build from scratch, every test against it."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    lines = [line.strip() for line in recipe.splitlines()]
    assert "lint" in lines[0] and "book-clean" in lines[1] and lines[2].endswith(" book")
    assert "--site $(SITE)" in lines[3], "the tests must read the tree that was just built"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().endswith("make test")


def test_licences_are_stated_for_content_and_code():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "creativecommons.org/licenses/by/4.0" in text
    assert "MIT License" in text and "book/musclebook/" in text
    assert "kejang-otot.id.txt" in text  # the quoted article is not ours to license


def test_citation_file_names_the_configured_repository_and_licences():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"title", "authors", "message", "license"} <= set(cff)
    assert cff["repository-code"] == URL
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}


def test_contributing_explains_claims_chapters_explorers_and_checks():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needle in ("## Add or change a claim", "## Add a chapter", "## Add an explorer", "make test", "make check"):
        assert needle in text, needle


CHAPTERS = sorted((REPO / "book").glob("*.ipynb"))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_chapter_lets_the_student_run_its_model(path):
    """A labelled "Run the model yourself" section: a visible cell that calls the chapter's model and plots
    with its plotting module on Matplotlib axes, then an "On your own" prompt."""
    cells = _cells(path)
    sources = ["".join(c["source"]) for c in cells]
    label = f"({path.stem}-yourself)="
    start = next((i for i, s in enumerate(sources) if s.startswith(label)), None)
    assert start is not None, f"{path.name}: no section labelled {label}"
    # the first code cell a reader sees (before it, the note on where the code runs, shown by its output)
    code = next(
        c for c in cells[start:] if c["cell_type"] == "code" and "remove-input" not in c["metadata"].get("tags", [])
    )
    source = "".join(code["source"])
    assert not {"remove-input", "remove-cell", "hide-input"} & set(code["metadata"].get("tags", [])), path.name
    assert not code["metadata"].get("jupyter", {}).get("source_hidden"), path.name
    assert re.search(r"from musclebook import .*_plots\b", source) and "plt.subplots" in source, path.name
    assert code["metadata"].get("mystnb", {}).get("image", {}).get("alt"), f"{path.name}: the plot needs an alt"
    assert any(s.startswith("**On your own.**") and "Predict" in s for s in sources[start:]), path.name


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_a_notebook_shows_in_jupyterlab_the_code_the_book_shows(path):
    """Cells the book shows only by their output (remove-input) are collapsed in JupyterLab; modules are
    imported by their full names (no two-letter aliases)."""
    for index, cell in enumerate(_cells(path)):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if "remove-input" in cell["metadata"].get("tags", []):
            assert cell["metadata"].get("jupyter", {}).get("source_hidden"), f"{path.name} cell {index}"
        aliases = re.findall(r"^\s*(?:from \S+ )?import \S+ as (\w+)", source, re.MULTILINE)
        assert set(aliases) <= {"np", "plt"}, f"{path.name} cell {index}: import by full name, not {aliases}"
