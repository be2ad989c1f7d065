"""The language of the book's figures and explorers: English, the source, or a translation (Indonesian).

Every text that a figure or an explorer shows is written once, in English, in the code: wrapped in
``tr("...", name=value)`` where it is shown at once, or in ``N_("...")`` (``Msg(N_("..."), name=value)``
with values) where it is defined now and shown later, through :func:`text` (an explorer's title, its
controls' labels). Each translation's catalogue, ``data/i18n/<language>.yaml`` and ``data/i18n/<language>/``,
gives each English text (the *msgid*) its translation. ``tests/test_i18n.py`` reads every ``tr``/``N_`` text
of the package and fails on one without an Indonesian, on an Indonesian whose English is gone (the English
changed, so the Indonesian is out of date) and on one whose ``{placeholders}`` differ from its English.

The language comes from :func:`speaking` (a ``with`` block), :func:`set_language` (a notebook's
set-up cell) or the environment variable ``MUSCLEBOOK_LANGUAGE`` (the book's build); English otherwise.
Numbers put into a text are written as the language writes them (``language.localise``, the one place that
decides): ``1.5`` is ``1,5`` in Indonesian, ``1,500`` is ``1.500``, and a minus is a typographic minus.
:func:`localise_axes` does the same for a figure's tick labels, including labels a
view sets itself: write those as English numbers (``f"{x:g}"``), never through :func:`number`.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from numbers import Number
from pathlib import Path

import yaml
from matplotlib.ticker import Formatter

from .language import SOURCE, check_language, localise

ENV = "MUSCLEBOOK_LANGUAGE"
CATALOGUE_DIR = Path(__file__).parent / "data" / "i18n"

_chosen: ContextVar[str | None] = ContextVar("musclebook_language", default=None)


_default: str | None = None  # set_language's choice: the whole process (a kernel runs each cell in a new context)


def language() -> str:
    """The language figures and explorers speak now."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    if _default is not None:
        return _default
    return check_language(os.environ.get(ENV, SOURCE), f"environment variable {ENV}")


def set_language(lang: str | None) -> None:
    """Speak ``lang`` from now on, in this process (in a notebook: ``i18n.set_language("id")`` in its first
    cell); ``None`` goes back to the environment's choice."""
    global _default
    _default = None if lang is None else check_language(lang, "set_language")


@contextmanager
def speaking(lang: str) -> Iterator[str]:
    """Speak ``lang`` inside the ``with`` block."""
    token = _chosen.set(check_language(lang, "speaking"))
    try:
        yield lang
    finally:
        _chosen.reset(token)


def N_(msgid: str) -> str:
    """Mark a text for translation where it is defined; :func:`tr` translates it where it is shown."""
    return msgid


class Msg:
    """A text defined now and translated where it is shown, with the values of its placeholders (which
    may be ``Msg`` themselves): ``Msg(N_("Force during a {ms:.0f} ms train"), ms=600)``."""

    __slots__ = ("msgid", "values")

    def __init__(self, msgid: str, /, **values):
        self.msgid, self.values = msgid, values

    def __str__(self) -> str:
        return tr(self.msgid, **{k: text(v) if isinstance(v, Msg) else v for k, v in self.values.items()})

    def __repr__(self) -> str:
        return f"Msg({self.msgid!r}, {self.values!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Msg) and (self.msgid, self.values) == (other.msgid, other.values)

    def __hash__(self) -> int:
        return hash((self.msgid, tuple(sorted(self.values.items()))))


def text(message: str | Msg) -> str:
    """A text defined with ``N_`` or ``Msg``, in the current language."""
    return str(message) if isinstance(message, Msg) else tr(message)


def catalogue_path(lang: str) -> Path:
    return CATALOGUE_DIR / f"{lang}.yaml"


def _unique_keys(path: Path) -> type:
    """A YAML loader that refuses an English text entered twice (PyYAML would keep the last silently)."""

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise ValueError(f"{path}: entry {key!r} appears twice (line {key_node.start_mark.line + 1})")
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return Loader


def catalogue_files(lang: str) -> list[Path]:
    """The catalogue of ``lang``: ``<lang>.yaml`` (figures and explorers) and ``<lang>/*.yaml`` (the build's words, the
    claim ledger's and the glossary's texts, a chapter's self-check questions, one file per chapter). A file whose
    name starts with ``_`` is data for a language that is not a catalogue (the ledger's ``_debated.yaml``)."""
    return [
        catalogue_path(lang),
        *sorted(p for p in (CATALOGUE_DIR / lang).glob("*.yaml") if not p.name.startswith("_")),
    ]


class Catalogue(dict):
    """{English: translation}, and ``where``: {English: the file that translates it}."""

    where: dict[str, Path]


@cache
def catalogue(lang: str) -> Catalogue:
    """The translations into ``lang`` ({English: translation}), checked: every entry a non-empty text, and no
    English text translated twice, in one file or in two."""
    merged = Catalogue()
    where: dict[str, Path] = {}
    for path in catalogue_files(check_language(lang, "catalogue")):
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_unique_keys(path)) or {}
        if not isinstance(entries, dict):
            raise ValueError(f"{path}: expected a mapping of English texts to translations")
        for msgid, text in entries.items():
            if not isinstance(msgid, str) or not isinstance(text, str) or not text.strip():
                raise ValueError(f"{path}: entry {msgid!r}: the translation must be a non-empty text")
            if msgid in merged:
                raise ValueError(f"{path}: entry {msgid!r} is already translated in {where[msgid]}")
            merged[msgid], where[msgid] = text, path
    merged.where = where
    return merged


class _LocalFormatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, format_spec):
        text = format(value, format_spec)
        if isinstance(value, Number) and not isinstance(value, bool):
            return localise(text, self.lang)
        return text


def template(msgid: str, lang: str | None = None) -> str:
    """``msgid`` in ``lang`` (default: the language spoken now), its ``{placeholders}`` left to fill."""
    lang = language() if lang is None else check_language(lang, "template")
    if lang == SOURCE:
        return msgid
    try:
        return catalogue(lang)[msgid]
    except KeyError:
        raise KeyError(
            f"{catalogue_path(lang)}: no translation of {msgid!r} (tests/test_i18n.py lists every one missing)"
        ) from None


def tr(msgid: str, /, **values) -> str:
    """``msgid`` in the current language, its ``{placeholders}`` filled with ``values``."""
    lang = language()
    return _LocalFormatter(lang).vformat(template(msgid, lang), (), values)


def words(messages: dict[str, str], lang: str) -> dict[str, str]:
    """A table of texts marked with ``N_`` ({key: English}), in ``lang``, their placeholders left to fill (with
    ``str.format``: the build's words around its facts, which are not numbers)."""
    return {key: template(msgid, lang) for key, msgid in messages.items()}


def number(value: float, format_spec: str = "g") -> str:
    """A number as the current language writes it."""
    return _LocalFormatter(language()).format_field(value, format_spec)


class _LocalTicks(Formatter):
    """An axis's tick labels, written as ``lang`` writes numbers (wraps the axis's own formatter)."""

    def __init__(self, inner: Formatter, lang: str):
        self.inner, self.lang = inner, lang

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs):
        self.inner.set_locs(locs)

    def __call__(self, x, pos=None):
        return localise(self.inner(x, pos), self.lang)

    def format_ticks(self, values):
        return [localise(label, self.lang) for label in self.inner.format_ticks(values)]

    def get_offset(self):
        return localise(self.inner.get_offset(), self.lang)


def localise_axes(fig) -> None:
    """Write every axis's tick labels of ``fig`` as the current language writes numbers (idempotent)."""
    lang = language()
    if lang == SOURCE:
        return
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            current = axis.get_major_formatter()
            if not isinstance(current, _LocalTicks):
                axis.set_major_formatter(_LocalTicks(current, lang))
