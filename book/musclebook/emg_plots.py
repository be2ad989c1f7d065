"""Plots for the words chapter: the schematic EMG patterns side by side (``PatternsView``)."""

from __future__ import annotations

from . import emg, style
from .explorer import WIDE, Layout, View

EMG = "#333333"
FORCE = style.BLUE
STRETCH = style.VERMILION


def plot_pattern(ax, key: str):
    """One schematic pattern: EMG (top half) and force (bottom half), with any fast stretch marked."""
    t, trace, force, stretch = emg.pattern(key)
    ax.plot(t, trace * 0.45 + 0.5, color=EMG, lw=0.5)
    ax.plot(t, force * 0.45 - 0.5, color=FORCE, lw=1.5)
    if stretch.any():
        ax.fill_between(t, -1.0, -1.0 + 0.15 * stretch, color=STRETCH, lw=0)
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
            ax.set_title(f"{p.english} ({p.indonesian})", loc="left")
        key = (
            "Each panel: EMG (grey, top) and force (blue, bottom), 3 s; orange marks a fast stretch. "
            "Heights are not to scale."
        )
        if self.layout.stack:  # one column of panels: the key on top, where the layout leaves room for it
            self.fig.suptitle(key, fontsize=style.RC["font.size"])
        else:
            self.fig.text(0.5, 0.005, key, ha="center")
        lines = [f"{p.english} ({p.indonesian}): {p.what}" for p in emg.PATTERNS]
        return "Schematic EMG and force, not recordings; heights are not to scale. " + "; ".join(lines) + "."
