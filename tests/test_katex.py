"""The equations' typesetter (bookkit/katex.py): KaTeX run by Node over a batch of formulas, as the build runs it."""

from __future__ import annotations

from bookkit import katex


def test_one_node_process_typesets_a_batch_and_names_what_it_cannot():
    good, inline, bad = katex.typeset(
        [("v = k_\\mathrm{u} \\sqrt{d}", True), ("E_\\mathrm{K}", False), ("\\frac{a}", True)]
    )
    assert 'class="katex-display"' in good["html"] and 'class="katex-html"' in good["html"]
    assert '<annotation encoding="application/x-tex">v = k_\\mathrm{u} \\sqrt{d}</annotation>' in good["html"]
    assert "katex-display" not in inline["html"]  # in a sentence
    assert "html" not in bad and "KaTeX parse error" in bad["error"]  # the build turns it into a warning: -W fails


def test_the_style_sheet_as_served_keeps_only_woff2_fonts():
    css = (
        '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),'
        'url(fonts/KaTeX_AMS-Regular.woff) format("woff"),url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")}'
    )
    assert katex.FONT_FALLBACK.sub("", css) == (
        '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2")}'
    )
