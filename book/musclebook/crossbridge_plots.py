"""Plots and explorers of the cross-bridge chapter.

``plot_run`` draws a simulated activation and relaxation on a Matplotlib ``Axes``; ``AtpView`` is
the chapter's explorer (``ATP``) and ``CycleView`` its diagram of the cycle.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from matplotlib.patches import FancyArrowPatch

from . import crossbridge as cb
from . import style
from .constants import NORMAL_ATP_MM
from .explorer import WIDE, Control, Layout, Spec, View
from .i18n import N_, tr

CYCLING = style.BLUE
RIGOR = style.VERMILION
ATTACHED = "#333333"
CALCIUM = "#E8F4EE"
MARGINS = dict(left=0.08, right=0.98, bottom=0.17, top=0.8, wspace=0.34)
ATP_GRID_MM = np.geomspace(0.0003, 10, 25)  # the curve of the right-hand panel [mM]
EXPLORER_ATP_MM = (5.0, 2.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.005, 0.002, 0.001, 0.0003)  # the explorer's slider [mM]


def plot_run(ax, run: cb.Run, band_text: bool = True):
    """Fractions of heads attached, in each attached state, against time; calcium shaded, and named in the
    band (``band_text``) or, through the band's label, in a legend."""
    ax.axvspan(0, run.calcium_off_ms, color=CALCIUM, lw=0, label=None if band_text else tr("calcium present"))
    if band_text:
        ax.text(run.calcium_off_ms / 2, 3, tr("calcium present"), ha="center", va="bottom", color="#1b6e4a")
    lines = [
        ax.plot(run.t_ms, run.attached * 100, color=ATTACHED, lw=2, label=tr("attached (force)"))[0],
        ax.plot(run.t_ms, run.cycling * 100, color=CYCLING, lw=1.5, ls="--", label=tr("attached, holding ADP"))[0],
        ax.plot(run.t_ms, run.rigor * 100, color=RIGOR, lw=1.5, ls=":", label=tr("rigor: no nucleotide"))[0],
    ]
    ax.set_xlim(0, run.t_ms[-1])
    ax.set_ylim(0, 100)
    ax.set_xlabel(tr("Time (ms)"))
    ax.set_ylabel(tr("Myosin heads (%)"))
    return lines


@cache
def late_attached_curve(cycle: cb.Cycle = cb.CYCLE) -> tuple[np.ndarray, np.ndarray]:
    """Heads still attached ``LATE_MS`` after calcium removal, over ``ATP_GRID_MM`` [%]."""
    late = [cb.summary(cycle.replace(atp_mm=float(atp))).attached_late * 100 for atp in ATP_GRID_MM]
    return ATP_GRID_MM, np.array(late)


class AtpView(View):
    """Explorer frame: heads attached over time at one ATP level (left), and what is left after relaxation
    against ATP (right)."""

    figsize = (7.5, 3.5)

    def __init__(self, fig, layout: Layout = WIDE, cycle: cb.Cycle = cb.CYCLE):
        super().__init__(fig, layout)
        self.cycle = cycle
        self.left, self.right = self.panels(1, 2, width_ratios=[1.4, 1], margins=MARGINS)
        # the band of calcium is named in the legend: at every size and ATP a curve crossed its name in the band
        self.lines = self.dynamic(plot_run(self.left, cb.simulate(cycle), band_text=False))
        compact = dict(handlelength=1.8, columnspacing=1.0)
        if layout == WIDE:  # over the left-hand panel, in the figure's top margin
            self.left.legend(ncol=2, loc="lower left", bbox_to_anchor=(0, 1.0), borderaxespad=0.3, **compact)
        else:  # at the figure's top (constrained layout makes the room): inside, the curves fill the panel
            handles, labels = self.left.get_legend_handles_labels()
            self.fig.legend(handles, labels, loc="outside upper center", ncols=1 if layout.stack else 2, **compact)
        atp, late = late_attached_curve(cycle)
        self.right.axvspan(1, ATP_GRID_MM[-1], color="#EEEEEE", lw=0)
        # against the band's right edge, so that a longer word grows into the panel, not off the figure
        self.right.text(
            0.97, 0.5, tr("rest and\nfatigue:\nmillimolar"), ha="right", va="center", transform=self.right.transAxes
        )
        self.right.plot(atp, late, color=RIGOR)
        (self.mark,) = self.dynamic(self.right.plot([], [], "o", color=ATTACHED, ms=8))
        self.title = self.dynamic(self.right.set_title(" "))
        self.right.set_xscale("log")
        self.right.set_xlim(ATP_GRID_MM[0], ATP_GRID_MM[-1])
        shown = [0.001, 0.01, 0.1, 1, 10] if layout == WIDE else [0.001, 0.1, 10]  # a narrow panel: fewer labels
        self.right.set_xticks(shown, [f"{x:g}" for x in shown])  # i18n.localise_axes writes them
        self.right.minorticks_off()
        self.right.set_ylim(0, 105)
        self.right.set_xlabel(tr("ATP (mM, log scale)"))
        self.right.set_ylabel(tr("Still attached {ms:.0f} ms\nafter calcium removal (%)", ms=cb.LATE_MS))

    def update(self, atp_mm: float) -> str:
        cycle = self.cycle.replace(atp_mm=atp_mm)
        run = cb.simulate(cycle)
        for line, y in zip(self.lines, (run.attached, run.cycling, run.rigor)):
            line.set_data(run.t_ms, y * 100)
        s, n = cb.summary(cycle), cb.summary(self.cycle)
        self.mark.set_data([atp_mm], [s.attached_late * 100])
        self.title.set_text(tr("ATP {atp:.3g} mM", atp=atp_mm))
        return tr(
            "With {atp:.3g} mM ATP, while calcium is present {attached:.0f}% of the myosin heads are attached, "
            "{rigor:.0f}% of them in rigor with no nucleotide. After calcium is removed, half of the attached heads "
            "let go within {half} (at normal ATP {normal_half}); {late_ms:.0f} ms later {late:.0f}% are still "
            "attached (at normal ATP {normal_late:.0f}%).",
            atp=atp_mm,
            attached=s.attached_during * 100,
            rigor=s.rigor_during * 100,
            half=_time_text(s.detachment_half_time_ms),
            normal_half=_time_text(n.detachment_half_time_ms),
            late_ms=cb.LATE_MS,
            late=s.attached_late * 100,
            normal_late=n.attached_late * 100,
        )


def _time_text(ms: float) -> str:
    return tr("{ms:.0f} ms", ms=ms) if np.isfinite(ms) else tr("longer than the trace")


ATP = Spec(
    key="crossbridge-atp",
    title=N_("Take the ATP away: myosin heads during and after calcium"),
    basis=N_("the order of the states measured biochemistry; every rate illustrative"),
    view=AtpView,
    controls=(
        Control(
            "atp_mm", N_("ATP (mM)"), EXPLORER_ATP_MM, unit="mM", start=0, live=(0.0003, NORMAL_ATP_MM, 0.01), log=True
        ),
    ),
)


# ---------------------------------------------------------------- the cycle as a diagram

STATES = {  # name: (colour, text)
    "detached": ("#FFFFFF", N_("Detached\nhead holds\nADP + Pi")),
    "cycling": ("#DCEBF7", N_("Attached,\nholds ADP:\npower stroke")),
    "rigor": ("#FBE3D6", N_("Rigor:\nattached,\nno nucleotide")),
}


#: where the diagram's pieces go: wide, and on a phone (states in a narrower, taller triangle)
CYCLE_PLACES = {
    "wide": dict(
        states={"detached": (0.2, 0.5), "cycling": (0.62, 0.8), "rigor": (0.62, 0.2)},
        arrows=[  # (from, to, bend, label position)
            ((0.26, 0.64), (0.52, 0.84), -0.25, (0.3, 0.88)),
            ((0.72, 0.66), (0.72, 0.34), -0.5, (0.86, 0.5)),
            ((0.52, 0.16), (0.22, 0.36), -0.25, (0.3, 0.1)),
        ],
        stops=(0.86, 0.13),
    ),
    "phone": dict(
        states={"detached": (0.24, 0.5), "cycling": (0.66, 0.8), "rigor": (0.66, 0.25)},
        arrows=[
            ((0.24, 0.6), (0.48, 0.82), -0.3, (0.24, 0.87)),
            ((0.6, 0.7), (0.6, 0.34), 0.45, (0.85, 0.52)),
            ((0.48, 0.23), (0.24, 0.4), -0.3, (0.24, 0.15)),
        ],
        stops=(0.66, 0.075),
    ),
}


class CycleView(View):
    """Diagram: the three states and the steps between them, with what each step needs."""

    figsize = (6.5, 3.2)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        places = CYCLE_PLACES["phone" if layout.stack else "wide"]
        if layout.stack:
            fig.set_size_inches(layout.width_in, 4.6)
        ax = fig.add_axes([0, 0, 1, 1])
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.axis("off")
        for name, (colour, text) in STATES.items():
            ax.text(
                *places["states"][name],
                tr(text),
                ha="center",
                va="center",
                fontsize=10.5,
                bbox=dict(boxstyle="round,pad=0.5", fc=colour, ec="#333333"),
            )
        labels = [
            tr("binds actin\n(needs calcium),\nPi released"),
            tr("stroke,\nADP released") if not layout.stack else tr("stroke,\nADP\nreleased"),
            tr("ATP binds:\nhead lets go,\nATP split"),
        ]
        for (start, end, bend, where), label in zip(places["arrows"], labels):
            ax.add_patch(
                FancyArrowPatch(
                    start,
                    end,
                    connectionstyle=f"arc3,rad={bend}",
                    arrowstyle="-|>",
                    mutation_scale=16,
                    color="#333333",
                    lw=1.5,
                )
            )
            ax.text(*where, label, ha="center", va="center", color=style.INK)
        ax.text(*places["stops"], tr("no ATP:\nthe cycle\nstops here"), ha="center", va="center", color=RIGOR)

    def update(self) -> str:
        return tr(
            "The cross-bridge cycle as three states: a detached myosin head holding ADP and phosphate binds actin "
            "where calcium has uncovered the sites and releases its phosphate; the attached head makes its power "
            "stroke and releases ADP, "
            "leaving it in rigor, bound with no nucleotide; only when a new ATP binds does the head let go, and "
            "splitting that ATP re-cocks it. Without ATP the cycle stops in rigor."
        )
