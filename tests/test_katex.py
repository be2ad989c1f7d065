"""The equations' typesetter (bookkit/katex.py): KaTeX run by Node over a batch of formulas, as the build runs it."""

from __future__ import annotations

import shutil

from bookkit import katex


def test_one_node_process_typesets_a_batch_and_names_what_it_cannot():
    good, inline, bad = katex.typeset(
        [("v = k_\\mathrm{u} \\sqrt{d}", True), ("E_\\mathrm{K}", False), ("\\frac{a}", True)]
    )
    assert 'class="katex-display"' in good["html"] and 'class="katex-html"' in good["html"]
    assert '<annotation encoding="application/x-tex">v = k_\\mathrm{u} \\sqrt{d}</annotation>' in good["html"]
    assert "katex-display" not in inline["html"]  # in a sentence
    assert "html" not in bad and "KaTeX parse error" in bad["error"]  # the build turns it into a warning: -W fails


def test_the_fonts_are_cut_to_the_characters_the_equations_draw(tmp_path):
    from fontTools.ttLib import TTFont

    shutil.copy(katex.REPO / "book" / "vendor" / "katex" / "fonts" / "KaTeX_Main-Regular.ttf", tmp_path)
    (formula,) = katex.typeset([("V = \\frac{RT}{F}", True)])
    drawn = katex.characters([formula["html"]])
    assert {"V", "=", "R", "T", "F"} <= drawn and not {"\\", "{"} & drawn  # not the TeX of the annotation
    katex.subset_fonts(tmp_path, drawn)
    (cut,) = tmp_path.iterdir()
    assert cut.name == "KaTeX_Main-Regular.woff" and cut.stat().st_size < 12_000
    assert set(TTFont(cut).getBestCmap()) <= {ord(c) for c in drawn} | {ord(" ")}
    css = 'src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")}'
    assert katex.served_style(css) == ('src:url(fonts/KaTeX_AMS-Regular.woff) format("woff")}')
