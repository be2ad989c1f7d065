"""The private APIs of Sphinx the book uses, in one place: ``sphinx.builders.html._assets._JavaScript`` and
``Sphinx.translator``.

A page's ``script_files`` (the ``html-page-context`` hook's context) holds these objects; to load one of them
deferred, or to add the search page's script, the book makes new ones like them (Sphinx offers no public way to
change a script's attributes per page). The templates translate their words with the application's
``translator`` (an undocumented attribute, set before any extension's ``config-inited`` hook): for a language Sphinx
has no catalogue for, it is an empty one, which the book replaces with its own (``set_templates_translator``).
``tests/test_build.py`` checks both against the installed Sphinx and names this module when an upgrade moves or
changes them.
"""

from __future__ import annotations

import sphinx

try:
    from sphinx.builders.html._assets import _JavaScript as JavaScript
except ImportError as exc:  # the build and every test that imports the extension stop here, saying why
    raise ImportError(
        f"Sphinx {sphinx.__version__} no longer has sphinx.builders.html._assets._JavaScript, the private class of a "
        "page's scripts that bookkit/sphinxext/sphinx_private.py adapts: update that module"
    ) from exc


def set_templates_translator(app, translator) -> None:
    """Make ``translator`` the one the templates of ``app``'s builder translate their words with."""
    if not hasattr(app, "translator"):
        raise AttributeError(
            f"Sphinx {sphinx.__version__} no longer keeps the templates' translator in Sphinx.translator, which "
            "bookkit/sphinxext/sphinx_private.py sets: update that module"
        )
    app.translator = translator


__all__ = ["JavaScript", "set_templates_translator"]
