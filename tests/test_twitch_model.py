"""The twitch-to-tetanus model against published human data, and its invariants over the explorers' box."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import twitch as tw
from musclebook import twitch_plots as tp
from musclebook.explorer import Renderer
from musclebook.published import VALUES

EXPLORERS = (tp.TRAIN, tp.RELAXATION)


def control(spec, name):
    return next(c for c in spec.controls if c.name == name)


def frame_id(params):
    unit = params["unit"]
    return f"{unit.name}-x{unit.relaxation_factor:g}-{params['frequency_hz']:g}Hz"


#: every frame the book shows: (explorer, its parameters)
FRAMES = [(spec, params) for spec in EXPLORERS for params in spec.grid()]
FRAME_IDS = [f"{spec.key}-{frame_id(params)}" for spec, params in FRAMES]
#: every unit the explorers offer
EXPLORER_UNITS = list(dict.fromkeys(u for spec in EXPLORERS for u in control(spec, "unit").values))


# ---------------------------------------------------------------- published values


def test_slow_twitch_contraction_time_matches_triceps_surae():
    # Sale et al. 1982 (J Appl Physiol 52:1636): contraction time 112.4 ± 11.1 ms.
    assert VALUES["twitch_contraction_time_ms"].contains(tw.twitch_timing(tw.SLOW).contraction_time_ms)


def test_slow_twitch_half_relaxation_matches_triceps_surae():
    # Sale et al. 1982: half-relaxation 99.6 ± 14.4 ms. Not a parameter of the model: it emerges
    # from the activation shape and the saturating activation-to-force step.
    assert VALUES["twitch_half_relaxation_ms"].contains(tw.twitch_timing(tw.SLOW).half_relaxation_ms)


def test_half_maximal_force_frequency_matches_human_motor_units():
    # Thomas, Bigland-Ritchie & Johansson 1991 (J Neurophysiol 65:1509): 12 ± 4 Hz.
    assert VALUES["thenar_half_max_hz"].contains(tw.half_max_frequency_hz(tw.SLOW))


def test_fusion_begins_where_human_motor_units_begin_to_fuse():
    # Thomas et al. 1991: twitch force began to fuse between 5 and 8 Hz.
    assert VALUES["thenar_fusion_onset_hz"].contains(tw.fusion_onset_hz(tw.SLOW))


def test_maximal_force_is_reached_between_30_and_100_hz():
    # Thomas et al. 1991: maximal tetanic force between 30 and 100 Hz.
    low, high = VALUES["thenar_max_force_hz"].bounds
    at_low, at_high = tw.steady_state(tw.SLOW, low).peak, tw.steady_state(tw.SLOW, high).peak
    assert at_low >= 0.9 * at_high
    assert tw.steady_state(tw.SLOW, high / 2).peak < at_high * 1.001
    assert tw.steady_state(tw.SLOW, 10).peak < 0.8 * at_high  # not already maximal at low rates


@pytest.mark.parametrize("factor", [1.5, 2.0])
def test_slowing_relaxation_stretches_the_half_relaxation_by_that_factor(factor):
    """The falling phase of activation is stretched by ``relaxation_factor`` and force follows activation with no
    delay, so the half-relaxation time grows by exactly that factor (to the interpolation's 0.1 %)."""
    ratio = (
        tw.twitch_timing(tw.SLOW.replace(relaxation_factor=factor)).half_relaxation_ms
        / tw.twitch_timing(tw.SLOW).half_relaxation_ms
    )
    assert ratio == pytest.approx(factor, rel=1e-3)


# ---------------------------------------------------------------- measured and fitted inputs, three ways


def test_the_slow_unit_s_contraction_time_is_sale_s_measurement():
    """Provenance: the input is the published mean (Sale et al. 1982), not a value inside its spread."""
    assert tw.SLOW.contraction_time_ms == VALUES["twitch_contraction_time_ms"].value


@pytest.mark.parametrize(
    "unit, peak_ms_tolerance",
    [(tw.SLOW, 0.01), (tw.FAST, 0.01), (tw.SLOW.replace(relaxation_factor=1.5), tw.DT_MS / 2)],
    ids=["slow", "fast", "slow-x1.5"],
)
def test_a_simulated_twitch_has_the_timing_its_parameters_set(unit, peak_ms_tolerance):
    """Implementation: the twitch read off the simulation starts after the latent period, peaks after the
    contraction time and at the twitch-to-tetanus ratio, within the numerical error of reading a sampled curve.
    The onset is exact on the grid. A smooth peak's parabolic vertex is within 0.01 ms of the true peak and 1e-5
    of its height at the 0.5 ms step (measured 0.0007 ms and 1e-6); a slowed relaxation puts a corner in the
    curve at its peak, and there the vertex is only within half a step (measured 0.10 ms)."""
    timing = tw.twitch_timing(unit)
    assert timing.latent_period_ms == pytest.approx(unit.latent_period_ms, abs=1e-9)
    assert timing.contraction_time_ms == pytest.approx(unit.contraction_time_ms, abs=peak_ms_tolerance)
    assert timing.peak_force == pytest.approx(unit.twitch_tetanus_ratio, rel=1e-5)


def bisect(g, low: float, high: float) -> float:
    """The root of ``g`` between ``low`` and ``high``, where g(low) > 0 > g(high)."""
    for _ in range(100):
        mid = (low + high) / 2
        low, high = (mid, high) if g(mid) > 0 else (low, mid)
    return (low + high) / 2


@pytest.mark.parametrize(
    "unit, tolerance_ms",
    [(tw.SLOW, 0.01), (tw.FAST, 0.01), (tw.SLOW.replace(relaxation_factor=1.5), tw.DT_MS / 2)],
    ids=["slow", "fast", "slow-x1.5"],
)
def test_half_relaxation_is_the_closed_form_of_the_model(unit, tolerance_ms):
    """Implementation: force is a^n / (a^n + K), K = (1 - r) / r, of the activation a = x^p e^(p(1 - x)), x the
    time since onset in contraction times, stretched after the peak by the relaxation factor. It falls to half its
    peak where a^n = K / (1 + 2K). The reading is within 0.01 ms of that (half a step after a slowed relaxation's
    corner at the peak, as above)."""
    k = (1 - unit.twitch_tetanus_ratio) / unit.twitch_tetanus_ratio
    target = (k / (1 + 2 * k)) ** (1 / unit.cooperativity)
    x = bisect(lambda x: x**unit.shape * np.exp(unit.shape * (1 - x)) - target, 1.0, 20.0)
    expected = (x - 1) * unit.contraction_time_ms * unit.relaxation_factor
    assert tw.twitch_timing(unit).half_relaxation_ms == pytest.approx(expected, abs=tolerance_ms)


def test_slower_relaxation_leaves_the_rise_of_the_twitch_as_it_was():
    # fatigue slows relaxation (Westerblad & Lännergren 1991), not the rise: the model stretches the fall alone
    units = (tw.SLOW, tw.SLOW.replace(relaxation_factor=1.5))
    normal, slowed = (tw.simulate(u, 0.0, duration_ms=1.0, record_ms=800.0) for u in units)
    rising = normal.t_ms <= tw.SLOW.latent_period_ms + tw.SLOW.contraction_time_ms
    assert np.array_equal(normal.force[rising], slowed.force[rising])
    falling = (normal.t_ms > tw.SLOW.latent_period_ms + tw.SLOW.contraction_time_ms + 10) & (normal.t_ms < 600)
    assert np.all(slowed.force[falling] > normal.force[falling])


def test_the_grid_search_finds_the_lowest_frequency_where_a_rising_condition_holds():
    for threshold in (0.2, 12.3, 12.5, 49.9, 50.0):
        assert tw._lowest_on_grid(lambda f, t=threshold: f >= t, 50.0, 0.5) == max(0.5, np.ceil(threshold * 2) / 2)
    assert tw._lowest_on_grid(lambda f: f > 50.0, 50.0, 0.5) is None  # never on the grid
    assert tw._lowest_on_grid(lambda f: f >= 3.0, 10.0, 1.0) == 3.0


def test_the_steady_state_is_read_once_the_force_has_settled():
    # the last third of a 1.5 s train: a train twice as long gives the same peak and ripple (whole-train peak,
    # and a ripple read after the rise)
    for hz in (5.0, 10.0, 20.0):
        short, long = tw.steady_state(tw.SLOW, hz), tw.steady_state(tw.SLOW, hz, duration_ms=3000.0)
        assert short.peak == pytest.approx(long.peak, rel=1e-3) and short.ripple == pytest.approx(long.ripple, abs=1e-3)


def test_the_shape_exponent_is_its_fit_to_sale_s_half_relaxation():
    """Fitted: re-running the fit of p to Sale et al.'s half-relaxation time gives the module's value exactly
    (to its two decimals), and that p reproduces the measured mean within the interpolation's error."""
    target = VALUES["twitch_half_relaxation_ms"].value
    assert tw.fit_shape(tw.SLOW.replace(shape=1.0), target) == tw.SLOW.shape
    assert tw.twitch_timing(tw.SLOW).half_relaxation_ms == pytest.approx(target, abs=0.5)  # p to two decimals


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
    slowed = tw.SLOW.replace(relaxation_factor=2.0)
    assert tw.steady_state(slowed, 10).peak > tw.steady_state(tw.SLOW, 10).peak
    run = tw.simulate(slowed, 20, duration_ms=1000)
    assert run.force[-1] < 0.01 * run.force.max()  # no contraction goes on by itself


def test_train_ripple_falls_with_frequency():
    ripples = [tw.steady_state(tw.SLOW, f).ripple for f in (1, 5, 10, 20, 50)]
    assert ripples[0] > 0.95  # separate twitches
    assert ripples[-1] < 0.05  # fused tetanus
    assert all(a >= b for a, b in zip(ripples, ripples[1:]))


def test_a_train_records_its_stimuli_and_its_time_axis():
    run = tw.simulate(tw.SLOW, 10.0, duration_ms=600.0, record_ms=900.0)
    assert np.allclose(run.stimuli_ms, np.arange(0, 600, 100))
    assert run.t_ms[0] == 0 and run.t_ms[-1] == pytest.approx(900 - tw.DT_MS)
    assert run.t_ms.shape == run.force.shape
    assert np.allclose(tw.simulate(tw.SLOW, 0.0, duration_ms=1.0).stimuli_ms, [0.0])  # 0 Hz: one twitch


# ---------------------------------------------------------------- the search for the frequencies above


@pytest.mark.parametrize(
    "unit", [tw.SLOW, tw.FAST, tw.SLOW.replace(relaxation_factor=1.5)], ids=["slow", "fast", "slow-x1.5"]
)
def test_bisection_finds_what_a_scan_of_the_grid_finds(unit):
    # half_max_frequency_hz and fusion_onset_hz bisect on the 0.5 Hz grid; a plain scan must agree. The scan stops
    # at 40 Hz (fast enough for the tier), so the answers must lie below that.
    grid = np.arange(0.5, 40.0 + 0.25, 0.5)
    states = [tw.steady_state(unit, float(f)) for f in grid]
    half = tw.steady_state(unit, 100.0).peak / 2
    reaches_half = np.array([s.peak >= half for s in states])
    fused = np.array([s.ripple < 0.5 for s in states])
    # bisection is valid only where each condition, once true, stays true along the grid
    for holds in (reaches_half, fused):
        assert holds.any() and np.all(holds[np.argmax(holds) :])
    assert tw.half_max_frequency_hz(unit) == grid[np.argmax(reaches_half)]
    assert tw.fusion_onset_hz(unit) == grid[np.argmax(fused)]


def test_a_unit_that_does_not_fuse_in_range_is_refused():
    with pytest.raises(ValueError, match="does not fuse"):
        tw.fusion_onset_hz(tw.SLOW, max_hz=2.0)


# ---------------------------------------------------------------- invariants over the explorers' box


@pytest.fixture(scope="module")
def views():
    """One view per explorer, to read the text alternative of any frame without drawing it."""
    return {spec.key: Renderer(spec.view).view for spec in EXPLORERS}


def explorer_train(params) -> tw.Train:
    """The train a frame draws."""
    return tw.simulate(params["unit"], params["frequency_hz"], tp.TRAIN_MS, record_ms=tp.WINDOW_MS)


@pytest.mark.parametrize("spec, params", FRAMES, ids=FRAME_IDS)
def test_force_is_finite_bounded_and_non_negative(spec, params):
    unit, run = params["unit"], explorer_train(params)
    assert np.all(np.isfinite(run.force))
    assert run.force.min() >= 0 and run.force.max() <= 1
    assert np.all(run.force[run.t_ms < unit.latent_period_ms] == 0)  # nothing before the latent period ends


@pytest.mark.parametrize("spec, params", FRAMES, ids=FRAME_IDS)
def test_explorer_window_shows_full_relaxation(spec, params):
    # the explorers' captions say force falls back to rest when the stimuli stop
    run = explorer_train(params)
    assert run.force[-1] < 0.01 * run.force.max()


@pytest.mark.parametrize("spec, params", FRAMES, ids=FRAME_IDS)
def test_text_alternative_gives_the_peak_force_of_the_frame(views, spec, params):
    text = views[spec.key].update(**params)
    peak_pct = explorer_train(params).force.max() * 100
    assert f"{params['frequency_hz']:g} Hz" in text
    assert f"peak force {peak_pct:.0f}% of maximal tetanic force" in text
    ripple = tw.steady_state(params["unit"], float(params["frequency_hz"]), tp.TRAIN_MS).ripple
    if ripple > 0.95:
        assert "separate twitches" in text
    elif ripple < 0.02:
        assert "fused tetanus: a smooth plateau" in text


@pytest.mark.parametrize("spec", EXPLORERS, ids=lambda s: s.key)
def test_live_range_ends_are_inside_the_model_box(spec):
    # a live slider reaches the ends of its range, off the grid: the model must hold there too
    low, high, _ = control(spec, "frequency_hz").live
    for unit in control(spec, "unit").values:
        for frequency in (low, high):
            run = tw.simulate(unit, frequency, tp.TRAIN_MS, record_ms=tp.WINDOW_MS)
            assert np.all(np.isfinite(run.force)) and run.force.min() >= 0 and run.force.max() <= 1
            assert run.force[-1] < 0.01 * run.force.max()


@pytest.mark.parametrize("unit", EXPLORER_UNITS, ids=lambda u: f"{u.name}-x{u.relaxation_factor:g}")
def test_force_frequency_is_monotone(unit):
    frequencies = sorted({f for spec in EXPLORERS for f in control(spec, "frequency_hz").values})
    for freqs in (frequencies, tp.FF_FREQUENCIES_HZ):  # the slider's values and the curve beside the train
        forces = tw.force_frequency(unit, freqs)
        assert np.all(np.isfinite(forces)) and forces.min() > 0 and forces.max() <= 1
        assert np.all(np.diff(forces) >= -1e-9)


@pytest.mark.parametrize(
    "bad",
    [
        dict(contraction_time_ms=0),
        dict(twitch_tetanus_ratio=1.0),
        dict(relaxation_factor=-1),
        dict(latent_period_ms=-2),
        dict(shape=float("nan")),
    ],
)
def test_bad_parameters_are_refused_by_name(bad):
    name = next(iter(bad))
    with pytest.raises(ValueError, match=f"Unit 'test': {name}="):
        tw.Unit("test", **{"contraction_time_ms": 100.0, **bad})


def test_replace_checks_the_changed_value():
    assert tw.SLOW.replace(relaxation_factor=1.5).relaxation_factor == 1.5
    with pytest.raises(ValueError, match="Unit 'slow': relaxation_factor="):
        tw.SLOW.replace(relaxation_factor=0.0)


def test_bad_stimulation_is_refused():
    with pytest.raises(ValueError, match="frequency_hz"):
        tw.stimulus_times_ms(-1, 100)
    with pytest.raises(ValueError, match="duration_ms"):
        tw.stimulus_times_ms(10, 0)
    assert len(tw.stimulus_times_ms(0, 0.5)) == 1 and len(tw.stimulus_times_ms(1000, 1)) == 1  # edges allowed
