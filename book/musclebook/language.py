"""The book's two languages and how each writes its numbers.

English writes ``2,438`` and ``55.2``; Indonesian writes ``2.438`` and ``55,2``. Every number the
book prints (prose, figure labels, text alternatives) goes through :func:`number`, so one place
decides the decimal mark, the thousands separator and the minus sign.
"""

from __future__ import annotations

import math
import re

LANGUAGES = ("en", "id")
MINUS = "\u2212"  # a typographic minus, not a hyphen


def percent_sign(text: str, language: str) -> str:
    """A text with its percentages as ``language`` writes them: English sets the sign apart ("55.2 %"), Indonesian
    writes it against the number, as PUEBI asks ("55,2%")."""
    return re.sub(r"(?<=\d)[ \u00a0]%", "%", text) if language == "id" else text


def check_language(language: str, where: str = "") -> str:
    """``language`` if the book is written in it; otherwise an error naming ``where`` it came from. The one check
    of a language (the figures', the prose's and the published values' alike)."""
    if language not in LANGUAGES:
        said = f"{where}: " if where else ""
        raise ValueError(f"{said}unknown language {language!r}; the book is written in {', '.join(LANGUAGES)}")
    return language


def decimals_of(value: float) -> int:
    """The decimals a published number was stated with: 112.4 -> 1, 2.05 -> 2, 12 -> 0, 2.0 -> 1."""
    if isinstance(value, int):
        return 0
    text = repr(float(value))
    if "e" in text or "." not in text:
        raise ValueError(f"cannot tell the precision of {value!r}; give it as an int or a plain decimal")
    return len(text.split(".")[1])


def number(value: float, digits: int | None = None, language: str = "en", *, sign: bool = False) -> str:
    """``value`` written for readers of ``language``, with ``digits`` decimals (default: as stated).

    ``sign=True`` writes a plus sign before positive numbers (for changes such as "+5 mV").
    """
    check_language(language)
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value!r} as a number for readers")
    if digits is None:
        digits = decimals_of(value)
    text = f"{abs(value):,.{digits}f}"
    if language == "id":  # swap the separators: 2,438.5 -> 2.438,5
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if text.strip("0.,") == "":  # never write -0 or +0
        return text
    if value < 0:
        return MINUS + text
    return ("+" + text) if sign else text
