"""Publishing: launch links and the repository URL (set once in _config.yml), the package, the deploy workflow.

The policy of the README, LICENSE, CITATION.cff, CONTRIBUTING.md, the Makefile and the chapters is in
tests/test_policy.py.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

from bookkit import translate

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
        source = "".join(translate.setup_cell(json.loads(path.read_text(encoding="utf-8"))["cells"])["source"])
        assert 'if "google.colab" in sys.modules:' in source, f"{path.name}: the set-up cell should set up Colab"
        lines = [line.strip() for line in source.splitlines() if "install" in line and not line.startswith("#")]
        assert lines == [install], f"{path.name}: the Colab cell should install with exactly `{install}`"
        cells[path.name] = source[: source.index(install) + len(install)]  # the Colab part: up to the install
    assert len(set(cells.values())) == 1, "the Colab set-up differs between notebooks"


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
    """CI builds once, tests that tree, then publishes it (the README's commands: tests/test_policy.py)."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8"))
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
