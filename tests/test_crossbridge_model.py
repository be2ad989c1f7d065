"""The three-state cross-bridge cycle: what needs ATP, rigor, and invariants over the explorer's box."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import crossbridge as cb
from musclebook import crossbridge_plots as pl
from musclebook.constants import NORMAL_ATP_MM
from musclebook.explorer import Renderer

ATP_CONTROL = next(c for c in pl.ATP.controls if c.name == "atp_mm")
FRAMES = list(pl.ATP.grid())

# ---------------------------------------------------------------- physiology the chapter teaches
# Allen, Lamb & Westerblad 2008 (Physiol Rev 88:287) and Hall & Hall 2021: myosin detaches from actin only
# after binding ATP; without ATP the heads stay bound (rigor); fatigued intact muscle keeps ATP millimolar.


def test_simulation_settles_on_the_exact_steady_state_while_calcium_is_present():
    for atp in (NORMAL_ATP_MM, 0.01):
        cycle = cb.CYCLE.replace(atp_mm=atp)
        run, steady = cb.simulate(cycle, calcium_on_ms=600, duration_ms=700), cb.steady_state(cycle)
        i = np.searchsorted(run.t_ms, 599)
        # within the explicit steps' error after 600 ms: half a percentage point of the heads (measured 0.1)
        assert run.cycling[i] == pytest.approx(steady.cycling, abs=0.005)
        assert run.rigor[i] == pytest.approx(steady.rigor, abs=0.005)
        assert steady.detached + steady.cycling + steady.rigor == pytest.approx(1)  # three formulas, one whole


@pytest.mark.parametrize("atp", [NORMAL_ATP_MM, 0.05])
def test_the_summary_reads_the_heads_at_the_end_of_activation(atp):
    # with ATP at 0.05 mM or more, 150 ms of calcium is over eight times the slowest time constant: the heads sit
    # at the steady state (to 1e-3)
    cycle = cb.CYCLE.replace(atp_mm=atp)
    s, steady = cb.summary(cycle), cb.steady_state(cycle)
    assert s.attached_during == pytest.approx(1 - steady.detached, abs=1e-3)
    assert s.rigor_during == pytest.approx(steady.rigor, abs=1e-3)
    assert s.atp_per_head_per_s == steady.atp_per_head_per_s


def test_actin_sites_switch_on_and_off_with_their_time_constant():
    run = cb.simulate(cb.CYCLE)
    tau = cb.CYCLE.activation_tau_ms
    on = run.activation[np.searchsorted(run.t_ms, tau)]
    off = run.activation[np.searchsorted(run.t_ms, run.calcium_off_ms + tau)]
    # an exponential approach: 1 - 1/e after one time constant, and back to 1/e of it (within the steps' 0.5 %)
    assert on == pytest.approx(1 - np.exp(-1), abs=0.005)
    assert off == pytest.approx(np.exp(-1), abs=0.005)


def test_reading_past_the_end_of_a_run_is_refused():
    run = cb.simulate(cb.CYCLE)
    with pytest.raises(ValueError, match="the run ends before"):
        cb.attached_at(run, run.t_ms[-1] + cb.DT_MS - run.calcium_off_ms)


def test_heads_let_go_after_calcium_is_removed_when_atp_is_normal():
    s = cb.summary(cb.CYCLE)
    assert s.attached_during > 0.5
    assert s.attached_late < 0.05 * s.attached_during
    assert np.isfinite(s.detachment_half_time_ms)


def test_without_atp_every_attached_head_stays_attached_in_rigor():
    run = cb.simulate(cb.CYCLE.replace(atp_mm=0.0))
    off = np.searchsorted(run.t_ms, run.calcium_off_ms)
    assert np.all(np.diff(run.attached[off:]) >= -1e-12)  # none lets go (a few more attach as activation fades)
    # all of them without nucleotide: the last heads to finish their stroke leave a percent at most in ADP
    assert run.rigor[-1] == pytest.approx(run.attached[-1], abs=0.01)
    assert run.atp_split[-1] == 0
    assert cb.detachment_half_time_ms(run) == float("inf")
    assert cb.steady_state(cb.CYCLE.replace(atp_mm=0.0)) == cb.Steady(0.0, 0.0, 1.0, 0.0)


def test_one_atp_is_split_per_cycle():
    cycle = cb.CYCLE
    run = cb.simulate(cycle, calcium_on_ms=600, duration_ms=700)
    rate = np.gradient(run.atp_split, cb.DT_MS)[np.searchsorted(run.t_ms, 590)] * 1000  # per head per s
    # after 590 ms the steps sit on the steady state, which explicit steps share with the equations: exact
    assert rate == pytest.approx(cb.steady_state(cycle).atp_per_head_per_s, rel=1e-6)


def test_millimolar_atp_does_not_limit_relaxation():
    # fatigued fibres keep ATP in the millimolar range (Allen et al. 2008): in the model any millimolar
    # level relaxes as fast as normal
    normal = cb.summary(cb.CYCLE).detachment_half_time_ms
    for atp in (1.0, 2.0):
        # "as fast": within 2 %, less than the last digit the chapter prints (whole milliseconds of about 40)
        assert cb.summary(cb.CYCLE.replace(atp_mm=atp)).detachment_half_time_ms == pytest.approx(normal, rel=0.02)


def test_heads_stay_attached_only_far_below_millimolar_atp():
    # the ATP below which more than a tenth of the heads (the chapter's threshold, the default) are still attached
    # LATE_MS after calcium removal
    atp = cb.atp_leaving_attached()
    assert cb.summary(cb.CYCLE.replace(atp_mm=atp)).attached_late <= 0.1
    assert cb.summary(cb.CYCLE.replace(atp_mm=atp * 0.97)).attached_late > 0.1  # the bisection found the edge
    assert atp < 0.01  # the chapter: rigor needs ATP far below the millimolar levels of fatigued fibres
    assert cb.atp_leaving_attached(0.3) < atp  # keeping more heads attached takes even less ATP


def test_a_fiftieth_of_normal_atp_hardly_slows_detachment():
    # the chapter's claim beside the threshold above
    normal = cb.summary(cb.CYCLE).detachment_half_time_ms
    assert cb.summary(cb.CYCLE.replace(atp_mm=NORMAL_ATP_MM / 50)).detachment_half_time_ms < 1.1 * normal


# ---------------------------------------------------------------- invariants over the explorer's box


@pytest.fixture(scope="module")
def view():
    """The explorer's view, to read the text alternative of any frame without drawing it."""
    return Renderer(pl.ATP.view).view


@pytest.mark.parametrize("atp", [*ATP_CONTROL.values, *ATP_CONTROL.live[:2], 0.0])
def test_fractions_are_finite_bounded_and_sum_to_one(atp):
    run = cb.simulate(cb.CYCLE.replace(atp_mm=atp))
    for y in (run.cycling, run.rigor, run.detached, run.activation):
        assert np.all(np.isfinite(y)) and y.min() >= -1e-12 and y.max() <= 1 + 1e-12
    assert np.all(np.diff(run.atp_split) >= -1e-15)


@pytest.mark.parametrize("params", FRAMES, ids=lambda p: f"atp{p['atp_mm']:g}")
def test_text_alternative_gives_the_frame_s_attached_heads(view, params):
    atp = params["atp_mm"]
    text = view.update(**params)
    run = cb.simulate(cb.CYCLE.replace(atp_mm=atp))
    during = run.attached[run.t_ms < run.calcium_off_ms][-1]
    late = cb.attached_at(run, cb.LATE_MS)
    assert f"With {atp:g} mM ATP, while calcium is present {during * 100:.0f}% of the myosin heads" in text
    assert f"{cb.LATE_MS:.0f} ms later {late * 100:.0f}% are still attached" in text
    half = cb.detachment_half_time_ms(run)
    assert (f"within {half:.0f} ms" if np.isfinite(half) else "within longer than the trace") in text


def test_detachment_half_time_is_where_half_the_heads_have_let_go():
    run = cb.simulate(cb.CYCLE)
    half = cb.detachment_half_time_ms(run)
    at_removal = cb.attached_at(run, 0.0)
    assert cb.attached_at(run, half) <= at_removal / 2 < cb.attached_at(run, half - cb.DT_MS)


def test_the_chapter_s_results_do_not_depend_on_the_time_step(at_two_time_steps):
    # DT_MS must give what a five times finer step gives, at normal ATP, at a fiftieth of it and near rigor
    cycles = [cb.CYCLE.replace(atp_mm=atp) for atp in (NORMAL_ATP_MM, NORMAL_ATP_MM / 50, 0.002)]
    step = cb.DT_MS  # a half-time is read on the grid: within two steps
    coarse, fine = at_two_time_steps(
        cb, cb.DT_MS / 5, (cb.simulate, cb.summary), lambda: [cb.summary(c) for c in cycles]
    )
    for c, f in zip(coarse, fine):
        assert c.attached_during == pytest.approx(f.attached_during, abs=0.002)
        assert c.rigor_during == pytest.approx(f.rigor_during, abs=0.002)
        assert c.attached_late == pytest.approx(f.attached_late, abs=0.002)
        assert c.detachment_half_time_ms == pytest.approx(f.detachment_half_time_ms, abs=2 * step)


def test_less_atp_never_speeds_relaxation():
    falling = sorted(ATP_CONTROL.values, reverse=True)
    late = [cb.summary(cb.CYCLE.replace(atp_mm=atp)).attached_late for atp in falling]
    half = [cb.summary(cb.CYCLE.replace(atp_mm=atp)).detachment_half_time_ms for atp in falling]
    assert all(a <= b + 1e-9 for a, b in zip(late, late[1:]))
    assert all(a <= b for a, b in zip(half, half[1:]))


@pytest.mark.parametrize("field, value", [("atp_mm", -1.0), ("stroke_per_ms", 0.0), ("attach_per_ms", float("nan"))])
def test_bad_parameters_are_refused_by_name(field, value):
    with pytest.raises(ValueError, match=f"Cycle 'illustrative fast fibre': {field}="):
        cb.CYCLE.replace(**{field: value})


@pytest.mark.parametrize("on_ms", [500.0, 400.0, 0.0, -1.0])
def test_bad_timing_is_refused(on_ms):
    with pytest.raises(ValueError, match="calcium_on_ms"):
        cb.simulate(cb.CYCLE, calcium_on_ms=on_ms, duration_ms=400)


def test_any_calcium_pulse_inside_the_run_is_allowed():
    assert cb.simulate(cb.CYCLE, calcium_on_ms=0.5, duration_ms=400).calcium_off_ms == 0.5
    assert cb.simulate(cb.CYCLE, calcium_on_ms=399.0, duration_ms=400).calcium_off_ms == 399.0
