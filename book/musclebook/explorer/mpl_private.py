"""The two private Matplotlib APIs the explorers use, in one place (Matplotlib has no public way to either).

- ``Figure._suptitle``: the suptitle as an artist (``get_suptitle()`` gives its text only), so that a long
  title can be wrapped to the figure and laid out once;
- ``Text._get_wrapped_text()``: the lines Matplotlib would break a wrapping text into, so that the layout can
  make room for them before the frames are drawn.

``tests/test_explorer.py`` checks both against the installed Matplotlib and names this module when an upgrade
removes or changes one.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text


def suptitle(fig: Figure) -> Text | None:
    """The figure's suptitle artist, or None."""
    return fig._suptitle


def wrapped_lines(text: Text) -> str:
    """The text as Matplotlib wraps it to its figure ("\\n" between the lines)."""
    return text._get_wrapped_text()
