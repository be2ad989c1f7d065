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


def require_positive(obj, *names: str) -> None:
    """Raise a ValueError naming the first parameter of ``obj`` that is not a positive finite number."""
    import math

    for name in names:
        value = getattr(obj, name)
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
            raise ValueError(f"{type(obj).__name__} '{getattr(obj, 'name', '')}': {name}={value!r} must be positive")


def parameter_table(status: dict):
    """A chapter's "which parameters are measured" table, as Markdown for Jupyter and the book."""
    from IPython.display import Markdown

    rows = "\n".join(f"| {name} | {basis} |" for name, basis in status.items())
    return Markdown("| Parameter | Status |\n| --- | --- |\n" + rows)
