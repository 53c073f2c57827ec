"""Append a "Cite this page" section to every page: BibTeX, APA 7 and GB/T 7714-2015."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from gwr.book.citation import ACCESS_SLOT, CITATION_FILE, apa, bibtex, gbt7714, read_edition

SECTION_ID = "cite-this-page"
# Pages that cite the whole edition instead of themselves.
EDITION_PAGES = {"book/how-to-cite"}


def _page_title(doctree: nodes.document) -> str:
    section = next(iter(doctree.findall(nodes.section)), None)
    return section[0].astext() if section is not None else ""


def _labels(doctree: nodes.document) -> list[tuple[str, str]]:
    """(kind, label) of each named figure and table, in page order."""
    found = []
    for node in doctree.findall(lambda n: isinstance(n, nodes.figure | nodes.table)):
        for name in node.get("names", []):
            found.append(("Figure" if isinstance(node, nodes.figure) else "Table", name))
    return found


def _numref(name: str, docname: str) -> addnodes.pending_xref:
    return addnodes.pending_xref("", nodes.inline(name, name), refdomain="std", reftype="numref",
                                 reftarget=name, refexplicit=False, refwarn=True,
                                 refdoc=docname)


def cite_section(title: str, docname: str, labels: list[tuple[str, str]]) -> nodes.section:
    """The docutils section holding the three citation forms of one page."""
    edition = read_edition()
    section = nodes.section(ids=[SECTION_ID], names=["cite this page"],
                            classes=["cite-this-page"])
    section += nodes.title("", "Cite this page")
    section += nodes.paragraph("", (
        f"This page is part of {edition.title}, version {edition.version}, released "
        f"{edition.released.isoformat()}. Cite the version you read: later versions may change "
        "the text, the numbers of figures and tables, and the data, but page addresses and labels "
        "stay."))
    section += nodes.rubric("", "BibTeX")
    section += nodes.literal_block("", bibtex(edition, title, docname), language="bibtex")
    section += nodes.rubric("", "APA 7")
    section += nodes.raw("", f'<p class="citation-apa">{apa(edition, title, docname, html=True)}'
                             "</p>", format="html")
    section += nodes.rubric("", "GB/T 7714-2015")
    gbt = nodes.paragraph("", gbt7714(edition, title, docname), classes=["citation-gbt"])
    section += gbt
    section += nodes.paragraph("", f"Replace {ACCESS_SLOT} with the date you read the page "
                                   "(YYYY-MM-DD).")
    if labels:
        para = nodes.paragraph("", "To cite a figure or table, give its number and this page, "
                                   "and its label, which never changes: ")
        for i, (_kind, name) in enumerate(labels):
            if i:
                para += nodes.Text("; ")
            para += _numref(name, docname)
            para += nodes.Text(" (")
            para += nodes.literal(name, name)
            para += nodes.Text(")")
        para += nodes.Text(".")
        section += para
    return section


class CiteEdition(SphinxDirective):
    """``{cite-edition}``: the whole edition in the three forms."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(CITATION_FILE))
        edition = read_edition()
        return [
            nodes.rubric("", "BibTeX"),
            nodes.literal_block("", bibtex(edition), language="bibtex"),
            nodes.rubric("", "APA 7"),
            nodes.raw("", f'<p class="citation-apa">{apa(edition, html=True)}</p>',
                      format="html"),
            nodes.rubric("", "GB/T 7714-2015"),
            nodes.paragraph("", gbt7714(edition), classes=["citation-gbt"]),
        ]


def _append(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    title = _page_title(doctree)
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None or docname in EDITION_PAGES:
        return
    top += cite_section(title, docname, _labels(doctree))


def setup(app: Sphinx) -> None:
    app.add_directive("cite-edition", CiteEdition)
    # Before the table-of-contents collector, so the section shows in the page contents.
    app.connect("doctree-read", _append, priority=400)
