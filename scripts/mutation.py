"""Mutation testing of the book's models with cosmic-ray: does a wrong model fail a test?

    python scripts/mutation.py [module ...]        # make mutation; one or more of MODELS, all by default
    python scripts/mutation.py --survivors [module ...]   # again, only the last run's survivors (new tests)

Each model module of ``book/musclebook`` (not the plots) is mutated one small change at a time: a number
moved by one (a constant off), an operator swapped (a sign flipped, a term multiplied instead of added, a
comparison reversed or moved by its boundary), a condition negated, a loop skipped. After each change the
module's own fast tests run (``TESTS``); a mutant that no test notices *survives*.

cosmic-ray writes each mutant into the module on disk, so every module is mutated in its own copy of the
sources under ``_build/mutation/<module>`` (two at a time, one per core), never in the checkout. The
results land in ``_build/mutation/<module>.sqlite`` (``cosmic-ray dump`` reads them); a second run starts
afresh, unless ``--survivors`` asks to run only the last run's survivors again against the tests as they are
now (the module itself must not have changed since, or the mutants would be stale).

A survivor is either a gap in the tests, to be closed by a test, or accepted in ``tests/mutation/accepted.yaml``
with its reason: *equivalent* (no behaviour changes: a start value overwritten at once, a boundary the data
never reach) or *illustrative* (the nudge of a constant the module documents as illustrative, whose value no
measurement fixes). Each entry names the module, the source line (as written) and the kind of mutation it
covers. A moved number on a line whose own comment says "illustrative" needs no entry: the comment is its
reason. The report, ``tests/mutation/report.md``, gives the score and lists every survivor with its reason; an
unexplained survivor is listed as such, and the script then exits 1.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "_build" / "mutation"
ACCEPTED = REPO / "tests" / "mutation" / "accepted.yaml"
REPORT = REPO / "tests" / "mutation" / "report.md"
PACKAGE = Path("book") / "musclebook"
# each model module and the fast tests that check it (a module another model imports: that model's tests too).
# Not emg: its patterns are drawings made with numbers (its docstring says so), not a model with inputs to get wrong.
TESTS = {
    "constants": ["test_coupling_model.py", "test_crossbridge_model.py", "test_fatigue_model.py"],
    "coupling": ["test_coupling_model.py"],
    "crossbridge": ["test_crossbridge_model.py"],
    "twitch": ["test_twitch_model.py"],
    "length_speed": ["test_length_speed_model.py", "test_fatigue_model.py"],
    "motor_units": ["test_motor_units_model.py"],
    "fatigue": ["test_fatigue_model.py"],
    "nerve": ["test_nerve_model.py"],
    "membrane": ["test_membrane_model.py"],
    "generator": ["test_generator_model.py"],
}
# The mutations that can stand for a physiological error; cosmic-ray's others (bit shifts, floor division,
# identity tests, exception types, decorators) make code no physiologist would write.
EXCLUDED_OPERATORS = [
    r"core/ReplaceBinaryOperator_.*_(FloorDiv|Mod|RShift|LShift|BitOr|BitAnd|BitXor)$",
    r"core/ReplaceBinaryOperator_(FloorDiv|Mod|RShift|LShift|BitOr|BitAnd|BitXor)_.*",
    r"core/ReplaceBinaryOperator_Add_(Div|Pow)$",
    r"core/ReplaceBinaryOperator_Sub_(Div|Pow|Mul)$",
    r"core/ReplaceBinaryOperator_Mul_(Add|Sub|Pow)$",
    r"core/ReplaceBinaryOperator_Div_(Add|Sub|Pow)$",
    r"core/ReplaceBinaryOperator_Pow_(Add|Sub|Div)$",
    r"core/ReplaceComparisonOperator_.*_(Is|IsNot)$",
    r"core/ReplaceComparisonOperator_(Is|IsNot)_.*",
    r"core/ReplaceComparisonOperator_(Lt|LtE|Gt|GtE)_(Eq|NotEq)$",
    r"core/ReplaceComparisonOperator_(Eq|NotEq)_(Lt|LtE|Gt|GtE)$",
    r"core/ReplaceUnaryOperator_.*(Invert|Not)$",
    r"core/ReplaceUnaryOperator_Invert.*",
    r"core/(ExceptionReplacer|RemoveDecorator|VariableReplacer|VariableInserter)$",
    r"core/(ReplaceBreakWithContinue|ReplaceContinueWithBreak)$",
]
TIMEOUT_S = 120.0  # a mutant whose tests run longer (a loop that never ends) counts as caught


def cosmic_ray(tool: str) -> str:
    found = shutil.which(tool, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"mutation: {tool} is not installed: make mutation installs requirements-mutation.txt")
    return found


def prepare(module: str) -> Path:
    """A copy of the sources for one module's mutants, and its cosmic-ray configuration."""
    tree = WORK / module
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(REPO / PACKAGE, tree / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "tests", tree / "tests", ignore=shutil.ignore_patterns("__pycache__", "mutation"))
    shutil.copytree(REPO / "bookkit", tree / "bookkit", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tree / "pyproject.toml")
    tests = " ".join(f"tests/{name}" for name in TESTS[module])
    config = {
        "cosmic-ray": {
            "module-path": str(PACKAGE / f"{module}.py"),
            "timeout": TIMEOUT_S,
            "excluded-modules": [],
            # the copy's own package first: the installed book (editable) points at the checkout
            "test-command": f"{sys.executable} -m pytest -x -q -p no:cacheprovider -p no:randomly {tests}",
            "distributor": {"name": "local"},
            "filters": {"operators-filter": {"exclude-operators": EXCLUDED_OPERATORS}},
        }
    }
    import toml  # cosmic-ray's own dependency

    (tree / "cosmic-ray.toml").write_text(toml.dumps(config), encoding="utf-8")
    return tree


def same_code(path: Path) -> str:
    """The code of a module with its positions, without comments: what the mutants' positions depend on."""
    return ast.dump(ast.parse(path.read_text(encoding="utf-8")), include_attributes=True)


def forget_survivors(module: str) -> None:
    """Drop the survivors' results from the last run, so that ``cosmic-ray exec`` runs just them again."""
    database = WORK / f"{module}.sqlite"
    mutated = WORK / module / PACKAGE / f"{module}.py"
    if not database.is_file() or not mutated.is_file():
        raise SystemExit(f"mutation --survivors: no earlier run of {module} in {WORK}")
    if same_code(mutated) != same_code(REPO / PACKAGE / f"{module}.py"):
        raise SystemExit(f"mutation --survivors: {PACKAGE / module}.py changed since the last run: run it afresh")
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'")


def run_module(module: str, survivors: bool = False) -> tuple[str, float]:
    database = WORK / f"{module}.sqlite"
    if survivors:
        forget_survivors(module)
    tree = prepare(module)
    started = time.monotonic()
    env = {"PYTHONPATH": f"{tree}:{tree / 'book'}", "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    commands = [[cosmic_ray("cosmic-ray"), "exec", "cosmic-ray.toml", str(database)]]
    if not survivors:
        database.unlink(missing_ok=True)
        commands[:0] = [
            [cosmic_ray("cosmic-ray"), "init", "cosmic-ray.toml", str(database)],
            [cosmic_ray("cr-filter-operators"), str(database), "cosmic-ray.toml"],
        ]
    for command in commands:
        subprocess.run(command, cwd=tree, env=env, check=True, capture_output=True, text=True)
    seconds = time.monotonic() - started
    timing = WORK / f"{module}.minutes"  # the run's minutes (a survivors' run adds its own)
    earlier = float(timing.read_text()) if survivors and timing.is_file() else 0.0
    timing.write_text(f"{earlier + seconds / 60:.2f}\n")
    return module, seconds


@dataclass(frozen=True)
class Mutant:
    module: str
    line_number: int
    line: str
    operator: str
    outcome: str  # killed, survived or incompetent (the mutant does not run: counted as caught)

    @property
    def kind(self) -> str:
        """The mutation, short: NumberReplacer, Add_Sub, Lt_LtE, ..."""
        name = self.operator.removeprefix("core/")
        return re.sub(r"^Replace(BinaryOperator|ComparisonOperator|UnaryOperator)_", "", name)


def results(module: str) -> list[Mutant]:
    dump = subprocess.run(
        [cosmic_ray("cosmic-ray"), "dump", str(WORK / f"{module}.sqlite")], capture_output=True, text=True, check=True
    ).stdout
    source = (REPO / PACKAGE / f"{module}.py").read_text(encoding="utf-8").splitlines()
    found = []
    for raw in dump.splitlines():
        item, result = json.loads(raw)
        if not result or result.get("worker_outcome") != "normal":
            continue  # filtered operators (skipped)
        mutation = item["mutations"][0]
        line_number = mutation["start_pos"][0]
        outcome = result.get("test_outcome")
        found.append(Mutant(module, line_number, source[line_number - 1].strip(), mutation["operator_name"], outcome))
    return found


def accepted() -> list[dict]:
    if not ACCEPTED.is_file():
        return []
    entries = yaml.safe_load(ACCEPTED.read_text(encoding="utf-8")) or []
    for n, entry in enumerate(entries, start=1):
        missing = {"module", "line", "kinds", "category", "reason"} - set(entry)
        if missing:
            raise SystemExit(f"{ACCEPTED}: entry {n} lacks {sorted(missing)}")
        if entry["category"] not in ("equivalent", "illustrative"):
            raise SystemExit(f"{ACCEPTED}: entry {n}: category must be equivalent or illustrative")
    return entries


ILLUSTRATIVE_COMMENT = re.compile(r"#(?P<comment>.*\billustrative\b.*)$")


def reason_for(mutant: Mutant, entries: list[dict]) -> dict | None:
    """The accepted entry that explains a survivor; a number moved on a line whose own comment calls the value
    illustrative is explained by that comment."""
    for entry in entries:
        same_line = entry["module"] == mutant.module and entry["line"].strip() == mutant.line
        if same_line and (entry["kinds"] == "any" or mutant.kind in entry["kinds"]):
            return entry
    documented = ILLUSTRATIVE_COMMENT.search(mutant.line)
    if mutant.kind == "NumberReplacer" and documented:
        return {"category": "illustrative", "reason": f"documented in the source: {documented['comment'].strip()}"}
    return None


def report(mutants: list[Mutant], modules: list[str]) -> int:
    entries = accepted()
    caught = [m for m in mutants if m.outcome in ("killed", "incompetent")]
    survivors = [m for m in mutants if m.outcome == "survived"]
    explained = [(m, reason_for(m, entries)) for m in survivors]
    equivalent = [m for m, e in explained if e and e["category"] == "equivalent"]
    illustrative = [m for m, e in explained if e and e["category"] == "illustrative"]
    unexplained = [m for m, e in explained if e is None]
    meaningful = len(mutants) - len(equivalent)
    lines = [
        "# Mutation testing of the models",
        "",
        "Made by `make mutation` (`scripts/mutation.py`, cosmic-ray); do not edit by hand. Modules: "
        + ", ".join(f"`{m}`" for m in modules)
        + f". Run time: {minutes(modules):.0f} min of module runs, two at a time on two cores.",
        "",
        "| | mutants |",
        "| --- | ---: |",
        f"| made and run | {len(mutants)} |",
        f"| caught by a test | {len(caught)} |",
        f"| survived, equivalent (no behaviour changed) | {len(equivalent)} |",
        f"| survived, a nudge of an illustrative constant | {len(illustrative)} |",
        f"| survived, unexplained | {len(unexplained)} |",
        "",
        f"**Score: {len(caught)} of {meaningful} non-equivalent mutants caught "
        f"({100 * len(caught) / max(meaningful, 1):.1f} %).**",
        "",
        "## Every survivor",
        "",
        "| module | line | mutation | why it may survive |",
        "| --- | ---: | --- | --- |",
    ]
    for mutant, entry in sorted(explained, key=lambda pair: (pair[0].module, pair[0].line_number, pair[0].kind)):
        why = f"{entry['category']}: {entry['reason']}" if entry else "**UNEXPLAINED: a test is missing**"
        code = mutant.line.replace("|", "\\|")
        lines.append(f"| {mutant.module} | {mutant.line_number} `{code}` | {mutant.kind} | {why} |")
    used = [entry for _, entry in explained if entry]
    stale = [e for e in entries if e["module"] in modules and not any(e is u for u in used)]
    if stale:
        lines += ["", "## Accepted entries no survivor needs (remove them from accepted.yaml)", ""]
        lines += [f"- {e['module']}: `{e['line']}` ({e['kinds']})" for e in stale]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(caught)} of {meaningful} non-equivalent mutants caught; {len(unexplained)} unexplained; see {REPORT}")
    return 1 if unexplained else 0


def minutes(modules: list[str]) -> float:
    """Minutes the modules' last runs took (with any survivors' runs after them)."""
    files = [WORK / f"{module}.minutes" for module in modules]
    return sum(float(f.read_text()) for f in files if f.is_file())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"some of {', '.join(TESTS)} (default: all)")
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from the last run")
    parser.add_argument("--survivors", action="store_true", help="run only the last run's survivors again")
    args = parser.parse_args(argv)
    unknown = set(args.modules) - set(TESTS)
    if unknown:
        parser.error(f"not a model module: {', '.join(sorted(unknown))}")
    modules = args.modules or list(TESTS)
    if not args.report_only:
        WORK.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=2) as pool:  # one module per core
            for module, seconds in pool.map(lambda m: run_module(m, args.survivors), modules):
                print(f"{module}: {seconds / 60:.1f} min", flush=True)
    mutants = [m for module in modules for m in results(module)]
    return report(mutants, modules)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
