"""The models, plots and explorers of the book on muscle contraction, relaxation and cramps.

One model module per chapter (``twitch``, ``coupling``, ...) with pure functions and units in
every name; its ``*_plots`` module draws the model's results on Matplotlib axes and defines the
chapter's explorers; ``explorer`` turns an explorer's definition into live widgets in a kernel or
into a static page in the web book. Start with a chapter's ``getting_started()``.
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


def parameter_table(status: dict):
    """A chapter's "which parameters are measured" table, as Markdown for Jupyter and the book."""
    from IPython.display import Markdown

    rows = "\n".join(f"| {name} | {basis} |" for name, basis in status.items())
    return Markdown("| Parameter | Status |\n| --- | --- |\n" + rows)
