"""The book's visual style: one colour palette and one set of Matplotlib settings for every figure.

Colours are the Okabe–Ito palette, safe for the common kinds of colour blindness. The settings
fix font sizes (no text smaller than ``MIN_FONT_PT``), hide the top and right spines and drop
legend frames, so that the plotting modules only say what they draw.
"""

from __future__ import annotations

from contextlib import contextmanager

import matplotlib as mpl
import numpy as np

#: Okabe–Ito colours by role.
BLUE = "#0072B2"
VERMILION = "#D55E00"
GREEN = "#009E73"
ORANGE = "#E69F00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#555555"
LIGHT_GREY = "#BBBBBB"
INK = "#222222"

MIN_FONT_PT = 9.5  # no figure text is set smaller than this [pt]

RC = {
    "font.size": 10.0,
    "axes.titlesize": 10.5,
    "axes.titley": 1.0,  # a fixed title position: no automatic placement, which hidden axes would upset
    "axes.titlepad": 6.0,
    "axes.labelsize": 10.0,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.fontsize": 9.5,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.minor.visible": False,
    "ytick.minor.visible": False,
    "lines.linewidth": 2.0,
    "svg.fonttype": "path",
    "svg.hashsalt": "musclebook",  # stable ids in SVG output
    "path.simplify": True,
    "figure.facecolor": "white",
}


LEGEND_ROW = 0.15  # share of a panel's height one legend row takes (see legend_room)
LEGEND_ROW_PHONE = 0.165  # a phone's panels are lower: the same legend takes more of them


def legend_room(ax, scale_top: float, ticks, *, phone: bool = False, rows: int = 2) -> None:
    """Room over a panel's scale (from 0 to ``scale_top``, labelled at ``ticks``) for a legend of ``rows``
    entries in its upper corner, for explorers in which, at some frame, a curve fills every corner of the
    scale: the axes are taller by ``rows`` times ``LEGEND_ROW`` of their height, and the axis line ends with
    the scale."""
    room = rows * (LEGEND_ROW_PHONE if phone else LEGEND_ROW)
    ax.set_ylim(0, scale_top / (1 - room))
    ax.spines["left"].set_bounds(0, scale_top)
    ax.set_yticks(ticks)


def ticks(ax, x, bottom, top, **line):
    """Vertical ticks at ``x`` from ``bottom`` to ``top`` (spikes, stimuli) as one line with gaps.

    Like ``ax.vlines``, but one artist and one SVG path however many ticks, so a frame with
    hundreds of spikes still renders in milliseconds. ``bottom`` and ``top`` may be arrays.
    """
    (tick_line,) = ax.plot(*tick_data(x, bottom, top), **line)
    return tick_line


def tick_data(x, bottom, top) -> tuple[np.ndarray, np.ndarray]:
    """The x and y data of the line :func:`ticks` draws (for ``set_data`` when the ticks change)."""
    x = np.asarray(x, dtype=float)
    gaps = np.full_like(x, np.nan)
    xs = np.column_stack([x, x, gaps]).ravel()
    ys = np.column_stack([np.broadcast_to(bottom, x.shape), np.broadcast_to(top, x.shape), gaps]).ravel()
    return xs, ys


@contextmanager
def book_style():
    """Matplotlib settings of the book, for the duration of a ``with`` block."""
    with mpl.rc_context(RC):
        yield
