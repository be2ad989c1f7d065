"""Plots for the coupling-and-relaxation chapter: they take model output and draw on Axes."""

from __future__ import annotations

from . import coupling as cp

CALCIUM = "#009E73"
FORCE = "#0072B2"
NORMAL = "#999999"
MARGINS = dict(left=0.09, right=0.98, bottom=0.16, top=0.88, wspace=0.3)


def plot_calcium(ax, transient: cp.Transient, colour=CALCIUM, label=None, until_ms: float = 60.0, **style):
    keep = transient.t_ms <= until_ms
    ax.plot(transient.t_ms[keep], transient.calcium_um[keep], color=colour, label=label, **style)
    ax.set_xlabel("Time after the action potential (ms)")
    ax.set_ylabel("Free calcium (µM)")
    ax.spines[["top", "right"]].set_visible(False)


def plot_force(ax, transient: cp.Transient, colour=FORCE, label=None, **style):
    ax.plot(transient.t_ms, transient.force * 100, color=colour, label=label, **style)
    ax.set_xlabel("Time after the action potential (ms)")
    ax.set_ylabel("Cross-bridges attached (%)")
    ax.set_ylim(0, 105)
    ax.spines[["top", "right"]].set_visible(False)


def draw_pump_explorer(fig, serca_scale: float, atp_mm: float, fibre: cp.Fibre = cp.FAST):
    """Explorer frame: calcium transient (left) and force (right), against the normal fibre dashed."""
    left, right = fig.subplots(1, 2, gridspec_kw=MARGINS)
    normal = cp.simulate(fibre)
    changed = cp.simulate(fibre.with_(serca_scale=serca_scale, atp_mm=atp_mm))
    plot_calcium(left, normal, NORMAL, "normal", ls="--", lw=1.5)
    plot_calcium(left, changed, CALCIUM, "this setting", lw=2)
    plot_force(right, normal, NORMAL, "normal", ls="--", lw=1.5)
    plot_force(right, changed, FORCE, "this setting", lw=2)
    left.set_ylim(0, 90)
    left.legend(frameon=False, fontsize=8)
    right.legend(frameon=False, fontsize=8, loc="upper right")
    left.set_title(f"SERCA at {serca_scale * 100:.0f}% capacity, ATP {atp_mm:g} mM", fontsize=10)


def describe_pump(serca_scale: float, atp_mm: float, fibre: cp.Fibre = cp.FAST) -> str:
    s = cp.summary(fibre.with_(serca_scale=serca_scale, atp_mm=atp_mm))
    n = cp.summary(fibre)
    if s["final_force_fraction"] > 0.05:
        end = (
            f"{s['final_force_fraction'] * 100:.0f}% of the peak force is still there after "
            "150 ms: without enough ATP the cross-bridges cannot let go (rigor), with no new action potential"
        )
    else:
        end = "force returns to rest"
    relax = s["force_half_relaxation_ms"]
    relax_text = f"{relax:.0f} ms" if relax != float("inf") else "longer than the whole trace"
    return (
        f"Fast fibre with its calcium pump at {serca_scale * 100:.0f}% of normal capacity and {atp_mm:g} mM ATP: "
        f"free calcium rises by {s['peak_calcium_rise_um']:.1f} µM (normal {n['peak_calcium_rise_um']:.1f} µM), "
        f"peak force {s['peak_force'] * 100:.0f}% of cross-bridges (normal {n['peak_force'] * 100:.0f}%), "
        f"half-relaxation {relax_text} (normal {n['force_half_relaxation_ms']:.0f} ms); {end}."
    )


# ---------------------------------------------------------------- treppe (staircase)

STAIRCASE_HZ = (0.2, 0.5, 1.0, 2.0, 5.0)  # the explorer's frequencies [Hz]
STAIRCASE_TWITCHES = 20


def draw_staircase_explorer(fig, frequency_hz: float, kinase: bool, fibre: cp.Fibre = cp.FAST):
    """Explorer frame: first and last twitch of a train (left), peak force of every twitch (right)."""
    left, right = fig.subplots(1, 2, gridspec_kw=MARGINS)
    rlc = cp.rlc_before_each_twitch(frequency_hz, STAIRCASE_TWITCHES, kinase)
    first = cp.simulate(fibre)
    last = cp.simulate(fibre.with_(rlc_phosphorylated=float(rlc[-1])))
    plot_force(left, first, NORMAL, "twitch 1", ls="--", lw=1.5)
    plot_force(left, last, FORCE, f"twitch {STAIRCASE_TWITCHES}", lw=2)
    left.set_xlim(0, 60)
    left.legend(frameon=False, fontsize=8, loc="upper right")
    peaks = cp.staircase(fibre, frequency_hz, STAIRCASE_TWITCHES, kinase) * 100
    right.plot(range(1, STAIRCASE_TWITCHES + 1), peaks, "o", color=FORCE, ms=5)
    right.set_xlabel("Twitch number")
    right.set_ylabel("Peak force (% of twitch 1)")
    right.set_ylim(95, 115)
    right.set_xticks([1, 5, 10, 15, 20])
    right.spines[["top", "right"]].set_visible(False)
    right.set_title(f"{frequency_hz:g} Hz, kinase {'present' if kinase else 'absent'}", fontsize=10)


def describe_staircase(frequency_hz: float, kinase: bool, fibre: cp.Fibre = cp.FAST) -> str:
    peaks = cp.staircase(fibre, frequency_hz, STAIRCASE_TWITCHES, kinase)
    rlc = cp.rlc_before_each_twitch(frequency_hz, STAIRCASE_TWITCHES, kinase)
    return (
        f"Twitches at {frequency_hz:g} Hz with the light-chain kinase {'present' if kinase else 'absent'}: "
        f"by twitch {STAIRCASE_TWITCHES} {rlc[-1] * 100:.0f}% of the regulatory light chains are phosphorylated "
        f"and the peak force is {peaks[-1] * 100:.0f}% of the first twitch's."
    )
