"""The book's equations typeset while it is built, with KaTeX: HTML and a style sheet, no script in the page.

A page states an equation in MyST's dollar math (``$$ … $$ (label)``, or ``$…$`` in a sentence); Sphinx
hands every math node to the HTML math renderer named ``katex`` registered here. After the documents are
read, every equation of the book not typeset before goes to one Node process, which runs the pinned
KaTeX (``.tools/katex.min.js``, fetched by ``scripts/fetch_js.py``) over all of them at once; the HTML is
kept in Sphinx's environment, so a warm build typesets only new equations. Each formula is written twice by
KaTeX: as HTML drawn with its own fonts, and as MathML for screen readers (with the TeX as its annotation).

A page with an equation links KaTeX's style sheet (``_static/katex/katex.min.css``, trimmed after the build
to the rules the book's equations use, like the theme's) and its browser fetches only the fonts those
equations use, from ``_static/katex/fonts``: nothing comes from the network when a reader opens the page.
A formula KaTeX cannot typeset is a warning with its page, so the strict build fails.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
from logging import ERROR
from logging import getLogger as python_logger
from pathlib import Path

from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

REPO = Path(__file__).resolve().parent.parent
KATEX_JS = REPO / ".tools" / "katex.min.js"
STYLE = "katex/katex.min.css"  # in _static (book/vendor/katex, scripts/fetch_js.py)
# a font's sources in KaTeX's style sheet (WOFF2, then WOFF and TrueType fallbacks)
FONT_SOURCES = re.compile(r'src:url\(fonts/([\w-]+)\.woff2\) format\("woff2"\)[^;}]*')

# reads [[tex, display], ...] as JSON on stdin; writes, for each, {"html": ...} or {"error": ...}
RENDER = """
const katex = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([tex, displayMode]) => {
    try {
      return { html: katex.renderToString(tex, { displayMode, throwOnError: true, strict: "error" }) };
    } catch (error) {
      return { error: String(error.message || error) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
"""

logger = logging.getLogger(__name__)

# TeX a reader should never see: display-math dollars, a fraction, LaTeX's math delimiters, and the commands the
# book's equations use (the tests read every page's visible text, and the slides', with it)
UNRENDERED = re.compile(r"\$\$|\\(?:frac|sqrt|mathrm|text|left|right|tau|ln)\b|\\[()\[\]]")


def key(tex: str, display: bool) -> str:
    return ("display " if display else "inline ") + tex


def typeset(formulas: list[tuple[str, bool]]) -> list[dict[str, str]]:
    """KaTeX's HTML (``{"html": ...}``) or error (``{"error": ...}``) for each (TeX, display mode), in one
    Node process."""
    if not KATEX_JS.is_file():
        raise RuntimeError(f"bookkit.katex: {KATEX_JS} is missing: run `make setup` (scripts/fetch_js.py)")
    done = subprocess.run(
        ["node", "-e", RENDER, str(KATEX_JS)],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def _formulas(doctree: nodes.Node) -> set[str]:
    math = doctree.findall(lambda node: isinstance(node, (nodes.math, nodes.math_block)))
    return {key(node.astext(), isinstance(node, nodes.math_block)) for node in math}


def collect(app, doctree) -> None:
    """Note the formulas of the document just read."""
    env = app.env
    if not hasattr(env, "katex_docs"):
        env.katex_docs = {}
    env.katex_docs[env.docname] = _formulas(doctree)


def purge(app, env, docname) -> None:
    getattr(env, "katex_docs", {}).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    """Take the formulas noted by a process that read documents in parallel."""
    if not hasattr(env, "katex_docs"):
        env.katex_docs = {}
    env.katex_docs.update({name: found for name, found in getattr(other, "katex_docs", {}).items() if name in docnames})


def typeset_new(app, env) -> None:
    """Typeset, in one Node process, every formula of the book not typeset by an earlier build."""
    docs = getattr(env, "katex_docs", {})
    wanted = set().union(*docs.values()) if docs else set()
    version = hashlib.sha256(KATEX_JS.read_bytes()).hexdigest() if KATEX_JS.is_file() else ""
    kept = getattr(env, "katex_html", {}) if getattr(env, "katex_version", None) == version else {}
    html = {k: v for k, v in kept.items() if k in wanted}
    missing = sorted(wanted - set(html))
    if missing:
        pairs = [(k.partition(" ")[2], k.startswith("display ")) for k in missing]
        for name, result in zip(missing, typeset(pairs)):
            if "html" in result:
                html[name] = result["html"]
            else:
                pages = sorted(doc for doc, found in docs.items() if name in found)
                tex = name.partition(" ")[2]
                logger.warning("KaTeX cannot typeset %r: %s", tex, result["error"], location=pages[0])
    env.katex_html, env.katex_version = html, version


def _html(translator, node, display: bool) -> str:
    tex = node.astext()
    found = getattr(translator.builder.env, "katex_html", {}).get(key(tex, display))
    if found is None:  # a formula made after reading (none in the book so far): typeset on its own
        result = typeset([(tex, display)])[0]
        if "error" in result:
            logger.warning("KaTeX cannot typeset %r: %s", tex, result["error"], location=node)
            return translator.encode(tex)
        found = result["html"]
    return found


def visit_math(self, node) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(_html(self, node, display=False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node["number"]:
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(_html(self, node, display=True) + "</div>\n")
    raise nodes.SkipNode


def use_katex(app, config) -> None:
    config.html_math_renderer = "katex"


def link_style(app, pagename, templatename, context, doctree) -> None:
    """KaTeX's style sheet, on the pages with an equation only (the math domain's ``has_equations`` also counts
    the pages a page's table of contents includes: the landing chapter would link it for nothing)."""
    if app.builder.format == "html" and app.env.get_domain("math").data["has_equations"].get(pagename):
        app.add_css_file(STYLE)


def characters(formulas) -> set[str]:
    """Every character KaTeX's HTML of ``formulas`` draws (its MathML's TeX annotation is never drawn)."""
    text = "".join(
        re.sub(r"<[^>]+>", "", re.sub(r"<annotation\b.*?</annotation>", "", f, flags=re.S)) for f in formulas
    )
    return set(html.unescape(text))


def subset_fonts(folder: Path, drawn: set[str]) -> None:
    """Replace each KaTeX font in ``folder`` (TrueType, scripts/fetch_js.py) by a WOFF of the glyphs of ``drawn``
    only: the book's equations use a few dozen characters of the fonts' hundreds, so a page fetches a few kB
    where KaTeX's own WOFF2 fonts cost it about 45 kB. (WOFF, compressed with zlib: fontTools reads and writes
    WOFF2 only with the brotli module, which the book does not install.)"""
    from fontTools import subset

    python_logger("fontTools").setLevel(ERROR)  # KaTeX's fonts carry a 1985 date, which fontTools remarks on
    options = subset.Options()
    options.flavor = "woff"
    for font_file in sorted(folder.glob("*.ttf")):
        font = subset.load_font(str(font_file), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes={ord(c) for c in drawn})
        subsetter.subset(font)
        subset.save_font(font, str(font_file.with_suffix(".woff")), options)
        font_file.unlink()


def served_style(css: str) -> str:
    """KaTeX's style sheet naming the cut fonts (WOFF) where it named its own (WOFF2, WOFF and TrueType)."""
    return FONT_SOURCES.sub(r'src:url(fonts/\1.woff) format("woff")', css)


def serve_fonts(app, exception) -> None:
    """KaTeX's fonts as served: cut to the characters of the edition's equations, and named so in the style
    sheet (which loses its fallbacks to formats that are not served)."""
    if exception is not None or app.builder.format != "html":
        return
    sheet = Path(app.outdir) / "_static" / STYLE
    if not sheet.is_file():
        return
    subset_fonts(sheet.parent / "fonts", characters(getattr(app.env, "katex_html", {}).values()))
    sheet.write_text(served_style(sheet.read_text(encoding="utf-8")), encoding="utf-8")


def setup(app) -> None:
    app.add_html_math_renderer("katex", (visit_math, None), (visit_displaymath, None))
    app.connect("config-inited", use_katex)
    app.connect("doctree-read", collect)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-updated", typeset_new)
    app.connect("html-page-context", link_style, priority=100)  # before sphinxext.drop_unused_scripts copies the list
    app.connect("build-finished", serve_fonts)
