"""Published values the book quotes and its models are tested against.

Each entry is one finding of one source (a key of ``musclebook/data/references.bib``): a mean with its
spread, a range, or a single number. The prose never types these numbers: it names them with the
``{pub}`` role (``{pub}`twitch_contraction_time_ms``` prints "112.4 ± 11.1 ms"), the claim ledger
does the same, and the model tests compare model output with :meth:`Published.contains`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import N_, template
from .language import SOURCE, check_language, number

SPREAD_KINDS = ("SD", "SEM", None)  # None: the source states a spread without saying which
FORMS = ("full", "value", "bare", "low", "high")


@dataclass(frozen=True)
class Published:
    what: str
    unit: str  # as printed after the number ("ms", "%", "µM"); "" for counts and ratios
    source: str  # BibTeX key
    value: float | None = None  # mean or point value
    spread: float | None = None  # the ± of the source
    spread_kind: str | None = None  # "SD" or "SEM" where the source says which
    low: float | None = None  # a stated range
    high: float | None = None
    word: bool = False  # the unit has a word ("minutes", "m/s per µm"): marked N_, written in the reader's language

    def __post_init__(self):
        has_range = self.low is not None or self.high is not None
        if has_range and (self.low is None or self.high is None or self.value is not None):
            raise ValueError(f"published value '{self.what}': give a value or a full range (low and high), not both")
        if not has_range and self.value is None:
            raise ValueError(f"published value '{self.what}': no value and no range")
        if self.spread is not None and self.value is None:
            raise ValueError(f"published value '{self.what}': a spread needs a value")
        if self.spread_kind not in SPREAD_KINDS:
            raise ValueError(f"published value '{self.what}': spread_kind must be one of {SPREAD_KINDS}")

    @property
    def bounds(self) -> tuple[float, float]:
        """The interval a model must hit: mean ± spread, or the stated range."""
        if self.low is not None and self.high is not None:
            return self.low, self.high
        if self.value is not None and self.spread is not None:
            return self.value - self.spread, self.value + self.spread
        raise ValueError(f"{self.what}: no spread or range to test against")

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies within :attr:`bounds` (inclusive)."""
        low, high = self.bounds
        return low <= float(x) <= high

    def text(self, form: str = "full", language: str = SOURCE) -> str:
        """The finding as the prose prints it.

        ``full``: "112.4 ± 11.1 ms", "5–8 Hz" or "16 °C"; ``value``: the mean with its unit, no
        spread; ``bare``: ``full`` without the unit; ``low`` and ``high``: one end of a range,
        without the unit.
        """
        check_language(language)
        if form not in FORMS:
            raise ValueError(f"unknown form '{form}' for a published value; expected one of {', '.join(FORMS)}")
        if form in ("low", "high"):
            if self.low is None:
                raise ValueError(f"published value '{self.what}' has no range, so no '{form}' end")
            return number(getattr(self, form), language=language)
        if self.low is not None:
            body = f"{number(self.low, language=language)}–{number(self.high, language=language)}"
        else:
            body = number(self.value, language=language)
            if self.spread is not None and form in ("full", "bare"):
                body += f" ± {number(self.spread, language=language)}"
        # a unit with a word is written in the reader's language; a symbol ("ms") is the same in every language
        unit = template(self.unit, language) if self.word else self.unit
        if form == "bare" or not unit:
            return body
        return f"{body} {unit}"


def _range(what, unit, source, low, high):
    return Published(what, unit, source, low=low, high=high)


VALUES: dict[str, Published] = {
    # Twitch timing of human triceps surae (the abstract gives mean ± spread without naming it).
    "twitch_contraction_time_ms": Published(
        "human triceps surae twitch contraction time", "ms", "sale1982", 112.4, 11.1
    ),
    "twitch_half_relaxation_ms": Published(
        "human triceps surae twitch half-relaxation time", "ms", "sale1982", 99.6, 14.4
    ),
    # Force-frequency relation of human thenar motor units.
    "thenar_half_max_hz": Published(
        "frequency giving half-maximal force, human thenar motor units", "Hz", "thomas1991", 12, 4
    ),
    "thenar_fusion_onset_hz": _range(
        "frequency at which twitches begin to fuse, human thenar motor units", "Hz", "thomas1991", 5, 8
    ),
    "thenar_max_force_hz": _range(
        "frequencies giving maximal tetanic force, human thenar motor units", "Hz", "thomas1991", 30, 100
    ),
    # Fatigue slows relaxation: single mouse fibres, mean ± SEM, measured on the initial, nearly
    # linear phase of relaxation when tetanic force had fallen to about 75 %.
    "fatigue_relaxation_duration_pct": Published(
        "duration of the linear phase of relaxation in fatigue, % of control", "%", "westerblad1991", 151.3, 14.2, "SEM"
    ),
    "fatigue_relaxation_rate_pct": Published(
        "rate of force decline in the linear phase of relaxation in fatigue, % of control",
        "%",
        "westerblad1991",
        55.2,
        2.9,
        "SEM",
    ),
    "fatigue_fibres": Published("single fibres in the fatigue study", "", "westerblad1991", 25),
    "fatigue_tetanic_force_pct": Published(
        "tetanic force when relaxation was slowest, % of the original (about)", "%", "westerblad1991", 75
    ),
    "fatigue_tetanus_duration_ms": Published("duration of each tetanus", "ms", "westerblad1991", 350),
    "fatigue_tetanus_frequency_hz": Published("stimulation frequency of each tetanus", "Hz", "westerblad1991", 70),
    # Calcium transients in mouse fibres at 16 °C, mean ± SEM.
    "fast_fibre_peak_calcium_um": Published(
        "peak rise of free calcium, fast-twitch mouse fibres", "µM", "baylor2003", 18.5, 0.5, "SEM"
    ),
    "slow_fibre_peak_calcium_um": Published(
        "peak rise of free calcium, slow-twitch mouse fibres", "µM", "baylor2003", 9.4, 1.0, "SEM"
    ),
    "fast_fibre_calcium_half_duration_ms": Published(
        "half-duration of the calcium transient, fast-twitch mouse fibres", "ms", "baylor2003", 4.9, 0.3, "SEM"
    ),
    "slow_fibre_calcium_half_duration_ms": Published(
        "half-duration of the calcium transient, slow-twitch mouse fibres", "ms", "baylor2003", 7.7, 0.6, "SEM"
    ),
    "calcium_transient_temperature_c": Published(
        "temperature of the calcium-transient measurements", "°C", "baylor2003", 16
    ),
    "serca_calcium_per_atp": Published("calcium ions moved by the SR calcium pump per ATP", "", "allen2008", 2),
    # Cramp evidence.
    "ironman_cohort_size": Published("Ironman triathletes in the prospective cramp cohort", "", "schwellnus2011", 210),
    "hypohydration_body_mass_pct": Published(
        "body-mass loss that did not change induced-cramp threshold", "%", "miller2010hypohydration", 3
    ),
    "pickle_juice_cramp_duration_s": Published(
        "induced-cramp duration after pickle juice", "s", "miller2010pickle", 84.6
    ),
    "water_cramp_duration_s": Published("induced-cramp duration after water", "s", "miller2010pickle", 133.7),
    "cramp_threshold_frequency_hz": Published(
        "threshold frequency of electrically induced cramp, flexor hallucis brevis", "Hz", "miller2012", 16.2, 3.8
    ),
    "ors_baseline_threshold_hz": Published(
        "baseline cramp threshold frequency of the calf before exercise in the heat", "Hz", "lau2021", 25.6, 0.7
    ),
    "ors_study_men": Published("men in the oral rehydration study", "", "lau2021", 10),
    "induced_cramp_force_before_n": Published(
        "maximal voluntary force before an induced cramp", "N", "miller2012", 28.7
    ),
    "induced_cramp_force_1min_n": Published(
        "maximal voluntary force one minute after an induced cramp", "N", "miller2012", 25.1
    ),
    "induced_cramp_force_5min_n": Published(
        "maximal voluntary force five minutes after an induced cramp", "N", "miller2012", 26.7
    ),
    "serious_hypohydration_body_mass_pct": Published(
        "body-mass loss beyond which hypohydration counts as serious (it did not change induced-cramp threshold)",
        "%",
        "braulick2013",
        5,
    ),
    "ultramarathon_distance_km": Published("length of the ultramarathon in the cramp study", "km", "hoffman2015", 161),
    "red_flag_cramp_duration_min": Published(
        "duration beyond which a cramp that does not ease needs urgent advice",
        N_("minutes"),
        "nhsinform_leg_cramps",
        10,
        word=True,
    ),
    "triathletes_reporting_cramps_pct": Published(
        "triathletes reporting exercise-associated cramps in a survey cited by Miller et al. 2010",
        "%",
        "miller2010pickle",
        67,
    ),
    "triathletes_surveyed": Published("triathletes in that survey", "", "miller2010pickle", 2438),
    # Sarcomere length-tension (frog fibres).
    "length_tension_plateau_um": _range(
        "sarcomere lengths of the measured tension plateau", "µm", "gordon1966", 2.05, 2.2
    ),
    "length_tension_plateau_geometry_um": _range(
        "plateau expected from filament geometry", "µm", "gordon1966", 2.0, 2.25
    ),
    "length_tension_zero_um": Published(
        "sarcomere length at which tension reaches zero (no filament overlap)", "µm", "gordon1966", 3.65
    ),
    "length_tension_knee_um": Published("sarcomere length below which tension falls steeply", "µm", "gordon1966", 1.67),
    "length_tension_zero_short_um": Published(
        "sarcomere length to which the steep fall extrapolates at zero tension", "µm", "gordon1966", 1.27
    ),
    "thick_filament_um": Published("thick filament length", "µm", "gordon1966", 1.6),
    # Human single fibres (type I): the plateau predicted from human filament lengths, and the
    # interval within which the measured optimum lay.
    "human_plateau_um": _range(
        "plateau of the sarcomere length-tension curve predicted from human filament lengths",
        "µm",
        "gollapudi2009",
        2.64,
        2.81,
    ),
    "human_optimum_measured_um": _range(
        "tolerance interval of the measured optimal sarcomere length, human type I fibres",
        "µm",
        "gollapudi2009",
        2.37,
        2.95,
    ),
    "thin_filaments_across_z_um": Published("length of the thin filaments across the Z-line", "µm", "gordon1966", 2.05),
    "human_ascending_slope_per_um": Published(
        "slope of the ascending limb, human type I fibres", N_("F0 per µm"), "gollapudi2009", 0.42, word=True
    ),
    # Force-velocity.
    "hill_curvature": Published("a/F0 of Hill's equation, frog sartorius", "", "hill1938", 0.25),
    # Motor-unit pool model defaults (Fuglevand et al. 1993).
    "pool_units": Published("motor units in the model pool", "", "fuglevand1993", 120),
    "pool_threshold_range": Published("range of recruitment thresholds (fold)", "", "fuglevand1993", 30),
    "pool_force_range": Published("range of twitch forces (fold)", "", "fuglevand1993", 100),
    "pool_contraction_times_ms": _range("contraction times, largest to smallest unit", "ms", "fuglevand1993", 30, 90),
    "pool_firing_rates_hz": _range("firing rates, at recruitment to peak", "Hz", "fuglevand1993", 8, 35),
    "pool_rate_gain_hz": Published(
        "rise of firing rate per unit of excitation above a unit's threshold", "Hz", "fuglevand1993", 1
    ),
    # Nerve conduction.
    "myelinated_velocity_per_diameter": Published(
        "conduction velocity per micrometre of fibre diameter, myelinated fibres",
        N_("m/s per µm"),
        "hursh1939",
        6,
        word=True,
    ),
    "a_alpha_diameter_um": _range("diameter of A-alpha (largest myelinated) fibres", "µm", "kandel2021", 12, 20),
    "a_alpha_velocity_m_s": _range("conduction velocity of A-alpha fibres", "m/s", "kandel2021", 70, 120),
    "c_fibre_diameter_um": _range("diameter of unmyelinated C fibres", "µm", "kandel2021", 0.2, 1.5),
    "c_fibre_velocity_m_s": _range("conduction velocity of C fibres", "m/s", "kandel2021", 0.5, 2),
    "squid_axon_velocity_m_s": Published(
        "conduction velocity computed for the squid giant axon", "m/s", "hodgkin1952", 18.8
    ),
    "squid_axon_diameter_um": Published("diameter of that axon", "µm", "hodgkin1952", 476),
    "squid_axon_temperature_c": Published("temperature of that computation", "°C", "hodgkin1952", 18.5),
    # Ion concentrations of mammalian skeletal muscle.
    "muscle_potassium_out_mm": Published("K⁺ outside mammalian skeletal muscle", "mM", "hille2001", 4),
    "muscle_potassium_in_mm": Published("K⁺ inside mammalian skeletal muscle", "mM", "hille2001", 155),
    "muscle_sodium_out_mm": Published("Na⁺ outside mammalian skeletal muscle", "mM", "hille2001", 145),
    "muscle_sodium_in_mm": Published("Na⁺ inside mammalian skeletal muscle", "mM", "hille2001", 12),
    "muscle_chloride_out_mm": Published("Cl⁻ outside mammalian skeletal muscle", "mM", "hille2001", 123),
    "muscle_chloride_in_mm": Published("Cl⁻ inside mammalian skeletal muscle", "mM", "hille2001", 4.2),
    "muscle_calcium_out_mm": Published("free Ca²⁺ outside mammalian skeletal muscle", "mM", "hille2001", 1.5),
    "muscle_calcium_in_mm": Published(
        "free Ca²⁺ inside resting mammalian skeletal muscle (about 0.1 µM)", "mM", "hille2001", 1e-4
    ),
    "resting_potential_4mm_k_mv": Published(
        "resting potential of muscle fibres at 4 mM external K⁺", "mV", "jurkatrott2009", -85
    ),
    "paradox_below_k_mm": Published(
        "external K⁺ below which fibres depolarise paradoxically", "mM", "jurkatrott2009", 1.0
    ),
    "paradox_potential_mv": Published(
        "second stable potential of paradoxically depolarised fibres", "mV", "jurkatrott2009", -60
    ),
}


PUB_ROLE = re.compile(r"\{pub\}`([^`]*)`")


def lookup(reference: str) -> tuple[Published, str]:
    """``"key"`` or ``"key:form"`` -> (the published value, the form); a KeyError or ValueError names the problem."""
    key, _, form = reference.partition(":")
    key, form = key.strip(), (form.strip() or "full")
    if key not in VALUES:
        raise KeyError(f"unknown published value '{key}' (not in musclebook/published.py)")
    if form not in FORMS:
        raise ValueError(f"unknown form '{form}' for published value '{key}'; expected one of {', '.join(FORMS)}")
    return VALUES[key], form


def expand(text: str, language: str = SOURCE) -> str:
    """Replace every ``{pub}`key[:form]``` in ``text`` by the value as written for ``language``."""

    def one(match):
        value, form = lookup(match.group(1))
        return value.text(form, language)

    return PUB_ROLE.sub(one, text)
