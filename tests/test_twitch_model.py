"""The twitch-to-tetanus model against published human data, and its invariants."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from musclebook import twitch as tw
from musclebook import twitch_plots as tp
from musclebook.published import VALUES


def within(key, value):
    low, high = VALUES[key].bounds
    return low <= value <= high


# ---------------------------------------------------------------- published values


def test_slow_twitch_contraction_time_matches_triceps_surae():
    # Sale et al. 1982 (J Appl Physiol 52:1636): contraction time 112.4 ± 11.1 ms.
    assert within("twitch_contraction_time_ms", tw.twitch_timing(tw.SLOW).contraction_time_ms)


def test_slow_twitch_half_relaxation_matches_triceps_surae():
    # Sale et al. 1982: half-relaxation 99.6 ± 14.4 ms. Not a parameter of the model: it emerges
    # from the activation shape and the saturating activation-to-force step.
    assert within("twitch_half_relaxation_ms", tw.twitch_timing(tw.SLOW).half_relaxation_ms)


def test_half_maximal_force_frequency_matches_human_motor_units():
    # Thomas, Bigland-Ritchie & Johansson 1991 (J Neurophysiol 65:1509): 12 ± 4 Hz.
    assert within("thenar_half_max_hz", tw.half_max_frequency_hz(tw.SLOW))


def test_fusion_begins_where_human_motor_units_begin_to_fuse():
    # Thomas et al. 1991: twitch force began to fuse between 5 and 8 Hz.
    assert within("thenar_fusion_onset_hz", tw.fusion_onset_hz(tw.SLOW))


def test_maximal_force_is_reached_between_30_and_100_hz():
    # Thomas et al. 1991: maximal tetanic force between 30 and 100 Hz.
    low, high = VALUES["thenar_max_force_hz"].bounds
    at_low, at_high = tw.steady_state(low, tw.SLOW).peak, tw.steady_state(high, tw.SLOW).peak
    assert at_low >= 0.9 * at_high
    assert tw.steady_state(high / 2, tw.SLOW).peak < at_high * 1.001
    assert tw.steady_state(10, tw.SLOW).peak < 0.8 * at_high  # not already maximal at low rates


def test_relaxation_slowed_as_in_fatigue_lengthens_half_relaxation_proportionally():
    # Westerblad & Lännergren 1991: relaxation took 151 ± 14 % as long in fatigue. Stretching the
    # falling phase by that factor must lengthen the model's half-relaxation by a factor in range.
    factor = VALUES["fatigue_relaxation_duration_pct"].value / 100
    ratio = (
        tw.twitch_timing(tw.SLOW.with_relaxation(factor)).half_relaxation_ms
        / tw.twitch_timing(tw.SLOW).half_relaxation_ms
    )
    low, high = VALUES["fatigue_relaxation_duration_pct"].bounds
    assert low / 100 <= ratio <= high / 100


# ---------------------------------------------------------------- physiology the chapter teaches


def test_single_twitch_has_latent_period_and_peaks_at_twitch_tetanus_ratio():
    timing = tw.twitch_timing(tw.SLOW)
    assert 0 < timing.latent_period_ms < 20
    assert timing.peak_force == pytest.approx(tw.SLOW.twitch_tetanus_ratio, rel=1e-3)


def test_fast_unit_is_faster_and_needs_higher_frequencies():
    fast, slow = tw.twitch_timing(tw.FAST), tw.twitch_timing(tw.SLOW)
    assert fast.contraction_time_ms < slow.contraction_time_ms
    assert fast.half_relaxation_ms < slow.half_relaxation_ms
    assert tw.half_max_frequency_hz(tw.FAST) > tw.half_max_frequency_hz(tw.SLOW)


def test_slower_relaxation_summates_more_but_still_relaxes():
    slowed = tw.SLOW.with_relaxation(2.0)
    assert tw.steady_state(10, slowed).peak > tw.steady_state(10, tw.SLOW).peak
    t, force, _ = tw.simulate(20, slowed, duration_ms=1000)
    assert force[-1] < 0.01 * force.max()  # no contraction goes on by itself


def test_train_ripple_falls_with_frequency():
    ripples = [tw.steady_state(f, tw.SLOW).ripple for f in (1, 5, 10, 20, 50)]
    assert ripples[0] > 0.95  # separate twitches
    assert ripples[-1] < 0.05  # fused tetanus
    assert all(a >= b for a, b in zip(ripples, ripples[1:]))


# ---------------------------------------------------------------- invariants over the explorers' box

EXPLORER_UNITS = [tw.SLOW, tw.FAST] + [tw.SLOW.with_relaxation(f) for f in (1.25, 1.5, 2.0)]
EXPLORER_FREQUENCIES = [1, 2, 5, 8, 10, 12, 15, 20, 30, 50, 100]


@pytest.mark.parametrize("unit, frequency", itertools.product(EXPLORER_UNITS, EXPLORER_FREQUENCIES))
def test_force_is_finite_bounded_and_non_negative(unit, frequency):
    t, force, stimuli = tw.simulate(frequency, unit, duration_ms=1000)
    assert np.all(np.isfinite(force))
    assert force.min() >= 0 and force.max() <= 1
    assert np.all(force[t < unit.latent_period_ms] == 0)  # nothing before the latent period ends


@pytest.mark.parametrize("unit, frequency", itertools.product(EXPLORER_UNITS, EXPLORER_FREQUENCIES))
def test_explorer_window_shows_full_relaxation(unit, frequency):
    # the explorers' captions say force falls back to rest when the stimuli stop
    t, force, _ = tw.simulate(frequency, unit, tp.TRAIN_MS, record_ms=tp.WINDOW_MS)
    assert force[-1] < 0.01 * force.max()


@pytest.mark.parametrize("unit", EXPLORER_UNITS, ids=lambda u: f"{u.name}-x{u.relaxation_factor}")
def test_force_frequency_is_monotone(unit):
    forces = tw.force_frequency(EXPLORER_FREQUENCIES, unit)
    assert np.all(np.diff(forces) >= -1e-9)


@pytest.mark.parametrize(
    "bad",
    [
        dict(contraction_time_ms=0),
        dict(twitch_tetanus_ratio=1.0),
        dict(relaxation_factor=-1),
        dict(latent_period_ms=-2),
    ],
)
def test_bad_parameters_are_refused_by_name(bad):
    name = next(iter(bad))
    with pytest.raises(ValueError, match=name):
        tw.Unit("test", **{"contraction_time_ms": 100.0, **bad})


def test_bad_stimulation_is_refused():
    with pytest.raises(ValueError, match="frequency_hz"):
        tw.stimulus_times_ms(-1, 100)
