"""From twitch to tetanus: a two-stage model of a stimulated muscle or motor unit.

Chapter: ``book/twitch.ipynb``.

Stage 1 — activation. Each stimulus, after a latent period, produces a unitless
activation transient (standing for calcium bound to troponin)::

    a(t) = (t/T)**p * exp(p * (1 - t/T))      for t > 0

which rises to 1 at t = T (the contraction time) and falls afterwards. Transients
of successive stimuli add up (summation). Slower relaxation is modelled by
stretching the falling phase by ``relaxation_factor``.

Stage 2 — force. Force, as a fraction of maximal tetanic force, is a saturating
(cooperative) function of the summed activation ``s``::

    F = s**n / (s**n + K**n),   K**n = (1 - r) / r

so that a single twitch peaks at ``r``, the twitch-to-tetanus ratio, and fused
tetanic stimulation approaches 1.

Which parameters are measured and which are not (see ``PARAMETER_STATUS``):
the slow unit's contraction time is the measured human triceps-surae value
(Sale et al. 1982); its shape exponent ``p`` is fitted (:func:`fit_shape`) so that the
emergent half-relaxation time matches the same study; the fast unit's contraction
time, the cooperativity ``n``, the twitch-to-tetanus ratio and the latent period
are illustrative teaching values.

All times are in milliseconds (``_ms``), frequencies in hertz (``_hz``), force is
a fraction of maximal tetanic force (unitless, 0-1).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from .i18n import N_, Msg
from .params import Params, nonnegative, open_fraction, positive

DT_MS = 0.5  # time step of every simulated trace [ms]


@dataclass(frozen=True)
class Unit(Params):
    """Parameters of one muscle or motor unit."""

    name: str
    contraction_time_ms: float = positive()  # time from force onset to twitch peak [ms]
    shape: float = positive(1.55)  # rise/fall shape exponent p of the activation transient [-]
    cooperativity: float = positive(2.0)  # Hill exponent n of the activation-to-force step [-], illustrative
    twitch_tetanus_ratio: float = open_fraction(0.15)  # peak twitch force / maximal tetanic force [-], illustrative
    latent_period_ms: float = nonnegative(5.0)  # delay from stimulus to force onset [ms], illustrative
    relaxation_factor: float = positive(1.0)  # stretch of the falling phase (1 = normal, >1 slower) [-]


#: A slow unit with the measured twitch timing of human triceps surae (Sale et al. 1982).
SLOW = Unit("slow", contraction_time_ms=112.4)
#: A fast unit: contraction time illustrative (fast human units are several times quicker).
FAST = Unit("fast", contraction_time_ms=40.0)  # illustrative

#: What each parameter rests on, shown on the chapter page.
PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language
    Msg(N_("slow contraction time ({ms:g} ms)"), ms=SLOW.contraction_time_ms): N_(
        "measured: human triceps surae, Sale et al. 1982"
    ),
    N_("shape exponent p"): N_("fitted: to the half-relaxation time of the same study"),
    Msg(N_("fast contraction time ({ms:g} ms)"), ms=FAST.contraction_time_ms): N_("illustrative"),
    N_("cooperativity n"): N_("illustrative"),
    N_("twitch-to-tetanus ratio"): N_("illustrative"),
    N_("latent period"): N_("illustrative"),
}


def stimulus_times_ms(frequency_hz: float, duration_ms: float) -> np.ndarray:
    """Stimulus times [ms] of a regular train starting at 0; one stimulus if frequency is 0."""
    if not (np.isfinite(frequency_hz) and frequency_hz >= 0 and duration_ms > 0):
        raise ValueError(f"need frequency_hz >= 0 and duration_ms > 0, got {frequency_hz}, {duration_ms}")
    if frequency_hz == 0:
        return np.array([0.0])
    return np.arange(0.0, duration_ms, 1000.0 / frequency_hz)


def activation(t_ms: np.ndarray, stimuli_ms: np.ndarray, unit: Unit) -> np.ndarray:
    """Summed unitless activation at times ``t_ms`` for stimuli at ``stimuli_ms``."""
    t_ms = np.asarray(t_ms, dtype=float)
    since = t_ms[None, :] - (np.asarray(stimuli_ms, dtype=float)[:, None] + unit.latent_period_ms)
    x = np.clip(since, 0.0, None) / unit.contraction_time_ms
    x = np.where(x > 1.0, 1.0 + (x - 1.0) / unit.relaxation_factor, x)
    p = unit.shape
    with np.errstate(under="ignore"):
        a = np.where(since > 0, x**p * np.exp(p * (1.0 - x)), 0.0)
    return a.sum(axis=0)


def force_from_activation(a: np.ndarray, unit: Unit) -> np.ndarray:
    """Force (fraction of maximal tetanic force) for summed activation ``a``."""
    n = unit.cooperativity
    k_n = (1.0 - unit.twitch_tetanus_ratio) / unit.twitch_tetanus_ratio
    a_n = np.power(np.asarray(a, dtype=float), n)
    return a_n / (a_n + k_n)


@dataclass(frozen=True)
class Train:
    """Force of a unit during and after a train of stimuli."""

    t_ms: np.ndarray  # time [ms]
    force: np.ndarray  # fraction of maximal tetanic force [-]
    stimuli_ms: np.ndarray  # stimulus times [ms]


def simulate(unit: Unit, frequency_hz: float, duration_ms: float = 1000.0, record_ms: float | None = None) -> Train:
    """Force of ``unit`` stimulated at ``frequency_hz`` for ``duration_ms``; ``frequency_hz=0`` is one twitch.

    The trace is ``record_ms`` long (default: the train plus time to relax).
    """
    stimuli = stimulus_times_ms(frequency_hz, duration_ms)
    if record_ms is None:
        record_ms = duration_ms + 6 * unit.contraction_time_ms * unit.relaxation_factor
    t = np.arange(0.0, record_ms, DT_MS)
    return Train(t, force_from_activation(activation(t, stimuli, unit), unit), stimuli)


@dataclass(frozen=True)
class TwitchTiming:
    latent_period_ms: float  # stimulus to force onset [ms]
    contraction_time_ms: float  # force onset to peak [ms]
    half_relaxation_ms: float  # peak to half of peak force [ms]
    peak_force: float  # fraction of maximal tetanic force [-]


@cache
def twitch_timing(unit: Unit) -> TwitchTiming:
    """Latent period, contraction time and half-relaxation time of a single twitch."""
    run = simulate(unit, 0.0, duration_ms=1.0)
    t, f = run.t_ms, run.force
    onset = t[np.argmax(f > 0) - 1]  # the last sample at rest: force rises from there (not from the next sample)
    i_peak = int(np.argmax(f))
    # the peak between samples: the vertex of the parabola through the highest sample and its neighbours
    before, top, after_peak = f[i_peak - 1], f[i_peak], f[i_peak + 1]
    t_peak = t[i_peak] + DT_MS * 0.5 * (before - after_peak) / (before - 2 * top + after_peak)
    after = f[i_peak:]
    i_half = i_peak + int(np.argmax(after <= f[i_peak] / 2))
    # linear interpolation of the half-force crossing
    f0, f1 = f[i_half - 1], f[i_half]
    t_half = t[i_half - 1] + DT_MS * (f0 - f[i_peak] / 2) / (f0 - f1)
    return TwitchTiming(float(onset), float(t_peak - onset), float(t_half - t_peak), float(f[i_peak]))


@dataclass(frozen=True)
class Steady:
    peak: float  # highest force during the train [-]
    trough: float  # lowest force between the last stimuli [-]

    @property
    def ripple(self) -> float:
        """(peak - trough) / peak in the last part of the train: 1 = separate twitches, 0 = fused."""
        return (self.peak - self.trough) / self.peak


@cache
def steady_state(unit: Unit, frequency_hz: float, duration_ms: float = 1500.0) -> Steady:
    """Peak force and the force ripple in the last third of a train.

    The record runs two contraction times past the train, so that the last twitch's peak, after the
    last stimulus, is in it."""
    run = simulate(unit, frequency_hz, duration_ms, record_ms=duration_ms + 2 * unit.contraction_time_ms)
    late = run.force[(run.t_ms >= duration_ms * 2 / 3) & (run.t_ms < duration_ms)]
    return Steady(float(run.force.max()), float(late.min()))


def force_frequency(unit: Unit, frequencies_hz) -> np.ndarray:
    """Peak force (fraction of maximal tetanic force) at each stimulation frequency."""
    return np.array([steady_state(unit, float(f)).peak for f in frequencies_hz])


def _lowest_on_grid(condition, max_hz: float, step_hz: float) -> float | None:
    """The lowest frequency on the grid step_hz, 2 step_hz, ... max_hz where a monotone ``condition`` holds.

    Bisection: about eight simulations instead of one per grid point; the same answer as a scan
    because the conditions used (force above a level, ripple below a half) turn true once and stay
    true as frequency rises (tests check both on a scan; ripple itself wobbles by about 1e-6 once fused).
    """
    grid = np.arange(step_hz, max_hz + step_hz / 2, step_hz)
    if not condition(float(grid[-1])):
        return None
    low, high = -1, len(grid) - 1  # condition false at low (or before the grid), true at high
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (low, mid) if condition(float(grid[mid])) else (mid, high)
    return float(grid[high])


@cache
def half_max_frequency_hz(unit: Unit, max_hz: float = 100.0, step_hz: float = 0.5) -> float:
    """Lowest frequency at which force reaches half of the force at ``max_hz``."""
    half = steady_state(unit, max_hz).peak / 2
    return _lowest_on_grid(lambda f: steady_state(unit, f).peak >= half, max_hz, step_hz)


@cache
def fusion_onset_hz(unit: Unit, max_hz: float = 100.0, step_hz: float = 0.5) -> float:
    """Lowest frequency at which force between stimuli stays above half of its peak.

    This is our operational definition of "fusion begins": the twitches have
    merged enough that force never falls below half of the peak between stimuli.
    """
    found = _lowest_on_grid(lambda f: steady_state(unit, f).ripple < 0.5, max_hz, step_hz)
    if found is None:
        raise ValueError(f"unit '{unit.name}' does not fuse below {max_hz} Hz")
    return found


def fit_shape(unit: Unit, half_relaxation_ms: float, low: float = 1.0, high: float = 3.0) -> float:
    """The shape exponent p that gives ``unit`` the half-relaxation time ``half_relaxation_ms`` [ms], to 0.01.

    A larger p makes the activation transient narrower, so the twitch relaxes sooner: bisection between
    ``low`` and ``high``. ``SHAPE`` is this fit for the slow unit and Sale et al.'s 99.6 ms."""
    for _ in range(20):
        mid = (low + high) / 2
        if twitch_timing(unit.replace(shape=mid)).half_relaxation_ms > half_relaxation_ms:
            low = mid  # too slow: narrow the transient
        else:
            high = mid
    return round((low + high) / 2, 2)


def getting_started() -> Train:
    """A first run to start from: the slow unit stimulated at 10 Hz for 600 ms."""
    return simulate(SLOW, 10.0, duration_ms=600.0)  # illustrative: a first run to change
