"""The accepted survivors of mutation testing name real lines, with a category and a reason (scripts/mutation.py)."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACCEPTED = yaml.safe_load((ROOT / "tests" / "mutation" / "accepted.yaml").read_text(encoding="utf-8"))


@cache
def mutation_script():
    spec = importlib.util.spec_from_file_location("mutation_script", ROOT / "scripts" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.lint
@pytest.mark.parametrize("entry", ACCEPTED, ids=lambda e: f"{e['module']}:{e['line'][:40]}")
def test_each_accepted_survivor_names_a_line_of_a_model_with_its_reason(entry):
    """Policy: an accepted survivor points at a line that exists, in a module mutation testing covers."""
    assert entry["module"] in mutation_script().TESTS, f"accepted.yaml: {entry['module']} is not a mutated module"
    source = (ROOT / "book" / "musclebook" / f"{entry['module']}.py").read_text(encoding="utf-8")
    assert entry["line"] in (line.strip() for line in source.splitlines()), (
        f"accepted.yaml: {entry['module']}.py has no line {entry['line']!r} (edited? move the entry with it)"
    )
    assert entry["category"] in ("equivalent", "illustrative")
    assert entry["kinds"] == "any" or (isinstance(entry["kinds"], list) and entry["kinds"])
    assert len(entry["reason"].split()) >= 5, "accepted.yaml: give the reason in words"


def test_a_number_moved_on_a_line_called_illustrative_is_explained_by_its_comment():
    m = mutation_script()
    documented = m.Mutant("twitch", 1, "X = 1.0  # a value [ms], illustrative", "core/NumberReplacer", "survived")
    reason = m.reason_for(documented, [])
    assert reason["category"] == "illustrative" and "a value [ms], illustrative" in reason["reason"]
    operator = m.Mutant("twitch", 1, "x = a + b  # illustrative", "core/ReplaceBinaryOperator_Add_Sub", "survived")
    assert m.reason_for(operator, []) is None  # only a moved number, never a changed operation
    assert (
        m.reason_for(m.Mutant("twitch", 1, "DT_MS = 0.5  # step [ms]", "core/NumberReplacer", "survived"), []) is None
    )
