"""The book's languages, defined in one place, and how each writes its numbers.

``data/languages.yaml`` lists them: English, the source every text is written in, and each language
the book is translated into, with its decimal mark, its thousands separator and how it sets a percent
sign. English writes ``2,438`` and ``55.2 %``; Indonesian writes ``2.438`` and ``55,2%``. Every number
the book prints (prose, figure labels, text alternatives, feedback) goes through :func:`number` or
:func:`localise`, so one place decides the decimal mark, the thousands separator and the minus sign.
Code never tests which language it speaks: it asks this module, or the catalogues (``i18n.tr``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES_FILE = Path(__file__).resolve().parent / "data" / "languages.yaml"
SOURCE = "en"  # the language of the code's texts and of the pages in book/
ARTICLE = "id"  # the language of the article the book checks
MINUS = "\u2212"  # a typographic minus, not a hyphen


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # as its readers write it: the language switch shows it
    locale: str  # the language and the region the book writes for (Open Graph's og:locale: en_GB, id_ID)
    decimal: str
    thousands: str
    percent_apart: bool  # a percentage's sign set apart from the number ("55.2 %") or against it ("55,2%")


def _read(path: Path = LANGUAGES_FILE) -> dict[str, Language]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or SOURCE not in data:
        raise ValueError(f"{path}: expected a mapping of language codes, English ({SOURCE!r}) among them")
    languages = {}
    for code, entry in data.items():
        if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}", code):
            raise ValueError(f"{path}: entry {code!r}: a language code is two or three small letters (ISO 639)")
        fields = {"name", "locale", "decimal", "thousands", "percent_apart"}
        if not isinstance(entry, dict) or set(entry) != fields:
            raise ValueError(f"{path}: entry {code!r}: give exactly the fields {', '.join(sorted(fields))}")
        for name in fields:
            if not isinstance(entry[name], bool if name == "percent_apart" else str):
                kind = "true or false" if name == "percent_apart" else "a text"
                raise ValueError(f"{path}: entry {code!r}, field {name!r}: must be {kind}")
        if entry["decimal"] == entry["thousands"] or not entry["decimal"]:
            raise ValueError(f"{path}: entry {code!r}, field 'decimal': a mark of its own, not the thousands one")
        languages[code] = Language(code=code, **entry)
    return languages


LANGUAGE_OF: dict[str, Language] = _read()
LANGUAGES = tuple(LANGUAGE_OF)  # the codes: ("en", "id")
TRANSLATIONS = tuple(code for code in LANGUAGES if code != SOURCE)  # the languages the book is translated into


def check_language(language: str, where: str = "") -> str:
    """``language`` if the book is written in it; otherwise an error naming ``where`` it came from. The one check
    of a language (the figures', the prose's, the build's and the published values' alike)."""
    if language not in LANGUAGE_OF:
        said = f"{where}: " if where else ""
        raise ValueError(f"{said}unknown language {language!r}; the book is written in {', '.join(LANGUAGES)}")
    return language


def percent_sign(text: str, language: str) -> str:
    """A text with its percentages as ``language`` writes them: English sets the sign apart ("55.2 %"), Indonesian
    writes it against the number, as PUEBI asks ("55,2%")."""
    if LANGUAGE_OF[check_language(language)].percent_apart:  # as the text sets it apart: a space or a no-break one
        return text
    return re.sub(r"(?<=\d)[ \u00a0]%", "%", text)


def localise(text: str, language: str) -> str:
    """A number written the English way (``-1,234.5``, as Python formats it) as ``language`` writes it: its
    decimal mark, its thousands separator and a typographic minus (``−1.234,5`` in Indonesian). The one place
    that decides how a number looks; :func:`number`, ``i18n.tr`` and the figures' tick labels all come here."""
    spoken = LANGUAGE_OF[check_language(language)]
    return text.translate(str.maketrans({".": spoken.decimal, ",": spoken.thousands, "-": MINUS}))


def decimals_of(value: float) -> int:
    """The decimals a published number was stated with: 112.4 -> 1, 2.05 -> 2, 12 -> 0, 2.0 -> 1."""
    if isinstance(value, int):
        return 0
    text = repr(float(value))
    if "e" in text or "." not in text:
        raise ValueError(f"cannot tell the precision of {value!r}; give it as an int or a plain decimal")
    return len(text.split(".")[1])


def number(value: float, digits: int | None = None, language: str = SOURCE, *, sign: bool = False) -> str:
    """``value`` written for readers of ``language``, with ``digits`` decimals (default: as stated).

    ``sign=True`` writes a plus sign before positive numbers (for changes such as "+5 mV").
    """
    check_language(language)
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value!r} as a number for readers")
    if digits is None:
        digits = decimals_of(value)
    text = f"{abs(value):,.{digits}f}"
    if text.strip("0.,") == "":  # never write -0 or +0
        return localise(text, language)
    if value < 0:
        text = "-" + text
    elif sign:
        text = "+" + text
    return localise(text, language)
