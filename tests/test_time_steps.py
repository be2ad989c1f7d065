"""A halved time step changes no number the prose states by more than its printed precision (scripts/time_steps.py:
each chapter's code run at its models' steps and at half of them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_no_number_of_the_prose_moves_with_a_halved_time_step():
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "time_steps.py")], cwd=REPO, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("changed by a halved step") == len(list((REPO / "book").glob("*.ipynb")))
