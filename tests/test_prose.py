"""The book's prose: every number is named or computed, every citation is real and identified."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bookkit import translate
from bookkit.ledger import bib_keys, load_ledger, markdown_sources, toc_files
from musclebook.published import PUB_ROLE, VALUES, lookup

REPO = Path(__file__).resolve().parent.parent
BIB = REPO / "book" / "musclebook" / "data" / "references.bib"

# Numbers the prose may type that are not physiology: each with its reason. Every other number is a
# published value named with {pub}`key` (in a notebook {eval}`pub.key`), or computed by the chapter's
# notebook and shown with {eval}`name`.
NON_PHYSIOLOGY = {
    r"about\s+\d+\s+minutes|sekitar\s+\d+\s+menit": "a chapter's estimated reading time (English, Indonesian)",
    r"\b50-minute\b|\b50 menit\b": "the length of a class in the instructor guide (English, Indonesian)",
    r"(?m)^\| \d+–\d+ \|": "the minutes of the instructor guide's lesson plan",
}

ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")  # {eval}`name`, {cite:p}`key`, {ref}`label`
EVAL = re.compile(r"\{eval\}`([^`]*)`")
DIRECTIVE_LINE = re.compile(r"^\s*(`{3,}|:{3,}).*$|^\s*:[\w-]+:.*$", re.MULTILINE)
LABEL = re.compile(r"^\([\w.:-]+\)=\s*$", re.MULTILINE)
LIST_MARKER = re.compile(r"^\s*\d+\.\s", re.MULTILINE)  # "1. " of an ordered list
# an equation's TeX (``$$ … $$ (label)``, ``$…$``): its constants ("1 - t/T") are mathematics, not physiology
MATH = translate.MATH
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.])\d+(?:\.\d+)?(?![\w])")


# the code of an exercise's solution: tests/test_exercises.py runs it through the exercise's check
SOLUTION_CODE = re.compile(r"^```python\n.*?^```$", re.DOTALL | re.MULTILINE)


def prose_of(text: str) -> str:
    for pattern in (
        SOLUTION_CODE,
        MATH,
        ROLE,
        DIRECTIVE_LINE,
        LABEL,
        LIST_MARKER,
        re.compile(r"`[^`]*`"),
        re.compile(r"https?://\S+"),
    ):
        text = pattern.sub(" ", text)
    for pattern in NON_PHYSIOLOGY:
        text = re.sub(pattern, " ", text)
    return text


def numbers_in(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in NUMBER.findall(prose_of(text))]


def indonesian_numbers(text: str) -> str:
    """Write Indonesian numerals the English way: 2.438 -> 2438 (thousands), 55,2 -> 55.2 (decimals)."""
    text = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", text)
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


def prose_sources():
    for page in toc_files():
        yield page.relative_to(REPO).as_posix(), markdown_sources(page)
    for page in translate.pages("id"):  # the Indonesian edition: its numbers written the Indonesian way
        yield page.target.relative_to(REPO).as_posix(), indonesian_numbers(markdown_sources(page.target))
    for entry in load_ledger().entries:
        yield f"claims.yaml {entry.id}", " ".join(filter(None, [entry.translation, entry.correction, entry.note]))
        if entry.correction or entry.note:  # their Indonesian, from the catalogue
            yield (
                f"claims.yaml {entry.id} (Indonesian)",
                indonesian_numbers(" ".join(filter(None, [entry.raw("correction", "id"), entry.raw("note", "id")]))),
            )


SOURCES = dict(prose_sources())


def test_indonesian_numerals_are_read_as_numbers():
    assert numbers_in(indonesian_numbers("67 % dari 2.438 atlet; 55,2 % dan 112,4 ms")) == [67.0, 2438.0, 55.2, 112.4]


def test_number_extraction_sees_through_markup():
    text = (
        "Half force at {eval}`x` Hz, {eval}`pub.thenar_half_max_hz` or 12 ± 4 Hz {eval}`cite.thomas1991`; "
        "2,438 people; Ca²⁺; K05."
    )
    assert numbers_in(text) == [12.0, 4.0, 2438.0]


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_number_in_the_prose_is_named_or_computed(name):
    typed = numbers_in(SOURCES[name])
    assert not typed, (
        f"{name} types the number(s) {typed}: name a published value with {{eval}}`pub.key` ({{pub}}`key` in a "
        "Markdown page; add it, with its source, to musclebook/published.py) or compute it in the notebook and "
        "show it with {{eval}}`name`"
    )


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_named_value_exists(name):
    for reference in PUB_ROLE.findall(SOURCES[name]):
        lookup(reference)  # raises, naming the key or the form, if either is unknown
    for expression in EVAL.findall(SOURCES[name]):
        head, _, rest = expression.partition(".")
        if head == "pub":
            lookup(rest.replace(".", ":"))  # pub.key or pub.key.form


NOTEBOOKS = sorted(p for p in toc_files() if p.suffix == ".ipynb")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_every_computed_number_is_shown_by_the_notebook_before_the_prose_reads_it(notebook):
    """{eval}`name` reads a number the notebook computed with shown(...) in an earlier code cell
    (the book and JupyterLab evaluate it when the Markdown cell is reached, not later)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    shown_so_far: set[str] = set()
    for number, cell in enumerate(cells):
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            shown_so_far |= set(re.findall(r"^(\w+) = shown\(", source, re.MULTILINE))
            continue
        for expression in EVAL.findall(source):
            if expression.split(".")[0] in ("pub", "cite", "cite_t"):
                continue
            assert expression in shown_so_far, (
                f"{notebook.name}, cell {number}: {{eval}}`{expression}` is not a number made with "
                "`name = shown(value, format)` in an earlier code cell"
            )


def test_a_typed_number_in_the_right_sentence_fails():
    # The gate that replaced "any number from a set of magnitudes": a correct-looking number is refused too.
    assert numbers_in("a contraction time of 112.4 ms {cite:p}`sale1982`") == [112.4]
    assert numbers_in("a contraction time of {pub}`twitch_contraction_time_ms` {cite:p}`sale1982`") == []


def test_published_values_cite_known_references():
    keys = bib_keys(BIB)
    for name, value in VALUES.items():
        assert value.source in keys, f"published.py {name}: unknown source '{value.source}'"


def cited_keys(text: str) -> set[str]:
    keys = set()
    for group in re.findall(r"\{cite(?::\w+)?\}`([^`]*)`", text):
        keys.update(k.strip() for k in group.split(","))
    for expression in EVAL.findall(text):  # {eval}`cite.a.b`, {eval}`cite_t.a`
        head, _, rest = expression.partition(".")
        if head in ("cite", "cite_t"):
            keys.update(rest.split("."))
    return keys


def test_every_citation_in_the_book_is_in_the_bibliography():
    keys = bib_keys(BIB)
    cited = set().union(*(cited_keys(text) for text in SOURCES.values()))
    cited |= {k for e in load_ledger().claims for k in e.references}
    assert cited and cited <= keys, sorted(cited - keys)


def bib_entries():
    text = BIB.read_text(encoding="utf-8")
    for match in re.finditer(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,(.*?)^\}", text, re.MULTILINE | re.DOTALL):
        yield match.group(2), match.group(1).lower(), match.group(3)


@pytest.mark.parametrize(
    "key, kind, body", list(bib_entries()), ids=lambda v: v if isinstance(v, str) and len(v) < 40 else ""
)
def test_every_reference_carries_a_well_formed_identifier(key, kind, body):
    fields = dict(re.findall(r"^\s*(\w+)\s*=\s*\{(.*)\},?\s*$", body, re.MULTILINE))
    assert {"title", "year"} <= set(fields) and {"author", "editor"} & set(fields), key
    official = re.fullmatch(r"Federal Register \d+\(\d+\):\d+--\d+.*", fields.get("howpublished", ""))
    # a public-health web page: its https address and the date on which it was read
    web_page = (
        kind == "misc"
        and fields.get("url", "").startswith("https://")
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields.get("urldate", ""))
    )
    assert {"doi", "pmid", "pmcid", "isbn"} & set(fields) or official or web_page, (
        f"{key}: no DOI, PMID, PMCID, ISBN, Federal Register citation, or (for a web page) https URL and urldate"
    )
    if "doi" in fields:
        assert re.fullmatch(r"10\.\d{4,9}/\S+", fields["doi"]), f"{key}: malformed DOI {fields['doi']}"
    if "pmid" in fields:
        assert re.fullmatch(r"\d{5,9}", fields["pmid"]), f"{key}: malformed PMID {fields['pmid']}"
    if "pmcid" in fields:
        assert re.fullmatch(r"PMC\d{5,9}", fields["pmcid"]), f"{key}: malformed PMCID {fields['pmcid']}"
    if "isbn" in fields:
        assert len(re.sub(r"[^0-9X]", "", fields["isbn"])) in (10, 13), f"{key}: malformed ISBN"
    assert "and others" not in fields.get("author", ""), f"{key}: author list incomplete"


def test_bibliography_has_no_duplicate_keys():
    keys = [k for k, _, _ in bib_entries()]
    assert len(keys) == len(set(keys)) == len(bib_keys(BIB))
