"""Fetch the JavaScript the book serves itself (no CDN at read time) and the test tools' JavaScript.

The built pages load ``require.js`` and ``embed-amd.js`` (the ipywidgets HTML
manager) from the book's own ``_static`` folder. This script takes them, at the
pinned versions, from the npm registry with ``npm pack``, checks their SHA-256
against the values below and copies them into ``book/widget-js/`` (not tracked
by git), and the widgets' icon fonts into ``book/widget-fonts/``. It also fetches axe-core,
which the browser tests inject into pages (never served with the book), into ``.tools/``. Run by ``make book`` / ``make test``; a second run with the files in
place does nothing.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

BOOK = Path(__file__).resolve().parent.parent / "book"
DEST = BOOK / "widget-js"
# The widget CSS asks for its icon fonts relative to the page (pages live in book/), at two paths
# depending on the widget, so the fonts go to an extra folder copied to the site root.
FONT_DIRS = ("../widget-fonts/book/@jupyter-widgets/html-manager/dist/", "../widget-fonts/book/@jupyter-widgets/")
FONTS = {
    "1551f4f60c37af51121f.woff2": "9834b82ad26e2a37583d22676a12dd2eb0fe7c80356a2114d0db1aa8b3899537",
    "7a3337626410ca2f4071.woff2": "e42a88444448ac3d60549cc7c1ff2c8a9cac721034c073d80a14a44e79730cca",
    "d878b0a6a1144760244f.woff2": "8ea8791754915a898a3100e63e32978a6d1763be6df8e73a39d3a90d691cdeef",
}
# package spec -> {path inside the package tarball: (sha256, [paths relative to DEST])}
FILES = {
    "@jupyter-widgets/html-manager@1.0.6": {
        "package/dist/embed-amd.js": (
            "b129dee93e124bd7cdc2e1a50f3074029f37de34ace5e2a941e345b28c76d06f",
            ["embed-amd.js"],
        ),
        **{f"package/dist/{name}": (digest, [d + name for d in FONT_DIRS]) for name, digest in FONTS.items()},
    },
    "requirejs@2.3.4": {
        "package/require.js": ("ccfb1e9274a64cdefdd28f5f8e83c547f8071e617600f32428b80791ee114cce", ["require.js"]),
    },
    "reveal.js@5.1.0": {  # the slides (scripts/slides.py); its themes load web fonts, so only the core is used
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
    print("widget JavaScript ready in book/widget-js, axe-core in .tools")
