"""One contract for the models' parameter sets: declared checks, one error style, one way to vary them.

A parameter set is a frozen dataclass that inherits :class:`Params`. Each field that must lie in a
range says so where it is declared::

    @dataclass(frozen=True)
    class Unit(Params):
        contraction_time_ms: float = positive(112.4)  # force onset to twitch peak [ms]

Creating the object checks every declared field and raises a ``ValueError`` that names the class,
the object and the field. ``unit.replace(contraction_time_ms=40.0)`` gives a checked variant.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

#: check name -> (test, what the error says the value must be)
CHECKS = {
    "positive": (lambda v: v > 0, "positive"),
    "nonnegative": (lambda v: v >= 0, "zero or positive"),
    "fraction": (lambda v: 0 <= v <= 1, "between 0 and 1"),
    "open_fraction": (lambda v: 0 < v < 1, "strictly between 0 and 1"),
    "at_least_one": (lambda v: v >= 1, "at least 1"),
}


def _field(check: str, default: Any = dataclasses.MISSING) -> Any:
    return dataclasses.field(default=default, metadata={"check": check})


def positive(default: Any = dataclasses.MISSING) -> Any:
    """A field that must be a positive, finite number."""
    return _field("positive", default)


def nonnegative(default: Any = dataclasses.MISSING) -> Any:
    """A field that must be zero or a positive, finite number."""
    return _field("nonnegative", default)


def fraction(default: Any = dataclasses.MISSING) -> Any:
    """A field between 0 and 1 inclusive."""
    return _field("fraction", default)


def open_fraction(default: Any = dataclasses.MISSING) -> Any:
    """A field strictly between 0 and 1."""
    return _field("open_fraction", default)


def at_least_one(default: Any = dataclasses.MISSING) -> Any:
    """A count or a fold range that must be at least 1."""
    return _field("at_least_one", default)


def check_number(value: Any, check: str, where: str) -> None:
    """Raise a ValueError naming ``where`` unless ``value`` is a finite number that passes ``check``."""
    test, must = CHECKS[check]
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and test(value)
    if not ok:
        raise ValueError(f"{where}={value!r} must be {must}")


class Params:
    """Base of the models' frozen parameter dataclasses (see the module docstring)."""

    def __post_init__(self) -> None:
        name = getattr(self, "name", "")
        label = f"{type(self).__name__}{f' {name!r}' if name else ''}"
        for f in dataclasses.fields(self):
            check = f.metadata.get("check")
            if check:
                check_number(getattr(self, f.name), check, f"{label}: {f.name}")
        self.validate()

    def validate(self) -> None:
        """Checks that involve more than one field; raise ValueError naming them."""

    def replace(self, **changes: Any):
        """A checked copy with some parameters changed (``unit.replace(relaxation_factor=1.5)``)."""
        return dataclasses.replace(self, **changes)
