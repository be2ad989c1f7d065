"""Benchmark the contributor's test loop: the fast tier, and each stage of `make test`.

    python benchmarks/loop.py [--skip-test]

Times, on this machine, `make check` (budget 60 s), then the stages of `make test` as its recipe
runs them: lint, a cold strict build from scratch (budget 60 s), a warm no-change rebuild
(budget 10 s), the pytest suite against that build, and the notebooks run live by nbval. The
test time of `make test` is the sum of the stages after installation (budget 300 s on 2 cores).
A benchmark, not a timed test: it prints numbers and budgets, and says when a stage failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAKE = ["make", "--no-print-directory", f"PYTHON={sys.executable}"]
PY = [sys.executable, "-m", "pytest", "-q", "-n", "2"]
STAGES = [
    ("lint", [*MAKE, "lint"], None),
    ("cold build (make book-clean book)", None, 60),
    ("warm no-change rebuild (make book)", [*MAKE, "book"], 10),
    ("pytest against the build", [*PY, "--site", "_build/html", "tests"], None),
    (
        "notebooks live (nbval)",
        [
            *PY,
            "--dist",
            "loadfile",
            "-p",
            "no:cacheprovider",
            "--nbval-lax",
            *sorted(str(p.relative_to(REPO)) for p in (REPO / "book").glob("*.ipynb")),
        ],
        None,
    ),
]


def timed(command: list[str]) -> tuple[float, bool]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if done.returncode:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
    return time.perf_counter() - started, done.returncode == 0


def main(skip_test: bool) -> None:
    took, ok = timed([*MAKE, "check"])
    print(f"make check: {took:.1f} s (budget 60){'' if ok else ' FAILED'}")
    if skip_test:
        return
    total = 0.0
    for name, command, budget in STAGES:
        if command is None:
            subprocess.run([*MAKE, "book-clean"], cwd=REPO, check=True, capture_output=True)
            command = [*MAKE, "book"]
        took, ok = timed(command)
        total += took if not name.startswith("warm") else 0.0
        print(f"{name}: {took:.1f} s{f' (budget {budget})' if budget else ''}{'' if ok else ' FAILED'}")
    print(f"make test, test time (lint, cold build, pytest, nbval): {total:.1f} s (budget 300)")


if __name__ == "__main__":
    main("--skip-test" in sys.argv)
