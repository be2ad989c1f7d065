"""The book's code exercises, one per chapter with a model: what each asks, and the model's answer to it.

The settings each exercise asks about are exercise settings, not measurements; the chapters show them in
their task through ``{eval}`` (``exercises.HIGH_POTASSIUM_MM``)."""

from __future__ import annotations

import math

import numpy as np

from ..i18n import N_
from .base import (
    Exercise,
    Mistake,
    coupling,
    crossbridge,
    emg,
    fatigue,
    generator,
    length_speed,
    membrane,
    motor_units,
    nerve,
    twitch,
)

# What each exercise asks about: exercise settings, not measurements (the chapters show them through {eval})
PUMP_SCALE = 0.5  # coupling: the pump at this fraction of the fast fibre's
LOW_ATP_MM = 0.002  # cross-bridges: a fibre almost out of ATP [mM]
AFTER_CALCIUM_MS = 100.0  # cross-bridges: when the attached heads are counted, after the calcium goes [ms]
CONTRACTION_MS = 60.0  # twitch: the contraction time of the unit asked about [ms]
LONG_SARCOMERE_UM = 3.2  # length and speed: a stretched sarcomere [µm]
EXCITATION = 0.2  # motor units: the excitation asked about, a fraction of the pool's maximum
C_FIBRE_UM = 1.0  # nerves: the diameter of the unmyelinated fibre [µm]
HIGH_POTASSIUM_MM = 6.0  # membrane: plasma potassium asked about [mM]
FATIGUE_STEP = 0.05  # generator: the step of the fatigue levels to try


def _half_pump() -> coupling.Fibre:
    return coupling.FAST.replace(serca_um_per_ms=PUMP_SCALE * coupling.FAST.serca_um_per_ms)


def _attached_after(atp_mm: float) -> float:
    return crossbridge.attached_at(crossbridge.simulate(crossbridge.CYCLE.replace(atp_mm=atp_mm)), AFTER_CALCIUM_MS)


def _tension(filaments: length_speed.Filaments) -> float:
    return float(length_speed.isometric_tension(LONG_SARCOMERE_UM, filaments))


def _silent_with_force() -> str:
    """The one pattern whose muscle is tense (force above half) while its EMG is silent."""
    found = []
    for key in emg.KEYS:
        _, activity, force, _ = emg.pattern(key)
        if not np.abs(activity).any() and force.max() > 0.5:
            found.append(key)
    if len(found) != 1:
        raise ValueError(f"musclebook.emg: expected one silent pattern with force, found {found}")
    return found[0]


def _to_calf_ms(velocity_m_s: float) -> float:
    return float(nerve.travel_time_ms(nerve.SPINAL_CORD_TO_CALF_M, velocity_m_s))


def _potassium_mv(outside_mm: float) -> float:
    return membrane.nernst_mv("K", outside_mm, membrane.NORMAL["K"][1])


SECONDS = N_("The book's times are in milliseconds, not seconds.")
PERCENT = N_("Give a fraction, not a percentage.")

EXERCISES = {
    e.key: e
    for e in (
        Exercise(
            "coupling-pump",
            lambda: coupling.summary(_half_pump()).force_half_relaxation_ms,
            tolerance=0.5,
            unit="ms",
            shown=".1f",
            why=N_(
                "With a weaker pump, calcium stays around the filaments longer, so cross-bridges keep being "
                "switched on and the force falls later: relaxation waits for the pump."
            ),
            hint=N_(
                "Make the fibre with `coupling.FAST.replace(serca_um_per_ms=...)`, its pump a fraction of "
                "`coupling.FAST.serca_um_per_ms`, then read `force_half_relaxation_ms` from `coupling.summary(...)`."
            ),
            mistakes=(
                Mistake(
                    lambda: coupling.summary(coupling.FAST).force_half_relaxation_ms,
                    N_("That is the fibre with its normal pump: weaken `serca_um_per_ms` first."),
                ),
                Mistake(lambda: coupling.summary(_half_pump()).force_half_relaxation_ms / 1000, SECONDS),
            ),
        ),
        Exercise(
            "crossbridges-atp",
            lambda: _attached_after(LOW_ATP_MM),
            tolerance=0.02,
            unit="",
            shown=".2f",
            why=N_(
                "A head needs a new ATP to let go of actin. With almost none, most heads stay attached after the "
                "calcium is gone: the fibre stays stiff (rigor), with no nerve or calcium involved."
            ),
            hint=N_(
                "Simulate `crossbridge.CYCLE.replace(atp_mm=...)` with the task's ATP and read the attached "
                "fraction with `crossbridge.attached_at(run, ...)` at the task's time."
            ),
            mistakes=(
                Mistake(
                    lambda: _attached_after(crossbridge.CYCLE.atp_mm),
                    N_("That is the fibre at its normal ATP: set `atp_mm` to the task's value."),
                ),
                Mistake(lambda: 100 * _attached_after(LOW_ATP_MM), PERCENT),
            ),
        ),
        Exercise(
            "twitch-fusion",
            lambda: twitch.fusion_onset_hz(twitch.SLOW.replace(contraction_time_ms=CONTRACTION_MS)),
            tolerance=0.5,
            unit="Hz",
            shown=".1f",
            why=N_(
                "A quicker twitch relaxes sooner, so the next stimulus must come sooner for the twitches to merge: "
                "the quicker unit needs a higher frequency than the slow one, but less than one stimulus per "
                "contraction time."
            ),
            hint=N_(
                "Make the unit with `twitch.SLOW.replace(contraction_time_ms=...)` and pass it to "
                "`twitch.fusion_onset_hz(...)`."
            ),
            mistakes=(
                Mistake(
                    lambda: twitch.fusion_onset_hz(twitch.SLOW),
                    N_("That is the slow unit itself: give it the task's contraction time first."),
                ),
                Mistake(
                    lambda: 1000.0 / CONTRACTION_MS,
                    N_(
                        "One stimulus per contraction time is more than fusion needs: ask the model, with "
                        "`twitch.fusion_onset_hz`."
                    ),
                ),
            ),
        ),
        Exercise(
            "length_speed-overlap",
            lambda: _tension(length_speed.HUMAN),
            tolerance=0.01,
            unit="",
            shown=".2f",
            why=N_(
                "Human thin filaments are longer than a frog's, so the filaments keep overlapping at longer "
                "lengths: a stretched human fibre keeps much more of its tension than a frog's at the same length."
            ),
            hint=N_(
                "Call `length_speed.isometric_tension(length, length_speed.HUMAN)`: it gives the fraction of the "
                "plateau's tension."
            ),
            mistakes=(
                Mistake(
                    lambda: _tension(length_speed.FROG),
                    N_("That is a frog fibre (the default): pass `length_speed.HUMAN` as the second argument."),
                ),
                Mistake(lambda: 100 * _tension(length_speed.HUMAN), PERCENT),
            ),
        ),
        Exercise(
            "motor_units-recruited",
            lambda: motor_units.POOL.recruited(EXCITATION),
            tolerance=0,
            unit="",
            shown="d",
            why=N_(
                "Most units are small and have low thresholds, so recruitment runs ahead of excitation: a small "
                "excitation already recruits most of the pool, and the rest of the force comes from the few "
                "large units and from faster firing."
            ),
            hint=N_("Ask the pool itself: `motor_units.POOL.recruited(...)`, with the excitation as a fraction."),
            mistakes=(
                Mistake(
                    lambda: round(EXCITATION * motor_units.POOL.n_units),
                    N_(
                        "That assumes units are recruited in proportion to the excitation. They are not: ask "
                        "`motor_units.POOL.recruited(...)`."
                    ),
                ),
            ),
        ),
        Exercise(
            "fatigue-relaxation",
            lambda: fatigue.relaxation_vs_rested(fatigue.FITTED.replace(level=1.0)).duration_pct,
            tolerance=1.0,
            unit="%",
            shown=".0f",
            why=N_(
                "Full fatigue slows both the calcium pump and the detachment of cross-bridges, so the linear "
                "phase of relaxation lasts about half as long again as in a rested fibre."
            ),
            hint=N_(
                "Use `fatigue.relaxation_vs_rested(...)` with `fatigue.FITTED` fully fatigued "
                "(`.replace(level=...)`) and read its `duration_pct`."
            ),
            mistakes=(
                Mistake(
                    lambda: fatigue.relaxation_vs_rested(fatigue.FITTED).duration_pct,
                    N_("That is the rested fibre compared with itself: make it fully fatigued."),
                ),
                Mistake(
                    lambda: fatigue.relaxation_vs_rested(fatigue.FITTED.replace(level=1.0)).rate_pct,
                    N_("That is the rate of relaxation; the task asks for its duration."),
                ),
            ),
        ),
        Exercise(
            "words-silent",
            _silent_with_force,
            tolerance=0,
            unit="",
            shown="",
            why=N_(
                "In a contracture the muscle is shortened and tense although no motor unit fires: the EMG is "
                "silent. A cramp is the opposite, a storm of motor-unit discharges."
            ),
            hint=N_(
                "Give one of `emg.KEYS`, as text: the pattern whose EMG is zero throughout while its force rises "
                "above half."
            ),
            mistakes=(
                Mistake(lambda: "rest", N_("A relaxed muscle is silent too, but it makes no force.")),
                Mistake(lambda: "cramp", N_("A cramp's EMG is the densest of all: look for silence.")),
            ),
        ),
        Exercise(
            "nerves-c-fibre",
            lambda: _to_calf_ms(nerve.unmyelinated_velocity(C_FIBRE_UM)),
            tolerance=5.0,
            unit="ms",
            shown=".0f",
            why=N_(
                "Without myelin the impulse creeps along the whole membrane, about a metre a second, so the same "
                "path takes several times longer than along a myelinated fibre of the same diameter."
            ),
            hint=N_(
                "Get the speed with `nerve.unmyelinated_velocity(...)`, then the time with "
                "`nerve.travel_time_ms(nerve.SPINAL_CORD_TO_CALF_M, ...)`."
            ),
            mistakes=(
                Mistake(
                    lambda: _to_calf_ms(nerve.myelinated_velocity(C_FIBRE_UM)),
                    N_("That is a myelinated fibre: a C fibre has no myelin."),
                ),
                Mistake(lambda: _to_calf_ms(nerve.unmyelinated_velocity(C_FIBRE_UM)) / 1000, SECONDS),
            ),
        ),
        Exercise(
            "membrane-potassium",
            lambda: _potassium_mv(HIGH_POTASSIUM_MM),
            tolerance=0.5,
            unit="mV",
            shown=".1f",
            why=N_(
                "More potassium outside means a smaller ratio across the membrane, so the equilibrium potential "
                "of potassium is less negative than at the normal level: the first step towards depolarisation."
            ),
            hint=N_(
                'Call `membrane.nernst_mv("K", outside, inside)` with the task\'s potassium outside and the '
                'fibre\'s own potassium inside: `membrane.NORMAL["K"]` holds the normal outside and inside.'
            ),
            mistakes=(
                Mistake(
                    lambda: -_potassium_mv(HIGH_POTASSIUM_MM),
                    N_("Check the sign: potassium leaving makes the inside negative. The outside comes first."),
                ),
                Mistake(
                    lambda: _potassium_mv(membrane.NORMAL["K"][0]),
                    N_("That is potassium at its normal level: use the task's potassium outside."),
                ),
                Mistake(
                    lambda: _potassium_mv(HIGH_POTASSIUM_MM) / math.log(10),
                    N_("The Nernst equation takes the natural logarithm, not the logarithm to base ten."),
                ),
                Mistake(
                    lambda: _potassium_mv(HIGH_POTASSIUM_MM) / 1000,
                    N_("Give the potential in millivolts, not volts."),
                ),
            ),
        ),
        Exercise(
            "generator-onset",
            lambda: generator.cramp_onset_fatigue(step=FATIGUE_STEP),
            tolerance=FATIGUE_STEP,
            unit="",
            shown=".2f",
            why=N_(
                "Fatigue weakens the tendon organs' brake and strengthens the spindles' drive; past this level "
                "the persistent inward current keeps the model neuron firing after the command stops: the "
                "model's cramp."
            ),
            hint=N_(
                "Try fatigue levels from zero to one in the task's steps with "
                "`generator.summary(generator.NEURON.replace(fatigue=level)).cramp` and keep the first level "
                "where it is `True`."
            ),
            mistakes=(
                Mistake(
                    lambda: 0.0,
                    N_("A rested model neuron stops firing when the command stops: it needs some fatigue to cramp."),
                ),
                Mistake(
                    lambda: 1.0,
                    N_("The neuron cramps well before full fatigue: look for the first level where it does."),
                ),
            ),
        ),
    )
}
