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
import json
import re
import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

REPO = Path(__file__).resolve().parent.parent
KATEX_JS = REPO / ".tools" / "katex.min.js"
STYLE = "katex/katex.min.css"  # in _static (book/vendor/katex, scripts/fetch_js.py)
# KaTeX's fallbacks to WOFF and TrueType fonts, which are not served (every browser the book supports reads WOFF2)
FONT_FALLBACK = re.compile(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)')

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


def served_style(app, exception) -> None:
    """KaTeX's style sheet as served: without the font formats that are not served."""
    if exception is not None or app.builder.format != "html":
        return
    sheet = Path(app.outdir) / "_static" / STYLE
    if sheet.is_file():
        sheet.write_text(FONT_FALLBACK.sub("", sheet.read_text(encoding="utf-8")), encoding="utf-8")


def setup(app) -> None:
    app.add_html_math_renderer("katex", (visit_math, None), (visit_displaymath, None))
    app.connect("config-inited", use_katex)
    app.connect("doctree-read", collect)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-updated", typeset_new)
    app.connect("html-page-context", link_style, priority=100)  # before sphinxext.drop_unused_scripts copies the list
    app.connect("build-finished", served_style)
