"""A page's Markdown cut into blocks (one message each), and the structure a translation of a block keeps."""

from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(`{3,}|:{3,})(.*)$")


def blocks(text: str) -> list[tuple[str, str]]:
    """``text`` as (block, the blank lines after it): blocks split at blank lines outside fenced blocks.

    ``"".join(b + sep for b, sep in blocks(text)) == text``."""
    lines = text.splitlines(keepends=True)
    out: list[tuple[str, str]] = []
    current: list[str] = []
    gap: list[str] = []
    fences: list[tuple[str, int]] = []
    for line in lines:
        if not fences and not line.strip():
            gap.append(line)
            continue
        if gap:
            if current:
                out.append(("".join(current), "".join(gap)))
                current = []
            else:  # blank lines before the first block
                out.append(("", "".join(gap)))
            gap = []
        current.append(line)
        fence = FENCE.match(line)
        if fence:
            marker, rest = fence.group(1), fence.group(2).strip()
            char, size = marker[0], len(marker)
            if fences and not rest and fences[-1][0] == char and size >= fences[-1][1]:
                fences.pop()
            else:
                fences.append((char, size))
    if current:
        out.append(("".join(current), "".join(gap)))
    elif gap:
        out.append(("", "".join(gap)))
    return out


def split_block(block: str) -> tuple[str, str]:
    """A block's text (the message) and the line ending it keeps outside the message."""
    stripped = block.rstrip("\n")
    return stripped, block[len(stripped) :]


ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
LABEL = re.compile(r"^\(([\w.:-]+)\)=\s*$", re.MULTILINE)
DIRECTIVE = re.compile(r"^\s*(?:`{3,}|:{3,})\{([\w:-]+)\}(.*)$", re.MULTILINE)
OPTION = re.compile(r"^\s*:([\w-]+):(.*)$", re.MULTILINE)
CODE = re.compile(r"(?<!`)(?<!\})`([^`{}]+)`(?!`)")
URL = re.compile(r"https?://[^\s)>\]\"']+")
# dollar math: a displayed equation with its label, ``$$ … $$ (eq-nernst)``, or ``$…$`` in a sentence
MATH = re.compile(r"\$\$.+?\$\$(?:[ \t]*\([\w.:-]+\))?|(?<![\\$])\$[^$\s](?:[^$\n]*?[^$\s\\])?\$", re.DOTALL)
WORDS = re.compile(r"[A-Za-z]{2,}")
TRANSLATED_OPTIONS = {"name", "alt", "caption"}  # directive options whose value is prose; others must match
REFERENCE_ROLES = {"ref", "numref", "doc", "term", "download", "eq"}
PROSE_ROLES = {"sub", "sup", "abbr"}  # their text is prose: translated
PROSE_ARGUMENT = {"admonition", "dropdown", "exercise", "topic", "sidebar", "card", "tab-item"}  # a title


def is_translatable(text: str) -> bool:
    """Whether a block has words a reader reads (a label, or a directive with no content or title, has none)."""
    text = DIRECTIVE.sub(lambda m: m.group(2) if m.group(1) in PROSE_ARGUMENT else " ", text)
    for pattern in (MATH, ROLE, LABEL, OPTION, CODE, URL, re.compile(r"^\s*(`{3,}|:{3,})\s*$", re.M)):
        text = pattern.sub(" ", text)
    return bool(WORDS.search(text))


def _target(role: str, body: str) -> str:
    """What a role points at: ``{ref}`text <target>``` -> target; ``{eval}`name``` -> name."""
    explicit = re.search(r"<([^<>]+)>\s*$", body)
    if role in PROSE_ROLES:
        return ""
    if role in REFERENCE_ROLES:
        target = explicit.group(1) if explicit else body
        return target.strip().lower() if role == "term" else target.strip()
    return body.strip()


def structure(text: str) -> dict[str, list[str]]:
    """What a translation must keep of a block, each as a sorted list."""
    options = []
    math = MATH.findall(text)
    text = MATH.sub(" ", text)
    for name, value in OPTION.findall(text):
        options.append(name if name in TRANSLATED_OPTIONS else f"{name}:{value.strip()}")
    return {
        "labels": sorted(LABEL.findall(text)),
        "directives": sorted(
            name if name in PROSE_ARGUMENT else f"{name} {arg.strip()}" for name, arg in DIRECTIVE.findall(text)
        ),
        "directive options": sorted(options),
        "references, citations and values": sorted(
            f"{{{role}}}{_target(role, body)}" for role, body in ROLE.findall(text)
        ),
        "inline code": sorted(CODE.findall(ROLE.sub(" ", text))),
        "links": sorted(URL.findall(text)),
        "headings": sorted(re.findall(r"^(#+) ", text, re.MULTILINE)),
        "equations": sorted(math),  # the same TeX, character for character
    }


def structure_problems(english: str, translation: str) -> list[str]:
    """What the translation lost or added of the English block's structure (empty when it kept it)."""
    problems = []
    mine, theirs = structure(english), structure(translation)
    for what, expected in mine.items():
        got = theirs[what]
        if got != expected:
            missing = sorted(set(expected) - set(got)) or expected
            extra = sorted(set(got) - set(expected))
            problems.append(
                f"{what}: the English has {expected}, the translation {got}"
                + (f" (missing {missing})" if set(expected) - set(got) else "")
                + (f" (not in the English: {extra})" if extra else "")
            )
    return problems


# ---------------------------------------------------------------- pages
