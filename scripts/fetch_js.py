"""Fetch, at pinned versions and checked against SHA-256 sums, the JavaScript the book does not write itself.

- reveal.js (core only: its themes load web fonts), which the lecture slides load from the book's
  own ``_static`` folder: copied into ``book/vendor/`` (not tracked by git);
- axe-core, which the browser tests inject into pages (never served with the book): into ``.tools/``.

Both come from the npm registry with ``npm pack``; nothing is fetched when the reader opens a page.
The explorers and self-checks need no library: ``book/_assets/explorer.js`` is the book's own.
Run by ``make setup``; a second run with the files in place does nothing.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEST = REPO / "book" / "vendor"
# package spec -> {path inside the package tarball: (sha256, [paths relative to DEST])}
FILES = {
    "reveal.js@5.1.0": {
        "package/dist/reveal.js": (
            "9736bf3d8918e391e8c07c85c53773800d4004dc25f948916e319ca371ca881a",
            ["reveal/reveal.js"],
        ),
        "package/dist/reveal.css": (
            "9cbc5082797d938f0ee780328790a131ae3d7bc5c09c176e77927c174f29e60a",
            ["reveal/reveal.css"],
        ),
    },
    "axe-core@4.14.1": {
        "package/axe.min.js": (
            "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c",
            ["../../.tools/axe.min.js"],
        ),
    },
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def up_to_date() -> bool:
    return all(
        (DEST / name).is_file() and sha256(DEST / name) == digest
        for members in FILES.values()
        for digest, names in members.values()
        for name in names
    )


def fetch() -> None:
    DEST.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for spec, members in FILES.items():
            out = (
                subprocess.run(["npm", "pack", "--silent", spec], cwd=tmp, check=True, capture_output=True, text=True)
                .stdout.strip()
                .splitlines()[-1]
            )
            with tarfile.open(Path(tmp) / out) as tar:
                for member, (digest, names) in members.items():
                    data = tar.extractfile(member).read()
                    got = hashlib.sha256(data).hexdigest()
                    if got != digest:
                        sys.exit(f"fetch_js: {spec} {member}: sha256 {got} != pinned {digest}")
                    for name in names:
                        target = (DEST / name).resolve()
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(data)


if __name__ == "__main__":
    if not up_to_date():
        fetch()
    if not up_to_date():
        sys.exit("fetch_js: fetched files do not match the pinned checksums")
    print("reveal.js ready in book/vendor, axe-core in .tools")
