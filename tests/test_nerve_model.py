"""Conduction velocity against Hursh (1939), the fibre classes of Kandel et al. (2021), and Hodgkin & Huxley (1952)."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import nerve as nv
from musclebook import nerve_plots as pl
from musclebook.explorer import Renderer
from musclebook.published import VALUES

DIAMETER_CONTROL = pl.CONDUCTION.controls[0]


def test_the_published_inputs_are_the_registered_ones():
    """Provenance: Hursh's constant and the fibre ranges the laws are drawn over."""
    assert VALUES["myelinated_velocity_per_diameter"].value == nv.MYELINATED_M_S_PER_UM
    assert VALUES["c_fibre_diameter_um"].bounds == nv.UNMYELINATED_RANGE_UM
    assert nv.MYELINATED_RANGE_UM[1] == VALUES["a_alpha_diameter_um"].high


def test_the_square_root_constant_is_its_fit_to_the_c_fibre_range():
    """Fitted: re-running the fit to Kandel et al.'s C-fibre ranges gives the module's constant exactly."""
    fitted = nv.fit_unmyelinated_k(VALUES["c_fibre_diameter_um"].bounds, VALUES["c_fibre_velocity_m_s"].bounds)
    assert fitted == nv.UNMYELINATED_K


def test_unmyelinated_velocity_grows_with_the_square_root_of_diameter():
    """Implementation: four times thicker, twice as fast; k at 1 µm (to rounding)."""
    assert nv.unmyelinated_velocity(4.0) / nv.unmyelinated_velocity(1.0) == pytest.approx(2.0, rel=1e-12)
    assert nv.unmyelinated_velocity(1.0) == pytest.approx(nv.UNMYELINATED_K, rel=1e-12)


def test_myelinated_fibres_conduct_six_metres_per_second_per_micrometre():
    # Hursh 1939 (Am J Physiol 127:131): about 6 m/s per µm of outer diameter
    d = np.array([2.0, 10.0, 20.0])
    assert np.allclose(nv.myelinated_velocity(d) / d, VALUES["myelinated_velocity_per_diameter"].value)


def test_largest_myelinated_fibres_fall_in_the_a_alpha_range():
    # Kandel et al. 2021: A-alpha fibres 12-20 µm conduct at 70-120 m/s
    low, high = VALUES["a_alpha_velocity_m_s"].bounds
    v = nv.myelinated_velocity(np.array(VALUES["a_alpha_diameter_um"].bounds))
    assert np.all((v >= low) & (v <= high))


def test_unmyelinated_law_reproduces_the_c_fibre_range():
    # Kandel et al. 2021: C fibres 0.2-1.5 µm conduct at 0.5-2 m/s (the constant was fitted to this)
    low, high = VALUES["c_fibre_velocity_m_s"].bounds
    v = nv.unmyelinated_velocity(np.array(VALUES["c_fibre_diameter_um"].bounds))
    assert np.all((v >= low) & (v <= high))


def test_cold_squid_axon_is_slower_than_the_warm_mammalian_law_predicts():
    # Hodgkin & Huxley 1952 computed 18.8 m/s for a 476 µm squid axon at 18.5 °C; the mammalian law is for 37 °C
    squid = VALUES["squid_axon_velocity_m_s"]
    diameter = VALUES["squid_axon_diameter_um"].value
    assert squid.value < nv.unmyelinated_velocity(diameter)
    assert nv.unmyelinated_velocity(diameter) / squid.value < 3  # same order of magnitude


def test_velocity_grows_with_diameter_and_myelin_wins_where_both_exist():
    d = np.geomspace(*nv.MYELINATED_RANGE_UM, 50)
    assert np.all(np.diff(nv.myelinated_velocity(d)) > 0)
    assert np.all(np.diff(nv.unmyelinated_velocity(d)) > 0)
    assert np.all(nv.myelinated_velocity(d) > nv.unmyelinated_velocity(d))


@pytest.fixture(scope="module")
def view():
    """The explorer's view, to read the text alternative of any frame without drawing it."""
    return Renderer(pl.CONDUCTION.view).view


@pytest.mark.parametrize("params", list(pl.CONDUCTION.grid()), ids=lambda p: f"{p['diameter_um']:g}um")
def test_explorer_frames_are_finite_and_described(view, params):
    diameter = params["diameter_um"]
    fibres = pl.fibres_at(diameter)
    for _, v, _ in fibres:
        assert np.isfinite(v) and v > 0
        assert 0 < nv.travel_time_ms(nv.SPINAL_CORD_TO_CALF_M, v) < 10_000
    myelinated = nv.MYELINATED_RANGE_UM[0] <= diameter <= nv.MYELINATED_RANGE_UM[1]
    assert [name for name, _, _ in fibres][0] == ("myelinated" if myelinated else "unmyelinated")
    text = view.update(**params)
    assert f"A nerve fibre {diameter:g} µm thick conducts" in text
    velocities = [nv.unmyelinated_velocity(diameter)] + ([nv.myelinated_velocity(diameter)] if myelinated else [])
    for v in velocities:
        time_ms = 1000 * nv.SPINAL_CORD_TO_CALF_M / v
        assert f"{v:.1f} m/s, {time_ms:.0f} ms to cover {nv.SPINAL_CORD_TO_CALF_M:g} m" in text
    assert ("myelinated " in text.replace("unmyelinated", "")) == myelinated


def test_explorer_spans_c_fibres_to_a_alpha_fibres():
    # Kandel et al. 2021: C fibres 0.2-1.5 µm, A-alpha fibres 12-20 µm; the grid and the live slider cover both
    low, high, _ = DIAMETER_CONTROL.live
    for span in (VALUES["c_fibre_diameter_um"].bounds, VALUES["a_alpha_diameter_um"].bounds):
        assert low <= span[0] and span[1] <= high
        assert any(span[0] <= d <= span[1] for d in DIAMETER_CONTROL.values)


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan")])
def test_bad_diameters_are_refused(bad):
    with pytest.raises(ValueError, match="diameter"):
        nv.myelinated_velocity(bad)


def test_travel_time_is_distance_over_velocity_in_milliseconds():
    assert nv.travel_time_ms(1.0, 50.0) == pytest.approx(20.0, rel=1e-12)  # 1 m at 50 m/s: 20 ms
    assert nv.travel_time_ms(0.5, [1.0, 100.0]).tolist() == pytest.approx([500.0, 5.0], rel=1e-12)


def test_bad_travel_is_refused():
    with pytest.raises(ValueError, match="distance"):
        nv.travel_time_ms(0.0, 10.0)


@pytest.mark.parametrize("velocity", [0.0, -0.5, [50.0, 0.0]])
def test_a_velocity_that_is_not_positive_is_refused(velocity):
    with pytest.raises(ValueError, match="must be positive"):
        nv.travel_time_ms(1.0, velocity)
