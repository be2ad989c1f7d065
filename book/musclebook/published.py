"""Published values the book quotes and its models are tested against.

Each value names its source (a key of ``book/references.bib``). The model tests
compare model output with these values; the prose test checks that every number
written in the book's prose is one of them or is computed by a notebook.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Published:
    what: str
    unit: str
    source: str  # BibTeX key
    value: float | None = None  # mean or point value
    spread: float | None = None  # ± SD (or the stated spread)
    low: float | None = None  # a stated range
    high: float | None = None
    also: tuple[float, ...] = ()  # other numbers of the same finding (sample size, time point)

    @property
    def bounds(self) -> tuple[float, float]:
        """The interval a model must hit: mean ± spread, or the stated range."""
        if self.low is not None and self.high is not None:
            return self.low, self.high
        if self.value is not None and self.spread is not None:
            return self.value - self.spread, self.value + self.spread
        raise ValueError(f"{self.what}: no spread or range to test against")

    def numbers(self) -> set[float]:
        """Every number of the finding, as magnitudes (prose writes the sign as a separate character)."""
        return {abs(n) for n in (self.value, self.spread, self.low, self.high, *self.also) if n is not None}


VALUES: dict[str, Published] = {
    # Twitch timing of human triceps surae, mean ± SD.
    "twitch_contraction_time_ms": Published(
        "human triceps surae twitch contraction time", "ms", "sale1982", value=112.4, spread=11.1),
    "twitch_half_relaxation_ms": Published(
        "human triceps surae twitch half-relaxation time", "ms", "sale1982", value=99.6, spread=14.4),
    # Force-frequency relation of human thenar motor units.
    "thenar_half_max_hz": Published(
        "frequency giving half-maximal force, human thenar motor units", "Hz", "thomas1991", value=12, spread=4),
    "thenar_fusion_onset_hz": Published(
        "frequency at which twitches begin to fuse, human thenar motor units", "Hz", "thomas1991", low=5, high=8),
    "thenar_max_force_hz": Published(
        "frequencies giving maximal tetanic force, human thenar motor units", "Hz", "thomas1991", low=30, high=100),
    # Fatigue slows relaxation (single mouse fibres, 350 ms tetani at 70 Hz, 25 fibres), mean ± SEM.
    # Measured on the initial, nearly linear phase of relaxation, when tetanic force had fallen to about 75 %.
    "fatigue_relaxation_duration_pct": Published(
        "duration of the linear phase of relaxation in fatigue, % of control", "%", "westerblad1991",
        value=151.3, spread=14.2),
    "fatigue_relaxation_rate_pct": Published(
        "decline rate of the linear phase of relaxation in fatigue, % of control", "%", "westerblad1991",
        value=55.2, spread=2.9, also=(25,)),
    "fatigue_tetanic_force_pct": Published(
        "tetanic force when relaxation was slowest, % of the original (about)", "%", "westerblad1991", value=75),
    "fatigue_tetanus_protocol": Published(
        "control tetanus: duration (ms) and stimulation frequency (Hz)", "ms, Hz", "westerblad1991",
        value=350, also=(70,)),
    # Calcium transients in mouse fibres at 16 °C.
    "fast_fibre_peak_calcium_um": Published(
        "peak rise of free calcium, fast-twitch mouse fibres", "µM", "baylor2003", value=18.5, spread=0.5),
    "slow_fibre_peak_calcium_um": Published(
        "peak rise of free calcium, slow-twitch mouse fibres", "µM", "baylor2003", value=9.4, spread=1.0),
    "fast_fibre_calcium_half_duration_ms": Published(
        "half-duration of the calcium transient, fast-twitch mouse fibres", "ms", "baylor2003", value=4.9, spread=0.3),
    "slow_fibre_calcium_half_duration_ms": Published(
        "half-duration of the calcium transient, slow-twitch mouse fibres", "ms", "baylor2003", value=7.7, spread=0.6),
    "calcium_transient_temperature_c": Published(
        "temperature of the calcium-transient measurements", "°C", "baylor2003", value=16),
    "serca_calcium_per_atp": Published(
        "calcium ions moved by the SR calcium pump per ATP", "ions", "allen2008", value=2),
    # Cramp evidence.
    "ironman_cohort_size": Published(
        "Ironman triathletes in the prospective cramp cohort", "athletes", "schwellnus2011", value=210),
    "hypohydration_body_mass_pct": Published(
        "body-mass loss that did not change induced-cramp threshold", "%", "miller2010hypohydration", value=3),
    "pickle_juice_cramp_duration_s": Published(
        "induced-cramp duration after pickle juice", "s", "miller2010pickle", value=84.6),
    "water_cramp_duration_s": Published(
        "induced-cramp duration after water", "s", "miller2010pickle", value=133.7),
    "cramp_threshold_frequency_hz": Published(
        "threshold frequency of electrically induced cramp, flexor hallucis brevis", "Hz", "miller2012",
        value=16.2, spread=3.8),
    "ors_baseline_threshold_hz": Published(
        "baseline cramp threshold frequency of the calf, 10 men, before exercise in the heat", "Hz", "lau2021",
        value=25.6, spread=0.7, also=(10,)),
    "induced_cramp_force_before_n": Published(
        "maximal voluntary force before an induced cramp", "N", "miller2012", value=28.7),
    "induced_cramp_force_after_n": Published(
        "maximal voluntary force 1 min after an induced cramp, recovered by 5 min", "N", "miller2012",
        value=25.1, also=(1, 5)),
    "triathletes_reporting_cramps_pct": Published(
        "triathletes reporting exercise-associated cramps, of 2,438 surveyed (cited in the introduction)", "%",
        "miller2010pickle", value=67, also=(2438,)),
    # Sarcomere length-tension (frog fibres).
    "length_tension_plateau_um": Published(
        "sarcomere lengths of the measured tension plateau", "µm", "gordon1966", low=2.05, high=2.2),
    "length_tension_plateau_geometry_um": Published(
        "plateau expected from filament geometry", "µm", "gordon1966", low=2.0, high=2.25),
    "length_tension_zero_um": Published(
        "sarcomere length at which tension reaches zero (no filament overlap)", "µm", "gordon1966", value=3.65),
    "length_tension_knee_um": Published(
        "sarcomere length below which tension falls steeply", "µm", "gordon1966", value=1.67),
    "length_tension_zero_short_um": Published(
        "sarcomere length to which the steep fall extrapolates at zero tension", "µm", "gordon1966", value=1.27),
    "thick_filament_um": Published("thick filament length", "µm", "gordon1966", value=1.6),
    "thin_filaments_across_z_um": Published(
        "length of the thin filaments across the Z-line", "µm", "gordon1966", value=2.05),
    # Force-velocity.
    "hill_curvature": Published("a/F0 of Hill's equation, frog sartorius", "-", "hill1938", value=0.25),
    # Motor-unit pool model defaults (Fuglevand et al. 1993).
    "pool_units": Published("motor units in the model pool", "units", "fuglevand1993", value=120),
    "pool_threshold_range": Published("range of recruitment thresholds", "fold", "fuglevand1993", value=30),
    "pool_force_range": Published("range of twitch forces", "fold", "fuglevand1993", value=100),
    "pool_contraction_times_ms": Published(
        "contraction times, smallest to largest unit", "ms", "fuglevand1993", low=30, high=90),
    "pool_firing_rates_hz": Published(
        "firing rates, at recruitment to peak", "Hz", "fuglevand1993", low=8, high=35),
    # Nerve conduction.
    "myelinated_velocity_per_diameter": Published(
        "conduction velocity per micrometre of fibre diameter, myelinated fibres", "m/s per µm", "hursh1939", value=6),
    "a_alpha_diameter_um": Published("diameter of A-alpha (largest myelinated) fibres", "µm", "kandel2021",
                                     low=12, high=20),
    "a_alpha_velocity_m_s": Published("conduction velocity of A-alpha fibres", "m/s", "kandel2021", low=70, high=120),
    "c_fibre_diameter_um": Published("diameter of unmyelinated C fibres", "µm", "kandel2021", low=0.2, high=1.5),
    "c_fibre_velocity_m_s": Published("conduction velocity of C fibres", "m/s", "kandel2021", low=0.5, high=2),
    # Membrane potential of mammalian skeletal muscle.
    "muscle_potassium_mm": Published("K⁺ outside and inside mammalian skeletal muscle", "mM", "hille2001",
                                     value=4, also=(155,)),
    "muscle_sodium_mm": Published("Na⁺ outside and inside mammalian skeletal muscle", "mM", "hille2001",
                                  value=145, also=(12,)),
    "muscle_chloride_mm": Published("Cl⁻ outside and inside mammalian skeletal muscle", "mM", "hille2001",
                                    value=123, also=(4.2,)),
    "muscle_calcium_mm": Published("free Ca²⁺ outside mammalian skeletal muscle", "mM", "hille2001", value=1.5),
    "resting_potential_4mm_k_mv": Published(
        "resting potential of muscle fibres at 4 mM external K⁺", "mV", "jurkatrott2009", value=-85, also=(4,)),
    "paradox_below_k_mm": Published(
        "external K⁺ below which fibres depolarise paradoxically", "mM", "jurkatrott2009", value=1.0),
    "paradox_potential_mv": Published(
        "second stable potential of paradoxically depolarised fibres", "mV", "jurkatrott2009", value=-60),
    "squid_axon_velocity_m_s": Published(
        "conduction velocity computed for a squid giant axon 476 µm thick at 18.5 °C", "m/s", "hodgkin1952",
        value=18.8, also=(476, 18.5)),
}


def prose_numbers() -> set[float]:
    """Every number the prose may state without computing it."""
    return set().union(*(v.numbers() for v in VALUES.values()))
