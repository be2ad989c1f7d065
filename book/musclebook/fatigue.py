"""Fatigue: what slows down in a tired muscle fibre, and what does not run out.

Chapter: ``book/fatigue.ipynb``.

Two small models.

**Relaxation after a tetanus.** Westerblad & Lännergren (1991) stimulated single mouse fibres
with 350 ms tetani at 70 Hz. Relaxation began with a nearly linear decline of force, followed by
an exponential phase. When fatigue had brought tetanic force down to about 75 % of its starting
value, the decline rate of the linear phase had fallen to 55.2 ± 2.9 % of control and its
duration had grown to 151.3 ± 14.2 % (mean ± SEM, 25 fibres). The model reduces relaxation to
its two steps (time in ms, rates per ms, force as a fraction of control tetanic force):

- *activation* ``a`` (the fraction of troponin holding calcium) rises towards 1 during
  stimulation and falls as the calcium pumps clear calcium, ``da/dt = -a / tau_ca``;
- *cross-bridges* ``x`` attach where the thin filament is switched on and detach after binding
  ATP: ``dx/dt = k_att h(a) (1 - x) - k_det x``, with a steep switch ``h(a) = a⁴/(a⁴ + a50⁴)``;
- force is ``x`` relative to its tetanic level, times the tetanic force of the fibre, which
  fatigue lowers (phosphate and H⁺ reduce the force of each cross-bridge).

Fatigue (``level`` from 0, rested, to 1, the fatigued state of Westerblad & Lännergren) slows
calcium removal and cross-bridge detachment and lowers the force per cross-bridge. The two
slowing factors are fitted so that the model's linear phase reproduces the measured rate and
duration; the force factor is set to their 75 %. All other constants are illustrative.

The *linear phase* is defined operationally here: from the moment force has fallen 2 % below
its tetanic level to the moment force falls fastest (where the exponential phase takes over).
Its decline rate is the force lost over the phase per ms, as a fraction of tetanic force.

The same model can instead be starved of ATP, which the calcium pump and cross-bridge
detachment both need (half-saturation constants shared with ``coupling``, in ``constants``), to compare the article's
idea that a tired muscle has run out of something with what fatigue actually changes.

**Force-velocity and power.** Hill's equation (``length_speed``) with three fatigue effects
named by Jones (2010): lower isometric force, lower maximal shortening velocity, and a more
curved relation. The sizes of the velocity and curvature changes are illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from . import length_speed as ls
from .constants import DETACH_ATP_K_MM, NORMAL_ATP_MM, SERCA_ATP_K_MM, atp_saturation
from .i18n import N_, Msg
from .params import Params, fraction, nonnegative, positive

# integration step [ms]: a sixtieth of the fastest time constant; a halved step changes no number the chapter prints
# by more than its last digit (scripts/time_steps.py)
DT_MS = 0.05
LINEAR_START_DROP = 0.02  # the linear phase starts once force is this fraction below its tetanic level [-], our choice
TETANUS_MS = 350.0  # stimulation of Westerblad & Lännergren (1991) [ms]
TETANUS_HZ = 70.0  # stimulation frequency, same source [Hz]; sets when the last stimulus falls
AFTER_MS = 250.0  # trace kept after stimulation ends [ms]
CALCIUM_SLOWING = 0.45  # fitted, see FITTED [-]
DETACH_SLOWING = 1.2  # fitted, see FITTED [-]
FATIGUED_FORCE = 0.75  # tetanic force in the fatigued state, fraction of control (same source)


@dataclass(frozen=True)
class RelaxingFibre(Params):
    """A fibre reduced to the two steps of relaxation: calcium removal, then cross-bridge detachment."""

    level: float = fraction(0.0)  # fatigue, 0 rested to 1 as fatigued as Westerblad & Lännergren's fibres [-]
    atp_mm: float = positive(NORMAL_ATP_MM)  # ATP [mM]
    calcium_removal_ms: float = positive(
        12.0
    )  # time constant of calcium removal by the pumps, rested [ms], illustrative
    activation_on_ms: float = positive(3.0)  # time constant of activation during stimulation [ms], illustrative
    half_activation: float = positive(0.35)  # a50 of the thin-filament switch [-], illustrative
    attach_per_ms: float = positive(0.3)  # cross-bridge attachment at full activation [1/ms], illustrative
    detach_per_ms: float = positive(0.06)  # cross-bridge detachment with plenty of ATP, rested [1/ms], illustrative
    calcium_slowing: float = nonnegative(0.0)  # fatigued/rested calcium-removal time constant minus 1 [-]
    detach_slowing: float = nonnegative(0.0)  # rested/fatigued detachment rate minus 1 [-]

    @property
    def pump_atp_factor(self) -> float:
        """The pump's speed at this ATP, relative to normal ATP [-]."""
        return atp_saturation(self.atp_mm, SERCA_ATP_K_MM) / atp_saturation(NORMAL_ATP_MM, SERCA_ATP_K_MM)

    @property
    def detach_atp_factor(self) -> float:
        """Cross-bridge detachment at this ATP, relative to normal ATP [-]."""
        return atp_saturation(self.atp_mm, DETACH_ATP_K_MM) / atp_saturation(NORMAL_ATP_MM, DETACH_ATP_K_MM)

    @property
    def tau_ca_ms(self) -> float:
        return self.calcium_removal_ms * (1 + self.calcium_slowing * self.level) / self.pump_atp_factor

    @property
    def k_det_per_ms(self) -> float:
        return self.detach_per_ms / (1 + self.detach_slowing * self.level) * self.detach_atp_factor

    @property
    def force_per_bridge(self) -> float:
        """Tetanic force relative to rested: set from the measured fall to 75 % (Pi and H+ lower it)."""
        return 1 - (1 - FATIGUED_FORCE) * self.level


def _fit_error(calcium: float, detach: float, target_rate_pct: float, target_duration_pct: float) -> float:
    """Squared relative misses of the fatigued linear phase against the targets [-]."""
    r = relaxation_vs_rested(RelaxingFibre(level=1.0, calcium_slowing=calcium, detach_slowing=detach))
    return ((r.rate_pct - target_rate_pct) / target_rate_pct) ** 2 + (
        (r.duration_pct - target_duration_pct) / target_duration_pct
    ) ** 2


def fit_slowing(target_rate_pct: float, target_duration_pct: float, step: float = 0.05) -> tuple[float, float]:
    """The calcium and detachment slowing, on a grid of ``step`` over 0-2, whose fatigued linear phase best hits
    the targets (least squares of the relative misses).

    A coarse search over the whole grid (every eighth point), then a walk to the best of the eight neighbours
    until the point itself is the best, with the spacing halved each time until it is ``step``."""
    n = round(2 / step)

    def error(point: tuple[int, int]) -> float:
        return _fit_error(point[0] * step, point[1] * step, target_rate_pct, target_duration_pct)

    spacing = 8
    best = min(((c, d) for c in range(0, n + 1, spacing) for d in range(0, n + 1, spacing)), key=error)
    while spacing > 1:
        spacing //= 2
        while True:
            around = [
                (best[0] + i * spacing, best[1] + j * spacing)
                for i in (-1, 0, 1)
                for j in (-1, 0, 1)
                if 0 <= best[0] + i * spacing <= n and 0 <= best[1] + j * spacing <= n
            ]
            better = min(around, key=error)
            if error(better) >= error(best):
                break
            best = better
    return round(best[0] * step, 3), round(best[1] * step, 3)


PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language
    Msg(N_("tetanus {ms:g} ms at {hz:g} Hz"), ms=TETANUS_MS, hz=TETANUS_HZ): N_(
        "measured protocol: Westerblad & Lännergren 1991"
    ),
    Msg(N_("fatigued tetanic force {percent:g} % of control"), percent=FATIGUED_FORCE * 100): N_(
        "measured: Westerblad & Lännergren 1991"
    ),
    N_("slowing of calcium removal and of cross-bridge detachment in fatigue"): (
        N_("fitted: to the linear phase of relaxation, same source")
    ),
    N_("time constants, rates and the thin-filament switch"): N_("illustrative"),
    N_("ATP dependence of pump and detachment"): N_("illustrative (shared with the coupling chapter)"),
    N_("fatigue changes of Vmax and curvature"): N_("illustrative; their direction from Jones 2010"),
}


@dataclass(frozen=True)
class Tetanus:
    t_ms: np.ndarray
    activation: np.ndarray
    force: np.ndarray  # fraction of the rested tetanic force [-]
    end_ms: float  # when stimulation ended [ms]


def _steady_bridges(fibre: RelaxingFibre) -> float:
    return fibre.attach_per_ms / (fibre.attach_per_ms + fibre.k_det_per_ms)


@cache
def tetanus(fibre: RelaxingFibre) -> Tetanus:
    """Force during and after a tetanus; force is scaled to the rested fibre's tetanic force."""
    last_stimulus = np.floor(TETANUS_MS * TETANUS_HZ / 1000 - 1e-9) * 1000 / TETANUS_HZ
    end = float(last_stimulus + 1000 / TETANUS_HZ)  # calcium removal starts one interval after the last stimulus
    n = int(round((end + AFTER_MS) / DT_MS))
    t = np.arange(n) * DT_MS
    a_trace, x_trace = [0.0] * n, [0.0] * n  # plain floats: fast per-step updates
    a = x = 0.0
    a50 = fibre.half_activation**4
    k_att, k_det = fibre.attach_per_ms, fibre.k_det_per_ms
    on, off = DT_MS / fibre.activation_on_ms, DT_MS / fibre.tau_ca_ms
    end_step = int(np.searchsorted(t, end))  # the first step at or after the end of stimulation
    for i in range(n):
        a_trace[i], x_trace[i] = a, x
        a += on * (1 - a) if i < end_step else -off * a
        a4 = a**4
        h = a4 / (a4 + a50)
        x += DT_MS * (k_att * h * (1 - x) - k_det * x)
    force = np.array(x_trace) / _steady_bridges(fibre) * fibre.force_per_bridge
    return Tetanus(t, np.array(a_trace), force, end)


@dataclass(frozen=True)
class LinearPhase:
    tetanic_force: float  # fraction of the rested tetanic force [-]
    rate_per_ms: float  # force lost per ms in the phase, fraction of this tetanus's force [1/ms]
    duration_ms: float  # [ms]; inf if force never falls
    start_ms: float  # start of the phase, after the end of stimulation [ms]; inf if force never falls


def linear_phase(tet: Tetanus) -> LinearPhase:
    """Decline rate and duration of the initial, nearly linear phase of relaxation."""
    i_end = int(np.searchsorted(tet.t_ms, tet.end_ms))
    tetanic = tet.force[i_end]
    if not tetanic > 0:
        raise ValueError("no tetanic force to relax from")
    after = tet.force[i_end:]
    fallen = np.nonzero(after < (1 - LINEAR_START_DROP) * tetanic)[0]
    if not fallen.size:
        return LinearPhase(float(tetanic), 0.0, float("inf"), float("inf"))
    start = i_end + int(fallen[0])
    slope = -np.diff(tet.force[start:]) / DT_MS
    steepest = start + int(np.argmax(slope))
    duration = tet.t_ms[steepest] - tet.t_ms[start]
    rate = (tet.force[start] - tet.force[steepest]) / duration / tetanic if duration > 0 else 0.0
    return LinearPhase(float(tetanic), float(rate), float(duration), float(tet.t_ms[start] - tet.end_ms))


@dataclass(frozen=True)
class Relaxation:
    """A fibre's relaxation compared with the rested fibre's."""

    tetanic_force_pct: float  # % of rested tetanic force
    rate_pct: float  # linear-phase decline rate, % of rested
    duration_pct: float  # linear-phase duration, % of rested
    force_left_pct: float  # force left at the end of the trace, % of this tetanus's force


@cache
def relaxation_vs_rested(fibre: RelaxingFibre) -> Relaxation:
    """Linear-phase rate and duration of ``fibre`` as % of the rested fibre, and its tetanic force."""
    rested = linear_phase(tetanus(fibre.replace(level=0.0, atp_mm=NORMAL_ATP_MM)))
    this = linear_phase(tetanus(fibre))
    return Relaxation(
        tetanic_force_pct=100 * this.tetanic_force,
        rate_pct=100 * this.rate_per_ms / rested.rate_per_ms,
        duration_pct=100 * this.duration_ms / rested.duration_ms,
        force_left_pct=100 * float(tetanus(fibre).force[-1] / this.tetanic_force),
    )


#: The fibre fitted with ``fit_slowing(55.2, 151.3)``: at ``level=1`` it reproduces Westerblad & Lännergren
#: (1991); ``FITTED.replace(level=1.0)`` is the fatigued fibre. (The default ``RelaxingFibre()`` is not fitted.)
FITTED = RelaxingFibre(calcium_slowing=CALCIUM_SLOWING, detach_slowing=DETACH_SLOWING)


def atp_for_rate(target_rate_pct: float, fibre: RelaxingFibre = FITTED) -> float:
    """The ATP [mM] at which the rested fibre's linear phase would be as slow as ``target_rate_pct`` of normal
    (bisection on a log scale: the rate rises with ATP)."""
    low, high = 1e-4, NORMAL_ATP_MM
    for _ in range(40):
        mid = (low * high) ** 0.5
        rate = relaxation_vs_rested(fibre.replace(atp_mm=mid)).rate_pct
        low, high = (mid, high) if rate < target_rate_pct else (low, mid)
    return (low * high) ** 0.5


# ---------------------------------------------------------------- force-velocity and power in fatigue

VMAX_FATIGUED = 0.8  # maximal shortening velocity in the fatigued state, fraction of rested [-], illustrative
CURVATURE_FATIGUED = 0.15  # a/F0 in the fatigued state (rested 0.25, Hill 1938) [-], illustrative


@dataclass(frozen=True)
class HillFatigued:
    f0: float  # isometric force, fraction of rested [-]
    vmax: float  # maximal shortening velocity, fraction of rested [-]
    curvature: float  # a/F0 [-]


def hill_fatigued(level: float) -> HillFatigued:
    """Isometric force, vmax and a/F0 at a fatigue level (fractions of rested values, except a/F0)."""
    if not 0 <= level <= 1:
        raise ValueError(f"fatigue level {level!r} must lie between 0 and 1")
    return HillFatigued(
        f0=1 - (1 - FATIGUED_FORCE) * level,
        vmax=1 - (1 - VMAX_FATIGUED) * level,
        curvature=ls.HILL_CURVATURE + (CURVATURE_FATIGUED - ls.HILL_CURVATURE) * level,
    )


@dataclass(frozen=True)
class Curve:
    force: np.ndarray  # load, fraction of rested F0 [-]
    velocity: np.ndarray  # fraction of rested vmax [-]
    power: np.ndarray  # fraction of rested peak power [-]


def force_velocity(level: float, n: int = 101) -> Curve:
    """Load, velocity and power as fractions of the rested F0, vmax and peak power."""
    p = hill_fatigued(level)
    rel = np.linspace(0, 1, n)
    velocity = ls.hill_velocity(rel, p.curvature) / ls.hill_velocity(0.0, p.curvature) * p.vmax
    force = rel * p.f0
    rested_peak = float(np.max(ls.hill_power(np.linspace(0, 1, 2001)) / ls.hill_velocity(0.0)))
    return Curve(force, velocity, force * velocity / rested_peak)


def peak_power(level: float) -> float:
    """Greatest power at this fatigue level, as a fraction of the rested peak power."""
    return float(force_velocity(level, n=2001).power.max())


def getting_started() -> Relaxation:
    """A first result to start from: the fitted fibre in the measured fatigued state, against rested."""
    return relaxation_vs_rested(FITTED.replace(level=1.0))
