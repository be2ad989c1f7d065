"""The texts a reader reads in the code cells they see: printed lines, figure labels and a plot's text alternative."""

from __future__ import annotations

import ast
import re

CODE_CONTEXT = "code"
CODE_CALLS = {"set_title", "set_xlabel", "set_ylabel", "set_label", "print", "text", "legend"}
CODE_KEYWORDS = {"label", "title"}
MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)
READER_WORD = re.compile(r"[a-z]{3,}")


def _python(source: str) -> str:
    """A notebook cell as Python: each line of an IPython magic (``%config``) becomes ``pass``, so that the
    other lines keep their offsets."""
    return MAGIC.sub(r"\1pass", source)


def _shown_cells(cells: list[dict]) -> list[dict]:
    """The code cells a reader sees as code (not hidden by a tag)."""
    hidden = {"remove-cell", "remove-input", "hide-input", "hide-cell"}
    return [c for c in cells if c["cell_type"] == "code" and not hidden & set(c.get("metadata", {}).get("tags", []))]


def _without_fields(node) -> str:
    if isinstance(node, ast.Constant):
        return node.value
    return "".join(v.value for v in node.values if isinstance(v, ast.Constant))


def code_texts(source: str) -> list[str]:
    """The string literals of a cell that a reader reads in its output, as written in the code."""
    code = _python(source)
    found = []
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        candidates = []
        if getattr(node.func, "attr", getattr(node.func, "id", None)) in CODE_CALLS:
            candidates += node.args
        candidates += [k.value for k in node.keywords if k.arg in CODE_KEYWORDS]
        for value in candidates:
            text = isinstance(value, ast.Constant) and isinstance(value.value, str) or isinstance(value, ast.JoinedStr)
            if text and READER_WORD.search(_without_fields(value)):
                found.append(ast.get_source_segment(code, value))
    return found


def code_problems(english: str, translation: str) -> list[str]:
    """A code text's translation must be one Python string literal with the same {placeholders}."""
    try:
        node = ast.parse(translation.strip(), mode="eval").body
    except SyntaxError as exc:
        return [f"not a Python string literal: {exc.msg}"]
    if (
        not isinstance(node, ast.Constant | ast.JoinedStr)
        or isinstance(node, ast.Constant)
        and not isinstance(node.value, str)
    ):
        return ["not a Python string literal"]

    def fields(literal: str) -> list[str]:
        tree = ast.parse(literal, mode="eval").body
        values = tree.values if isinstance(tree, ast.JoinedStr) else []
        return sorted(ast.unparse(v) for v in values if isinstance(v, ast.FormattedValue))

    if fields(english) != fields(translation):
        return [f"placeholders: the English has {fields(english)}, the translation {fields(translation)}"]
    return []


# The text alternative of a code cell's plot (myst-nb's ``mystnb.image.alt``), with the context "alt".
ALT_CONTEXT = "alt"


def _alt(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")
