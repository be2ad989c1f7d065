"""The cramp generator: one alpha motor neuron with a persistent inward current, under reflex control.

Chapter: ``book/generator.ipynb``.

A transparent teaching model of the *altered neuromuscular control* hypothesis of exercise
cramps (Schwellnus 2009): fatigue raises excitation from muscle spindles (group Ia) and lowers
inhibition from Golgi tendon organs (group Ib) onto the motor neurons; a motor neuron with a
persistent inward current (PIC) can then keep firing on its own after a voluntary contraction
ends. Both changes are load-bearing: without the Ia rise there is no cramp at any fatigue, and without
the Ib loss cramps start only at a higher fatigue. The premise is contested (in people, spindle firing
falls during sustained contractions: Macefield et al. 1991), and the model shows it: fatigued, the
neuron fires faster under the same command, where real motor units usually slow down (Gandevia 2001).
Stretching the muscle loads its tendon organs, whose inhibition stops the firing. That
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

import math
from dataclasses import dataclass
from functools import cache

import numpy as np

from .i18n import N_
from .params import Params, fraction, nonnegative, positive

# time step [ms]: the membrane is exact at any step; the PIC's activation and the force, held over a step, need it this
# fine for a halved step to change no number the chapter prints by more than its last digit (scripts/time_steps.py)
DT_MS = 0.25


@dataclass(frozen=True)
class Neuron(Params):
    fatigue: float = fraction(0.0)  # 0 rested, 1 fatigued [-]
    pic_mv: float = nonnegative(17.5)  # persistent inward current at full activation [mV], illustrative
    rest_mv: float = -70.0  # leak reversal (resting potential) [mV], illustrative
    threshold_mv: float = -50.0  # firing threshold [mV], illustrative
    reset_mv: float = -62.0  # potential after a spike [mV], illustrative
    refractory_ms: float = positive(4.0)  # illustrative
    tau_m_ms: float = positive(10.0)  # membrane time constant [ms], illustrative
    pic_half_mv: float = -56.0  # half-activation of the PIC [mV], illustrative
    pic_slope_mv: float = positive(2.0)  # steepness of PIC activation [mV], illustrative
    tau_pic_ms: float = positive(100.0)  # PIC activation time constant [ms], illustrative
    ia_mv: float = nonnegative(2.0)  # spindle (Ia) excitation, rested [mV], illustrative
    ia_fatigue_gain: float = nonnegative(2.5)  # fractional rise of Ia excitation with full fatigue [-], illustrative
    ib_mv_per_force: float = nonnegative(20.0)  # tendon-organ (Ib) inhibition at full force, rested [mV], illustrative
    ib_fatigue_loss: float = fraction(0.95)  # fractional loss of Ib inhibition with full fatigue [-], illustrative
    stretch_ib_mv: float = nonnegative(15.0)  # extra Ib inhibition while the muscle is stretched [mV], illustrative
    stretch_ia_mv: float = nonnegative(4.0)  # extra Ia excitation while the muscle is stretched [mV], illustrative
    force_per_spike: float = fraction(0.3)  # force added by a spike, as a fraction of what is left [-], illustrative
    tau_force_ms: float = positive(100.0)  # decay of force between spikes [ms], illustrative (a slow calf unit)

    def validate(self) -> None:
        if not self.rest_mv < self.reset_mv < self.threshold_mv:
            raise ValueError("generator Neuron: need rest_mv < reset_mv < threshold_mv")

    @property
    def ia_now_mv(self) -> float:
        return self.ia_mv * (1 + self.ia_fatigue_gain * self.fatigue)

    @property
    def ib_gain_now(self) -> float:
        return self.ib_mv_per_force * (1 - self.ib_fatigue_loss * self.fatigue)


NEURON = Neuron()

PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language
    N_("fatigue raises Ia excitation and lowers Ib inhibition"): N_(
        "hypothesis (Schwellnus 2009), contested: in people, spindle firing falls during sustained contractions "
        "(Macefield et al. 1991)"
    ),
    N_("fatigue speeds the neuron's voluntary firing"): N_(
        "an artefact of the model, which adds excitation with fatigue and nothing that tires the neuron: real "
        "motor units usually fire more slowly as they tire (Gandevia 2001)"
    ),
    N_("a persistent inward current in the motor neuron"): (
        N_("mechanism known from motor neurons; its size here illustrative")
    ),
    N_("stretch loads the tendon organs, whose inhibition stops the firing"): (
        N_(
            "the model's assumption: tendon stimulation inhibits cramp activity (Khan & Burne 2007), but stretch also "
            "stopped cramps after a nerve block (Bertolasi et al. 1993), so how stretch works is debated"
        )
    ),
    N_("every voltage, time constant and gain"): N_("illustrative"),
}


@dataclass(frozen=True)
class Protocol:
    """A voluntary contraction, then nothing, then (optionally) a stretch."""

    drive_mv: float = 10.0  # voluntary drive during the contraction [mV], illustrative
    drive_window_ms: tuple = (500.0, 2000.0)  # start and end of the voluntary contraction [ms]
    release_ms: float = 300.0  # the command fades linearly over this time at the end [ms], illustrative
    stretch_window_ms: tuple | None = (3500.0, 4500.0)  # start and end of the stretch [ms], or None
    duration_ms: float = 6000.0


WITH_STRETCH = Protocol()
NO_STRETCH = Protocol(stretch_window_ms=None)


@dataclass(frozen=True)
class Run:
    t_ms: np.ndarray
    v_mv: np.ndarray
    force: np.ndarray
    spikes_ms: np.ndarray

    def rate_hz(self, start_ms: float, end_ms: float) -> float:
        """Mean firing rate between two times [Hz]."""
        n = np.count_nonzero((self.spikes_ms >= start_ms) & (self.spikes_ms < end_ms))
        return float(1000.0 * n / (end_ms - start_ms))


def _run(neuron: Neuron, drive, stretch, record: bool = True) -> Run:
    """Integrate the neuron for the inputs ``drive`` [mV] and ``stretch`` (bool), one value per step.

    The membrane is linear between spikes, so each step is integrated exactly, as NEST and Brian integrate a
    leaky integrate-and-fire neuron: over a step with its inputs held, V relaxes towards V_inf = rest + inputs
    as exp(-dt / tau_m). A spike is placed where V crosses the threshold within the step (not at its end), and
    the refractory period runs from there; so the firing rate at a constant input is the closed form's at any
    step. The PIC's activation and the force relax exactly too, with their inputs held over the step.

    With ``record=False`` only the spike times are kept (the voltage and force traces are empty)."""
    n = len(drive)
    v_trace, f_trace = ([0.0] * n, [0.0] * n) if record else ([], [])
    spikes = []
    v, m, force, refractory_until = neuron.rest_mv, 0.0, 0.0, -1.0
    ia, ib_gain = neuron.ia_now_mv, neuron.ib_gain_now
    dt, tau_m = DT_MS, neuron.tau_m_ms
    # the neuron's constants as local names: the loop runs tens of thousands of times per trace
    exp, log, rest, threshold, reset = math.exp, math.log, neuron.rest_mv, neuron.threshold_mv, neuron.reset_mv
    half, slope, pic, refractory = neuron.pic_half_mv, neuron.pic_slope_mv, neuron.pic_mv, neuron.refractory_ms
    membrane_kept, pic_kept = exp(-dt / tau_m), exp(-dt / neuron.tau_pic_ms)  # what is left after one step
    force_kept, per_spike = exp(-dt / neuron.tau_force_ms), neuron.force_per_spike
    stretch_mv = neuron.stretch_ia_mv - neuron.stretch_ib_mv
    for i in range(n):
        t = i * dt
        if record:
            v_trace[i] = v
            f_trace[i] = force
        m += (1 - pic_kept) * (1 / (1 + exp((half - v) / slope)) - m)
        start = t if t >= refractory_until else refractory_until  # the membrane integrates from here
        if start < t + dt:
            synaptic = drive[i] + ia - ib_gain * force + (stretch_mv if stretch[i] else 0.0)
            v_inf = rest + synaptic + pic * m
            kept = membrane_kept if start == t else exp(-(t + dt - start) / tau_m)
            v_end = v_inf + (v - v_inf) * kept
            if v_end >= threshold:
                spike = start + tau_m * log((v - v_inf) / (threshold - v_inf))  # where V reaches the threshold
                spikes.append(spike)
                v = reset
                refractory_until = spike + refractory
                force += per_spike * (1 - force)
            else:
                v = v_end
        force *= force_kept
    return Run(np.arange(n) * dt if record else np.array([]), np.array(v_trace), np.array(f_trace), np.array(spikes))


@cache
def simulate(neuron: Neuron = NEURON, protocol: Protocol = WITH_STRETCH) -> Run:
    """Run the neuron through ``protocol``: a voluntary contraction, then (optionally) a stretch."""
    n = int(round(protocol.duration_ms / DT_MS))
    t = np.arange(n) * DT_MS
    d0, d1 = protocol.drive_window_ms
    drive = np.where(t >= d0, protocol.drive_mv * np.clip((d1 - t) / protocol.release_ms, 0, 1), 0.0)
    stretch = np.zeros(n, dtype=bool)
    if protocol.stretch_window_ms is not None:
        s0, s1 = protocol.stretch_window_ms
        stretch = (t >= s0) & (t < s1)
    return _run(neuron, drive.tolist(), stretch.tolist())


@dataclass(frozen=True)
class Summary:
    """What happens during the voluntary contraction, after it, and under the stretch."""

    voluntary_rate_hz: float  # firing during the voluntary contraction [Hz]
    after_rate_hz: float  # firing with no voluntary drive [Hz]: a cramp if > 0
    stretch_rate_hz: float  # firing under the stretch [Hz]
    after_stretch_rate_hz: float  # firing after the stretch [Hz]

    @property
    def cramp(self) -> bool:
        return self.after_rate_hz > 0


@cache
def summary(neuron: Neuron = NEURON, stretch: bool = True) -> Summary:
    """What happens after the voluntary contraction, and under the stretch (if there is one)."""
    protocol = WITH_STRETCH if stretch else NO_STRETCH
    run = simulate(neuron, protocol)
    d0, d1 = protocol.drive_window_ms
    s0, s1 = WITH_STRETCH.stretch_window_ms
    return Summary(
        voluntary_rate_hz=run.rate_hz(d0 + 500, d1 - protocol.release_ms),
        after_rate_hz=run.rate_hz(d1 + 500, s0),
        stretch_rate_hz=run.rate_hz(s0 + 200, s1),
        after_stretch_rate_hz=run.rate_hz(s1 + 200, protocol.duration_ms),
    )


def cramp_onset_fatigue(neuron: Neuron = NEURON, step: float = 0.05) -> float:
    """The lowest fatigue (on a grid of ``step``) at which the neuron goes on firing after the command."""
    for fatigue in np.arange(0, 1 + step / 2, step):
        if summary(neuron.replace(fatigue=float(fatigue))).cramp:
            return float(fatigue)
    raise ValueError("the neuron does not cramp even at full fatigue")


# ---------------------------------------------------------------- hysteresis: a slow ramp up and down

RAMP_PEAK_MV = 30.0
RAMP_MS = 4000.0  # up and down, each [ms]


def ramp(peak_mv: float = RAMP_PEAK_MV, half_ms: float = RAMP_MS) -> np.ndarray:
    up = np.linspace(0, peak_mv, int(round(half_ms / DT_MS)))
    return np.concatenate([up, up[::-1]])


SILENT_END_MS = 200.0  # a neuron that fires in the last 200 ms of the ramp (input near 0) has not stopped [ms]
# The smallest gap between where firing starts and where it stops that the book calls hysteresis: a display
# choice, well above the ramp's own lag (a neuron with no persistent current, which has no memory, starts and stops
# within 0.01 mV of each other on this ramp) and large enough to show on a caption that prints one decimal [mV].
RAMP_LAG_MV = 0.5  # illustrative


@dataclass(frozen=True)
class Hysteresis:
    start_mv: float  # input at which firing starts on the way up [mV]; nan if it never fires
    stop_mv: float  # input at which firing stops on the way down [mV]; nan if it never fires or never stops
    run: Run

    @property
    def stops(self) -> bool:
        """Whether the firing, once started, stops before the input is back to zero."""
        return math.isfinite(self.stop_mv)

    @property
    def width_mv(self) -> float:
        """How much lower the input is where firing stops than where it starts [mV]; nan if it never stops."""
        return self.start_mv - self.stop_mv

    @property
    def shows_hysteresis(self) -> bool:
        """Whether firing, once started, stops clearly below where it started (by more than the ramp's lag)."""
        return self.stops and self.width_mv > RAMP_LAG_MV


@cache
def hysteresis(neuron: Neuron = NEURON) -> Hysteresis:
    """Input at which firing starts on the way up and stops on the way down [mV], without force feedback.

    A neuron still firing at the end of the ramp, with the input back near zero, sustains itself: it
    has no stopping input (``stop_mv`` is nan), not one at its last spike."""
    inputs = ramp()
    run = _run(neuron.replace(ib_mv_per_force=0.0), inputs.tolist(), [False] * len(inputs), record=False)
    if not run.spikes_ms.size:
        return Hysteresis(float("nan"), float("nan"), run)
    first, last = run.spikes_ms[0], run.spikes_ms[-1]
    start = float(inputs[int(round(first / DT_MS))])
    if last >= len(inputs) * DT_MS - SILENT_END_MS:
        return Hysteresis(start, float("nan"), run)
    return Hysteresis(start, float(inputs[int(round(last / DT_MS))]), run)


def getting_started() -> Run:
    """A first run to start from: a fully fatigued neuron, with a stretch."""
    return simulate(NEURON.replace(fatigue=1.0))  # illustrative: a first run to change
