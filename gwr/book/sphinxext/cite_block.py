"""Append a "Cite this page" section to every page: BibTeX, APA 7 and GB/T 7714-2015, each with a
copy button, and links to the page's .bib, .ris and CSL-JSON files (see page_metadata).

The root page cites the whole book; How to cite shows the book's citation with ``{cite-edition}``.
A preview build's forms carry no address (page_metadata.citation_forms).
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from gwr.book.citation import ACCESS_SLOT, CITATION_FILE, read_edition
from gwr.book.sphinxext.page_metadata import (
    EDITION_PAGES,
    PageCitation,
    citation_forms,
    download_links_html,
    is_release,
)

SECTION_ID = "cite-this-page"
# (key in citation_forms, heading, label of the copy button, id of the copied element)
FORMS = (("bibtex", "BibTeX", "Copy BibTeX", "citation-bibtex"),
         ("apa_html", "APA 7", "Copy APA", "citation-apa"),
         ("gbt", "GB/T 7714-2015", "Copy GB/T", "citation-gbt"))


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


def copy_button(label: str, target: str) -> nodes.raw:
    """A button that copies the element ``target`` (book/_static/copy-citation.js).

    ``pst-js-only`` hides it when scripts are off (the theme's class); the status span tells
    screen readers that the copy happened.
    """
    return nodes.raw("", (
        f'<button type="button" class="copy-citation pst-js-only" data-copy-target="{target}">'
        f"{html.escape(label)}</button>"
        '<span class="copy-citation-status" role="status" aria-live="polite"></span>'),
        format="html")


def form_nodes(edition, page: PageCitation, *, release: bool) -> list[nodes.Node]:
    """The three forms, each under its heading with a copy button, and the download links."""
    forms = citation_forms(edition, page, release=release)
    out: list[nodes.Node] = []
    for key, heading, label, target in FORMS:
        box = nodes.container(classes=["citation-form"])
        head = nodes.container(classes=["citation-form-head"])
        head += nodes.rubric("", heading)
        head += copy_button(label, target)
        box += head
        if key == "bibtex":  # raw, so that neither Pygments nor the theme's copy button adds to it
            box += nodes.raw("", f'<pre class="citation-bibtex literal-block" id="{target}">'
                                 f"{html.escape(forms[key], quote=False)}</pre>", format="html")
        elif key == "apa_html":
            box += nodes.raw("", f'<p class="citation-apa" id="{target}">{forms[key]}</p>',
                             format="html")
        else:
            box += nodes.paragraph("", forms[key], ids=[target], classes=["citation-gbt"])
        out.append(box)
    out.append(nodes.raw("", download_links_html(page.docname), format="html"))
    return out


def _preview_note() -> nodes.paragraph:
    para = nodes.paragraph("", "", classes=["citation-preview-note"])
    para += nodes.strong("", "Preview build: ")
    para += nodes.Text("the address of this book is not yet published, so these citations and "
                       "files carry none. The released book's citations give each page's address.")
    return para


def cite_section(title: str, docname: str, labels: list[tuple[str, str]], *,
                 release: bool = True, book: bool = False) -> nodes.section:
    """The docutils section holding the three citation forms of one page (or of the book)."""
    edition = read_edition()
    page = PageCitation(docname, None if book else title, "book" if book else "page")
    section = nodes.section(ids=[SECTION_ID], names=["cite this page"],
                            classes=["cite-this-page"])
    section += nodes.title("", "Cite this page")
    opening = (f"This page opens {edition.title}, version {edition.version}, released "
               f"{edition.released.isoformat()}; cite the book as below." if book else
               f"This page is part of {edition.title}, version {edition.version}, released "
               f"{edition.released.isoformat()}.")
    section += nodes.paragraph("", opening + (
        " Cite the version you read: later versions may change the text, the numbers of figures "
        "and tables, and the data, but page addresses and labels stay."))
    if not release:
        section += _preview_note()
    section += form_nodes(edition, page, release=release)
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
    """``{cite-edition}``: the whole edition in the three forms, with copy buttons and files."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(CITATION_FILE))
        release = is_release(self.config)
        page = PageCitation(self.env.docname, None, "book")
        out = [_preview_note()] if not release else []
        return out + form_nodes(read_edition(), page, release=release)


def _append(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    title = _page_title(doctree)
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None or docname in EDITION_PAGES:
        return
    app.env.note_dependency(str(CITATION_FILE))
    top += cite_section(title, docname, _labels(doctree), release=is_release(app.config),
                        book=docname == app.config.root_doc)


def setup(app: Sphinx) -> None:
    app.add_directive("cite-edition", CiteEdition)
    # Before the table-of-contents collector, so the section shows in the page contents.
    app.connect("doctree-read", _append, priority=400)
