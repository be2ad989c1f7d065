"""The glossary from its data file, and the roles that write published values and claim counts into the prose."""

from __future__ import annotations

from pathlib import Path

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from musclebook.i18n import CATALOGUE_DIR, speaking, template, tr
from musclebook.language import ARTICLE, SOURCE, TRANSLATIONS, percent_sign
from musclebook.published import lookup

from ..ledger import (
    DATA_DIR,
    DEFAULT_LEDGER,
    VERDICTS,
)
from .claims import ledger
from .common import book_language, note_translations

TERMS = DATA_DIR / "terms.yaml"


# a term's texts, written in English in terms.yaml; each translation gives them in its catalogue
# (``musclebook/data/i18n/<language>/terms.yaml``, keyed by the English)
TERM_TEXTS = ("en", "definition", "note")


def term_text(term: dict, fld: str, language: str) -> str | None:
    """A text of a term (``TERM_TEXTS``) in ``language``: None for a note the term has not."""
    english = term.get(fld)
    if english is None:
        return None
    english = " ".join(english.split())
    return english if language == SOURCE else template(english, language)


def load_terms(path=TERMS) -> dict:
    """The book's terms (``terms.yaml``), checked: each has an English word and a definition, and every translation
    gives them (and its note) in its catalogue."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    seen = set()
    for number, term in enumerate(data.get("terms") or [], start=1):
        for fld in (SOURCE, "definition"):
            if not isinstance(term.get(fld), str) or not term[fld].strip():
                raise ExtensionError(f"{path}: term #{number} ({term.get(SOURCE)}), field '{fld}': missing or empty")
        unknown = sorted(set(term) - set(TERM_TEXTS))
        if unknown:
            raise ExtensionError(
                f"{path}: term #{number} ({term[SOURCE]}), field '{unknown[0]}': not a field of a term"
            )
        if term[SOURCE] in seen:
            raise ExtensionError(f"{path}: term #{number}, field '{SOURCE}': '{term[SOURCE]}' is listed twice")
        seen.add(term[SOURCE])
        for language in TRANSLATIONS:
            for fld in TERM_TEXTS:
                try:
                    term_text(term, fld, language)
                except KeyError:
                    raise ExtensionError(
                        f"{path}: term #{number} ({term[SOURCE]}), field '{fld}': no translation into '{language}' in "
                        f"{CATALOGUE_DIR / language}/terms.yaml"
                    ) from None
    return data


class GlossaryTerms(SphinxDirective):
    """The glossary, from ``terms.yaml``: each term with its definition and its word in the article's language.

    In a translated edition an entry is headed by the edition's term and then the English one, so that
    the pages' ``{term}`` references (whose targets are the English terms) find it; a term's note (why
    the book writes this word rather than a common other one) follows its definition."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(TERMS))
        terms = load_terms()["terms"]
        note_translations(self.env, [" ".join(t[f].split()) for t in terms for f in TERM_TEXTS if t.get(f)])
        lines = ["```{glossary}"]
        language = book_language(self.env.app)
        with speaking(language):
            for term in sorted(terms, key=lambda t: term_text(t, SOURCE, language).lower()):
                word = term_text(term, SOURCE, language)
                definition = term_text(term, "definition", language)
                note = term_text(term, "note", language) if language != SOURCE else None
                if note:  # why the book writes this word and not another one
                    definition += f" *{tr('Note:')}* " + note
                if language != ARTICLE:  # the article's own word
                    article_word = term_text(term, SOURCE, ARTICLE)
                    definition += f' ({tr("Indonesian:")} <span lang="{ARTICLE}">*{article_word}*</span>)'
                if language == SOURCE:
                    lines += [word, f"  {definition}", ""]
                    continue
                # headed by the edition's term, then the English one that the pages' {term} references name
                title = word[:1].upper() + word[1:]
                english = [term[SOURCE]] if term[SOURCE].lower() != word.lower() else []
                lines += [title, *english, f"  {definition}", ""]
        lines.append("```")
        container = nodes.container(classes=["glossary-terms"])
        self.state.nested_parse(StringList(lines, source=str(TERMS)), self.content_offset, container)
        return [container]


def pub_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{pub}`key``` or ``{pub}`key:form```: a published value, written for the page's language."""
    language = book_language(inliner.document.settings.env.app)
    try:
        value, form = lookup(text)
        written = percent_sign(value.text(form, language), language)
    except (KeyError, ValueError) as exc:
        message = inliner.reporter.error(f"{{pub}}`{text}`: {exc.args[0]}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.inline(rawtext, written, classes=["published-value"])], []


def claim_count_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{claim-count}`all``` or ``{claim-count}`incorrect misleading```: how many claims of the ledger there are,
    or how many have one of these verdicts, counted when the page is built (prose never types a count of claims)."""
    inliner.document.settings.env.note_dependency(str(DEFAULT_LEDGER))
    keys = text.split()
    unknown = [key for key in keys if key not in VERDICTS and key != "all"]
    if not keys or unknown or ("all" in keys and len(keys) > 1):
        message = inliner.reporter.error(
            f"{{claim-count}}`{text}`: expected 'all' or verdicts of {', '.join(VERDICTS)}"
            + (f"; unknown: {', '.join(unknown)}" if unknown else ""),
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    claims = ledger().claims
    count = len(claims) if keys == ["all"] else sum(claim.verdict in keys for claim in claims)
    return [nodes.inline(rawtext, str(count), classes=["claim-count", *(f"claims-{key}" for key in keys)])], []
