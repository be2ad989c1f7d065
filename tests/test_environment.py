"""One locked environment everywhere: Binder, CI, ``make book`` and ``make test`` install the same lock, into a
project environment of their own, never into the system's Python.

The locks (``requirements.txt``, ``requirements-dev.txt``) are made by ``make lock`` from the short lists of
direct requirements (``requirements*.in``); these tests check that they are complete, exact and hashed, that
they honour those lists, that Binder's files agree with them, and that the environment the tests run in is the
lock itself.
"""

from __future__ import annotations

import os
import re
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
LOCKS = {"requirements.txt": "requirements.in", "requirements-dev.txt": "requirements-dev.in"}
# the mutation-testing tool's lock, installed only by `make mutation`
ON_DEMAND_LOCKS = {"requirements-mutation.txt": "requirements-mutation.in"}


def lock_entries(name: str) -> dict[str, tuple[Requirement, list[str]]]:
    """A lock file's entries: {package: (its requirement with version and marker, its hashes)}."""
    text = (REPO / name).read_text(encoding="utf-8")
    entries = {}
    for logical in re.sub(r"\\\n", " ", text).splitlines():
        line = logical.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        spec, *hashes = re.split(r"\s+--hash=", line)
        requirement = Requirement(spec.strip())
        key = canonicalize_name(requirement.name)
        assert key not in entries or entries[key][0].marker != requirement.marker, f"{name}: {key} twice"
        entries[key] = (requirement, [h.strip() for h in hashes])
    return entries


def direct_requirements(name: str) -> list[Requirement]:
    lines = (REPO / name).read_text(encoding="utf-8").splitlines()
    return [Requirement(line.split("#")[0]) for line in lines if line.split("#")[0].strip() and line[0] != "-"]


@pytest.mark.parametrize("lock", LOCKS | ON_DEMAND_LOCKS)
def test_the_lock_pins_every_package_to_one_version_with_its_hashes(lock):
    entries = lock_entries(lock)
    assert len(entries) > 20, f"{lock}: is this a lock?"
    for key, (requirement, hashes) in entries.items():
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"{lock}: {key} is not pinned exactly"
        assert not requirement.url and not requirement.extras, f"{lock}: {key} must be a plain pin"
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), f"{lock}: {key} hashes"


@pytest.mark.parametrize("lock", LOCKS | ON_DEMAND_LOCKS)
def test_the_lock_honours_every_direct_requirement(lock):
    """Each direct requirement of the ``.in`` file is in the lock, at a version its range allows: a lock made by
    hand, or a range changed without ``make lock``, fails."""
    entries = lock_entries(lock)
    source = (LOCKS | ON_DEMAND_LOCKS)[lock]
    for requirement in direct_requirements(source):
        key = canonicalize_name(requirement.name)
        assert key in entries, f"{source} asks for {key}, which {lock} does not lock: run make lock"
        version = str(next(iter(entries[key][0].specifier)).version)
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock} locks {key}=={version}, outside {source}'s {requirement.specifier}: run make lock"
        )


def test_the_development_lock_agrees_with_the_book_lock():
    """The tools' lock is resolved within the book's (``-c requirements.txt``): a package in both has one version."""
    book, dev = lock_entries("requirements.txt"), lock_entries("requirements-dev.txt")
    assert "-c requirements.txt" in (REPO / "requirements-dev.in").read_text(encoding="utf-8")
    shared = set(book) & set(dev)
    assert shared, "the two locks share no package: is the development lock constrained by the book's?"
    for key in shared:
        assert book[key][0].specifier == dev[key][0].specifier, f"{key}: {book[key][0]} and {dev[key][0]}"


def test_binder_installs_the_lock_for_its_python_and_then_only_the_books_package():
    """repo2docker installs requirements.txt with the Python of runtime.txt, then runs postBuild."""
    runtime = (REPO / "runtime.txt").read_text(encoding="utf-8").strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    header = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()[1]
    assert f"(Python {runtime.removeprefix('python-')}, every platform)" in header, (
        f"the lock was resolved for another Python than Binder's {runtime}: {header}"
    )
    # no local requirement (`-e .`): repo2docker then installs the lock before copying the repository (cached)
    assert not re.search(r"^\s*(-e|\.|/)", (REPO / "requirements.txt").read_text(encoding="utf-8"), re.MULTILINE)
    post_build = (REPO / "postBuild").read_text(encoding="utf-8")
    installs = [line for line in post_build.splitlines() if "pip install" in line]
    assert len(installs) == 1 and "--no-deps" in installs[0] and installs[0].rstrip().endswith("-e ."), installs
    assert os.access(REPO / "postBuild", os.X_OK), "repo2docker runs postBuild only when it is executable"


def test_this_environment_is_the_lock():
    """What ``make setup`` and ``make dev`` installed is exactly the two locks (for this platform's markers)."""
    environment = default_environment()
    for lock in LOCKS:
        for key, (requirement, _) in lock_entries(lock).items():
            if requirement.marker is not None and not requirement.marker.evaluate(environment):
                continue
            wanted = str(next(iter(requirement.specifier)).version)
            try:
                installed = metadata.version(key)
            except metadata.PackageNotFoundError:
                pytest.fail(f"{key} ({lock}) is not installed: run make dev")
            assert installed == wanted, f"{key} {installed} is installed, {lock} locks {wanted}: run make dev"


def makefile_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):(?!=)", text, re.MULTILINE))


def dry_run(*targets: str, **variables: str) -> str:
    """What ``make -n -B`` would run, on a machine whose PATH has only the system's folders."""
    command = ["make", "-n", "-B", *targets, *(f"{k}={v}" for k, v in variables.items())]
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    proc = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_readme_commands_install_into_the_project_environment_only():
    """``make book`` and ``make test`` create .venv with the Python the user has and install nothing elsewhere."""
    for target in ("book", "test"):
        commands = dry_run(target)
        assert "python3 -m venv .venv" in commands, f"make {target} does not create the project's environment"
        installs = [line for line in commands.splitlines() if re.search(r"\bpip\b.* install\b", line)]
        assert installs, f"make {target} installs nothing"
        for line in installs:
            assert line.startswith(".venv/bin/python -m pip"), f"make {target} installs outside .venv: {line}"
        assert any("--require-hashes" in line and "-r requirements.txt" in line for line in installs), target
    # another environment, named by the user, is used as it is: no .venv is made
    commands = dry_run("setup", PYTHON="/opt/python/bin/python")
    assert "-m venv" not in commands and "/opt/python/bin/python -m pip" in commands


def test_the_workflows_run_only_commands_the_makefile_has():
    targets = makefile_targets()
    for path in sorted((REPO / ".github" / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
        for target in re.findall(r"(?:^|[;&|(]\s*)make\s+([a-z][a-z-]*)", "\n".join(runs), re.MULTILINE):
            assert target in targets, f"{path.name} runs `make {target}`, which the Makefile does not have"


def test_a_weekly_workflow_checks_links_and_the_newest_allowed_versions_and_reports_a_failure():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "weekly.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] and "workflow_dispatch" in triggers
    jobs = workflow["jobs"]
    runs = {name: "\n".join(step.get("run", "") for step in job["steps"]) for name, job in jobs.items()}
    assert "make linkcheck" in runs["linkcheck"]
    newest = runs["newest"]
    assert "make lock UPGRADE=1" in newest and "make test" in newest
    assert newest.index("make lock UPGRADE=1") < newest.index("rm -rf .venv") < newest.index("make test")
    report = jobs["report"]
    assert set(report["needs"]) == {"linkcheck", "newest"} and report["if"] == "failure()"
    assert "gh issue create" in runs["report"] and report["permissions"] == {"issues": "write"}
