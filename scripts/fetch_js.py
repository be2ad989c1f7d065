"""Fetch, at pinned versions and checked against SHA-256 sums, the JavaScript the book does not write itself.

- reveal.js (core only: its themes load web fonts), which the lecture slides load from the book's
  own ``_static`` folder: copied into ``book/vendor/`` (not tracked by git);
- axe-core, which the browser tests inject into pages (never served with the book): into ``.tools/``;
- KaTeX, which typesets the book's equations while the book is built (``bookkit/katex.py`` runs its
  ``katex.min.js`` with Node, from ``.tools/``, never served), and its style sheet and fonts, into
  ``book/vendor/katex/``: the pages with an equation load the style sheet, and the fonts cut to the characters
  the equations draw (a page fetches only the fonts it uses).

All come from the npm registry with ``npm pack``; nothing is fetched when the reader opens a page.
The explorers, self-checks and equations need no script in the page: ``book/_assets/explorer.js`` is the book's own.
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
# KaTeX's fonts, as TrueType: bookkit.katex cuts each to the characters of the book's equations while the book is
# built and serves that as WOFF (fontTools reads and writes WOFF2 only with the brotli module, which the book
# does not install); the full fonts are never served
KATEX_FONTS = {
    "AMS-Regular": "68534840bcfdd2bffb6f0e8deb48684dd01e7f04ea2813267577afb906de1d13",
    "Caligraphic-Bold": "07d8e303ce4fc12b4bb54f1004170dd190a1f3db45d400fe68060df3e0897268",
    "Caligraphic-Regular": "ed0b74372feefcbb9c0666b2e210da37b7e49fa7fbbf3eeb11db5f693dacfbb7",
    "Fraktur-Bold": "9163df9c7122432e6495b4229fa9071cf9ae86a758ae5efc4924ec2e1a6dbce1",
    "Fraktur-Regular": "1e6f9579e90e2cac37f8f60a597c436e075c114385652b7cbeb0dec0421291b3",
    "Main-Bold": "138ac28d1663b3037e9c5f52371fa5c63d8324f4a38d22cd573e6ea3a3fd0cf8",
    "Main-BoldItalic": "70ee1f64a20f2048c21940ef46d0144fd215baa953ca69afd1e31e98544f708f",
    "Main-Italic": "0d85ae7cc30f23790a7f1a58c4a112fdca8aae769b6ba11429af1d98b1b6cb3a",
    "Main-Regular": "d0332f52868370fd83ae7fa46470f90c8f2eab2fcf12bc4f88080b340c95a830",
    "Math-BoldItalic": "f9377ab0271cda59af24bcffbd46a4d0c8a3572ffafdbb38de2ad5ea7b0d5ee5",
    "Math-Italic": "08ce98e51b04d58945a301e639e02b6998af29fdfd61a7b8afdd07bbfc479d4a",
    "SansSerif-Bold": "1ece03f79f95277d57dc7f6b435a74e1379b0d46104a8530286b60ff49369ea0",
    "SansSerif-Italic": "3931dd81faed86ba021bb2bbdc36f5bed9a38d6b4f4077aca59b265aa1b02083",
    "SansSerif-Regular": "f36ea897e19f4a2e571d1e900e4e3710e438deb05a842486045ba0a3e616a4ad",
    "Script-Regular": "1c67f068fea8bb09bf099c088b1cf64bd27516a6e07f4684344873564bb66a67",
    "Size1-Regular": "95b6d2f1a50173bfedb8c63e1d1c99b10427d0a4df4201cb44513b226951a22b",
    "Size2-Regular": "a6b2099fb555c60e3a0db3a08842ebf1d732c6eb4e4bf44913613bed4fc4e39b",
    "Size3-Regular": "500e04d54f0d51666332c9d2089aa803be22aa878eca539e59fa53c6e522b082",
    "Size4-Regular": "c647367d1dd4e162468717d020e1fc0f1dc5c26ebfdffbe55261713bf88c5877",
    "Typewriter-Regular": "f01f3e87d9c6a61c0c081ceb577abd864eb00a612f7ac1620dd6915fad2ef5aa",
}
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
    "katex@0.19.1": {
        "package/dist/katex.min.js": (
            "fa140498b8cfc8302cbe5e7cb1bdbc1f952bc38b3fa258ede09e73edbf9a74bc",
            ["../../.tools/katex.min.js"],
        ),
        "package/dist/katex-swap.min.css": (  # font-display: swap, so that text never waits for a font
            "bb6da34e175803db5fcc5cb9eadc74c6188fca652de8d6c1d3d9aafb403e8366",
            ["katex/katex.min.css"],
        ),
        **{
            f"package/dist/fonts/KaTeX_{font}.ttf": (digest, [f"katex/fonts/KaTeX_{font}.ttf"])
            for font, digest in KATEX_FONTS.items()
        },
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
    print("reveal.js and KaTeX's style sheet and fonts ready in book/vendor; axe-core and KaTeX in .tools")
