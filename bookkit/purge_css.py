"""Drop the style rules of the theme that no page of the book can use.

pydata-sphinx-theme ships one style sheet of about 400 kB (Bootstrap and the theme's own rules); a page
of the book uses a small part of it, and on a phone parsing and matching the rest held the first paint
back by about a second (Lighthouse, simulated mid-range phone). After the build, every selector is kept
only if each class and id it names occurs in the built site: in an HTML page, or as a word in one of the
site's scripts (which add classes such as ``show`` or ``pst-squeeze`` while a reader uses the page).
Classes inside ``:not()``, ``:is()``, ``:where()`` and ``:has()`` do not count, so such rules stay; at-rules
other than ``@media``, ``@supports``, ``@layer`` and ``@container`` (fonts, keyframes) are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2

GROUPING = {"media", "supports", "layer", "container"}
CLASS_OR_ID = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")  # [href$=".pdf"]: its value names no class
FUNCTIONAL = re.compile(r":(?:not|is|where|has|host|host-context)\(")
WORD = re.compile(r"[A-Za-z_-][\w-]*")
HTML_NAMES = re.compile(r'(?:class|id)="([^"]*)"')


def site_words(site: Path, skip: tuple[str, ...] = ()) -> set[str]:
    """Every class and id of the site's pages, and every word of its scripts (not in the folders ``skip``:
    another edition of the book, built and published there separately)."""
    words: set[str] = set()
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] in skip:
            continue
        for value in HTML_NAMES.findall(page.read_text(encoding="utf-8", errors="replace")):
            words.update(value.split())
    for script in site.rglob("*.js"):
        if script.relative_to(site).parts[0] in skip:
            continue
        words.update(WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return words


def _strip_functional(selector: str) -> str:
    """The selector without the arguments of functional pseudo-classes (nested parentheses included)."""
    out, depth, i = [], 0, 0
    while i < len(selector):
        match = FUNCTIONAL.match(selector, i) if depth == 0 else None
        if match:
            depth, i = 1, match.end()
            continue
        char = selector[i]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def used(selector: str, words: set[str]) -> bool:
    """Whether every class and id ``selector`` names occurs in the site (``.a.b`` names both)."""
    return all(name in words for name in CLASS_OR_ID.findall(ATTRIBUTE.sub("", _strip_functional(selector))))


def _purge(rules: Iterable, words: set[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _split_selectors(tinycss2.serialize(rule.prelude)) if used(s, words)]
            if kept:
                out.append(f"{','.join(kept)}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = _purge(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), words)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def purge(css: str, words: set[str]) -> str:
    """``css`` with only the rules some page can use."""
    return _purge(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), words)
