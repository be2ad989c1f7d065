"""Plots for the words chapter: the schematic EMG patterns side by side."""

from __future__ import annotations

from . import emg

EMG = "#333333"
FORCE = "#0072B2"


def draw_patterns(fig):
    axes = fig.subplots(
        4, 2, gridspec_kw=dict(left=0.03, right=0.99, bottom=0.03, top=0.95, hspace=0.75, wspace=0.08)
    ).ravel()
    for ax, p in zip(axes, emg.PATTERNS):
        t, trace, force, stretch = emg.pattern(p.key)
        ax.plot(t, trace * 0.45 + 0.5, color=EMG, lw=0.5)
        ax.plot(t, force * 0.45 - 0.5, color=FORCE, lw=1.5)
        if stretch.any():
            ax.fill_between(t, -1.0, -1.0 + 0.15 * stretch, color="#D55E00", lw=0)
        ax.set_title(f"{p.english} ({p.indonesian})", fontsize=9, loc="left")
        ax.set_xlim(0, emg.DURATION_MS)
        ax.set_ylim(-1.05, 1.0)
        ax.axis("off")
    fig.text(
        0.5,
        0.005,
        "Each panel: EMG (grey, top) and force (blue, bottom), 3 s; orange marks a fast stretch.",
        ha="center",
        fontsize=8,
    )


def describe_patterns() -> str:
    lines = [f"{p.english} ({p.indonesian}): {p.what}" for p in emg.PATTERNS]
    return "Schematic EMG and force, not recordings; heights are not to scale. " + "; ".join(lines) + "."
