"""Plots and the explorer of the nerve chapter.

``plot_velocity_curves`` draws conduction velocity against fibre diameter on a Matplotlib ``Axes``;
``ConductionView`` is the chapter's explorer (``CONDUCTION``).
"""

from __future__ import annotations

import numpy as np

from . import nerve as nv
from . import style
from .explorer import WIDE, Control, Layout, Spec, View
from .i18n import N_, localise_axes, tr

MYELINATED = style.BLUE
UNMYELINATED = style.VERMILION
EXPLORER_DIAMETERS_UM = (0.2, 0.5, 1.0, 1.5, 2.0, 4.0, 6.0, 10.0, 15.0, 20.0)


def plot_velocity_curves(ax):
    """Conduction velocity against diameter: myelinated (Hursh's law) and unmyelinated (√d) fibres."""
    lo, hi = nv.MYELINATED_RANGE_UM
    d = np.geomspace(lo, hi, 100)
    ax.plot(d, nv.myelinated_velocity(d), color=MYELINATED, label=tr("myelinated (Hursh)"))
    lo_u, hi_u = nv.UNMYELINATED_RANGE_UM
    d_u = np.geomspace(lo_u, hi_u, 50)
    ax.plot(d_u, nv.unmyelinated_velocity(d_u), color=UNMYELINATED, label=tr("unmyelinated (√d)"))
    d_x = np.geomspace(hi_u, 20, 50)
    ax.plot(d_x, nv.unmyelinated_velocity(d_x), color=UNMYELINATED, lw=1.2, ls=":", label=tr("√d, extrapolated"))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(0.15, 25)
    # a decade over the scale for the legend: at the upper left, under 200 m/s, the myelinated line ran through it
    ax.set_ylim(0.3, 2000)
    ax.spines["left"].set_bounds(0.3, 200)
    ax.set_xticks([0.2, 0.5, 1, 2, 5, 10, 20], ["0.2", "0.5", "1", "2", "5", "10", "20"])  # i18n writes 0,2
    ax.set_yticks([1, 10, 100], ["1", "10", "100"])
    ax.minorticks_off()
    ax.set_xlabel(tr("Fibre diameter (µm, log scale)"))
    ax.set_ylabel(tr("Conduction velocity (m/s, log scale)"))
    ax.legend(loc="upper left", fontsize=9.5)
    localise_axes(ax.figure)  # 0,2 in Indonesian, in a reader's own figure too ("Run the model yourself")


def fibres_at(diameter_um: float) -> list[tuple[str, float, str]]:
    """(label, velocity, colour) of the fibres that exist at this diameter."""
    fibres = []
    lo, hi = nv.MYELINATED_RANGE_UM
    if lo <= diameter_um <= hi:
        fibres.append((tr("myelinated"), float(nv.myelinated_velocity(diameter_um)), MYELINATED))
    lo_u, hi_u = nv.UNMYELINATED_RANGE_UM
    label = tr("unmyelinated") if lo_u <= diameter_um <= hi_u else tr("unmyelinated (hypothetical)")
    fibres.append((label, float(nv.unmyelinated_velocity(diameter_um)), UNMYELINATED))
    return fibres


class ConductionView(View):
    """Explorer frame: velocity against diameter (left) and the time to cover the path to the calf (right)."""

    figsize = (7.5, 3.4)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.left, self.right = self.panels(1, 2, margins=dict(left=0.1, right=0.97, bottom=0.16, top=0.86, wspace=0.3))
        plot_velocity_curves(self.left)
        self.right.set_xscale("log")
        self.right.set_xlim(5, 3000)
        self.right.set_xticks([10, 100, 1000], ["10", "100", "1000"])
        self.right.minorticks_off()
        self.right.set_ylim(-0.6, 1.6)
        self.right.set_yticks([])
        self.right.spines["left"].set_visible(False)
        self.right.set_xlabel(tr("Time to travel {distance:g} m (ms, log scale)", distance=nv.SPINAL_CORD_TO_CALF_M))
        self.title = self.dynamic(fig.suptitle(" ", fontsize=10.5))

    def update(self, diameter_um: float) -> str:
        self.clear_transient()
        lo, hi = nv.MYELINATED_RANGE_UM
        if lo <= diameter_um <= hi:
            self.transient(
                self.left.plot([diameter_um], nv.myelinated_velocity(diameter_um), "o", color=MYELINATED, ms=8)
            )
        self.transient(
            self.left.plot([diameter_um], nv.unmyelinated_velocity(diameter_um), "o", color=UNMYELINATED, ms=8)
        )
        fibres = fibres_at(diameter_um)
        for y, (name, velocity, colour) in enumerate(fibres):
            time_ms = float(nv.travel_time_ms(nv.SPINAL_CORD_TO_CALF_M, velocity))
            self.transient(self.right.barh([y], [time_ms], color=colour, height=0.45))
            speed = tr("{name}, {velocity:.1f} m/s", name=name, velocity=velocity)
            # over the bar, growing upwards; wrapped where it would run off a phone's figure
            self.transient(self.right.text(6, y + 0.26, speed, va="bottom", wrap=True))
            label = tr("{ms:.0f} ms", ms=time_ms)
            if time_ms < 800:  # after the bar; a long bar carries its time inside its end
                self.transient(self.right.text(time_ms * 1.1, y, label, va="center"))
            else:
                self.transient(self.right.text(time_ms / 1.1, y, label, va="center", ha="right", color="white"))
        self.title.set_text(tr("A fibre {diameter:.3g} µm thick", diameter=diameter_um))
        parts = [
            tr(
                "{name} {velocity:.1f} m/s, {ms:.0f} ms to cover {distance:g} m",
                name=name,
                velocity=v,
                ms=float(nv.travel_time_ms(nv.SPINAL_CORD_TO_CALF_M, v)),
                distance=nv.SPINAL_CORD_TO_CALF_M,
            )
            for name, v, _ in fibres
        ]
        return tr(
            "A nerve fibre {diameter:.3g} µm thick conducts: {parts}.", diameter=diameter_um, parts="; ".join(parts)
        )


CONDUCTION = Spec(
    key="nerves-conduction",
    title=N_("Conduction velocity and fibre diameter"),
    basis=N_("myelinated: measured (Hursh 1939); unmyelinated: √d law fitted to the C-fibre range"),
    view=ConductionView,
    controls=(
        Control(
            "diameter_um",
            N_("Fibre diameter (µm)"),
            EXPLORER_DIAMETERS_UM,
            unit="µm",
            start=8,
            live=(0.2, 20.0, 0.01),
            log=True,
        ),
    ),
)
