"""No number typed into the code's reader-facing texts: the prose gate, for the texts the code shows.

``tests/test_prose.py`` refuses a number typed into the book's Markdown; this module does the same for the
texts of ``book/musclebook``: every literal given to ``N_`` (a parameter table's rows, an explorer's title,
basis and control labels), to ``Msg`` and to ``tr`` (captions, alt texts, figure labels). A number there is
written twice, once in the constant the model uses and once in the sentence that describes it, and the two
drift apart. Write a placeholder instead and fill it from the constant, as the twitch and membrane tables do:
``Msg(N_("slow contraction time ({ms:g} ms)"), ms=SLOW.contraction_time_ms)``.

The rule: no ASCII digit outside a ``{placeholder}``, except

- the year of a cited source, after its author: "Sale et al. 1982", "Hodgkin & Huxley 1952", "(Hill 1938)".
  It names a reference, it is not a quantity the model uses;
- the name of a symbol that contains a digit: ``F0`` (maximal isometric force, as in "a/F0").

Superscripts and subscripts (Ca²⁺, K⁺) are not ASCII digits, and ordinals are placeholders like any number
(``tr("twitch {n}", n=1)``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import musclebook

PACKAGE = Path(musclebook.__file__).parent
REPO = PACKAGE.parent.parent
TEXT_CALLS = ("N_", "tr", "Msg")  # the first argument of each is a text shown to the reader
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
CITATION_YEAR = re.compile(r"(?:\b[A-Z][\w'’-]*|\bet al\.)\s+(?:1[6-9]|20)\d\d\b")  # "Hill 1938", "et al. 1993"
SYMBOLS = re.compile(r"\bF0\b")


def typed_numbers(text: str) -> list[str]:
    """The numbers typed into ``text`` outside its placeholders, citation years and symbols."""
    rest = SYMBOLS.sub("", CITATION_YEAR.sub("", PLACEHOLDER.sub("", text)))
    return re.findall(r"\d+(?:[.,]\d+)?", rest)


def offences(source: str, name: str = "<source>") -> list[str]:
    """Every reader-facing literal of ``source`` that types a number: "file:line: 'text' types 5"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in TEXT_CALLS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                numbers = typed_numbers(first.value)
                if numbers:
                    found.append(f"{name}:{first.lineno}: {first.value!r} types {', '.join(numbers)}")
    return found


def test_no_number_is_typed_into_a_text_of_the_code():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20 and any(m.name == "twitch.py" for m in modules), modules
    found = [
        problem
        for path in modules
        for problem in offences(path.read_text(encoding="utf-8"), path.relative_to(REPO).as_posix())
    ]
    assert not found, (
        "a number typed into a text the reader sees; fill a placeholder from the module's constant instead, "
        "e.g. Msg(N_('normal ATP {mm:g} mM'), mm=NORMAL_ATP_MM):\n" + "\n".join(found)
    )


def test_the_number_check_refuses_a_typed_number_and_accepts_a_placeholder():
    # the literals the parameter tables had (code review of 7 December 2026, §4.2) are refused
    for typed in (
        'N_("normal ATP 5 mM")',
        'N_("the constant of the √diameter law (1.5)")',
        'N_("resting potential -85 mV at 4 mM K⁺")',
        'tr("force after 150 ms", left=1)',
        'Msg(N_("tetanus 350 ms at {hz:g} Hz"), hz=70)',
        'N_("Peak force (% of twitch 1)")',
        'N_("measured 1993")',  # a number after a lower-case word is no citation
    ):
        assert offences(typed), typed
    problem = offences('x = 1\nN_("normal ATP 5 mM")\n', "book/musclebook/crossbridge.py")
    assert problem == ["book/musclebook/crossbridge.py:2: 'normal ATP 5 mM' types 5"], problem
    for fine in (
        'Msg(N_("normal ATP {mm:g} mM"), mm=NORMAL_ATP_MM)',
        'N_("measured: human triceps surae, Sale et al. 1982")',
        'N_("theory: cable theory; Hodgkin & Huxley 1952")',
        'N_("fitted to Westerblad & Lännergren 1991")',
        'tr("load {load:.0f}% of F0", load=50)',
        'N_("SERCA moves Ca²⁺")',
        'print("5 mM")',  # not a text of the reader
    ):
        assert not offences(fine), fine
