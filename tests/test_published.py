"""Published values: one finding per name, written the same way everywhere, in both languages."""

from __future__ import annotations

import re

import pytest

from musclebook.language import MINUS, number
from musclebook.published import VALUES, Published, expand, lookup


@pytest.mark.parametrize(
    "value, digits, language, written",
    [
        (112.4, None, "en", "112.4"),
        (112.4, None, "id", "112,4"),
        (2438, None, "en", "2,438"),
        (2438, None, "id", "2.438"),
        (2.05, None, "en", "2.05"),
        (2.0, None, "en", "2.0"),
        (-85, None, "en", f"{MINUS}85"),
        (-0.04, 0, "en", "0"),
        (5.0, 1, "id", "5,0"),
    ],
)
def test_numbers_are_written_for_each_language(value, digits, language, written):
    assert number(value, digits, language) == written


def test_published_forms():
    assert VALUES["twitch_contraction_time_ms"].text() == "112.4 ± 11.1 ms"
    assert VALUES["twitch_contraction_time_ms"].text("value") == "112.4 ms"
    assert VALUES["twitch_contraction_time_ms"].text("bare", "id") == "112,4 ± 11,1"
    assert VALUES["thenar_fusion_onset_hz"].text() == "5–8 Hz"
    assert VALUES["thenar_fusion_onset_hz"].text("low") == "5"
    assert VALUES["resting_potential_4mm_k_mv"].text() == f"{MINUS}85 mV"
    assert VALUES["red_flag_cramp_duration_min"].text("full", "id") == "10 menit"
    assert VALUES["triathletes_surveyed"].text("full", "id") == "2.438"


def test_a_unit_with_a_word_is_translated_and_a_symbol_is_not():
    """A unit that has a word ("minutes", "m/s per µm") is a catalogue text, so that a translation can write it in its
    words; a symbol ("ms", "µm") is the same in every language (the pseudo-language's edition checks the rest)."""
    worded = {key for key, v in VALUES.items() if re.search(r"\b[a-z]{3,}\b", v.unit)}
    assert {"red_flag_cramp_duration_min", "myelinated_velocity_per_diameter"} <= worded
    assert all(VALUES[key].word for key in worded), [key for key in worded if not VALUES[key].word]
    assert not any(v.word for key, v in VALUES.items() if key not in worded)
    assert VALUES["red_flag_cramp_duration_min"].text("value", "en") == "10 minutes"


def test_expand_writes_every_reference_and_refuses_unknown_ones():
    text = "from {pub}`induced_cramp_force_before_n` to {pub}`induced_cramp_force_1min_n`"
    assert expand(text) == "from 28.7 N to 25.1 N"
    assert expand(text, "id") == "from 28,7 N to 25,1 N"
    with pytest.raises(KeyError, match="unknown published value 'nope'"):
        lookup("nope")
    with pytest.raises(ValueError, match="unknown form 'mean'"):
        lookup("twitch_contraction_time_ms:mean")
    with pytest.raises(ValueError, match="has no range"):
        VALUES["twitch_contraction_time_ms"].text("low")


def test_contains_is_inclusive_and_bounds_need_a_spread():
    value = VALUES["thenar_half_max_hz"]
    assert value.contains(8) and value.contains(16) and not value.contains(16.01)
    with pytest.raises(ValueError, match="no spread or range"):
        _ = VALUES["ironman_cohort_size"].bounds


def test_a_value_is_a_mean_or_a_range_never_both():
    with pytest.raises(ValueError, match="not both"):
        Published("x", "ms", "sale1982", 1.0, low=0.5, high=2.0)
    with pytest.raises(ValueError, match="no value and no range"):
        Published("x", "ms", "sale1982")
    with pytest.raises(ValueError, match="spread_kind"):
        Published("x", "ms", "sale1982", 1.0, 0.1, "IQR")
