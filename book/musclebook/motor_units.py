"""Motor units and recruitment: a motor-unit pool after Fuglevand, Winter & Patla (1993).

Chapter: ``book/motor_units.ipynb``.

A pool of ``n_units`` motor units, numbered from the smallest, with the paper's default pool:

- recruitment thresholds rise exponentially across the pool over a 30-fold range, so that many
  small units are recruited early and few large ones late (the size principle, Henneman 1957);
- twitch forces rise exponentially over a 100-fold range;
- contraction times fall from 90 ms (smallest unit) to 30 ms (largest): larger units are faster;
- a recruited unit fires at 8 Hz, plus 1 Hz per unit of excitation above its threshold, up to 35 Hz;
- each twitch is ``P (t/T) e^(1 - t/T)`` and the twitches of a unit add up linearly. The
  paper also scales twitches at high rates so that fused force saturates; that step is left out
  here, so force at the highest rates is somewhat overstated.

Discharges are independent (random phase, interspike intervals jittered by ``isi_cv``), as in
voluntary contraction, or ``in_phase``: every recruited unit fires at the same moments at
``in_phase_rate_hz``, as when a nerve is stimulated electrically. The jitter, the in-phase rate
and the random seed are illustrative.

Force is in units of the smallest twitch unless normalised; excitation is a fraction of the
maximum (0-1); times in ms, rates in Hz.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from .i18n import N_, Msg
from .params import Params, at_least_one, positive

DT_MS = 1.0  # time step [ms]
STEADY_WINDOW_MS = (500.0, 1000.0)  # start and end of the steady-state window of a 1 s drive [ms]


@dataclass(frozen=True)
class Pool(Params):
    n_units: int = 120
    threshold_range: float = at_least_one(30.0)  # largest / smallest recruitment threshold [-]
    force_range: float = at_least_one(100.0)  # largest / smallest twitch force [-]
    slowest_ct_ms: float = positive(90.0)  # contraction time of the smallest unit [ms]
    ct_range: float = at_least_one(3.0)  # slowest / fastest contraction time [-]
    min_rate_hz: float = positive(8.0)  # firing rate at recruitment [Hz]
    max_rate_hz: float = positive(35.0)  # peak firing rate [Hz]
    rate_gain_hz: float = positive(1.0)  # rate increase per unit of excitation above threshold [Hz]
    isi_cv: float = 0.1  # variability of interspike intervals [-], illustrative
    in_phase: bool = False  # all recruited units fire together (electrical stimulation)
    in_phase_rate_hz: float = positive(10.0)  # their common rate [Hz], illustrative
    seed: int = 1  # random phases and jitter, illustrative

    def validate(self) -> None:
        if self.n_units < 2:
            raise ValueError(f"Pool: n_units={self.n_units} must be at least 2")
        if not self.min_rate_hz <= self.max_rate_hz:
            raise ValueError(
                f"Pool: min_rate_hz={self.min_rate_hz} and max_rate_hz={self.max_rate_hz} are out of order"
            )
        if not 0 <= self.isi_cv < 0.5:
            raise ValueError(f"Pool: isi_cv={self.isi_cv} must be in [0, 0.5)")

    def _spread(self, fold: float) -> np.ndarray:
        """Values rising exponentially from 1 (smallest unit) to ``fold`` (largest)."""
        return np.exp(np.log(fold) * np.arange(self.n_units) / (self.n_units - 1))

    @property
    def threshold_units(self) -> np.ndarray:
        """Recruitment thresholds in excitation units (1 for the smallest unit)."""
        return self._spread(self.threshold_range)

    @property
    def max_excitation_units(self) -> float:
        """The excitation at which the largest unit, too, fires at its peak rate."""
        return float(self.threshold_range + (self.max_rate_hz - self.min_rate_hz) / self.rate_gain_hz)

    @property
    def thresholds(self) -> np.ndarray:
        """Recruitment thresholds as fractions of the maximal excitation (0-1)."""
        return self.threshold_units / self.max_excitation_units

    @property
    def twitch_forces(self) -> np.ndarray:
        """Peak twitch force of each unit, in units of the smallest twitch."""
        return self._spread(self.force_range)

    @property
    def contraction_times_ms(self) -> np.ndarray:
        """Twitch contraction time of each unit [ms]: larger units are faster."""
        return self.slowest_ct_ms / self._spread(self.ct_range)

    def firing_rates_hz(self, excitation: float) -> np.ndarray:
        """Firing rate of each unit at an excitation (0-1); 0 for units not recruited."""
        if not 0 <= excitation <= 1:
            raise ValueError(f"excitation={excitation} must be between 0 and 1")
        drive = excitation * self.max_excitation_units
        rates = np.minimum(self.min_rate_hz + self.rate_gain_hz * (drive - self.threshold_units), self.max_rate_hz)
        recruited = drive >= self.threshold_units
        if self.in_phase:
            rates = np.full(self.n_units, self.in_phase_rate_hz)
        return np.where(recruited, rates, 0.0)

    def recruited(self, excitation: float) -> int:
        return int(np.count_nonzero(self.firing_rates_hz(excitation)))


@dataclass(frozen=True)
class Steady:
    mean: float  # mean force in the steady-state window [smallest-twitch units]
    ripple: float  # its standard deviation / mean [-]


@dataclass(frozen=True)
class PoolForce:
    t_ms: np.ndarray
    force: np.ndarray  # total force [smallest-twitch units]
    spikes: tuple  # spike times of each unit [ms]
    rates_hz: np.ndarray

    def steady(self) -> Steady:
        """Mean force and its ripple (standard deviation / mean) in the steady-state window."""
        late = self.force[(self.t_ms >= STEADY_WINDOW_MS[0]) & (self.t_ms < STEADY_WINDOW_MS[1])]
        mean = float(late.mean())
        return Steady(mean, float(late.std() / mean) if mean > 0 else 0.0)


@cache
def _twitch_spectra(pool: Pool, n: int) -> tuple[int, np.ndarray]:
    """FFT length and the spectrum of every unit's twitch (force rising to its peak at the contraction
    time, then falling; over after eight contraction times): the same for every excitation."""
    k = int(np.ceil(8 * pool.contraction_times_ms.max() / DT_MS))
    kernel_t = np.arange(k) * DT_MS
    cts = pool.contraction_times_ms[:, None]
    kernels = pool.twitch_forces[:, None] * (kernel_t / cts) * np.exp(1 - kernel_t / cts)
    kernels[kernel_t >= 8 * cts] = 0.0
    size = 1 << (n + k - 2).bit_length()  # a power of two at least n + k - 1 long: no wrap-around, fast FFTs
    return size, np.fft.rfft(kernels, size)


def _summed_twitches(pool: Pool, spikes: list, n: int) -> np.ndarray:
    """The pool's force over ``n`` steps: every unit's twitch at each of its spikes, summed (each spike
    train convolved with its unit's twitch, all units at once in the frequency domain)."""
    size, spectra = _twitch_spectra(pool.replace(in_phase=False, seed=1), n)
    trains = np.zeros((len(spikes), n))
    for row, times in enumerate(spikes):
        if len(times):
            np.add.at(trains[row], (times / DT_MS).astype(int), 1.0)
    force = np.fft.irfft((np.fft.rfft(trains, size) * spectra).sum(axis=0), size)[:n]
    return np.maximum(force, 0.0)  # a sum of non-negative twitches: no -1e-12 from rounding


@cache
def simulate(pool: Pool, excitation: float, duration_ms: float = STEADY_WINDOW_MS[1]) -> PoolForce:
    """Force of the pool driven at a constant excitation (0-1)."""
    rng = np.random.default_rng(pool.seed)
    t = np.arange(0.0, duration_ms, DT_MS)
    rates = pool.firing_rates_hz(excitation)
    spikes = []
    for rate in rates:
        if rate <= 0:
            spikes.append(np.array([]))
            continue
        isi = 1000.0 / rate
        if pool.in_phase:
            times = np.arange(0.0, duration_ms, isi)
        else:
            n = int(duration_ms / isi) + 2
            intervals = np.clip(isi * (1 + pool.isi_cv * rng.standard_normal(n)), 0.5 * isi, None)
            times = rng.uniform(0, isi) + np.concatenate([[0.0], np.cumsum(intervals)[:-1]])
            times = times[times < duration_ms]
        spikes.append(times)
    force = _summed_twitches(pool, spikes, t.size)
    return PoolForce(t, force, tuple(spikes), rates)


def max_force(pool: Pool) -> float:
    """Mean steady force at full excitation with independent firing: the 100 % of the chapter."""
    return simulate(pool.replace(in_phase=False), 1.0).steady().mean


# ---------------------------------------------------------------- a lab practical: one shock to the nerve

STIMULUS_RANGE_V = (1.0, 3.0)  # stimulus voltages exciting the first and the last axon [V], illustrative
SIZE_BIAS = 0.6  # 1: thicker axons strictly first; 0: random order (position to the electrode) [-], illustrative


def electrical_thresholds_v(pool: Pool, size_bias: float = SIZE_BIAS, seed: int = 2) -> np.ndarray:
    """Stimulus voltage that excites each unit's axon with electrodes on the nerve [V].

    The order is set by the axons, not by the size principle: thicker axons (larger units) have lower
    thresholds to an outside current, and axons nearer the electrode too. ``size_bias`` mixes the two;
    thresholds are spread evenly over ``STIMULUS_RANGE_V`` in that order. All illustrative.
    """
    if not 0 <= size_bias <= 1:
        raise ValueError(f"size_bias={size_bias} must lie between 0 and 1")
    size_rank = 1 - np.arange(pool.n_units) / (pool.n_units - 1)  # 0 for the largest unit
    scatter = np.random.default_rng(seed).uniform(0, 1, pool.n_units)
    order = np.argsort(np.argsort(size_bias * size_rank + (1 - size_bias) * scatter))
    low, high = STIMULUS_RANGE_V
    return low + (high - low) * order / (pool.n_units - 1)


@dataclass(frozen=True)
class ShockTwitch:
    t_ms: np.ndarray
    force: np.ndarray  # [smallest-twitch units]


def shock_twitch(pool: Pool, volts: float, duration_ms: float = 300.0) -> ShockTwitch:
    """The twitch one shock of ``volts`` evokes: each excited unit's twitch f (t/T) exp(1 - t/T), summed."""
    if not (np.isfinite(volts) and volts >= 0):
        raise ValueError(f"stimulus volts={volts!r} must be zero or positive")
    t = np.arange(0.0, duration_ms, DT_MS)
    excited = electrical_thresholds_v(pool) <= volts
    force = np.zeros_like(t)
    for p_force, ct in zip(pool.twitch_forces[excited], pool.contraction_times_ms[excited]):
        force += p_force * (t / ct) * np.exp(1 - t / ct)
    return ShockTwitch(t, force)


def stimulus_response(pool: Pool, volts) -> np.ndarray:
    """Peak twitch force at each stimulus voltage, as a fraction of the maximal twitch (all axons excited)."""
    maximal = shock_twitch(pool, STIMULUS_RANGE_V[1]).force.max()
    return np.array([shock_twitch(pool, float(v)).force.max() / maximal for v in np.atleast_1d(volts)])


def smallest_units_twitch(pool: Pool, n_units: int, duration_ms: float = 300.0) -> float:
    """Peak twitch of the ``n_units`` smallest units together (those a voluntary contraction recruits first),
    as a fraction of the maximal twitch of the whole pool [-]."""
    t = np.arange(0.0, duration_ms, DT_MS)
    force = np.zeros_like(t)
    for p_force, ct in zip(pool.twitch_forces[:n_units], pool.contraction_times_ms[:n_units]):
        force += p_force * (t / ct) * np.exp(1 - t / ct)
    return float(force.max() / shock_twitch(pool, STIMULUS_RANGE_V[1], duration_ms).force.max())


def units_excited(pool: Pool, volts: float) -> int:
    return int(np.count_nonzero(electrical_thresholds_v(pool) <= volts))


POOL = Pool()

PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language; numbers from the constants
    Msg(
        N_("{units} units; {thresholds:g}-fold range of thresholds; {forces:g}-fold range of twitch forces"),
        units=POOL.n_units,
        thresholds=POOL.threshold_range,
        forces=POOL.force_range,
    ): N_("model defaults of Fuglevand et al. 1993"),
    Msg(
        N_("contraction times {slowest:g} → {fastest:g} ms; firing rates {lowest:g} → {highest:g} Hz"),
        slowest=POOL.slowest_ct_ms,
        fastest=POOL.slowest_ct_ms / POOL.ct_range,
        lowest=POOL.min_rate_hz,
        highest=POOL.max_rate_hz,
    ): N_("model defaults of Fuglevand et al. 1993"),
    N_("smallest units recruited first"): N_("measured: the size principle, Henneman 1957"),
    N_("discharge variability, in-phase rate, random seed"): N_("illustrative"),
    Msg(
        N_("electrical thresholds of the axons ({low:g}–{high:g} V) and how far axon size sets their order"),
        low=STIMULUS_RANGE_V[0],
        high=STIMULUS_RANGE_V[1],
    ): N_("illustrative"),
}


def getting_started() -> PoolForce:
    """A first run to start from: the default pool at 30 % of maximal excitation."""
    return simulate(POOL, 0.3)  # illustrative: a first run to change
