"""Plots and explorers of the coupling-and-relaxation chapter.

``plot_calcium`` and ``plot_force`` draw a simulated twitch on a Matplotlib ``Axes``; ``PumpView``
and ``StaircaseView`` are the chapter's explorers (``PUMP`` and ``STAIRCASE``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from matplotlib.lines import Line2D

from . import coupling as cp
from . import style
from .constants import NORMAL_ATP_MM
from .explorer import WIDE, Control, Layout, Spec, View
from .i18n import N_, Msg, tr

CALCIUM = style.GREEN
FORCE = style.BLUE
NORMAL = "#999999"
MARGINS = dict(left=0.09, right=0.98, bottom=0.16, top=0.88, wspace=0.3)
CALCIUM_WINDOW_MS = 60.0  # time shown for calcium [ms]


def plot_calcium(ax, transient: cp.Transient, colour=CALCIUM, label=None, until_ms: float = CALCIUM_WINDOW_MS, **kw):
    """Free calcium [µM] of a simulated twitch, for its first ``until_ms``."""
    keep = transient.t_ms <= until_ms
    (line,) = ax.plot(transient.t_ms[keep], transient.calcium_um[keep], color=colour, label=label, **kw)
    ax.set_xlabel(tr("Time after the action potential (ms)"))
    ax.set_ylabel(tr("Free calcium (µM)"))
    return line


def plot_force(ax, transient: cp.Transient, colour=FORCE, label=None, **kw):
    """Force (cross-bridges attached, %) of a simulated twitch."""
    (line,) = ax.plot(transient.t_ms, transient.force * 100, color=colour, label=label, **kw)
    ax.set_xlabel(tr("Time after the action potential (ms)"))
    ax.set_ylabel(tr("Cross-bridges attached (%)"))
    ax.set_ylim(0, 105)
    return line


def _legend(ax, colour, **kw):
    ax.legend(
        handles=[
            Line2D([], [], color=NORMAL, ls="--", lw=1.5, label=tr("normal")),
            Line2D([], [], color=colour, label=tr("this setting")),
        ],
        **kw,
    )


class PumpView(View):
    """Explorer frame: calcium transient (left) and force (right), against the normal fibre dashed."""

    figsize = (7.5, 3.3)

    def __init__(self, fig, layout: Layout = WIDE, fibre: cp.Fibre = cp.FAST):
        super().__init__(fig, layout)
        self.fibre = fibre
        self.left, self.right = self.panels(1, 2, margins=MARGINS)
        normal = cp.simulate(fibre)
        plot_calcium(self.left, normal, NORMAL, ls="--", lw=1.5)
        plot_force(self.right, normal, NORMAL, ls="--", lw=1.5)
        self.calcium = self.dynamic(plot_calcium(self.left, normal, CALCIUM))
        self.force = self.dynamic(plot_force(self.right, normal, FORCE))
        self.title = self.dynamic(self.left.set_title(" "))
        self.left.set_xlim(0, CALCIUM_WINDOW_MS)
        self.right.set_xlim(0, cp.TWITCH_TRACE_MS)
        style.legend_room(self.left, 90, [0, 20, 40, 60, 80], phone=layout.stack)
        style.legend_room(self.right, 105, [0, 20, 40, 60, 80, 100], phone=layout.stack)
        _legend(self.left, CALCIUM, loc="upper right")
        _legend(self.right, FORCE, loc="upper right")

    def update(self, atp_mm: float, serca_scale: float) -> str:
        changed = cp.simulate(self.fibre.replace(serca_scale=serca_scale, atp_mm=atp_mm))
        keep = changed.t_ms <= CALCIUM_WINDOW_MS
        self.calcium.set_data(changed.t_ms[keep], changed.calcium_um[keep])
        self.force.set_data(changed.t_ms, changed.force * 100)
        self.title.set_text(
            tr("SERCA at {capacity:.0f}% capacity, ATP {atp:.3g} mM", capacity=serca_scale * 100, atp=atp_mm)
        )
        return describe_pump(self.fibre, serca_scale, atp_mm)


def describe_pump(fibre: cp.Fibre, serca_scale: float, atp_mm: float) -> str:
    s = cp.summary(fibre.replace(serca_scale=serca_scale, atp_mm=atp_mm))
    n = cp.summary(fibre)
    if s.final_force_fraction > 0.05:
        end = tr(
            "{left:.0f}% of the peak force is still there after {ms:g} ms: without enough ATP the cross-bridges "
            "cannot let go (rigor), with no new action potential",
            left=s.final_force_fraction * 100,
            ms=cp.TWITCH_TRACE_MS,
        )
    else:
        end = tr("force returns to rest")
    relax = s.force_half_relaxation_ms
    relax_text = tr("{ms:.0f} ms", ms=relax) if relax != float("inf") else tr("longer than the whole trace")
    return tr(
        "Fast fibre with its calcium pump at {capacity:.0f}% of normal capacity and {atp:.3g} mM ATP: free calcium "
        "rises by {rise:.1f} µM (normal {normal_rise:.1f} µM), peak force {peak:.0f}% of cross-bridges (normal "
        "{normal_peak:.0f}%), half-relaxation {relax} (normal {normal_relax:.0f} ms); {end}.",
        capacity=serca_scale * 100,
        atp=atp_mm,
        rise=s.peak_calcium_rise_um,
        normal_rise=n.peak_calcium_rise_um,
        peak=s.peak_force * 100,
        normal_peak=n.peak_force * 100,
        relax=relax_text,
        normal_relax=n.force_half_relaxation_ms,
        end=end,
    )


# ---------------------------------------------------------------- treppe (staircase)

STAIRCASE_HZ = (0.2, 0.5, 1.0, 2.0, 5.0)  # the explorer's frequencies [Hz]
STAIRCASE_TWITCHES = 20


@cache
def _twitch_grid(fibre: cp.Fibre) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Twitches of ``fibre`` at 11 phosphorylation levels 0, 0.1, ... 1 (the grid ``cp.staircase`` uses)."""
    grid = np.linspace(0, 1, 11)
    runs = [cp.simulate(fibre.replace(rlc_phosphorylated=float(p))) for p in grid]
    return grid, runs[0].t_ms, np.array([r.force for r in runs])


def last_twitch(fibre: cp.Fibre, rlc: float) -> tuple[np.ndarray, np.ndarray]:
    """The twitch at phosphorylation ``rlc``, between the two nearest precomputed ones (as the staircase's
    peaks are): a slider that moves the frequency redraws without a new simulation."""
    grid, t_ms, forces = _twitch_grid(fibre)
    k = min(int(rlc * 10), 9)
    w = (rlc - grid[k]) / (grid[k + 1] - grid[k])
    return t_ms, (1 - w) * forces[k] + w * forces[k + 1]


class StaircaseView(View):
    """Explorer frame: first and last twitch of a train (left), peak force of every twitch (right)."""

    figsize = (7.5, 3.3)

    def __init__(self, fig, layout: Layout = WIDE, fibre: cp.Fibre = cp.FAST):
        super().__init__(fig, layout)
        self.fibre = fibre
        self.left, self.right = self.panels(1, 2, margins=MARGINS)
        first = cp.simulate(fibre)
        plot_force(self.left, first, NORMAL, ls="--", lw=1.5)
        self.last = self.dynamic(plot_force(self.left, first, FORCE))
        self.left.set_xlim(0, 60)
        style.legend_room(self.left, 105, [0, 20, 40, 60, 80, 100], phone=layout.stack)
        self.left.legend(
            handles=[
                Line2D([], [], color=NORMAL, ls="--", lw=1.5, label=tr("twitch {n}", n=1)),
                Line2D([], [], color=FORCE, label=tr("twitch {n}", n=STAIRCASE_TWITCHES)),
            ],
            loc="upper right",
        )
        (self.peaks,) = self.dynamic(self.right.plot([], [], "o", color=FORCE, ms=5))
        self.title = self.dynamic(self.right.set_title(" "))
        self.right.set_xlabel(tr("Twitch number"))
        self.right.set_ylabel(tr("Peak force (% of twitch {n})", n=1))
        self.right.set_xlim(0, STAIRCASE_TWITCHES + 1)
        self.right.set_ylim(95, 115)
        self.right.set_xticks([1, 5, 10, 15, 20])

    def update(self, kinase: bool, frequency_hz: float) -> str:
        rlc = cp.rlc_before_each_twitch(frequency_hz, STAIRCASE_TWITCHES, kinase)
        t_ms, force = last_twitch(self.fibre, float(rlc[-1]))
        self.last.set_data(t_ms, force * 100)
        peaks = cp.staircase(self.fibre, frequency_hz, STAIRCASE_TWITCHES, kinase)
        self.peaks.set_data(range(1, STAIRCASE_TWITCHES + 1), peaks * 100)
        if kinase:
            self.title.set_text(tr("{frequency:.3g} Hz, kinase present", frequency=frequency_hz))
            setting = tr("Twitches at {frequency:.3g} Hz with the light-chain kinase present", frequency=frequency_hz)
        else:
            self.title.set_text(tr("{frequency:.3g} Hz, kinase absent", frequency=frequency_hz))
            setting = tr("Twitches at {frequency:.3g} Hz with the light-chain kinase absent", frequency=frequency_hz)
        return tr(
            "{setting}: by twitch {n}, {phosphorylated:.0f}% of the regulatory light chains are phosphorylated and "
            "the peak force is {peak:.0f}% of the first twitch's.",
            setting=setting,
            n=STAIRCASE_TWITCHES,
            phosphorylated=rlc[-1] * 100,
            peak=peaks[-1] * 100,
        )


ATP_LEVELS_MM = (NORMAL_ATP_MM, 0.5, 0.1, 0.02)
RIGOR_ATP_MM = ATP_LEVELS_MM[-1]  # the explorer's lowest ATP, near rigor [mM]

PUMP = Spec(
    key="coupling-pump",
    title=N_("A fast fibre's twitch: calcium pump capacity and ATP"),
    basis=N_(
        "calcium release and pump rates fitted to mouse fibres (Baylor & Hollingworth 2003); other rates illustrative"
    ),
    view=PumpView,
    controls=(
        Control(
            "atp_mm",
            N_("ATP (mM)"),
            ATP_LEVELS_MM,
            (
                Msg(N_("{atp:g} (normal)"), atp=NORMAL_ATP_MM),
                Msg(N_("{atp:g}"), atp=0.5),
                Msg(N_("{atp:g}"), atp=0.1),
                Msg(N_("{atp:g} (near rigor)"), atp=0.02),
            ),
            unit="mM",
            buttons=True,
            live=(0.02, NORMAL_ATP_MM, 0.01),
            log=True,
        ),
        Control(
            "serca_scale",
            N_("Calcium pump capacity (% of normal)"),
            (0.25, 0.5, 0.75, 1.0, 1.5),
            tuple(Msg(N_("{percent:.0f}"), percent=p) for p in (25, 50, 75, 100, 150)),
            unit="%",
            start=3,
            live=(0.25, 1.5, 0.01),
        ),
    ),
)

STAIRCASE = Spec(
    key="coupling-staircase",
    title=N_("Treppe: twenty twitches in a row"),
    basis=N_("mechanism after Zhi et al. 2005; every constant illustrative"),
    view=StaircaseView,
    controls=(
        Control(
            "kinase", N_("Light-chain kinase"), (True, False), (N_("present"), N_("absent (knockout)")), buttons=True
        ),
        Control("frequency_hz", N_("Stimulation (Hz)"), STAIRCASE_HZ, unit="Hz", start=2, live=(0.2, 5.0, 0.05)),
    ),
)
