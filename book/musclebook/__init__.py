"""Models, plots, the explorer helper and the claim ledger of the muscle-cramps book.

Importable from the notebooks' own folder (``book/``) without installation.
"""


def glue(name: str, value) -> None:
    """Store a computed value for the book's prose (``{glue:text}`name```); a no-op outside Jupyter Book."""
    try:
        from myst_nb import glue as _glue
    except ImportError:  # e.g. Colab without myst-nb: the prose is not rendered there anyway
        return
    if hasattr(value, "item"):  # a NumPy scalar: the book formats plain Python numbers
        value = value.item()
    _glue(name, value, display=False)
