"""Schematic EMG and force of the conditions the article's word "kejang" runs together.

Chapter: ``book/words.ipynb``.

These are *drawings made with numbers*, not recordings or a physiological model: each pattern
puts motor-unit action potentials (a biphasic wave about 10 ms long) at the times that
characterise the condition, and draws force as the smoothed activity (or, for contracture, as
force without activity). They show what to look for on an EMG, nothing more. Time in ms, EMG and
force in arbitrary units scaled to 0-1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .i18n import N_

DT_MS = 0.5
DURATION_MS = 3000.0


@dataclass(frozen=True)
class Pattern:
    key: str
    english: str  # the name (marked for translation: the Indonesian figures give the book's term)
    indonesian: str  # the everyday Indonesian word the English figures add in brackets
    what: str  # what the EMG shows, in words (marked for translation: figures show it in their language)


PATTERNS = (
    Pattern("rest", N_("Relaxed muscle"), "otot rileks", N_("silence")),
    Pattern(
        "voluntary",
        N_("Voluntary contraction"),
        "kontraksi volunter",
        N_("motor units recruited and firing at moderate rates"),
    ),
    Pattern(
        "cramp",
        N_("Cramp"),
        "kram otot",
        N_("dense, high-frequency discharge of many motor units, starting and stopping by itself"),
    ),
    Pattern(
        "contracture",
        N_("Physiological contracture"),
        "kontraktur",
        N_("silence although the muscle is shortened and tense"),
    ),
    Pattern(
        "tetany",
        N_("Tetany"),
        "tetani",
        N_("repetitive doublets and multiplets of single units, from over-excitable nerves"),
    ),
    Pattern(
        "fasciculation",
        N_("Fasciculation"),
        "fasikulasi",
        N_("isolated discharges of single motor units, with no movement of the joint"),
    ),
    Pattern("spasticity", N_("Spasticity"), "spastisitas", N_("bursts only while the muscle is stretched quickly")),
    Pattern("seizure", N_("Seizure"), "kejang", N_("rhythmic bursts in many muscles, driven by the brain")),
)
KEYS = tuple(p.key for p in PATTERNS)


def _muap(amplitude: float = 1.0) -> np.ndarray:
    t = np.arange(0, 10, DT_MS)
    return amplitude * np.sin(2 * np.pi * t / 10) * np.exp(-t / 4)


def _train(times_ms, amplitudes, n: int) -> np.ndarray:
    out = np.zeros(n)
    wave = _muap()
    for t0, a in zip(times_ms, amplitudes):
        i = int(t0 / DT_MS)
        seg = out[i : i + wave.size]
        seg += a * wave[: seg.size]
    return out


def _units(rng, windows, rate_hz, n_units, n) -> np.ndarray:
    """Independent units firing at ``rate_hz`` within the (start, end) ``windows`` [ms]."""
    times, amps = [], []
    for _ in range(n_units):
        amp = rng.uniform(0.3, 1.0)
        for start, end in windows:
            t = start + rng.uniform(0, 1000 / rate_hz)
            while t < end:
                times.append(t)
                amps.append(amp * rng.choice([-1, 1]))
                t += 1000 / rate_hz * rng.uniform(0.85, 1.15)
    return _train(times, amps, n)


def pattern(key: str, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Time [ms], EMG, force and (for spasticity) stretch velocity of one schematic pattern."""
    if key not in KEYS:
        raise ValueError(f"unknown pattern {key!r}: expected one of {KEYS}")
    rng = np.random.default_rng(seed)
    n = int(DURATION_MS / DT_MS)
    t = np.arange(n) * DT_MS
    stretch = np.zeros(n)
    force = None
    if key == "rest":
        emg = np.zeros(n)
    elif key == "voluntary":
        emg = _units(rng, [(500, 2500)], 12, 8, n)
    elif key == "cramp":
        emg = _units(rng, [(400, 2700)], 25, 20, n)
    elif key == "contracture":
        emg = np.zeros(n)
        force = np.clip((t - 500) / 600, 0, 1) * np.clip((2900 - t) / 400, 0, 1)
    elif key == "tetany":
        starts = np.arange(300, 2900, 140.0)
        times = [s + d for s in starts for d in (0, 6, 12)]
        emg = _train(times, [0.8] * len(times), n)
    elif key == "fasciculation":
        emg = _train([700, 1900], [1.0, 1.0], n)
        force = np.zeros(n)
    elif key == "spasticity":
        windows = [(600, 900), (1900, 2200)]
        for a, b in windows:
            stretch[(t >= a) & (t < b)] = 1.0
        emg = _units(rng, windows, 20, 8, n)
    else:  # seizure: rhythmic clonic bursts
        windows = [(s, s + 120) for s in np.arange(300, 2900, 330.0)]
        emg = _units(rng, windows, 40, 15, n)
    emg = emg / max(np.abs(emg).max(), 1e-9) if np.abs(emg).max() > 0 else emg
    if force is None:
        kernel = np.exp(-np.arange(0, 400, DT_MS) / 120)
        activity = np.convolve(np.abs(emg), kernel)[:n]
        force = (
            activity
            / activity.max()
            * {"voluntary": 0.7, "cramp": 0.7, "tetany": 0.6, "spasticity": 0.5, "seizure": 0.8}.get(key, 0)
            if activity.max() > 0
            else np.zeros(n)
        )
    return t, emg, force, stretch
