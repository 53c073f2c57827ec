"""Keep pages free of dead scripts: sphinx-thebe's assets (thebe is off) and repeated scripts.

Jupyter Book always loads sphinx-thebe; its inline script is added twice and the second copy
throws "Identifier 'THEBE_JS_URL' has already been declared" in every page's console.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def clean_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Drop thebe's scripts and stylesheet, and any script that repeats an earlier one."""
    seen, kept = set(), []
    for script in context.get("script_files", []):
        body = script.attributes.get("body", "")
        if "THEBE_JS_URL" in body or (script.filename or "").endswith("sphinx-thebe.js"):
            continue
        key = (script.filename or "", tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    context["script_files"][:] = kept  # the builder's lists, restored after each page
    context["css_files"][:] = [css for css in context.get("css_files", [])
                               if not (css.filename or "").endswith("sphinx-thebe.css")]


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", clean_assets, priority=900)
