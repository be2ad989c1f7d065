"""The one private API of Sphinx the book uses, in one place: ``sphinx.builders.html._assets._JavaScript``.

A page's ``script_files`` (the ``html-page-context`` hook's context) holds these objects; to load one of them
deferred, or to add the search page's script, the book makes new ones like them (Sphinx offers no public way to
change a script's attributes per page). ``tests/test_build.py`` checks it against the installed Sphinx and names
this module when an upgrade moves or changes it.
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

__all__ = ["JavaScript"]
