"""The one reader of the tables of contents (bookkit.toc): the book's own, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookkit.toc import TocError, part_of_pages, read_toc, toc_files

REPO = Path(__file__).resolve().parent.parent


def test_both_editions_tables_list_the_same_pages_in_the_same_parts():
    english, indonesian = REPO / "_toc.yml", REPO / "book" / "id" / "_toc.yml"
    assert [p.stem for p in toc_files(english)] == [p.stem for p in toc_files(indonesian)]
    parts = part_of_pages(english)
    assert parts["intro"] == "" and parts["twitch"] == "Contraction and relaxation" and parts["cramps"] == "Cramps"
    assert set(part_of_pages(indonesian)) == set(parts) and part_of_pages(indonesian)["twitch"] != parts["twitch"]


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("format: jb-book\n", "a table of contents needs a 'root' page"),
        ("root: intro\nparts:\n  - chapters:\n      - file: a\n", "part 1 has no 'caption'"),
        ("root: intro\nparts:\n  - caption: One\n", r"part 1 \(One\) has no 'chapters'"),
        (
            "root: intro\nparts:\n  - caption: One\n    chapters:\n      - title: A\n",
            r"part 1 \(One\) lists a chapter without a 'file'",
        ),
        ("root: [unclosed\n", "cannot read the table of contents"),
    ],
)
def test_a_broken_table_is_refused_naming_the_file_and_the_entry(tmp_path, text, refusal):
    path = tmp_path / "_toc.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TocError, match=rf"_toc\.yml: {refusal}"):
        read_toc(path)


def test_a_page_the_table_lists_but_the_repository_lacks_is_refused(tmp_path):
    (tmp_path / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("root: intro\nparts:\n  - caption: One\n    chapters:\n      - file: ghost\n")
    with pytest.raises(TocError, match="lists 'ghost', which does not exist"):
        toc_files(tmp_path / "_toc.yml")
    assert read_toc(tmp_path / "_toc.yml")["root"] == "intro"  # reading it is fine: the file check is toc_files'
