"""The models, plots and explorers of the book on muscle contraction, relaxation and cramps.

One model module per chapter (``twitch``, ``coupling``, ...) with pure functions and units in
every name; its ``*_plots`` module draws the model's results on Matplotlib axes and defines the
chapter's explorers; ``explorer`` turns an explorer's definition into live widgets in a kernel or
into a static page in the web book; ``prose`` and ``claims`` give the chapters' text its computed
numbers, published values, citations and claim cards. Start with a chapter's ``getting_started()``.
"""


def parameter_table(status: dict):
    """A chapter's "which parameters are measured" table, as Markdown for Jupyter and the book."""
    from IPython.display import Markdown

    from .i18n import text, tr

    rows = "\n".join(f"| {text(name)} | {text(basis)} |" for name, basis in status.items())
    return Markdown(f"| {tr('Parameter')} | {tr('Status')} |\n| --- | --- |\n" + rows)
