"""Keep pages free of dead weight: thebe's assets, repeated scripts, unused sphinx-design files.

Jupyter Book always loads sphinx-thebe; its inline script is added twice and the second copy
throws "Identifier 'THEBE_JS_URL' has already been declared" in every page's console. It also
always loads sphinx-design (55 KB of CSS and a tab script), which only pages with a design
element (a class ``sd-…``: cards, tabs, grids, dropdowns) use; the others go without.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

# A class attribute naming a sphinx-design class, e.g. class="sd-card sd-shadow-sm".
_DESIGN_CLASS = re.compile(r'class="(?:[^"]*\s)?sd-[a-z]')
_DESIGN_FILES = ("sphinx-design.min.css", "design-tabs.js")


def uses_design(body: str) -> bool:
    """Whether a page's body holds a sphinx-design element.

    Examples:
        >>> uses_design('<div class="sd-card sd-shadow-sm">'), uses_design('<p class="side">')
        (True, False)
    """
    return bool(_DESIGN_CLASS.search(body))


def _is_design_file(filename: str | None) -> bool:
    name = (filename or "").split("?")[0]
    return name.endswith(_DESIGN_FILES)


def clean_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Drop thebe's scripts and stylesheet, any script that repeats an earlier one, and
    sphinx-design's files where the page has no design element."""
    design = uses_design(context.get("body", ""))
    seen, kept = set(), []
    for script in context.get("script_files", []):
        body = script.attributes.get("body", "")
        if "THEBE_JS_URL" in body or (script.filename or "").endswith("sphinx-thebe.js"):
            continue
        if not design and _is_design_file(script.filename):
            continue
        key = (script.filename or "", tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    context["script_files"][:] = kept  # the builder's lists, restored after each page
    context["css_files"][:] = [css for css in context.get("css_files", [])
                               if not (css.filename or "").endswith("sphinx-thebe.css")
                               and (design or not _is_design_file(css.filename))]


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", clean_assets, priority=900)
