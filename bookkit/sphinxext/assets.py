"""What each page loads: explorer frames as files, deferred scripts, trimmed style sheets, icons; and what a
rebuild must read again."""

from __future__ import annotations

import os
from pathlib import Path

import pydata_sphinx_theme
from sphinx.errors import ExtensionError

from .. import icons, katex, purge_css
from ..dependencies import DependencyError, notebook_dependencies
from ..site import data_uris_to_files
from .common import book_language, other_editions
from .sphinx_private import JavaScript


def frames_to_files(app, pagename, templatename, context, doctree):
    """Move the images that explorers and figures carry as data URIs into files of their own.

    A page then loads only the frame on show (and, once a reader touches an explorer, its
    neighbours), and frames are cached by the browser; each file is named by its content.
    """
    body = context.get("body") or ""
    if "data:image/" in body:
        folder = Path(app.outdir) / "_frames"
        context["body"] = data_uris_to_files(body, folder, lambda name: context["pathto"](f"_frames/{name}", 1))


def default_colour_mode(app, config):
    """Start pages in "auto" mode: without it, the theme writes an empty mode on a first visit and logs an
    error ("Got invalid theme mode") before it resets itself to auto."""
    config.html_context.setdefault("default_mode", "auto")


def drop_unused_scripts(app, pagename, templatename, context, doctree):
    """Remove the live-code (thebe) configuration: the book has no live-code button, and Jupyter Book 1
    writes that script twice, which every browser reports as an error (THEBE_JS_URL redeclared)."""
    scripts = context.get("script_files", [])
    context["script_files"] = [
        js
        for js in scripts
        if "THEBE_JS_URL" not in (getattr(js, "attributes", {}) or {}).get("body", "") and "sphinx-thebe" not in str(js)
    ]
    context["css_files"] = [css for css in context.get("css_files", []) if "sphinx-thebe" not in str(css)]


def defer_scripts(app, pagename, templatename, context, doctree):
    """Load every script file after the page is parsed (``defer``, in document order), so that none delays
    the first paint: on a phone over a slow connection a dozen scripts in the head held the text back by
    seconds. The inline scripts that stay (the theme's colour mode, the toggle buttons' settings) only set
    variables that the deferred scripts read later. The search page keeps its scripts as they are: the theme
    writes its search scripts there without ``defer``, and they need Sphinx's own to have run."""
    if pagename == "search":
        # result snippets from each page's article, not its buttons and contents list (book/_assets/search.js)
        context["script_files"] = [*context.get("script_files", []), JavaScript("_static/search.js")]
        return
    context["script_files"] = [
        JavaScript(js.filename, priority=js.priority, **(js.attributes | {"defer": "defer"}))
        if getattr(js, "filename", "") and not {"defer", "async"} & set(js.attributes)
        else js
        for js in context.get("script_files", [])
    ]


# the style sheets of the theme and extensions that purge_css trims (relative to _static; mystnb's name carries a hash)
PURGED_STYLES = ("styles/pydata-sphinx-theme.css", "sphinx-design.min.css", "mystnb.*.css", katex.STYLE)


def purge_styles(app, exception):
    """Keep only the style rules some page of the book can use (see ``purge_css``): the theme's style sheet
    goes from about 65 kB to 21 kB compressed, and a phone matches far fewer rules before the first paint."""
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    words = purge_css.site_words(site, skip=other_editions(app))
    for pattern in PURGED_STYLES:
        for sheet in (site / "_static").glob(pattern):
            sheet.write_text(purge_css.purge(sheet.read_text(encoding="utf-8"), words), encoding="utf-8")


def write_icons(app, exception):
    """Draw the theme's icons with _static/icons.css, and drop the Font Awesome script no page loads."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    script = static / "scripts" / "fontawesome.js"
    theme_copy = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts"
    source = (theme_copy / "fontawesome.js").read_text(encoding="utf-8")
    outdir = Path(app.outdir)
    pages = [
        p
        for p in outdir.rglob("*.html")
        if "_static" not in p.parts and p.relative_to(outdir).parts[0] not in other_editions(app)
    ]
    css = icons.icon_css(source, icons.used_icons(pages)) + icons.admonition_css(source)
    (static / "icons.css").write_text(css, encoding="utf-8")
    for unused in (script, script.with_name("fontawesome.js.map")):  # its licence file stays, for the icons
        unused.unlink(missing_ok=True)


# Extensions Jupyter Book always loads that do not declare whether they are parallel-safe (so Sphinx
# would read serially), each with why reading in parallel is safe, checked in their source.
PARALLEL_READ_SAFE = {
    # 0.1.3: it only replaces TocTreeCollector.assign_section_numbers, run in the main process after reading
    "sphinx_multitoc_numbering": "numbers sections after reading",
    # 1.0.0: its read-phase transform only marks nodes of the root document; no state in the environment
    "sphinx_jupyterbook_latex": "marks nodes of one document only",
}


def allow_parallel_read(app, config):
    """Let Sphinx read (and so execute notebooks) in parallel (``bookkit.build``)."""
    for name in PARALLEL_READ_SAFE:
        extension = app.extensions.get(name)
        if extension is not None and extension.parallel_read_safe is None:
            extension.parallel_read_safe = True


def static_files_changed(app, env, added, changed, removed):
    """Sphinx copies static files (CSS, scripts) only when it writes a page: when only an asset changed,
    rewrite the root page so that a warm build publishes the asset too."""
    out = Path(app.outdir) / "_static"
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder
        for path in source.rglob("*") if source.is_dir() else ():
            copy = out / path.relative_to(source)
            if path.is_file() and (not copy.is_file() or path.stat().st_mtime > copy.stat().st_mtime + 1e-3):
                return [app.config.root_doc]
    return []


def note_notebook_dependencies(app, docname, source):
    """A notebook is read, and so executed, again when a module of the book it imports (directly or not) or a
    data file those modules read has changed since it was last read (``bookkit.dependencies``)."""
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return
    try:
        found = notebook_dependencies(path, book_language(app))
    except DependencyError as exc:
        raise ExtensionError(str(exc)) from exc
    for dependency in sorted(found):  # relative to the source folder: the record survives a moved checkout
        app.env.note_dependency(os.path.relpath(dependency, app.srcdir))
