"""Excitation-contraction coupling and relaxation against Baylor & Hollingworth (2003), and its invariants."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import coupling as cp
from musclebook import coupling_plots as pl
from musclebook.explorer import Renderer
from musclebook.published import VALUES


def control(spec, name):
    return next(c for c in spec.controls if c.name == name)


PUMP_FRAMES = list(pl.PUMP.grid())
STAIRCASE_FRAMES = list(pl.STAIRCASE.grid())
SCALES = sorted(control(pl.PUMP, "serca_scale").values)
ATPS = control(pl.PUMP, "atp_mm").values
STAIRCASE_HZ = sorted(control(pl.STAIRCASE, "frequency_hz").values)


def pump_id(params):
    return f"atp{params['atp_mm']:g}-serca{params['serca_scale']:g}"


def staircase_id(params):
    return f"{'kinase' if params['kinase'] else 'knockout'}-{params['frequency_hz']:g}Hz"


# ---------------------------------------------------------------- Baylor & Hollingworth 2003 (J Physiol 551:125)
# Mouse fibres at 16 °C; the release and pump rates of each fibre type are fitted to these values.

TARGETS = {  # fibre: the published calcium transient its rates are fitted to
    "fast": ("fast_fibre_peak_calcium_um", "fast_fibre_calcium_half_duration_ms"),
    "slow": ("slow_fibre_peak_calcium_um", "slow_fibre_calcium_half_duration_ms"),
}


@pytest.mark.parametrize("fibre", [cp.FAST, cp.SLOW], ids=["fast", "slow"])
def test_release_and_pump_rates_are_their_fit_to_the_published_transient(fibre):
    """Fitted: re-running the fit from other starting rates gives the module's rates exactly (four figures)."""
    peak, half = (VALUES[key].value for key in TARGETS[fibre.name])
    start = fibre.replace(release_um_per_ms=80.0, serca_um_per_ms=15.0)
    assert cp.fit_rates(start, peak, half) == (fibre.release_um_per_ms, fibre.serca_um_per_ms)


@pytest.mark.parametrize("fibre", [cp.FAST, cp.SLOW], ids=["fast", "slow"])
def test_a_fibre_s_calcium_transient_has_the_published_mean_peak_and_half_duration(fibre):
    """Implementation: the simulated transient reproduces the means its rates were fitted to, within what rounding
    the rates to four figures leaves (0.5 % of the peak, measured 0.24 %; 0.01 ms of the half-duration)."""
    peak, half = (VALUES[key] for key in TARGETS[fibre.name])
    s = cp.summary(fibre)
    assert s.peak_calcium_rise_um == pytest.approx(peak.value, rel=0.005)
    assert s.calcium_half_duration_ms == pytest.approx(half.value, abs=0.01)


def test_fast_fibre_calcium_transient_matches_mouse_fast_twitch_fibres():
    s = cp.summary(cp.FAST)
    assert VALUES["fast_fibre_peak_calcium_um"].contains(s.peak_calcium_rise_um)  # 18.5 ± 0.5 µM
    assert VALUES["fast_fibre_calcium_half_duration_ms"].contains(s.calcium_half_duration_ms)  # 4.9 ± 0.3 ms


def test_slow_fibre_calcium_transient_matches_mouse_slow_twitch_fibres():
    s = cp.summary(cp.SLOW)
    assert VALUES["slow_fibre_peak_calcium_um"].contains(s.peak_calcium_rise_um)  # 9.4 ± 1.0 µM
    assert VALUES["slow_fibre_calcium_half_duration_ms"].contains(s.calcium_half_duration_ms)  # 7.7 ± 0.6 ms


def test_half_duration_and_half_relaxation_read_a_curve_of_known_width():
    # a Gaussian's full width at half maximum is 2 sqrt(2 ln 2) sigma; an exponential halves in tau ln 2
    t = np.arange(0.0, 60.0, 0.025)
    gaussian = 0.05 + np.exp(-((t - 20.0) ** 2) / (2 * 3.0**2))
    assert cp.half_duration_ms(t, gaussian) == pytest.approx(2 * np.sqrt(2 * np.log(2)) * 3.0, abs=1e-3)
    # a rise to a peak at 5 ms, then an exponential fall: half relaxed τ ln 2 after the peak, read on the grid
    twitch = np.where(t < 5.0, t / 5.0, np.exp(-(t - 5.0) / 10.0))
    assert cp.half_relaxation_ms(t, twitch) == pytest.approx(10.0 * np.log(2), abs=0.025)  # within one sample


def test_half_duration_interpolates_between_samples():
    # from a baseline of 0.05, a rise of 4.9 ms to a sampled peak and a fall of 10.3 ms, its half-height crossings
    # between samples: straight lines between samples, so the width at half height, (4.9 + 10.3) / 2 = 7.6 ms,
    # is read exactly
    t = np.arange(0.0, 30.0, 0.25)
    y = 0.05 + np.interp(t, [0.1, 5.0, 15.3], [0.0, 1.0, 0.0])
    assert cp.half_duration_ms(t, y) == pytest.approx(7.6, abs=1e-9)


def test_a_transient_that_does_not_rise_or_fall_back_has_no_half_duration():
    t = np.arange(0.0, 10.0, 0.5)
    with pytest.raises(ValueError, match="fall back below half"):
        cp.half_duration_ms(t, t)
    with pytest.raises(ValueError, match="never rises"):
        cp.half_duration_ms(t, np.ones_like(t))


# ---------------------------------------------------------------- physiology the chapter teaches


@pytest.mark.parametrize(
    "fibre",
    [cp.FAST, cp.SLOW.replace(serca_scale=0.5, atp_mm=0.05), cp.FAST.replace(rlc_phosphorylated=0.7)],
    ids=["fast", "slow-weak-pump-low-atp", "phosphorylated"],
)
def test_each_step_of_the_simulation_is_the_model_s_equations(fibre):
    """Implementation: the hand-written integration loop takes, at every step, the explicit Euler step of the
    equations the module states as functions (release, uptake, leak, buffer binding, attachment, detachment)."""
    stimuli = (0.0, 40.0)
    tr = cp.simulate(fibre, stimuli)
    ca, bound, f = tr.calcium_um, tr.troponin * fibre.buffer_um, tr.force
    release = cp.release_um_per_ms(tr.t_ms, stimuli, fibre)
    uptake, leak = cp.uptake_um_per_ms(ca, fibre), cp.leak_um_per_ms(fibre)
    bind = cp.binding_um_per_ms(ca, bound, fibre)
    attach, detach = cp.attachment(tr.troponin, fibre), cp.detach_rate_per_ms(fibre)
    dt = cp.DT_MS
    assert np.allclose(ca[1:], (ca + dt * (release - uptake + leak - bind))[:-1], rtol=1e-9, atol=1e-12)
    assert np.allclose(bound[1:], (bound + dt * bind)[:-1], rtol=1e-9, atol=1e-12)
    assert np.allclose(f[1:], (f + dt * (attach * (1 - f) - detach * f))[:-1], rtol=1e-9, atol=1e-12)
    assert tr.pumped_um == pytest.approx(dt * np.sum(uptake - leak), rel=1e-9)


def test_the_pump_is_half_saturated_at_its_constant_and_cooperative():
    fibre = cp.FAST.replace(serca_k_um=2.0)  # not 1 µM, whose every power is 1
    capacity = cp.pump_capacity_um_per_ms(fibre)
    assert cp.uptake_um_per_ms(2.0, fibre) == pytest.approx(capacity / 2, rel=1e-12)
    low, high = cp.uptake_um_per_ms([2.0 * 0.99, 2.0 * 1.01], fibre) / capacity
    assert np.log(high / (1 - high) / (low / (1 - low))) / np.log(1.01 / 0.99) == pytest.approx(2.0, rel=1e-3)
    # the pump needs ATP, the cross-bridges too (Allen, Lamb & Westerblad 2008): both slow as ATP falls
    starved = cp.FAST.replace(atp_mm=0.05)
    assert cp.pump_capacity_um_per_ms(starved) < cp.pump_capacity_um_per_ms(cp.FAST) * 0.6
    assert cp.detach_rate_per_ms(starved) < cp.detach_rate_per_ms(cp.FAST) * 0.3
    assert cp.pump_capacity_um_per_ms(cp.FAST.replace(serca_scale=0.5)) == pytest.approx(
        cp.pump_capacity_um_per_ms(cp.FAST) / 2, rel=1e-12
    )


def test_the_release_flux_peaks_one_release_time_after_the_delay():
    fibre = cp.FAST.replace(release_time_ms=2.0, delay_ms=1.5)
    t = np.arange(0.0, 20.0, 0.001)
    flux = cp.release_um_per_ms(t, (3.0,), fibre)
    assert t[np.argmax(flux)] == pytest.approx(3.0 + 1.5 + 2.0, abs=0.001)
    assert flux.max() == pytest.approx(fibre.release_um_per_ms, rel=1e-9)
    assert np.all(flux[t <= 4.5] == 0)


def test_results_are_read_only():
    tr = cp.simulate(cp.FAST)  # cached and shared between callers
    for array in (tr.t_ms, tr.calcium_um, tr.troponin, tr.force):
        with pytest.raises(ValueError, match="read-only"):
            array[0] = 1.0


def test_a_resting_fibre_stays_at_rest():
    # the SR leak balances the pump at the resting calcium, and troponin starts in equilibrium with it:
    # without a stimulus nothing moves (to rounding)
    tr = cp.simulate(cp.FAST, stimuli_ms=())
    assert np.allclose(tr.calcium_um, cp.RESTING_CA_UM, rtol=1e-9, atol=0)
    assert np.ptp(tr.troponin) < 1e-9


@pytest.mark.parametrize("fibre", [cp.FAST, cp.SLOW], ids=["fast", "slow"])
def test_calcium_returns_to_rest_and_force_with_it(fibre):
    tr = cp.simulate(fibre)
    rise = tr.calcium_um.max() - cp.RESTING_CA_UM
    assert tr.calcium_um[0] == cp.RESTING_CA_UM
    assert 0 <= tr.calcium_um[-1] - cp.RESTING_CA_UM < 0.01 * rise  # 99 % of the rise cleared within 150 ms
    assert tr.force[0] == 0 and tr.force[-1] < 0.01 * tr.force.max()


def test_calcium_rises_only_after_the_delay_and_later_with_a_longer_release():
    tr = cp.simulate(cp.FAST)
    assert np.all(tr.calcium_um[tr.t_ms <= cp.FAST.delay_ms] == cp.RESTING_CA_UM)
    assert tr.calcium_um[np.searchsorted(tr.t_ms, cp.FAST.delay_ms) + 4] > cp.RESTING_CA_UM
    slower = cp.simulate(cp.FAST.replace(release_time_ms=2 * cp.FAST.release_time_ms))
    assert slower.t_ms[np.argmax(slower.calcium_um)] > tr.t_ms[np.argmax(tr.calcium_um)] + 0.5


def test_force_starts_after_a_latent_period():
    tr = cp.simulate(cp.FAST)
    onset = tr.t_ms[np.argmax(tr.force > 0.01 * tr.force.max())]
    assert cp.FAST.delay_ms < onset < 10


def test_weaker_pump_gives_a_larger_slower_twitch_that_still_relaxes():
    normal, weak = cp.summary(cp.FAST), cp.summary(cp.FAST.replace(serca_scale=0.5))
    assert weak.peak_calcium_rise_um > normal.peak_calcium_rise_um
    assert weak.peak_force >= normal.peak_force
    assert weak.force_half_relaxation_ms > normal.force_half_relaxation_ms
    assert weak.final_force_fraction < 0.01


def test_without_atp_cross_bridges_stay_attached():
    rigor = cp.summary(cp.FAST.replace(atp_mm=0.02))
    assert rigor.final_force_fraction > 0.2


def test_the_pump_takes_back_what_was_released_and_splits_one_atp_per_two_calcium_ions():
    # Allen, Lamb & Westerblad 2008 (Physiol Rev 88:287): SERCA moves 2 Ca²⁺ per ATP. Calcium is conserved: over a
    # twitch the pump returns what the SR released, the integral of release (t/τ) e^(1 - t/τ), which is release τ e
    # (within 1 %: 150 ms after the stimulus a little calcium is still free or bound, measured 0.14 %).
    tr = cp.simulate(cp.FAST)
    released = cp.FAST.release_um_per_ms * cp.FAST.release_time_ms * np.e
    assert tr.pumped_um == pytest.approx(released, rel=0.01)
    assert tr.atp_used_by_serca_um == pytest.approx(released / VALUES["serca_calcium_per_atp"].value, rel=0.01)


# ---------------------------------------------------------------- invariants over the pump explorer's box


@pytest.fixture(scope="module")
def views():
    """One view per explorer, to read the text alternative of any frame without drawing it."""
    return {spec.key: Renderer(spec.view).view for spec in (pl.PUMP, pl.STAIRCASE)}


def pump_fibre(params) -> cp.Fibre:
    return cp.FAST.replace(serca_scale=params["serca_scale"], atp_mm=params["atp_mm"])


@pytest.mark.parametrize("params", PUMP_FRAMES, ids=pump_id)
def test_states_are_finite_and_bounded(params):
    tr = cp.simulate(pump_fibre(params))
    for y in (tr.calcium_um, tr.troponin, tr.force):
        assert np.all(np.isfinite(y))
    assert tr.calcium_um.min() >= 0
    assert tr.troponin.min() >= 0 and tr.troponin.max() <= 1
    assert tr.force.min() >= 0 and tr.force.max() <= 1


@pytest.mark.parametrize("params", PUMP_FRAMES, ids=pump_id)
def test_pump_text_alternative_gives_the_frame_s_calcium_and_force(views, params):
    text = views[pl.PUMP.key].update(**params)
    tr = cp.simulate(pump_fibre(params))
    rise = tr.calcium_um.max() - cp.RESTING_CA_UM
    assert f"{params['serca_scale'] * 100:.0f}% of normal capacity and {params['atp_mm']:g} mM ATP" in text
    assert f"free calcium rises by {rise:.1f} µM" in text
    assert f"peak force {tr.force.max() * 100:.0f}% of cross-bridges" in text
    left = tr.force[-1] / tr.force.max()
    if left > 0.05:
        assert f"{left * 100:.0f}% of the peak force is still there" in text and "rigor" in text
    else:
        assert "force returns to rest" in text


@pytest.mark.parametrize("atp", ATPS)
def test_relaxation_slows_monotonically_as_pump_capacity_falls(atp):
    relax = [cp.summary(cp.FAST.replace(serca_scale=s, atp_mm=atp)).force_half_relaxation_ms for s in SCALES]
    assert all(a >= b for a, b in zip(relax, relax[1:]))  # SCALES rise: the weakest pump relaxes slowest


def test_pump_live_range_ends_are_inside_the_model_box():
    low, high, _ = control(pl.PUMP, "serca_scale").live
    for atp in ATPS:
        for scale in (low, high):
            tr = cp.simulate(cp.FAST.replace(serca_scale=scale, atp_mm=atp))
            assert np.all(np.isfinite(tr.calcium_um)) and tr.force.min() >= 0 and tr.force.max() <= 1


@pytest.mark.parametrize("field, value", [("serca_scale", 0), ("atp_mm", -1), ("release_um_per_ms", float("nan"))])
def test_bad_parameters_are_refused_by_name(field, value):
    with pytest.raises(ValueError, match=f"Fibre 'fast': {field}="):
        cp.FAST.replace(**{field: value})


# ---------------------------------------------------------------- treppe (Zhi et al. 2005, PNAS 102:17519)
# Repetitive low-frequency stimulation potentiates twitches of fast-twitch muscle (staircase); in mice lacking
# the skeletal-muscle light-chain kinase the staircase was attenuated.


@pytest.mark.parametrize("hz", STAIRCASE_HZ)
def test_staircase_rises_and_levels_off(hz):
    peaks = cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES)
    steps = np.diff(peaks)
    assert peaks[0] == 1 and peaks[-1] > 1
    assert np.all(steps >= 0) and steps[-1] < steps[0]  # rising, by ever smaller steps


@pytest.mark.parametrize("params", STAIRCASE_FRAMES, ids=staircase_id)
def test_staircase_text_alternative_gives_the_frame_s_last_twitch(views, params):
    hz, kinase = params["frequency_hz"], params["kinase"]
    text = views[pl.STAIRCASE.key].update(**params)
    peaks = cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES, kinase)
    rlc = cp.rlc_before_each_twitch(hz, pl.STAIRCASE_TWITCHES, kinase)
    assert np.all(np.isfinite(peaks)) and np.all((rlc >= 0) & (rlc <= 1))
    assert f"Twitches at {hz:g} Hz with the light-chain kinase {'present' if kinase else 'absent'}" in text
    assert f"{rlc[-1] * 100:.0f}% of the regulatory light chains are phosphorylated" in text
    assert f"peak force is {peaks[-1] * 100:.0f}% of the first twitch's" in text


def test_staircase_is_steeper_at_higher_rates_and_needs_the_kinase():
    last = [cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES)[-1] for hz in STAIRCASE_HZ]
    assert all(a < b for a, b in zip(last, last[1:]))
    for hz in STAIRCASE_HZ:
        assert np.allclose(cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES, kinase=False), 1)


def test_staircase_live_range_ends_are_inside_the_model_box():
    low, high, _ = control(pl.STAIRCASE, "frequency_hz").live
    for hz in (low, high):
        peaks = cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES)
        assert np.all(np.isfinite(peaks)) and peaks[0] == 1 and np.all(np.diff(peaks) >= 0)


def test_light_chains_are_phosphorylated_by_each_twitch_and_dephosphorylate_between_them():
    # each twitch phosphorylates RLC_PER_TWITCH of what is left; between twitches the fraction decays with the
    # time constant RLC_DEPHOSPHORYLATION_S (all illustrative sizes; the mechanism is Zhi et al.'s)
    hz = 2.0
    decay = np.exp(-1 / hz / cp.RLC_DEPHOSPHORYLATION_S)
    assert cp.rlc_before_each_twitch(hz, 2).tolist() == pytest.approx([0.0, cp.RLC_PER_TWITCH * decay], rel=1e-12)
    left = cp.rlc_before_each_twitch(hz, 4, kinase=False, start=0.5)
    assert left.tolist() == pytest.approx([0.5 * decay**k for k in range(4)], rel=1e-12)
    assert decay < 1


def test_phosphorylation_speeds_attachment_and_lowers_the_occupancy_it_needs():
    # the two effects of a phosphorylated regulatory light chain (Zhi et al. 2005), at their illustrative sizes
    rested, phosphorylated = cp.FAST, cp.FAST.replace(rlc_phosphorylated=1.0)
    assert cp.attach_rate_per_ms(rested) == rested.attach_per_ms
    assert cp.attach_rate_per_ms(phosphorylated) == pytest.approx(rested.attach_per_ms * (1 + cp.RLC_ATTACH_GAIN))
    assert cp.half_attach_occupancy(rested) == cp.HALF_ATTACH_OCCUPANCY
    assert cp.half_attach_occupancy(phosphorylated) == pytest.approx(
        cp.HALF_ATTACH_OCCUPANCY * (1 - cp.RLC_SENSITISATION)
    )
    for p in np.linspace(0, 1, 11):  # an occupancy a switch can have
        assert 0 < cp.half_attach_occupancy(cp.FAST.replace(rlc_phosphorylated=float(p))) <= 0.5
    for fibre in (rested, phosphorylated):  # half-maximal at that occupancy, rising steeply (Hill coefficient)
        half = cp.half_attach_occupancy(fibre)
        assert cp.attachment(half, fibre) == pytest.approx(cp.attach_rate_per_ms(fibre) / 2)
        low, high = cp.attachment([half * 0.99, half * 1.01], fibre) / cp.attach_rate_per_ms(fibre)
        assert np.log(high / (1 - high) / (low / (1 - low))) / np.log(1.01 / 0.99) == pytest.approx(
            cp.ATTACH_STEEPNESS, rel=1e-3
        )


@pytest.fixture
def fresh_twitches():
    """Clear the cached twitches before and after a test that changes a module constant."""
    caches = (cp.simulate, cp.summary, cp._peak_force)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


@pytest.mark.parametrize("alone", ["sensitisation", "faster attachment"])
def test_each_effect_of_phosphorylation_alone_raises_the_twitch(monkeypatch, fresh_twitches, alone):
    # the chapter: phosphorylation makes cross-bridges attach faster *and* at less calcium; either alone potentiates
    monkeypatch.setattr(cp, "RLC_ATTACH_GAIN" if alone == "sensitisation" else "RLC_SENSITISATION", 0.0)
    rested = cp.summary(cp.FAST).peak_force
    assert cp.summary(cp.FAST.replace(rlc_phosphorylated=1.0)).peak_force > 1.02 * rested


def test_phosphorylated_twitch_still_relaxes_completely():
    s = cp.summary(cp.FAST.replace(rlc_phosphorylated=1.0))
    assert s.final_force_fraction < 0.01 and s.peak_force > cp.summary(cp.FAST).peak_force


def test_a_staircase_of_one_twitch_is_that_twitch():
    assert cp.staircase(cp.FAST, 2.0, twitches=1).tolist() == [1.0]
    assert cp.rlc_before_each_twitch(2.0, twitches=1).tolist() == [0.0]
    with pytest.raises(ValueError, match="at least one twitch"):
        cp.staircase(cp.FAST, 2.0, twitches=0)


@pytest.mark.parametrize("hz", [0, 6, -1])
def test_staircase_refuses_overlapping_or_meaningless_rates(hz):
    with pytest.raises(ValueError, match="frequency"):
        cp.staircase(cp.FAST, hz)


def test_out_of_range_phosphorylation_is_refused():
    with pytest.raises(ValueError, match="Fibre 'fast': rlc_phosphorylated="):
        cp.FAST.replace(rlc_phosphorylated=1.5)


def test_a_diverging_train_is_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="calcium diverged"):
        cp.simulate(cp.FAST.replace(serca_scale=0.5), stimuli_ms=tuple(range(0, 400, 10)), duration_ms=450)


def test_the_chapter_s_results_do_not_depend_on_the_time_step(at_two_time_steps):
    # DT_MS = 0.025 ms must give what a five times finer step (0.005 ms) gives, for every kind of fibre
    # the chapter and its explorers show: both fibre types, a weak pump, near-rigor ATP, a staircase; within
    # 0.5-1 % (half a point of force left), less than the last digit the chapter prints
    fibres = (cp.FAST, cp.SLOW, cp.FAST.replace(serca_scale=0.25), cp.FAST.replace(atp_mm=0.02))

    def results():
        return [cp.summary(f) for f in fibres], cp.staircase(cp.FAST, 5.0)

    coarse, fine = at_two_time_steps(cp, 0.005, (cp.simulate, cp.summary, cp._peak_force, pl._twitch_grid), results)
    for c, f in zip(coarse[0], fine[0]):
        assert c.peak_calcium_rise_um == pytest.approx(f.peak_calcium_rise_um, rel=0.005)
        assert c.calcium_half_duration_ms == pytest.approx(f.calcium_half_duration_ms, rel=0.01)
        assert c.peak_force == pytest.approx(f.peak_force, rel=0.005)
        assert c.force_half_relaxation_ms == pytest.approx(f.force_half_relaxation_ms, rel=0.01)
        assert c.final_force_fraction == pytest.approx(f.final_force_fraction, abs=0.005)
        assert c.atp_used_by_serca_um == pytest.approx(f.atp_used_by_serca_um, rel=0.01)
    assert coarse[1] == pytest.approx(fine[1], rel=0.002)
