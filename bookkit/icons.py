"""The theme's icons without the theme's icon script.

pydata-sphinx-theme loads Font Awesome as a 1.5 MB script that parses on every page and replaces
each ``<i class="fa-solid fa-...">`` with an SVG. The book shows about twenty icons, so the build
draws them with one small style sheet instead: for every icon class used in the built pages, a
CSS mask made from the same icon's outline, taken from the theme's own copy of Font Awesome Free
(icons CC BY 4.0, https://fontawesome.com/license/free). Nothing is downloaded.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

# style classes of Font Awesome that are not icons
NOT_ICONS = {
    "fa",
    "fas",
    "far",
    "fab",
    "fa-solid",
    "fa-regular",
    "fa-brands",
    "fa-lg",
    "fa-fw",
    "fa-2x",
    "fa-xs",
    "fa-sm",
    "fa-xl",
}
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
# how a pack is registered in the script: d("fas",p),d("fa-solid",p)
PACK_END = re.compile(r'\(function\(\)\{d\("(fab|far|fas)",')
# one icon: name:[width,height,[aliases],"unicode","path"] (duotone icons give two paths)
ICON = re.compile(
    r'(?:"([a-z0-9-]+)"|([a-z0-9]+)):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+",(?:"([^"]+)"|\["[^"]*","([^"]+)"\])\]'
)
PACKS = {
    "fas": "solid",
    "fa-solid": "solid",
    "far": "regular",
    "fa-regular": "regular",
    "fab": "brands",
    "fa-brands": "brands",
}


def icon_outlines(script: str) -> dict[str, dict[str, tuple[int, int, str]]]:
    """Per pack ('solid', 'regular', 'brands'), icon name -> (width, height, SVG path)."""
    packs, start = {}, 0
    for end in PACK_END.finditer(script):
        pack = {"fab": "brands", "far": "regular", "fas": "solid"}[end.group(1)]
        packs[pack] = {
            (m.group(1) or m.group(2)): (int(m.group(3)), int(m.group(4)), m.group(5) or m.group(6))
            for m in ICON.finditer(script, start, end.start())
        }
        start = end.end()
    return packs


def used_icons(html_files) -> set[tuple[str, str]]:
    """(pack, icon name) for every Font Awesome icon in the given pages."""
    used = set()
    for path in html_files:
        for classes in CLASS_ATTRIBUTE.findall(Path(path).read_text(encoding="utf-8")):
            names = classes.split()
            if not any(n.startswith("fa-") for n in names):
                continue
            pack = next((PACKS[n] for n in names if n in PACKS), "solid")
            used |= {(pack, n.removeprefix("fa-")) for n in names if n.startswith("fa-") and n not in NOT_ICONS}
    return used


# the icon after each kind of admonition's title, as the theme and sphinx-exercise choose it (their style sheets
# draw it with a 157 kB icon font, downloaded by every page with an admonition): class -> Font Awesome icon
ADMONITION_ICONS = {
    "admonition": "bell",
    "note": "circle-info",
    "attention": "circle-exclamation",
    "important": "circle-exclamation",
    "caution": "triangle-exclamation",
    "warning": "triangle-exclamation",
    "danger": "triangle-exclamation",
    "error": "circle-xmark",
    "hint": "lightbulb",
    "tip": "lightbulb",
    "seealso": "share",
    "admonition-todo": "pencil",
    "exercise": "pencil",
}


def _mask(width: int, height: int, path: str) -> str:
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
    return f'url("data:image/svg+xml,{quote(svg)}")'


def admonition_css(script: str) -> str:
    """CSS that draws the admonitions' title icons as masks, in their colours, instead of with the icon font."""
    solid = icon_outlines(script)["solid"]
    rules = [
        ".admonition > .admonition-title::after, div.admonition > .admonition-title::after, "
        "div.exercise p.admonition-title::after { content: '' !important; font: inherit !important; "
        "background-color: currentColor; -webkit-mask: var(--mb-admonition-icon) center / contain no-repeat; "
        "mask: var(--mb-admonition-icon) center / contain no-repeat; }",
        "div.solution p.admonition-title::after { content: none !important; }",
    ]
    for css_class, name in ADMONITION_ICONS.items():
        selector = (
            "div.exercise"
            if css_class == "exercise"
            else f".admonition{'' if css_class == 'admonition' else '.' + css_class}"
        )
        rules.append(f"{selector} {{ --mb-admonition-icon: {_mask(*solid[name])}; }}")
    return "\n".join(rules) + "\n"


def icon_css(script: str, used: set[tuple[str, str]]) -> str:
    """CSS that draws each used icon in the text colour, sized as Font Awesome sizes it."""
    outlines = icon_outlines(script)
    rules = [
        "/* Icons: Font Awesome Free 6 by Fonticons, Inc., CC BY 4.0 (https://fontawesome.com/license/free);",
        "   outlines from the copy in pydata-sphinx-theme, drawn as CSS masks by bookkit/icons.py. */",
        # the theme's style sheet would draw them with its icon fonts: not needed, so never downloaded
        ".fa-solid, .fas, .fa-regular, .far, .fa-brands, .fab { display: inline-block; line-height: 1; "
        "font-family: inherit; font-weight: inherit; }",
        ".fa-lg { font-size: 1.25em; vertical-align: -0.075em; }",
    ]
    missing = []
    for pack, name in sorted(used):
        if name not in outlines.get(pack, {}):
            missing.append(f"fa-{name} ({pack})")
            continue
        width, height, path = outlines[pack][name]
        svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
        selector = {"solid": ".fa-solid, .fas", "regular": ".fa-regular, .far", "brands": ".fa-brands, .fab"}[pack]
        selector = ", ".join(f"{s.strip()}.fa-{name}::before" for s in selector.split(","))
        rules.append(
            f"{selector} {{ content: ''; display: inline-block; width: {width / height:.4f}em; height: 1em; "
            f"vertical-align: -0.125em; background-color: currentColor; "
            f'-webkit-mask: url("data:image/svg+xml,{quote(svg)}") center / contain no-repeat; '
            f'mask: url("data:image/svg+xml,{quote(svg)}") center / contain no-repeat; }}'
        )
    if missing:
        raise ValueError(f"icons used by the pages but not in the theme's Font Awesome: {', '.join(missing)}")
    return "\n".join(rules) + "\n"
