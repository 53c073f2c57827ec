"""A page that cites a bibliography depends on its .bib files: when one changes, the page is read
again, so that its citation labels (author, year, 2020a …) follow the references list.

sphinxcontrib-bibtex rewrites the references page but not the pages that cite it.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx


def cites(doctree: nodes.document) -> bool:
    """Whether the page holds a citation of sphinxcontrib-bibtex ({cite:p}, {cite:t} …)."""
    return any(node.get("refdomain") == "cite" for node in doctree.findall(addnodes.pending_xref))


def _note(app: Sphinx, doctree: nodes.document) -> None:
    if cites(doctree):
        for name in app.config.bibtex_bibfiles:
            app.env.note_dependency(str(Path(app.srcdir, name)))


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _note)
