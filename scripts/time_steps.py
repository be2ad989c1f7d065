"""Does a halved time step change a number the prose states? Run each chapter's code at its models' steps and again
at half of them, and compare every number the prose prints.

    python scripts/time_steps.py [chapter ...]

Each chapter notebook's code cells run in this process (IPython's magics skipped), once as they are and once with
``DT_MS`` of every model module halved (the modules' memoised results cleared in between). Every value the prose
reads, a ``musclebook.prose.Shown`` in the notebook's namespace, is compared as the prose prints it: a number may
move by its last printed digit (a value on a rounding boundary), not by more. The script prints one line per
chapter and every number whose printed form changes; it exits 1 if one moves by more than its printed precision.
``tests/test_time_steps.py`` runs it.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
MODELS = ("coupling", "crossbridge", "twitch", "motor_units", "fatigue", "emg", "generator")
MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)


def modules():
    return [importlib.import_module(f"musclebook.{name}") for name in MODELS]


def clear_caches() -> None:
    for module in list(sys.modules.values()):
        if module is None or not getattr(module, "__name__", "").startswith("musclebook"):
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def precision(printed: str) -> float:
    """The last printed digit's place: 0.1 for "151.2", 1 for "36"."""
    decimals = printed.partition(".")[2]
    return 10.0 ** -len(decimals)


def prose_numbers(notebook: Path) -> dict[str, str]:
    """Run the notebook's code; return every Shown value of its namespace as the prose prints it."""
    from musclebook.prose import Shown

    namespace: dict = {"__name__": "__chapter__"}
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in cells:
            if cell["cell_type"] == "code":
                exec(MAGIC.sub(r"\1pass", "".join(cell["source"])), namespace)  # noqa: S102 - the book's own code
    return {name: repr(value) for name, value in namespace.items() if isinstance(value, Shown)}


def main(chapters: list[str]) -> int:
    sys.path[:0] = [str(BOOK), str(REPO)]
    steps = {m.__name__: m.DT_MS for m in modules()}
    changed = 0  # numbers that move by more than their printed precision
    for notebook in sorted(BOOK.glob("*.ipynb")):
        if chapters and notebook.stem not in chapters:
            continue
        clear_caches()
        at_step = prose_numbers(notebook)
        for module in modules():
            module.DT_MS = steps[module.__name__] / 2
        clear_caches()
        try:
            at_half = prose_numbers(notebook)
        finally:
            for module in modules():
                module.DT_MS = steps[module.__name__]
            clear_caches()
        moved = {k: (at_step[k], at_half.get(k)) for k in at_step if at_half.get(k) != at_step[k]}
        print(f"{notebook.stem}: {len(at_step)} numbers, {len(moved)} changed by a halved step")
        for name, (before, after) in sorted(moved.items()):
            step = precision(before)
            beyond = after is None or abs(float(after.replace(",", "")) - float(before.replace(",", ""))) > 1.001 * step
            changed += beyond
            print(f"    {name}: {before} -> {after}" + ("  MORE THAN ITS PRINTED PRECISION" if beyond else ""))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
