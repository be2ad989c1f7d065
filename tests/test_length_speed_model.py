"""Length-tension (Gordon, Huxley & Julian 1966) and force-velocity (Hill 1938) against the published values."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import length_speed as ls
from musclebook import length_speed_plots as lp
from musclebook.explorer import Renderer
from musclebook.published import VALUES


def control(spec, name):
    return next(c for c in spec.controls if c.name == name)


LENGTH_FRAMES = list(lp.LENGTH.grid())
SPEED_FRAMES = list(lp.SPEED.grid())

# ------------------------------------------------------- length-tension, Gordon et al. 1966 (J Physiol 184:170)


def test_the_filament_lengths_are_the_published_ones():
    """Provenance: every measured length that places a corner of the curves is its registered value."""
    assert VALUES["thick_filament_um"].value == ls.THICK_FILAMENT_UM
    assert ls.FROG.thin_across_z_um == VALUES["thin_filaments_across_z_um"].value
    assert VALUES["length_tension_zero_short_um"].value == ls.ZERO_SHORT_UM
    assert pytest.approx(VALUES["length_tension_knee_um"].value, abs=1e-12) == ls.THICK_FILAMENT_UM + ls.Z_LINE_UM
    assert ls.FROG.plateau_um == VALUES["length_tension_plateau_geometry_um"].bounds
    assert VALUES["human_ascending_slope_per_um"].value == ls.HUMAN_ASCENDING_SLOPE_PER_UM
    assert VALUES["hill_curvature"].value == ls.HILL_CURVATURE


def test_the_frog_curve_passes_through_its_published_corners():
    """Implementation: zero tension at 1.27 and 3.65 µm, full tension across the geometric plateau, and the knee
    at 1.67 µm (at its illustrative height), read off the curve itself."""
    corners = {
        VALUES["length_tension_zero_short_um"].value: 0.0,
        VALUES["length_tension_knee_um"].value: ls.FROG.knee_tension,
        VALUES["length_tension_plateau_geometry_um"].low: 1.0,
        VALUES["length_tension_plateau_geometry_um"].high: 1.0,
        VALUES["length_tension_zero_um"].value: 0.0,
    }
    for length, tension in corners.items():
        assert float(ls.isometric_tension(length)) == pytest.approx(tension, abs=1e-12), length
    assert float(ls.isometric_tension(VALUES["length_tension_zero_short_um"].value + 0.01)) > 0
    assert ls.isometric_tension([0.8, 1.2, 3.8, 4.5]).tolist() == [0, 0, 0, 0]  # beyond both zeros, none


def test_overlap_is_the_length_of_thin_filament_beside_myosin_heads():
    # from the filament lengths alone, in one half-sarcomere: heads run from (L - thick) / 2 to (L - bare) / 2
    # from the Z-line (never before it), the thin filament to thin / 2
    thick, thin = VALUES["thick_filament_um"].value, VALUES["thin_filaments_across_z_um"].value
    bare = ls.FROG.bare_zone_um
    for length in (1.5, 2.1, 3.0, 3.65, 3.8):
        heads_from, heads_to = max(0.0, (length - thick) / 2), (length - bare) / 2
        expected = max(0.0, min(thin / 2, heads_to) - heads_from)
        assert ls.filament_overlap_um(length) == pytest.approx(expected, abs=1e-12), length
    assert ls.filament_overlap_um(2.1) == pytest.approx((thick - bare) / 2, abs=1e-12)  # every head beside actin


def test_tension_is_maximal_across_the_measured_plateau():
    # plateau measured between 2.05 and 2.2 µm
    low, high = VALUES["length_tension_plateau_um"].bounds
    assert np.all(ls.isometric_tension(np.linspace(low, high, 20)) == 1.0)


def test_plateau_edges_follow_filament_geometry():
    # 2.0-2.25 µm expected from the filament lengths: just outside it, tension is below maximal
    low, high = VALUES["length_tension_plateau_geometry_um"].bounds
    assert ls.isometric_tension(low - 0.05) < 1 and ls.isometric_tension(high + 0.05) < 1
    assert high == pytest.approx(VALUES["thin_filaments_across_z_um"].value + ls.FROG.bare_zone_um)
    assert (low, high) == ls.FROG.plateau_um


def test_tension_reaches_zero_where_filaments_stop_overlapping():
    # zero at ~3.65 µm = thick filament (1.6 µm) + thin filaments across the Z-line (2.05 µm)
    zero = VALUES["length_tension_zero_um"].value
    assert zero == pytest.approx(VALUES["thick_filament_um"].value + VALUES["thin_filaments_across_z_um"].value)
    assert ls.isometric_tension(zero) == 0 and ls.isometric_tension(zero - 0.05) > 0
    assert ls.filament_overlap_um(zero) == 0


def test_ascending_limb_has_a_knee_and_extrapolates_to_zero_at_1_27_um():
    knee = VALUES["length_tension_knee_um"].value
    zero_short = VALUES["length_tension_zero_short_um"].value
    steep = (ls.isometric_tension(knee) - ls.isometric_tension(knee - 0.2)) / 0.2
    shallow = (ls.isometric_tension(2.0) - ls.isometric_tension(knee)) / (2.0 - knee)
    assert steep > 2 * shallow  # the fall steepens below the knee
    # extrapolate the steep segment to zero tension
    x1, x2 = knee - 0.3, knee - 0.1
    y1, y2 = ls.isometric_tension([x1, x2])
    assert x1 - y1 * (x2 - x1) / (y2 - y1) == pytest.approx(zero_short, abs=1e-9)  # a straight segment: exact


def test_descending_limb_tension_is_proportional_to_overlap():
    best = ls.filament_overlap_um(2.1)
    for length in np.linspace(2.3, 3.6, 14):
        assert ls.isometric_tension(length) == pytest.approx(ls.filament_overlap_um(length) / best, abs=1e-9)


# ---------------------------------------------------------------- human fibres and the calf


def test_human_plateau_is_the_one_predicted_from_human_filament_lengths():
    # Gollapudi & Lin 2009 (J Biomech 42:2011): standard-model plateau 2.64-2.81 µm, inside the
    # tolerance interval of the optimum they measured in human type I fibres (2.37-2.95 µm)
    assert ls.HUMAN.plateau_um == VALUES["human_plateau_um"].bounds
    measured = VALUES["human_optimum_measured_um"]
    assert all(measured.contains(x) for x in ls.HUMAN.plateau_um)
    assert np.all(ls.isometric_tension(np.linspace(*ls.HUMAN.plateau_um, 10), ls.HUMAN) == 1.0)


def test_human_ascending_limb_has_the_measured_slope():
    # same source: ascending limb 0.42 F0 per µm; the knee's height is rounded to three decimals, which moves the
    # slope by at most 0.0005 / 0.97 µm, 0.1 % of it
    low = VALUES["length_tension_knee_um"].value + 0.1
    high = ls.HUMAN.plateau_um[0] - 0.1
    slope = float(ls.isometric_tension(high, ls.HUMAN) - ls.isometric_tension(low, ls.HUMAN)) / (high - low)
    assert slope == pytest.approx(VALUES["human_ascending_slope_per_um"].value, rel=0.002)


def test_stretching_a_calf_moves_it_up_the_ascending_limb():
    # Sale et al. 1982 (J Appl Physiol 52:1636): triceps-surae torque is greatest near full dorsiflexion,
    # so the calf works on the ascending limb and a stretch brings its sarcomeres towards the optimum
    # (finding F01 of the December 2026 physiology review: a stretched calf is not "mechanically weaker").
    pointed, stretched = ls.isometric_tension([ls.CALF_POINTED_UM, ls.CALF_STRETCHED_UM], ls.HUMAN)
    assert pointed < stretched < 1.0
    assert lp.where_on_curve(ls.CALF_POINTED_UM, ls.HUMAN) == "ascending limb"
    assert lp.where_on_curve(ls.CALF_STRETCHED_UM, ls.HUMAN) == "ascending limb"
    # on the frog curve the same stretched length would already be on the descending limb
    assert lp.where_on_curve(ls.CALF_STRETCHED_UM, ls.FROG) == "descending limb"


# ---------------------------------------------------------------- force-velocity, Hill 1938 (Proc R Soc B 126:136)


def test_the_default_curvature_is_hill_s():
    # Implementation: with no curvature given, the model uses Hill's a/F0 (at half load, v' = a/F0 / (1 + 2 a/F0))
    a = VALUES["hill_curvature"].value
    assert float(ls.hill_velocity(0.5)) == pytest.approx(a / (1 + 2 * a), rel=1e-12)
    assert ls.optimal_load() == pytest.approx(np.sqrt(a**2 + a) - a, rel=1e-12)


def test_hill_hyperbola_holds_with_the_published_curvature():
    a = VALUES["hill_curvature"].value  # a/F0 = 0.25, frog sartorius
    loads = np.linspace(0, 1, 51)
    v = ls.hill_velocity(loads, a)
    b = a  # in units of vmax, b/vmax = a/F0
    assert np.allclose((loads + a) * (v + b), (1 + a) * b)
    assert v[0] == pytest.approx(1) and v[-1] == pytest.approx(0)


def test_power_peaks_near_a_third_of_maximal_force():
    # for a/F0 = 0.25 the optimum load is sqrt(a^2 + a) - a ≈ 0.31 F0
    a = VALUES["hill_curvature"].value
    loads = np.linspace(0, 1, 10001)
    assert loads[np.argmax(ls.hill_power(loads, a))] == pytest.approx(ls.optimal_load(a), abs=1e-3)
    assert 0.25 < ls.optimal_load(a) < 0.35


def test_more_curved_relation_gives_less_power():
    loads = np.linspace(0.05, 0.95, 19)
    assert np.all(ls.hill_power(loads, 0.1) < ls.hill_power(loads, 0.25))


# ---------------------------------------------------------------- invariants over the explorers' box


@pytest.fixture(scope="module")
def views():
    """One view per explorer, to read the text alternative of any frame without drawing it."""
    return {spec.key: Renderer(spec.view).view for spec in (lp.LENGTH, lp.SPEED)}


def test_length_tension_is_bounded_over_the_explorer_box():
    low, high, _ = control(lp.LENGTH, "sarcomere_length_um").live
    assert low > 0.5 and high < 5  # the live slider stays inside the lengths checked here
    for filaments in ls.MUSCLES.values():
        t = ls.isometric_tension(np.linspace(0.5, 5, 500), filaments)
        assert np.all(np.isfinite(t)) and t.min() >= 0 and t.max() <= 1
    assert set(control(lp.LENGTH, "muscle").values) == set(ls.MUSCLES)


@pytest.mark.parametrize("params", LENGTH_FRAMES, ids=lambda p: f"{p['muscle']}-{p['sarcomere_length_um']:g}um")
def test_length_text_alternative_gives_the_frame_s_tension(views, params):
    muscle, length = params["muscle"], params["sarcomere_length_um"]
    filaments = ls.MUSCLES[muscle]
    tension = float(ls.isometric_tension(length, filaments))
    overlap = ls.filament_overlap_um(length, filaments)
    assert 0 <= tension <= 1 and 0 <= overlap <= filaments.thin_across_z_um / 2
    text = views[lp.LENGTH.key].update(**params)
    assert f"sarcomere at {length:.2f} µm with {overlap:.2f} µm of overlap in each half" in text
    assert f"isometric tension {tension * 100:.0f}% of maximum" in text
    region = lp.where_on_curve(length, filaments)
    opening = {
        "beyond overlap": "the thin filaments no longer reach",
        "descending limb": "on the descending limb",
        "plateau": "on the plateau",
        "ascending limb": "on the ascending limb",
    }[region]
    assert text.split("in each half: ", 1)[1].startswith(opening)
    assert (region == "beyond overlap") == (tension == 0)


@pytest.mark.parametrize("params", SPEED_FRAMES, ids=lambda p: f"a{p['curvature']:g}-load{p['load']:g}")
def test_force_velocity_is_bounded_monotone_and_described(views, params):
    curvature, load = params["curvature"], params["load"]
    v = float(ls.hill_velocity(load, curvature))
    assert 0 <= v <= 1
    assert float(ls.hill_power(load, curvature)) <= float(ls.hill_power(ls.optimal_load(curvature), curvature)) + 1e-12
    assert ls.hill_velocity(load + 0.001, curvature) < v  # more load, slower
    text = views[lp.SPEED.key].update(**params)
    assert f"shortens at {v * 100:.0f}% of its maximal velocity" in text
    assert f"delivers {load * v * 100:.1f}% of F0 × vmax as power" in text


@pytest.mark.parametrize("curvature", control(lp.SPEED, "curvature").values)
def test_force_velocity_holds_at_the_ends_of_the_live_slider(curvature):
    low, high, _ = control(lp.SPEED, "load").live
    assert float(ls.hill_velocity(low, curvature)) == pytest.approx(1)  # no load: vmax
    assert float(ls.hill_velocity(high, curvature)) == pytest.approx(0)  # the isometric load: no shortening
    assert ls.hill_velocity(low + 0.001, curvature) < ls.hill_velocity(low, curvature)  # more load, slower
    assert float(ls.hill_power(low, curvature)) == float(ls.hill_power(high, curvature)) == 0


@pytest.mark.parametrize("bad", [0, -1, float("nan")])
def test_bad_lengths_are_refused(bad):
    with pytest.raises(ValueError, match="sarcomere lengths"):
        ls.isometric_tension(bad)


@pytest.mark.parametrize("load", [-0.01, 1.01, 1.5, -1.5])
def test_loads_outside_zero_to_f0_are_refused(load):
    with pytest.raises(ValueError, match="load"):
        ls.hill_velocity(load)


def test_bad_curvatures_are_refused():
    with pytest.raises(ValueError, match="curvature"):
        ls.hill_velocity(0.5, curvature=0)


def test_the_parameter_table_states_the_curves_it_draws():
    """Implementation: the chapter's parameter table gives the corners of the curves as the module's docstring and
    the sources state them: frog plateau 2.0-2.25 µm from the filament geometry (Gordon, Huxley & Julian 1966),
    the knee at 1.6 + 0.07 = 1.67 µm, the frog's knee at 85 % (illustrative), and the human plateau 2.64-2.81 µm
    predicted from human filament lengths (Gollapudi & Lin 2009)."""
    rows = {str(key) for key in ls.PARAMETER_STATUS}
    for row in (
        "frog: plateau 2–2.25 µm",
        "knee at 1.67 µm, zero extrapolated at 1.27 µm",
        "frog: tension at the knee (85 %)",
        "human: plateau 2.64–2.81 µm",
    ):
        assert row in rows, (row, sorted(rows))
