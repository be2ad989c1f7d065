"""The cramp generator: one alpha motor neuron with a persistent inward current, under reflex control.

Chapter: ``book/generator.ipynb``.

A transparent teaching model of the *altered neuromuscular control* hypothesis of exercise
cramps (Schwellnus 2009): fatigue raises excitation from muscle spindles (group Ia) and lowers
inhibition from Golgi tendon organs (group Ib) onto the motor neurons; a motor neuron with a
persistent inward current (PIC) can then keep firing on its own after a voluntary contraction
ends. Stretching the muscle loads its tendon organs, whose inhibition stops the firing. That
link is the model's assumption: stimulating the tendon does inhibit cramp activity (Khan & Burne
2007), but stretch also stopped cramps after a nerve block (Bertolasi et al. 1993), so how
stretch stops real cramps is debated.

Every parameter is illustrative: the model shows how the pieces could produce a cramp, its
self-sustained firing, the hysteresis between starting and stopping, and relief by stretch. It
does not show that they do; see the chapter for the competing, peripheral hypothesis.

Units: membrane potential and synaptic inputs in mV (inputs are the steady depolarisation they
would cause on their own), time in ms, firing rate in Hz, force as a fraction of the unit's
maximum.

The neuron (leaky integrate-and-fire)::

    tau_m dV/dt = -(V - E_L) + drive + Ia - Ib + pic * m
    tau_pic dm/dt = m_inf(V) - m,   m_inf(V) = 1 / (1 + exp(-(V - V_half) / k))

It fires when V reaches ``threshold_mv`` and is reset to ``reset_mv`` for ``refractory_ms``.
Each spike adds to the force of its muscle fibres (a first-order twitch summation), and the
tendon organs inhibit in proportion to that force.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

DT_MS = 0.1


@dataclass(frozen=True)
class Neuron:
    fatigue: float = 0.0  # 0 rested, 1 fatigued [-]
    pic_mv: float = 16.0  # persistent inward current at full activation [mV], illustrative
    rest_mv: float = -70.0  # leak reversal (resting potential) [mV], illustrative
    threshold_mv: float = -50.0  # firing threshold [mV], illustrative
    reset_mv: float = -62.0  # potential after a spike [mV], illustrative
    refractory_ms: float = 4.0  # illustrative
    tau_m_ms: float = 10.0  # membrane time constant [ms], illustrative
    pic_half_mv: float = -56.0  # half-activation of the PIC [mV], illustrative
    pic_slope_mv: float = 2.0  # steepness of PIC activation [mV], illustrative
    tau_pic_ms: float = 100.0  # PIC activation time constant [ms], illustrative
    ia_mv: float = 2.0  # spindle (Ia) excitation, rested [mV], illustrative
    ia_fatigue_gain: float = 3.0  # fractional rise of Ia excitation with full fatigue [-], illustrative
    ib_mv_per_force: float = 12.0  # tendon-organ (Ib) inhibition at full force, rested [mV], illustrative
    ib_fatigue_loss: float = 0.95  # fractional loss of Ib inhibition with full fatigue [-], illustrative
    stretch_ib_mv: float = 15.0  # extra Ib inhibition while the muscle is stretched [mV], illustrative
    stretch_ia_mv: float = 4.0  # extra Ia excitation while the muscle is stretched [mV], illustrative
    force_per_spike: float = 0.12  # force added by a spike, as a fraction of what is left [-], illustrative
    tau_force_ms: float = 60.0  # decay of force between spikes [ms], illustrative

    def __post_init__(self):
        if not 0 <= self.fatigue <= 1:
            raise ValueError(f"generator Neuron: fatigue={self.fatigue!r} must lie between 0 and 1")
        for name in ("pic_mv", "ia_mv", "ib_mv_per_force", "stretch_ib_mv", "stretch_ia_mv"):
            if not (np.isfinite(getattr(self, name)) and getattr(self, name) >= 0):
                raise ValueError(f"generator Neuron: {name}={getattr(self, name)!r} must be zero or positive")
        for name in ("tau_m_ms", "tau_pic_ms", "tau_force_ms", "pic_slope_mv", "refractory_ms"):
            if not getattr(self, name) > 0:
                raise ValueError(f"generator Neuron: {name}={getattr(self, name)!r} must be positive")
        if not self.rest_mv < self.reset_mv < self.threshold_mv:
            raise ValueError("generator Neuron: need rest_mv < reset_mv < threshold_mv")

    def with_(self, **changes) -> Neuron:
        return replace(self, **changes)

    @property
    def ia_now_mv(self) -> float:
        return self.ia_mv * (1 + self.ia_fatigue_gain * self.fatigue)

    @property
    def ib_gain_now(self) -> float:
        return self.ib_mv_per_force * (1 - self.ib_fatigue_loss * self.fatigue)


NEURON = Neuron()

PARAMETER_STATUS = {
    "fatigue raises Ia excitation and lowers Ib inhibition": "hypothesis: Schwellnus 2009",
    "a persistent inward current in the motor neuron": "mechanism known from motor neurons; its size here illustrative",
    "stretch loads the tendon organs, whose inhibition stops the firing": (
        "the model's assumption: tendon stimulation inhibits cramp activity (Khan & Burne 2007), but stretch also "
        "stopped cramps after a nerve block (Bertolasi et al. 1993), so how stretch works is debated"
    ),
    "every voltage, time constant and gain": "illustrative",
}


@dataclass(frozen=True)
class Protocol:
    """A voluntary contraction, then nothing, then (optionally) a stretch."""

    drive_mv: float = 10.0  # voluntary drive during the contraction [mV], illustrative
    drive_ms: tuple = (500.0, 2000.0)  # when the voluntary contraction lasts [ms]
    release_ms: float = 300.0  # the command fades linearly over this time at the end [ms], illustrative
    stretch_ms: tuple | None = (3500.0, 4500.0)  # when the muscle is stretched [ms], or None
    duration_ms: float = 6000.0


@dataclass(frozen=True)
class Run:
    t_ms: np.ndarray
    v_mv: np.ndarray
    force: np.ndarray
    spikes_ms: np.ndarray
    protocol: Protocol

    def rate_hz(self, start_ms: float, end_ms: float) -> float:
        """Mean firing rate between two times [Hz]."""
        n = np.count_nonzero((self.spikes_ms >= start_ms) & (self.spikes_ms < end_ms))
        return 1000.0 * n / (end_ms - start_ms)


def simulate(neuron: Neuron = NEURON, protocol: Protocol = Protocol(), ramp_mv: np.ndarray | None = None) -> Run:
    """Run the neuron through ``protocol`` (or through an input ramp ``ramp_mv`` sampled every DT_MS)."""
    n = int(round(protocol.duration_ms / DT_MS)) if ramp_mv is None else len(ramp_mv)
    t = np.arange(n) * DT_MS
    drive = np.zeros(n) if ramp_mv is None else np.asarray(ramp_mv, dtype=float)
    stretch = np.zeros(n, dtype=bool)
    if ramp_mv is None:
        d0, d1 = protocol.drive_ms
        fade = np.clip((d1 - t) / protocol.release_ms, 0, 1)
        drive[t >= d0] = protocol.drive_mv * fade[t >= d0]
        if protocol.stretch_ms is not None:
            s0, s1 = protocol.stretch_ms
            stretch[(t >= s0) & (t < s1)] = True
    v_trace = np.empty(n)
    f_trace = np.empty(n)
    spikes = []
    v, m, force, refractory_until = neuron.rest_mv, 0.0, 0.0, -1.0
    ia, ib_gain = neuron.ia_now_mv, neuron.ib_gain_now
    decay = DT_MS / neuron.tau_force_ms
    for i in range(n):
        v_trace[i], f_trace[i] = v, force
        m_inf = 1 / (1 + np.exp(-(v - neuron.pic_half_mv) / neuron.pic_slope_mv))
        m += DT_MS / neuron.tau_pic_ms * (m_inf - m)
        synaptic = drive[i] + ia - ib_gain * force
        if stretch[i]:
            synaptic += neuron.stretch_ia_mv - neuron.stretch_ib_mv
        if t[i] >= refractory_until:
            v += DT_MS / neuron.tau_m_ms * (-(v - neuron.rest_mv) + synaptic + neuron.pic_mv * m)
            if v >= neuron.threshold_mv:
                spikes.append(t[i])
                v = neuron.reset_mv
                refractory_until = t[i] + neuron.refractory_ms
                force += neuron.force_per_spike * (1 - force)
        force -= decay * force
    return Run(t, v_trace, f_trace, np.array(spikes), protocol)


def summary(neuron: Neuron = NEURON, stretch: bool = True) -> dict:
    """What happens after the voluntary contraction, and under the stretch."""
    protocol = Protocol() if stretch else Protocol(stretch_ms=None)
    run = simulate(neuron, protocol)
    d0, d1 = protocol.drive_ms
    s0, s1 = Protocol().stretch_ms
    return {
        "voluntary_rate_hz": run.rate_hz(d0 + 500, d1 - protocol.release_ms),
        "after_rate_hz": run.rate_hz(d1 + 500, s0),  # firing with no voluntary drive: a cramp if > 0
        "cramp": run.rate_hz(d1 + 500, s0) > 0,
        "stretch_rate_hz": run.rate_hz(s0 + 200, s1),
        "after_stretch_rate_hz": run.rate_hz(s1 + 200, protocol.duration_ms),
    }


# ---------------------------------------------------------------- hysteresis: a slow ramp up and down

RAMP_PEAK_MV = 30.0
RAMP_MS = 4000.0  # up and down, each [ms]


def ramp(peak_mv: float = RAMP_PEAK_MV, half_ms: float = RAMP_MS) -> np.ndarray:
    up = np.linspace(0, peak_mv, int(round(half_ms / DT_MS)))
    return np.concatenate([up, up[::-1]])


def hysteresis(neuron: Neuron = NEURON) -> dict:
    """Input at which firing starts on the way up and stops on the way down [mV], without force feedback."""
    quiet = neuron.with_(ib_mv_per_force=0.0)
    inputs = ramp()
    run = simulate(quiet, ramp_mv=inputs)
    if not run.spikes_ms.size:
        return {"start_mv": float("nan"), "stop_mv": float("nan"), "width_mv": float("nan"), "run": run}
    first, last = run.spikes_ms[0], run.spikes_ms[-1]
    start = float(inputs[int(first / DT_MS)])
    stop = float(inputs[min(int(last / DT_MS), len(inputs) - 1)])
    return {"start_mv": start, "stop_mv": stop, "width_mv": start - stop, "run": run}
