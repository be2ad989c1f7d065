"""Plots and explorers of the motor-unit chapter.

``plot_raster`` and ``plot_pool_force`` draw a simulated pool on a Matplotlib ``Axes``; ``PoolView``
and ``StimulusView`` are the chapter's explorers (``POOL_EXPLORER`` and ``STIMULUS``).
"""

from __future__ import annotations

import numpy as np

from . import motor_units as mu
from . import style
from .explorer import PROJECTOR, WIDE, Control, Layout, Spec, View
from .i18n import N_, Msg, tr

SPIKES = "#333333"
FORCE = style.BLUE
SHOWN_EVERY = 4  # raster shows every 4th unit of the pool
DURATION_MS = mu.STEADY_WINDOW_MS[1]


def plot_raster(ax, result: mu.PoolForce, every: int = SHOWN_EVERY):
    """Spike times of every ``every``-th unit, smallest at the bottom."""
    rows = range(0, len(result.spikes), every)
    segments = [
        style.ticks(ax, result.spikes[i], row + 0.1, row + 0.9, color=SPIKES, lw=0.8) for row, i in enumerate(rows)
    ]
    ax.set_ylim(0, len(rows))
    ax.set_yticks([0.5, len(rows) - 0.5], [tr("smallest"), tr("largest")])
    ax.set_ylabel(tr("Motor units"))
    return segments


def plot_pool_force(ax, result: mu.PoolForce, full_force: float):
    """Total force of the pool, % of its maximum."""
    (line,) = ax.plot(result.t_ms, result.force / full_force * 100, color=FORCE, lw=1.8)
    ax.set_xlabel(tr("Time (ms); shaded: where mean force and ripple are measured"))
    ax.set_ylabel(tr("Force (% of maximum)"))
    return line


class PoolView(View):
    """Explorer frame: which units fire (top) and the force they make together (bottom)."""

    figsize = (7.5, 4.4)

    def __init__(self, fig, layout: Layout = WIDE, pool: mu.Pool = mu.POOL):
        super().__init__(fig, layout)
        self.pool = pool
        if layout == PROJECTOR:  # side by side: stacked in a slide's 2.7 in, each panel was 0.7 in high
            self.top, self.bottom = self.panels(1, 2)
        else:
            margins = dict(left=0.13, right=0.97, bottom=0.12, top=0.92, hspace=0.45)
            self.top, self.bottom = self.panels(2, 1, height_ratios=[1.2, 1], margins=margins)
        rows = len(range(0, pool.n_units, SHOWN_EVERY))
        self.top.set_ylim(0, rows)
        self.top.set_yticks([0.5, rows - 0.5], [tr("smallest"), tr("largest")])
        self.top.set_ylabel(tr("Motor units"))
        self.bottom.axvspan(*mu.STEADY_WINDOW_MS, color="0.93", lw=0)
        (self.force,) = self.dynamic(self.bottom.plot([], [], color=FORCE, lw=1.8))
        self.bottom.set_ylim(0, 110)
        self.bottom.set_xlabel(tr("Time (ms); shaded: where mean force and ripple are measured"))
        self.bottom.set_ylabel(tr("Force (% of maximum)"))
        for ax in (self.top, self.bottom):
            ax.set_xlim(0, DURATION_MS)
        self.room_for_labels(self.top, self.bottom)  # a longer word than "smallest" on the raster's axis
        # side by side, the title spans the figure (over the raster alone it ran off the slide)
        title = fig.suptitle(" ", fontsize=10.5) if layout == PROJECTOR else self.top.set_title(" ")
        self.title = self.dynamic(title)

    def update(self, in_phase: bool, excitation: float) -> str:
        self.clear_transient()
        pool = self.pool.replace(in_phase=in_phase)
        result = mu.simulate(pool, excitation)
        rows = range(0, len(result.spikes), SHOWN_EVERY)
        spikes = [(row, result.spikes[i]) for row, i in enumerate(rows) if len(result.spikes[i])]
        if spikes:
            x = np.concatenate([s for _, s in spikes])
            y0 = np.concatenate([np.full(len(s), row + 0.1) for row, s in spikes])
            self.transient(style.ticks(self.top, x, y0, y0 + 0.8, color=SPIKES, lw=0.8))
        full = mu.max_force(self.pool)
        self.force.set_data(result.t_ms, result.force / full * 100)
        if in_phase:
            mode = tr("all units in phase at {rate:g} Hz", rate=pool.in_phase_rate_hz)
        else:
            mode = tr("units firing independently")
        self.title.set_text(
            tr(
                "Excitation {excitation:.0f}% of maximum, {mode} (every {every}th unit shown)",
                excitation=excitation * 100,
                mode=mode,
                every=SHOWN_EVERY,
            )
        )
        self.keep_on_figure(self.title)
        steady = result.steady()
        rates = result.rates_hz[result.rates_hz > 0]
        if not rates.size:
            return tr(
                "Excitation {excitation:.0f}% of maximum recruits none of the {n} motor units: no force.",
                excitation=excitation * 100,
                n=pool.n_units,
            )
        if in_phase:
            firing = tr("all at {rate:.0f} Hz, in phase", rate=rates[0])
        else:
            firing = tr("at {low:.0f} to {high:.0f} Hz, independently", low=rates.min(), high=rates.max())
        return tr(
            "Excitation {excitation:.0f}% of maximum recruits the {recruited} smallest of {n} motor units, firing "
            "{firing}. Together they make {force:.0f}% of maximal force, which ripples by {ripple:.1f}% around its "
            "mean.",
            excitation=excitation * 100,
            recruited=len(rates),
            n=pool.n_units,
            firing=firing,
            force=steady.mean / full * 100,
            ripple=steady.ripple * 100,
        )


# ---------------------------------------------------------------- stimulus voltage (lab practical)

STIMULUS_V = (0.8, 1.1, 1.3, 1.5, 1.8, 2.1, 2.4, 2.7, 3.0, 3.5)  # the explorer's voltages [V]
CURVE_V = np.linspace(0.5, 3.8, 120)


class StimulusView(View):
    """Explorer frame: the twitch one shock evokes (left) and the stimulus-response curve (right)."""

    figsize = (7.5, 3.4)

    def __init__(self, fig, layout: Layout = WIDE, pool: mu.Pool = mu.POOL):
        super().__init__(fig, layout)
        self.pool = pool
        self.left, self.right = self.panels(
            1, 2, margins=dict(left=0.09, right=0.98, bottom=0.16, top=0.86, wspace=0.3)
        )
        self.maximal = mu.shock_twitch(pool, mu.STIMULUS_RANGE_V[1])
        self.peak = self.maximal.force.max()
        self.left.plot(
            self.maximal.t_ms,
            self.maximal.force / self.peak * 100,
            color="#999999",
            ls="--",
            lw=1.5,
            label=tr("maximal"),
        )
        (self.twitch,) = self.dynamic(self.left.plot([], [], color=FORCE, label=tr("this shock")))
        self.left.set_xlim(0, self.maximal.t_ms[-1])
        self.left.set_xlabel(tr("Time after the shock (ms)"))
        self.left.set_ylabel(tr("Force (% of maximal twitch)"))
        self.left.set_ylim(0, 110)
        self.left.legend(loc="upper right")
        self.right.plot(CURVE_V, mu.stimulus_response(pool, CURVE_V) * 100, color=FORCE, lw=1.5)
        (self.mark,) = self.dynamic(self.right.plot([], [], "o", color=SPIKES, ms=8))
        low, high = mu.STIMULUS_RANGE_V
        for x, text in ((low, tr("threshold")), (high, tr("maximal"))):
            self.right.axvline(x, color="#999999", lw=0.8, ls=":")
            # over the top of the axes, where the dotted line ends: inside, the line ran through the word
            self.right.annotate(
                text,
                (x, 1),
                xycoords=("data", "axes fraction"),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
            )
        self.right.set_xlim(CURVE_V[0], CURVE_V[-1])
        self.right.set_xlabel(tr("Stimulus (V)"))
        self.right.set_ylabel(tr("Twitch peak (% of maximal)"))
        self.right.set_ylim(0, 105)
        self.title = self.dynamic(self.left.set_title(" "))

    def update(self, volts: float) -> str:
        twitch = mu.shock_twitch(self.pool, volts)
        self.twitch.set_data(twitch.t_ms, twitch.force / self.peak * 100)
        peak = float(mu.stimulus_response(self.pool, volts)[0]) * 100
        self.mark.set_data([volts], [peak])
        n = mu.units_excited(self.pool, volts)
        self.title.set_text(tr("{excited} of {n} axons excited", excited=n, n=self.pool.n_units))
        low, high = mu.STIMULUS_RANGE_V
        if volts < low:
            stage = tr("below threshold: no axon is excited and the muscle does not twitch")
        elif volts < high:
            stage = tr("between threshold and maximal: a stronger shock excites more axons and the twitch grows")
        elif volts == high:
            stage = tr("maximal: this is the weakest shock that excites every axon")
        else:
            stage = tr("supramaximal: every axon is already excited, so the stronger shock adds nothing")
        return tr(
            "A single {volts:g} V shock to the nerve excites {excited} of {n} motor axons and evokes a twitch of "
            "{peak:.0f}% of the maximal twitch; {stage}.",
            volts=volts,
            excited=n,
            n=self.pool.n_units,
            peak=peak,
            stage=stage,
        )


EXCITATIONS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)

POOL_EXPLORER = Spec(
    key="motor-units-pool",
    title=Msg(N_("A pool of {n} motor units"), n=mu.POOL.n_units),
    basis=N_("pool after Fuglevand et al. 1993 (model defaults); firing variability illustrative"),
    view=PoolView,
    controls=(
        Control(
            "in_phase",
            N_("Firing"),
            (False, True),
            (
                N_("independent (voluntary)"),
                Msg(N_("in phase at {rate:g} Hz (electrical)"), rate=mu.POOL.in_phase_rate_hz),
            ),
            buttons=True,
        ),
        Control(
            "excitation",
            N_("Excitation (% of maximum)"),
            EXCITATIONS,
            tuple(Msg(N_("{percent:.0f}"), percent=e * 100) for e in EXCITATIONS),
            unit="%",
            start=4,
            live=(0.02, 1.0, 0.01),
        ),
    ),
)

STIMULUS = Spec(
    key="motor-units-stimulus",
    title=Msg(N_("One shock to the nerve of a {n}-unit pool"), n=mu.POOL.n_units),
    basis=N_("pool after Fuglevand et al. 1993; electrical thresholds and their order illustrative"),
    view=StimulusView,
    controls=(Control("volts", N_("Stimulus (V)"), STIMULUS_V, unit="V", start=3, live=(0.5, 3.8, 0.01)),),
)
