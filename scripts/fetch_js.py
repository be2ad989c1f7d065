"""Fetch, at pinned versions and checked against SHA-256 sums, the JavaScript the book does not write itself.

- reveal.js (core only: its themes load web fonts), which the lecture slides load from the book's
  own ``_static`` folder: copied into ``book/vendor/`` (not tracked by git);
- axe-core, which the browser tests inject into pages (never served with the book): into ``.tools/``;
- KaTeX, which typesets the book's equations while the book is built (``bookkit/katex.py`` runs its
  ``katex.min.js`` with Node, from ``.tools/``, never served), and its style sheet and WOFF2 fonts, which
  the pages with an equation load from ``book/vendor/katex/`` (a page fetches only the fonts it uses).

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
# KaTeX's fonts in WOFF2, which every browser the book supports reads (the style sheet's WOFF and TrueType
# fallbacks are never fetched, and bookkit.katex drops them from the served copy)
KATEX_FONTS = {
    "AMS-Regular": "0cdd387c9590a1a9f9794560022dbb59654a7d86f187aa0c81495ad42d3a7308",
    "Caligraphic-Bold": "de7701e42cf1f4cf0b766c03fb27977207eee2f4fd5d76fa82188406da43ea4c",
    "Caligraphic-Regular": "5d53e70ad607c2352162dec9e0923fb54ecdafaccbf604cd8dcf7d00facb989b",
    "Fraktur-Bold": "74444efd593c005e3f4573b44524704c0af0a937fe911cca9e94068d0d140d3f",
    "Fraktur-Regular": "51814d270d06ff0255dba0799994fa4d8c84d11f09951d47595f4abb1f3602dc",
    "Main-Bold": "0f60d1b897938ec918c8ce073092411baf9438f6739465693ff18b0f9d20b021",
    "Main-BoldItalic": "99cd42a3c072d918f2f44984a807cf7aa16e13545fd0875fc07c6c65f99e715b",
    "Main-Italic": "97479ca6cce906abc961ecac96faa5f9ca2e61b8e7670d475826bcdee9a7c267",
    "Main-Regular": "c2342cd8b869e01752a9321dc17213fc40d4d04c79688c1d43f2cf316abd7866",
    "Math-BoldItalic": "dc47344dbb6cb5b655c8460d561f4df5f501b90c804ad3c6cec65fe322351ab1",
    "Math-Italic": "7af58c5ec8f132a2ddde9027c6d7814decce4d3b822a11192a42a20e2e973264",
    "SansSerif-Bold": "e99ae51144bf1232efcc1bfe5add36262c6866b0faab24fa75740e1b98577a62",
    "SansSerif-Italic": "00b26ac825e2095056396e0553b8ac26d3f8ad158c3826e28b4c45b385c4714a",
    "SansSerif-Regular": "68e8c73ef42afd3ccec58bf0fba302cce448938e7fc020a5e31f8a952eee1342",
    "Script-Regular": "036d4e95149b69ff9bcc0cd55771efeb25ffa3947293e69acd78d5ac328c684b",
    "Size1-Regular": "6b47c40166b6dbe21a5dfca7718413f2147fd2399be1ba605d8ad39cedf25dfe",
    "Size2-Regular": "d04c54219f9eaec6d4d4fd42dfb28785975a4794d6b2fc71e566b9cd6db842dd",
    "Size3-Regular": "73d591271b1604960cb10bb90fee021670af7297017e0e98480b332d11f51995",
    "Size4-Regular": "a4af7d414440a1c1790825cfb700cf9cf43b0f2c4b04f0ebc523011ad9853ec0",
    "Typewriter-Regular": "71d517d67827787cfabdf186914cc3358eda539e37931941f2b2fd4a21f68c0b",
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
            f"package/dist/fonts/KaTeX_{font}.woff2": (digest, [f"katex/fonts/KaTeX_{font}.woff2"])
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
