"""Policy: the house rules of the repository's documents and sources, kept apart from the book's behaviour.

A behaviour test checks what the book or its code does: a model's output, a built page, a tool's result. A
policy test checks a rule the project chose for its own texts, where another choice would not be a bug: what
the README, the licence, the citation file and the contributing guide say; the order of the Makefile's `test`
recipe; the sections, exercise titles and self-checks every chapter has; the lesson plan; how many terms the
glossary has; how long and in which words the ledger's corrections are written.

Every test here reads sources only (no build, no kernel, no browser) and carries the ``lint`` marker: ``make
lint`` runs them (``pytest -m lint``), and ``make check`` and ``make test``, which run ``make lint`` first, leave
them out. Each says "policy" in its docstring (tests/conftest.py refuses a ``lint`` test that does not), so that
a failure reads as a broken house rule, not as a broken model.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from bookkit.ledger import load_ledger, markdown_sources, toc_files

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.lint


def read(name: str) -> str:
    return (REPO / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- README, licence, citation, contributing guide


def test_the_readme_gives_the_build_and_test_commands_first():
    """Policy: the README's first two command blocks are `make book` and `make test`, the commands CI runs."""
    commands = re.findall(r"```bash\n(.+?)\n```", read("README.md"))
    assert commands[:2] == ["make book", "make test"], f"policy: the README's first commands are {commands[:2]}"


def test_the_readme_documents_the_slides_and_handout_commands():
    """Policy: the README tells a lecturer how to make the slides and the handout."""
    readme = read("README.md")
    assert "make slides" in readme and "make handout" in readme, "policy: the README names no lecture-kit command"


def test_licences_are_stated_for_content_and_code():
    """Policy: LICENSE gives the text CC BY 4.0, the code MIT, and leaves out the quoted article."""
    text = read("LICENSE")
    for needle in ("CC BY 4.0", "creativecommons.org/licenses/by/4.0", "MIT License", "book/musclebook/"):
        assert needle in text, f"policy: LICENSE does not say {needle!r}"
    assert "kejang-otot.id.txt" in text, "policy: LICENSE must say that the quoted article is not ours to license"


def test_citation_file_names_the_configured_repository_and_licences():
    """Policy: CITATION.cff is complete, names the repository of _config.yml and both licences."""
    cff = yaml.safe_load(read("CITATION.cff"))
    url = yaml.safe_load(read("_config.yml"))["repository"]["url"]
    assert cff["cff-version"] == "1.2.0", "policy: CITATION.cff version"
    assert {"title", "authors", "message", "license"} <= set(cff), f"policy: CITATION.cff lacks fields: {set(cff)}"
    assert cff["repository-code"] == url, f"policy: CITATION.cff names {cff['repository-code']}, not {url}"
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}, f"policy: CITATION.cff licences {cff['license']}"


def test_contributing_explains_claims_chapters_explorers_and_checks():
    """Policy: the contributing guide has a section for each kind of change and names the checks to run."""
    text = read("CONTRIBUTING.md")
    for needle in ("## Add or change a claim", "## Add a chapter", "## Add an explorer", "make test", "make check"):
        assert needle in text, f"policy: CONTRIBUTING.md lacks {needle!r}"


# ---------------------------------------------------------------- the Makefile


def recipe(target: str) -> list[str]:
    """The command lines of a Makefile target's recipe (continuation lines joined)."""
    makefile = read("Makefile").replace("\\\n", " ")
    found = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert found, f"policy: the Makefile has no `{target}` recipe"
    return [line.strip() for line in found.group(1).splitlines()]


def recipe_prerequisites(target: str) -> str:
    """What a Makefile target depends on, as written after its colon (up to its ``##`` help)."""
    found = re.search(rf"^{re.escape(target)}:([^#\n]*)", read("Makefile"), re.M)
    assert found, f"policy: the Makefile has no `{target}` target"
    return found.group(1).strip()


def steps_in_order(lines: list[str], steps: dict[str, str]) -> list[int]:
    """The line of each step (the first line matching its pattern), in the order the steps are given."""
    where = {}
    for name, pattern in steps.items():
        matching = [i for i, line in enumerate(lines) if re.search(pattern, line)]
        assert matching, f"policy: no step `{name}` in the recipe {lines}"
        where[name] = matching[0]
    return [where[name] for name in steps]


MAKE = r"\$\(MAKE\)[^;]*\s"
MAKE_TEST_STEPS = {  # what `make test` does, in this order
    "make lint": MAKE + r"lint$",
    "make book-clean": MAKE + r"book-clean$",
    "make materials (the book, then its slides and PDFs)": MAKE + r"materials$",
    "pytest against the built site": r"-m pytest\b.*--site \$\(SITE\)",
}


def test_make_test_builds_once_from_scratch_and_tests_that_tree():
    """Policy: `make test`, the README's test command, runs lint, removes the old build, builds once (the book and
    what the site offers to take away) and tests that tree, in this order; CI runs `make test`."""
    lines = recipe("test")
    assert re.match(r"book\b", recipe_prerequisites("materials")), "policy: `make materials` must build the book first"
    order = steps_in_order(lines, MAKE_TEST_STEPS)
    assert order == sorted(order) and len(set(order)) == len(order), (
        f"policy: `make test` must run {list(MAKE_TEST_STEPS)} in this order, not {lines}"
    )
    assert read(".ci/run").rstrip().endswith("make test"), "policy: CI must end with `make test`"


def test_policy_runs_in_make_lint_and_only_there():
    """Policy: `make lint` runs the policy tests; `make check` and `make test` run lint first and then leave the
    policy tests out, so that none runs twice."""
    assert any(re.search(r"-m pytest\b.*-m lint\b.*\btests\b", line) for line in recipe("lint")), (
        "policy: `make lint` does not run `pytest -m lint tests`"
    )
    for target in ("check", "test"):
        lines = recipe(target)
        lint, tests = steps_in_order(lines, {"make lint": MAKE + r"lint$", "pytest": r"-m pytest\b"})
        assert lint < tests, f"policy: `make {target}` must run `make lint` before its tests: {lines}"
        assert re.search(r"-m \"[^\"]*\bnot lint\b", lines[tests]), (
            f"policy: `make {target}` runs the policy tests a second time: {lines[tests]}"
        )


# ---------------------------------------------------------------- the chapters


def notebook(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def code_of(path: Path) -> str:
    return "\n".join("".join(c["source"]) for c in notebook(path) if c["cell_type"] == "code")


CHAPTERS = [p for p in toc_files() if p.suffix == ".ipynb"]
# the chapters with an explorer: the reader predicts, then moves a slider
WIDGET_CHAPTERS = [p for p in CHAPTERS if re.search(r"\bExplorer\(", code_of(p))]
EXERCISE = re.compile(r"^```\{exercise\} (?P<title>.+)\n:label: (?P<label>\S+)", re.M)
SOLUTION = re.compile(r"^`{3,}\{solution\} (?P<label>\S+)\n(?P<options>(?::.*\n)*)", re.M)  # ```` when it shows code
EXERCISE_TITLES = ("Predict, then move the slider", "Judge a claim of the article")


def exercises(path: Path) -> dict[str, str]:
    """A chapter's exercises: {label: title}."""
    return {m["label"]: m["title"].strip() for m in EXERCISE.finditer(markdown_sources(path))}


def solutions(path: Path) -> dict[str, str]:
    """A chapter's solutions: {the label of its exercise: its options}."""
    return {m["label"]: m["options"] for m in SOLUTION.finditer(markdown_sources(path))}


def test_the_widget_chapters_are_found():
    """Policy (of this module): the chapter reader finds the nine chapters with explorers, and no others."""
    assert len(WIDGET_CHAPTERS) == 9 and "words" not in {p.stem for p in WIDGET_CHAPTERS}, WIDGET_CHAPTERS


@pytest.mark.parametrize("path", WIDGET_CHAPTERS, ids=lambda p: p.stem)
def test_every_widget_chapter_has_objectives_exercises_solutions_and_self_checks(path):
    """Policy: a chapter with explorers says what the reader will learn, has the two exercises (predict with a
    slider; judge a claim of the article) each with a solution hidden in a dropdown, self-check questions, a
    summary and further reading."""
    text = markdown_sources(path)
    assert re.search(r"What you[’']ll learn", text), f"policy: {path.name} has no 'What you'll learn'"
    titles = exercises(path)
    for title in EXERCISE_TITLES:
        assert title in titles.values(), f"policy: {path.name} has no exercise titled {title!r}: {titles}"
    hidden = solutions(path)
    for label in titles:
        assert label in hidden, f"policy: {path.name}: exercise {label} has no solution"
        assert re.search(r"^:class: .*\bdropdown\b", hidden[label], re.M), (
            f"policy: {path.name}: the solution to {label} is not hidden (`:class: dropdown`)"
        )
    assert "Question(" in code_of(path), f"policy: {path.name} has no self-check question"
    for heading in ("Summary", "Further reading"):
        assert re.search(rf"^#+ {heading}\s*$", text, re.M), f"policy: {path.name} has no '{heading}' heading"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_chapter_lets_the_student_run_its_model(path):
    """Policy: a labelled "Run the model yourself" section: a visible cell that calls the chapter's model and
    plots with its plotting module on Matplotlib axes, then an "On your own" prompt."""
    cells = notebook(path)
    sources = ["".join(c["source"]) for c in cells]
    label = f"({path.stem}-yourself)="
    start = next((i for i, s in enumerate(sources) if s.startswith(label)), None)
    assert start is not None, f"policy: {path.name}: no section labelled {label}"
    # the first code cell a reader sees (before it, the note on where the code runs, shown by its output)
    code = next(
        c for c in cells[start:] if c["cell_type"] == "code" and "remove-input" not in c["metadata"].get("tags", [])
    )
    source = "".join(code["source"])
    where = f"policy: {path.name}, the 'Run the model yourself' cell"
    assert not {"remove-input", "remove-cell", "hide-input"} & set(code["metadata"].get("tags", [])), where
    assert not code["metadata"].get("jupyter", {}).get("source_hidden"), f"{where} is hidden"
    assert re.search(r"from musclebook import .*_plots\b", source) and "plt.subplots" in source, where
    assert code["metadata"].get("mystnb", {}).get("image", {}).get("alt"), f"{where}: the plot needs an alt"
    assert any(s.startswith("**On your own.**") and "Predict" in s for s in sources[start:]), (
        f"policy: {path.name}: no '**On your own.** ... Predict' prompt after the cell"
    )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_a_notebook_shows_in_jupyterlab_the_code_the_book_shows(path):
    """Policy: cells the book shows only by their output (remove-input) are collapsed in JupyterLab; modules are
    imported by their full names (no two-letter aliases)."""
    for index, cell in enumerate(notebook(path)):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if "remove-input" in cell["metadata"].get("tags", []):
            assert cell["metadata"].get("jupyter", {}).get("source_hidden"), (
                f"policy: {path.name} cell {index} is hidden in the book but not collapsed in JupyterLab"
            )
        aliases = re.findall(r"^\s*(?:from \S+ )?import \S+ as (\w+)", source, re.MULTILINE)
        assert set(aliases) <= {"np", "plt"}, f"policy: {path.name} cell {index}: import by full name, not {aliases}"


def test_the_instructor_guide_has_a_fifty_minute_lesson_plan():
    """Policy: the instructor guide plans one 50-minute class and says how to run the notebooks on Binder."""
    text = read("book/instructor.md")
    assert re.search(r"^## A 50-minute lesson plan$", text, re.M), "policy: no '## A 50-minute lesson plan'"
    assert "Binder" in text, "policy: the instructor guide does not say how to run the notebooks (Binder)"


def test_the_glossary_defines_at_least_thirty_five_terms():
    """Policy: the glossary (terms.yaml, rendered by {glossary-terms}) covers at least 35 terms."""
    terms = yaml.safe_load(read("book/musclebook/data/terms.yaml"))["terms"]
    assert len(terms) >= 35, f"policy: the glossary has {len(terms)} terms, fewer than 35"


# ---------------------------------------------------------------- how the ledger's corrections are written


@pytest.fixture(scope="module")
def ledger():
    return load_ledger()


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def test_every_correction_is_two_to_six_sentences(ledger):
    """Policy: a claim's English correction is short, 2 to 6 sentences."""
    long = {c.id: len(sentences(c.correction)) for c in ledger.claims if not 2 <= len(sentences(c.correction)) <= 6}
    assert not long, f"policy: corrections of 2 to 6 sentences; these have (claim: sentences) {long}"


def test_every_indonesian_correction_is_short_and_reads_as_indonesian(ledger):
    """Policy: a claim's Indonesian correction has 2 to 8 sentences, and Indonesian function words appear in it
    (three or more) while English ones do not (one at most)."""
    for claim in ledger.claims:
        text = claim.text("correction", "id")
        assert 2 <= len(sentences(text)) <= 8, f"policy: {claim.id}: {len(sentences(text))} sentences, not 2 to 8"
        words = re.findall(r"[a-z]+", text.lower())
        indonesian = sum(w in {"yang", "dan", "tidak", "dengan", "pada", "dari", "untuk", "otot"} for w in words)
        english = sum(w in {"the", "and", "with", "from", "muscle", "is", "of"} for w in words)
        assert indonesian >= 3 and english <= 1, (
            f"policy: {claim.id}'s Indonesian correction has {indonesian} Indonesian and {english} English "
            "function words"
        )


def test_the_corrections_name_the_contested_question_and_both_hypotheses(ledger):
    """Policy: the corrections say that the cause of cramps is contested (or debated) and name both hypotheses,
    the electrolyte one and the neuromuscular one."""
    text = " ".join(c.correction for c in ledger.claims)
    assert "contested" in text or "debated" in text, "policy: no correction says the cause is contested or debated"
    for hypothesis in ("electrolyte", "neuromuscular"):
        assert hypothesis in text, f"policy: no correction names the {hypothesis} hypothesis"
