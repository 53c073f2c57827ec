"""Append a "Cite this page" section to every page: BibTeX, APA 7 and GB/T 7714-2015, each with a
copy button, and links to the page's .bib, .ris and CSL-JSON files (see page_metadata).

A Chinese page (the Chinese edition, ``language: zh_CN``) cites the Chinese edition (its title,
the chapter's Chinese title, the zh/ address), in its words (ui_text), GB/T 7714-2015 first,
then APA and BibTeX.

The root page cites the whole book; How to cite shows the book's citation with ``{cite-edition}``.
A preview build's forms carry no address (page_metadata.citation_forms).
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from gwr.book.citation import ACCESS_SLOT, CITATION_FILE
from gwr.book.sphinxext.page_metadata import (
    EDITION_PAGES,
    PageCitation,
    citation_forms,
    download_links_html,
    edition_for,
    is_release,
)
from gwr.book.sphinxext.ui_text import text

SECTION_ID = "cite-this-page"
# (key in citation_forms, heading, ui_text key of the copy button's label, id of the copied
# element), in each edition's order: a Chinese reader's first form is the national standard.
FORMS = {"en": (("bibtex", "BibTeX", "cite.copy_bibtex", "citation-bibtex"),
                ("apa_html", "APA 7", "cite.copy_apa", "citation-apa"),
                ("gbt", "GB/T 7714-2015", "cite.copy_gbt", "citation-gbt"))}
FORMS["zh"] = tuple(reversed(FORMS["en"]))


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
    language = edition.language
    out: list[nodes.Node] = []
    for key, heading, label, target in FORMS[language]:
        box = nodes.container(classes=["citation-form"])
        head = nodes.container(classes=["citation-form-head"])
        head += nodes.rubric("", heading)
        head += copy_button(text(language, label), target)
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
    out.append(nodes.raw("", download_links_html(page.docname, language), format="html"))
    return out


def _preview_note(language: str = "en") -> nodes.paragraph:
    para = nodes.paragraph("", "", classes=["citation-preview-note"])
    para += nodes.strong("", text(language, "cite.preview_strong"))
    para += nodes.Text(text(language, "cite.preview_text"))
    return para


def cite_section(title: str, docname: str, labels: list[tuple[str, str]], *,
                 release: bool = True, book: bool = False, edition=None) -> nodes.section:
    """The docutils section holding the three citation forms of one page (or of the book).

    ``edition`` is the edition cited (page_metadata.edition_for); by default the English one.
    """
    edition = edition_for("en") if edition is None else edition
    language = edition.language
    page = PageCitation(docname, None if book else title, "book" if book else "page")
    section = nodes.section(ids=[SECTION_ID], names=["cite this page"],
                            classes=["cite-this-page"])
    section += nodes.title("", text(language, "cite.heading"))
    opening = text(language, "cite.opening_book" if book else "cite.opening_page",
                   title=edition.title, version=edition.version,
                   released=edition.released.isoformat())
    section += nodes.paragraph("", opening + text(language, "cite.cite_version"))
    if not release:
        section += _preview_note(language)
    section += form_nodes(edition, page, release=release)
    section += nodes.paragraph("", text(language, "cite.access_slot", slot=ACCESS_SLOT))
    if labels:
        para = nodes.paragraph("", text(language, "cite.labels"))
        for i, (_kind, name) in enumerate(labels):
            if i:
                para += nodes.Text(text(language, "cite.labels_sep"))
            para += _numref(name, docname)
            para += nodes.Text(text(language, "cite.labels_open"))
            para += nodes.literal(name, name)
            para += nodes.Text(text(language, "cite.labels_close"))
        para += nodes.Text(text(language, "cite.labels_end"))
        section += para
    return section


class CiteEdition(SphinxDirective):
    """``{cite-edition}``: the whole edition in the three forms, with copy buttons and files."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(CITATION_FILE))
        release = is_release(self.config)
        page = PageCitation(self.env.docname, None, "book")
        edition = edition_for(self.env)
        out = [_preview_note(edition.language)] if not release else []
        return out + form_nodes(edition, page, release=release)


def _append(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    title = _page_title(doctree)
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None or docname in EDITION_PAGES:
        return
    app.env.note_dependency(str(CITATION_FILE))
    top += cite_section(title, docname, _labels(doctree), release=is_release(app.config),
                        book=docname == app.config.root_doc, edition=edition_for(app))


def setup(app: Sphinx) -> None:
    app.add_directive("cite-edition", CiteEdition)
    # Before the table-of-contents collector, so the section shows in the page contents.
    app.connect("doctree-read", _append, priority=400)
