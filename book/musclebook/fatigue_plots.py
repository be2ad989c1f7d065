"""Plots and explorers of the fatigue chapter.

``plot_tetanus`` and ``plot_relaxation`` draw a simulated tetanus on a Matplotlib ``Axes``;
``RelaxationView`` and ``PowerView`` are the chapter's explorers (``RELAXATION`` and ``POWER``).
"""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import fatigue as fa
from . import style
from .constants import NORMAL_ATP_MM
from .explorer import WIDE, Control, Layout, Spec, View
from .i18n import N_, Msg, tr

FORCE = style.BLUE
POWER_COLOUR = style.VERMILION
RESTED = "#999999"
LINEAR_PHASE = "#FFF1C9"  # the band of the linear phase of relaxation
MARGINS = dict(left=0.08, right=0.98, bottom=0.16, top=0.86, wspace=0.3)
CAUSES = ("fatigue", "atp")
RELAXATION_LEVELS = (0.0, 0.25, 0.5, 0.75, 1.0)  # the relaxation explorer's slider [-]
POWER_LEVELS = tuple(i / 10 for i in range(11))  # the power explorer's slider [-]
LOWEST_ATP_MM = 0.01  # ATP at full "level" of the hypothetical ATP-depletion scenario [mM]
RELAXATION_WINDOW_MS = 150.0  # time shown after stimulation ends [ms]


def fibre_for(cause: str, level: float) -> fa.RelaxingFibre:
    """The fibre of the relaxation explorer: fatigued as measured, or (hypothetically) short of ATP."""
    if cause == "fatigue":
        return fa.FITTED.replace(level=level)
    if cause == "atp":
        return fa.FITTED.replace(atp_mm=NORMAL_ATP_MM * (LOWEST_ATP_MM / NORMAL_ATP_MM) ** level)
    raise ValueError(f"unknown cause {cause!r}: expected one of {CAUSES}")


def setting_text(cause: str, level: float) -> str:
    if cause == "fatigue":
        return tr("fatigue {level:.0f}% of the way to the measured fatigued state", level=level * 100)
    return tr("ATP {atp:.2g} mM instead of {normal:g} mM", atp=fibre_for(cause, level).atp_mm, normal=NORMAL_ATP_MM)


def plot_tetanus(ax, tet: fa.Tetanus, colour=FORCE, label=None, **kw):
    """Force during and after a tetanus (% of the rested tetanus)."""
    (line,) = ax.plot(tet.t_ms, tet.force * 100, color=colour, label=label, **kw)
    ax.set_xlabel(tr("Time (ms)"))
    ax.set_ylabel(tr("Force (% of rested tetanus)"))
    ax.set_xlim(0, tet.t_ms[-1])
    ax.set_ylim(0, 110)
    return line


def relaxation_curve(tet: fa.Tetanus, until_ms: float = RELAXATION_WINDOW_MS):
    """Time after stimulation [ms] and force as % of this tetanus's own force."""
    i_end = int(np.searchsorted(tet.t_ms, tet.end_ms))
    keep = slice(i_end, i_end + int(until_ms / fa.DT_MS))
    return tet.t_ms[keep] - tet.end_ms, tet.force[keep] / tet.force[i_end] * 100


def plot_relaxation(ax, tet: fa.Tetanus, colour=FORCE, label=None, **kw):
    """Force after stimulation ends, as % of this tetanus's own force."""
    (line,) = ax.plot(*relaxation_curve(tet), color=colour, label=label, **kw)
    ax.set_xlabel(tr("Time after stimulation ends (ms)"))
    ax.set_ylabel(tr("Force (% of its tetanus)"))
    ax.set_xlim(0, RELAXATION_WINDOW_MS)
    ax.set_ylim(0, 105)
    return line


def _legend(ax, colour, label=None, extra=()):
    ax.legend(
        handles=[
            Line2D([], [], color=RESTED, ls="--", lw=1.5, label=tr("rested")),
            Line2D([], [], color=colour, label=label or tr("this setting")),
            *extra,
        ],
        loc="upper right",
    )


class RelaxationView(View):
    """Explorer frame: the whole tetanus (left) and its relaxation, with the linear phase marked (right)."""

    figsize = (7.5, 3.4)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.left, self.right = self.panels(1, 2, margins=MARGINS)
        rested = fa.tetanus(fa.FITTED)
        plot_tetanus(self.left, rested, RESTED, ls="--", lw=1.5)
        plot_relaxation(self.right, rested, RESTED, ls="--", lw=1.5)
        self.force = self.dynamic(plot_tetanus(self.left, rested, FORCE))
        self.relax = self.dynamic(plot_relaxation(self.right, rested, FORCE))
        self.title = self.dynamic(fig.suptitle(" ", fontsize=10.5))
        # the tetanus's plateau, and a slow relaxation without ATP, fill every corner of the scales: the legends
        # get room over them
        # the linear phase's band is named in the legend: inside the band the falling curves cross every place
        band = Patch(color=LINEAR_PHASE, lw=0, label=tr("linear\nphase").replace("\n", " "))
        for ax, extra in ((self.left, ()), (self.right, (band,))):
            style.legend_room(ax, 105, [0, 20, 40, 60, 80, 100], phone=layout.stack, rows=2 + len(extra))
            _legend(ax, FORCE, extra=extra)

    def update(self, cause: str, level: float) -> str:
        self.clear_transient()
        tet = fa.tetanus(fibre_for(cause, level))
        self.force.set_data(tet.t_ms, tet.force * 100)
        self.relax.set_data(*relaxation_curve(tet))
        phase = fa.linear_phase(tet)
        if np.isfinite(phase.duration_ms):
            t0, t1 = phase.start_ms, phase.start_ms + phase.duration_ms
            scale = 105 / self.right.get_ylim()[1]  # the band ends with the scale, under the legend's room
            self.transient(self.right.axvspan(t0, t1, ymax=scale, color=LINEAR_PHASE, lw=0, zorder=0))
        title = setting_text(cause, level)
        self.title.set_text(title[0].upper() + title[1:])
        r = fa.relaxation_vs_rested(fibre_for(cause, level))
        if r.force_left_pct > 5:
            end = tr(
                "{left:.0f}% of the force is still there {after:.0f} ms after stimulation: cross-bridges without ATP "
                "cannot let go (rigor)",
                left=r.force_left_pct,
                after=fa.AFTER_MS,
            )
        else:
            end = tr("force returns to rest")
        return tr(
            "A {duration:.0f} ms tetanus at {frequency:.0f} Hz with {setting}: tetanic force {force:.0f}% of rested; "
            "in the linear phase of relaxation force falls at {rate:.0f}% of the rested rate, for {time:.0f}% of the "
            "rested time; {end}.",
            duration=fa.TETANUS_MS,
            frequency=fa.TETANUS_HZ,
            setting=setting_text(cause, level),
            force=r.tetanic_force_pct,
            rate=r.rate_pct,
            time=r.duration_pct,
            end=end,
        )


class PowerView(View):
    """Explorer frame: Hill's force-velocity curve (left) and power (right), rested dashed."""

    figsize = (7.5, 3.4)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.left, self.right = self.panels(1, 2, margins=MARGINS)
        rested = fa.force_velocity(0.0)
        self.left.plot(rested.force * 100, rested.velocity * 100, color=RESTED, ls="--", lw=1.5)
        self.right.plot(rested.force * 100, rested.power * 100, color=RESTED, ls="--", lw=1.5)
        (self.velocity,) = self.dynamic(self.left.plot([], [], color=FORCE))
        (self.power,) = self.dynamic(self.right.plot([], [], color=POWER_COLOUR))
        self.title = self.dynamic(fig.suptitle(" ", fontsize=10.5))
        self.left.set_ylabel(tr("Shortening speed (% of rested max)"))
        self.right.set_ylabel(tr("Power (% of rested peak)"))
        for ax, colour in ((self.left, FORCE), (self.right, POWER_COLOUR)):
            ax.set_xlabel(tr("Load (% of rested isometric force)"))
            ax.set_xlim(0, 105)
            # room over the scale: on a narrow panel the power's hump reaches the upper right corner
            style.legend_room(ax, 105, [0, 20, 40, 60, 80, 100], phone=layout.stack)
            _legend(ax, colour, tr("this level"))

    def update(self, level: float) -> str:
        curve = fa.force_velocity(level)
        self.velocity.set_data(curve.force * 100, curve.velocity * 100)
        self.power.set_data(curve.force * 100, curve.power * 100)
        self.title.set_text(tr("Fatigue {level:.0f}% of the way to the fatigued state", level=level * 100))
        p = fa.hill_fatigued(level)
        return tr(
            "At fatigue {level:.0f}% of the way to the fatigued state: isometric force {force:.0f}%, maximal "
            "shortening speed {speed:.0f}% and curvature a/F0 {curvature:.2f} (rested {rested:g}); peak power is "
            "{power:.0f}% of rested.",
            level=level * 100,
            force=p.f0 * 100,
            speed=p.vmax * 100,
            curvature=p.curvature,
            rested=fa.ls.HILL_CURVATURE,
            power=fa.peak_power(level) * 100,
        )


RELAXATION = Spec(
    key="fatigue-relaxation",
    title=Msg(
        N_("Relaxation after a {duration:.0f} ms tetanus at {frequency:.0f} Hz"),
        duration=fa.TETANUS_MS,
        frequency=fa.TETANUS_HZ,
    ),
    basis=N_("fatigue slowing fitted to Westerblad & Lännergren 1991; other constants illustrative"),
    view=RelaxationView,
    controls=(
        Control(
            "cause",
            N_("Cause"),
            CAUSES,
            (N_("fatigue (as measured)"), N_("ATP running out (hypothetical)")),
            buttons=True,
        ),
        Control(
            "level",
            N_("How far (%)"),
            RELAXATION_LEVELS,
            tuple(Msg(N_("{percent:.0f}"), percent=x * 100) for x in RELAXATION_LEVELS),
            unit="%",
            live=(0.0, 1.0, 0.01),
        ),
    ),
)

POWER = Spec(
    key="fatigue-power",
    title=N_("Force, speed and power as a muscle tires"),
    basis=N_("Hill's equation (measured shape); fatigue changes of speed and curvature illustrative"),
    view=PowerView,
    controls=(
        Control(
            "level",
            N_("Fatigue (% of the way to the fatigued state)"),
            POWER_LEVELS,
            tuple(Msg(N_("{percent:.0f}"), percent=x * 100) for x in POWER_LEVELS),
            unit="%",
            live=(0.0, 1.0, 0.01),
        ),
    ),
)
