"""The Indonesian edition's guard: every English block has a current, checked Indonesian translation.

``bookkit.translate`` makes the Indonesian pages from the English ones and one gettext catalogue per
page. These tests fail on an English block without its Indonesian, on a fuzzy or obsolete message (the
English changed), on a translation that lost a label, a reference or a computed value, and on an
Indonesian page or catalogue that is not what the tool makes from the committed sources.
"""

from __future__ import annotations

import json

import pytest
from babel.messages.catalog import Catalog

from bookkit import translate
from bookkit.translate import blocks, counterpart, is_translatable, structure_problems

PAGES = translate.pages("id")


def test_the_committed_edition_is_complete_and_up_to_date():
    result = translate.run()
    stale = [str(p.relative_to(translate.REPO)) for p in translate.stale_files(result)]
    assert not stale, f"run `python -m bookkit.translate` (make translations): {stale}"
    assert not result.problems, "\n".join(result.problems)


def test_every_page_of_the_toc_has_its_indonesian_page():
    names = {p.target.name for p in PAGES}
    assert len(names) == len(PAGES) >= 16
    assert all(p.target.is_file() for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_blocks_give_back_the_page(page):
    for text in translate._markdown_texts(page):
        assert "".join(block + gap for block, gap in blocks(text)) == text


def test_a_fenced_directive_is_one_block_even_with_blank_lines():
    text = "Intro.\n\n````{exercise} Try it\n:label: ex\n\nFirst.\n\n```{note}\nInner.\n```\n\nLast.\n````\n\nAfter.\n"
    found = [b for b, _ in blocks(text)]
    assert found == ["Intro.\n", found[1], "After.\n"] and found[1].count("\n") == 11


def test_a_label_or_an_empty_directive_is_not_a_message():
    assert not is_translatable("(twitch-single)=")
    assert not is_translatable("```{bibliography}\n```")
    assert is_translatable(":::{dropdown} The article as published\n```{literalinclude} a.txt\n```\n:::")
    assert is_translatable("(twitch-single)=\n## A single twitch")


@pytest.mark.parametrize(
    "english, translation, problem",
    [
        ("Twitch: {eval}`slow_hrt` ms.", "Kontraksi tunggal: ms.", "references, citations and values"),
        ("See {ref}`twitch-single`.", "Lihat {ref}`twitch-summation`.", "references, citations and values"),
        ("A {term}`twitch <Twitch>`.", "Sebuah {term}`kedut <Tetanus>`.", "references, citations and values"),
        ("(a-label)=\n## Head", "(other)=\n## Judul", "labels"),
        ("```{solution} ex-1\nText.\n```", "```{solution} ex-2\nTeks.\n```", "directives"),
        (":::{note}\n:class: warning\nText.\n:::", ":::{note}\n:class: tip\nTeks.\n:::", "directive options"),
        ("Run `make book`.", "Jalankan `make buku`.", "inline code"),
        ("## Head", "### Judul", "headings"),
        ("As {cite:p}`sale1982` found.", "Seperti yang ditemukan.", "references, citations and values"),
    ],
)
def test_a_translation_that_breaks_the_structure_fails(english, translation, problem):
    found = structure_problems(english, translation)
    assert found and found[0].startswith(problem), found


def test_a_faithful_translation_keeps_the_structure():
    english = (
        "(twitch-single)=\n## A single twitch\n\nA {term}`twitch` lasts {eval}`slow_hrt` ms {cite:p}`sale1982`; "
        "see {ref}`the summation <twitch-summation>`.\n\n:::{dropdown} Show the answer\n:class: tip\nIt sums.\n:::"
    )
    indonesian = (
        "(twitch-single)=\n## Satu kontraksi tunggal\n\nSebuah {term}`kontraksi tunggal <Twitch>` berlangsung "
        "{eval}`slow_hrt` ms {cite:p}`sale1982`; lihat {ref}`sumasi <twitch-summation>`.\n\n"
        ":::{dropdown} Tampilkan jawabannya\n:class: tip\nIa menjumlah.\n:::"
    )
    assert structure_problems(english, indonesian) == []


def test_an_english_change_makes_the_old_translation_fuzzy_and_the_check_fail(tmp_path):
    path = tmp_path / "page.po"
    catalogue = translate.updated_catalogue(path, ["The pump moves calcium.", "Relaxation needs ATP."])
    catalogue["The pump moves calcium."].string = "Pompa memindahkan kalsium."
    catalogue["Relaxation needs ATP."].string = "Relaksasi memerlukan ATP."
    path.write_text(translate.catalogue_text(catalogue), encoding="utf-8")
    assert translate.problems(translate.read_catalogue(path), path) == []

    changed = translate.updated_catalogue(path, ["The pump moves calcium back.", "Relaxation needs ATP."])
    found = translate.problems(changed, path)
    assert any("fuzzy" in p and "The pump moves calcium back." in p for p in found), found
    dropped = translate.problems(translate.updated_catalogue(path, ["Relaxation needs ATP."]), path)
    assert any("obsolete" in p and "The pump moves calcium." in p for p in dropped), dropped
    # until the translator confirms it, the Indonesian page shows the English block, not the old Indonesian
    assert translate.translation_of(changed, "The pump moves calcium back.") is None


def test_the_texts_a_reader_reads_in_the_code_are_messages_too():
    cell = (
        "%config InlineBackend.figure_formats = ['svg']\n"
        "ax.set_xlabel('Time (s)')\nax.plot(t, y, color='#0072B2', label=f'fatigue {level:.0%}')\nprint(f'{x} Hz')"
    )
    assert translate.code_texts(cell) == ["'Time (s)'", "f'fatigue {level:.0%}'"]  # not a colour, not bare units
    assert translate.code_problems("f'fatigue {level:.0%}'", "f'kelelahan {level:.0%}'") == []
    assert translate.code_problems("f'fatigue {level:.0%}'", "f'kelelahan {tingkat:.0%}'")[0].startswith("placeholders")
    assert translate.code_problems("'Time (s)'", "Waktu (s)")  # no longer a string literal


def test_a_missing_translation_is_named_with_its_catalogue(tmp_path):
    path = tmp_path / "page.po"
    catalogue = translate.updated_catalogue(path, ["A new paragraph."])
    found = translate.problems(catalogue, path)
    assert found == [f"{path}: msgstr of 'A new paragraph.…' is missing: translate it"] or (
        len(found) == 1 and "page.po" in found[0] and "missing" in found[0]
    )


def test_a_broken_catalogue_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.po"
    path.write_text('msgid "a"\nthis is not a PO line\n', encoding="utf-8")
    with pytest.raises(translate.TranslationError, match="broken.po"):
        translate.read_catalogue(path)


def test_an_untranslated_block_falls_back_to_the_english():
    catalogue = Catalog(locale="id")
    catalogue.add("Translated.", "Diterjemahkan.")
    text = "Translated.\n\nNot yet.\n"
    assert translate._translate_text(text, catalogue) == "Diterjemahkan.\n\nNot yet.\n"


@pytest.mark.parametrize("page", [p for p in PAGES if p.source.suffix == ".ipynb"], ids=lambda p: p.name)
def test_an_indonesian_notebook_has_the_english_code_and_speaks_indonesian(page):
    english = json.loads(page.source.read_text(encoding="utf-8"))["cells"]
    indonesian = json.loads(page.target.read_text(encoding="utf-8"))["cells"]
    # the one set-up cell sets the language after its imports; nothing else is added
    setup = "".join(translate.setup_cell(indonesian)["source"])
    assert setup.endswith(translate.language_lines("id")) and 'set_language("id")' in setup
    english_code = ["".join(c["source"]) for c in english if c["cell_type"] == "code"]
    indonesian_code = [
        "".join(c["source"]).removesuffix(translate.language_lines("id"))
        for c in indonesian
        if c["cell_type"] == "code"
    ]
    assert len(english_code) == len(indonesian_code) and [c["cell_type"] for c in english] == [
        c["cell_type"] for c in indonesian
    ]
    catalogue = translate.read_catalogue(page.catalogue)
    for mine, theirs in zip(english_code, indonesian_code):
        # the same code, only the texts its reader reads (labels, printed lines) in Indonesian
        for text in translate.code_texts(mine):
            theirs = theirs.replace(translate.translation_of(catalogue, text, translate.CODE_CONTEXT) or text, text)
        assert theirs == mine


def test_a_notebook_without_its_one_setup_cell_is_refused_by_name(tmp_path):
    cells = [{"cell_type": "markdown", "source": ["# A title"]}, {"cell_type": "code", "source": ["x = 1"]}]
    with pytest.raises(translate.TranslationError, match="one set-up cell"):
        translate.setup_cell(cells)


def test_pages_are_paired_across_the_editions():
    assert counterpart("book/twitch", "en") == "twitch"
    assert counterpart("twitch", "id") == "book/twitch"
    assert all(counterpart(counterpart(p.docname, "en"), "id") == p.docname for p in PAGES)


@pytest.mark.slow  # starts a kernel
def test_an_indonesian_notebook_speaks_indonesian_in_a_plain_kernel(monkeypatch):
    """As in Binder or Colab: no build environment, only the notebook. Its hidden first cell sets the
    language, so the chapter's first explorer has Indonesian controls, caption and numbers."""
    import nbformat
    from nbclient import NotebookClient

    from musclebook import i18n

    monkeypatch.delenv(i18n.ENV, raising=False)
    nb = nbformat.read(EDITION_TWITCH, as_version=4)
    first_explorer = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "Explorer(" in c.source)
    nb.cells = [c for c in nb.cells[: first_explorer + 1] if c.cell_type == "code"]
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "live = _\n"
            "print([w.description for w in live.controls], live.caption.value)\n"
            "print(i18n.language(), shown(112.43, '.1f'))"
        )
    )
    where = {"metadata": {"path": str(EDITION_TWITCH.parent)}}
    NotebookClient(nb, timeout=120, kernel_name="python3", resources=where).execute()
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert "id 112,4" in printed, printed
    assert "Jenis serabut otot" in printed or "Stimulasi (Hz)" in printed, printed


EDITION_TWITCH = translate.EDITION_ROOTS["id"] / "twitch.ipynb"
