"""Plots for the words chapter: the schematic EMG patterns side by side (``PatternsView``)."""

from __future__ import annotations

import numpy as np

from . import emg, style
from .explorer import WIDE, Layout, View
from .i18n import language, tr
from .language import SOURCE

EMG = "#333333"
FORCE = style.BLUE
STRETCH = style.VERMILION


def envelope(t, y, per: int = 8):
    """The trace as the lowest and highest value of every ``per`` samples, in turn: at a figure's width a
    sample is a fraction of a pixel, so this draws the same picture with a quarter of the points."""
    n = len(y) // per * per
    bins = np.asarray(y[:n]).reshape(-1, per)
    times = np.asarray(t[:n]).reshape(-1, per)
    return np.column_stack([times[:, 0], times[:, per // 2]]).ravel(), np.column_stack(
        [bins.min(axis=1), bins.max(axis=1)]
    ).ravel()


def pattern_name(key: str) -> str:
    """A pattern's name as the figures write it: in English with the Indonesian word in brackets ("Seizure
    (kejang)"), in Indonesian as the book's term ("kejang (bangkitan)")."""
    p = emg.PATTERNS[emg.KEYS.index(key)]
    return f"{p.english} ({p.indonesian})" if language() == SOURCE else tr(p.english)


def plot_pattern(ax, key: str):
    """One schematic pattern: EMG (top half) and force (bottom half), with any fast stretch marked."""
    t, trace, force, stretch = emg.pattern(key)
    ax.plot(*envelope(t, trace * 0.45 + 0.5), color=EMG, lw=0.5)
    ax.plot(t, force * 0.45 - 0.5, color=FORCE, lw=1.5)
    if stretch.any():  # one bar per stretch (a filled curve over every sample was 300 kB of SVG)
        edges = np.flatnonzero(np.diff(np.concatenate([[0], (stretch > 0).astype(int), [0]])))
        ax.broken_barh([(t[a], t[b - 1] - t[a]) for a, b in zip(edges[::2], edges[1::2])], (-1.0, 0.15), color=STRETCH)
    ax.set_xlim(0, emg.DURATION_MS)
    ax.set_ylim(-1.05, 1.0)
    ax.axis("off")


class PatternsView(View):
    """Figure: the eight schematic patterns, two per row."""

    figsize = (8.0, 6.8)
    phone_panel_in = 1.1

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.axes = self.panels(
            4, 2, margins=dict(left=0.03, right=0.99, bottom=0.05, top=0.95, hspace=0.75, wspace=0.08)
        ).ravel()

    def update(self) -> str:
        for ax, p in zip(self.axes, emg.PATTERNS):
            plot_pattern(ax, p.key)
            ax.set_title(pattern_name(p.key), loc="left")
        key = tr(
            "Each panel: EMG (grey, top) and force (blue, bottom), {seconds:g} s; orange marks a fast stretch. "
            "Heights are not to scale.",
            seconds=emg.DURATION_MS / 1000,
        )
        if self.layout == WIDE:
            self.foot_note(key, self.axes)
        else:  # a phone's column of panels, a slide: the key on top, where the layout leaves room for it and wraps it
            self.fig.suptitle(key, fontsize=style.RC["font.size"])
        lines = [tr("{name}: {what}", name=pattern_name(p.key), what=tr(p.what)) for p in emg.PATTERNS]
        patterns = "; ".join(lines)
        return tr(
            "Schematic EMG and force, not recordings; heights are not to scale. {patterns}.",
            patterns=patterns[:1].upper() + patterns[1:],  # a sentence of its own
        )
