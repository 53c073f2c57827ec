"""The source edition's apparatus: under each paragraph, what the book found in it and where the
book discusses it, like the critical apparatus of a scholarly edition.

For paragraph N it lists, from the processed tables:

- **Figures**: the indicators stated in ¶N (value, unit, qualifier, kind), each linked to the
  chapter tables and figures whose data (their ``{data-note}`` CSV) carry its ``indicator_id``,
  or else to the indicators table of the codebook;
- **Commitments**: its commitments, with strength and deadline, linked like the figures by
  ``commitment_id``;
- **Terms**: its formulations and key terms, linked to the glossary;
- **Places**: the places it names, linked to the chapter 7 tables that carry their ``name_en``;
- **Discussed in**: every section of every chapter that cites ¶N, collected at build time from
  the chapters' own ¶ links (paragraph_links), so the list cannot go stale.

Every link is built from a label or an anchor that the build knows; a paragraph with nothing to
list gets no apparatus at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from gwr.book.sphinxext import doc_store
from gwr.book.sphinxext.figure_data import notes, numbered
from gwr.book.sphinxext.glossary import term_anchors
from gwr.book.sphinxext.ui_text import edition_of
from gwr.book.sphinxext.ui_text import text as ui
from gwr.data.tables import load_table
from gwr.display import QUALIFIER_WORDS, format_value

ENV_KEY = "gwr_para_citers"
SOURCE_DOC = "book/source"
GLOSSARY_DOC = "book/glossary"
CODEBOOK_DOC = "book/data"
PLACES_DOC = "notebooks/07-places"
CHAPTERS = "notebooks/"
TABLES = ("indicators", "commitments", "glossary", "places")
# The key columns of a data note's CSV that tie its rows to rows of the processed tables.
KEYS = {"indicator": "indicator_id", "commitment": "commitment_id", "place": "name_en"}


@dataclass(frozen=True)
class Citer:
    """A section of a chapter that cites a paragraph."""

    docname: str
    section_id: str
    title: str


def placeholder(number: int) -> nodes.container:
    """The empty apparatus of paragraph ``number``; filled (or dropped) when the book is
    written, once every chapter has been read."""
    return nodes.container(classes=["para-apparatus"], gwr_apparatus=number)


# ---------------------------------------------------------------------------------------------
# Back-references: which chapter sections cite which paragraph


def citers(env: BuildEnvironment) -> dict[str, list[tuple[int, Citer]]]:
    return doc_store.store(env, ENV_KEY)


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    """Record each (paragraph, section) that a chapter's ¶ links name, in page order."""
    docname = app.env.docname
    if not docname.startswith(CHAPTERS):
        return
    found: list[tuple[int, Citer]] = []
    for xref in doctree.findall(addnodes.pending_xref):
        target = xref.get("reftarget", "")
        if xref.get("reftype") != "ref" or not target.startswith("para-"):
            continue
        section = xref.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        if section is None or not section["ids"]:
            continue
        citer = Citer(docname, section["ids"][0], section[0].astext())
        entry = (int(target.removeprefix("para-")), citer)
        if entry not in found:
            found.append(entry)
    citers(app.env)[docname] = found



def _source_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                     removed: set[str]) -> list[str]:
    """Rewrite the source edition and the data page whenever a chapter was read again: the
    back-references, the links to chapter tables and the index of their data come from the
    chapters."""
    touched = added | changed | removed
    if not any(d.startswith(CHAPTERS) for d in touched):
        return []
    return [d for d in (SOURCE_DOC, CODEBOOK_DOC) if d in env.found_docs and d not in touched]


# ---------------------------------------------------------------------------------------------
# Where a processed row is shown: the chapter figures and tables whose CSVs carry its id


@dataclass(frozen=True)
class Shown:
    docname: str
    label: str


def shown_in(env: BuildEnvironment) -> dict[tuple[str, str], list[Shown]]:
    """(key column, id) → the figures and tables whose data carry that id, in book order."""
    index: dict[tuple[str, str], list[Shown]] = {}
    for docname in sorted(notes(env)):
        for label, note in notes(env)[docname].items():
            reader = csv.DictReader(io.StringIO(note.csv))
            columns = [c for c in (reader.fieldnames or []) if c in KEYS.values()]
            if not columns:
                continue
            for row in reader:
                for column in columns:
                    for value in filter(None, (v.strip() for v in row[column].split(";"))):
                        places = index.setdefault((column, value), [])
                        if Shown(docname, label) not in places:
                            places.append(Shown(docname, label))
    return index


# ---------------------------------------------------------------------------------------------
# Writing the apparatus


class Writer:
    """Builds the apparatus of each paragraph for one write of the source page."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.app, self.env, self.docname = app, app.env, docname
        self.tables = {name: load_table(name) for name in TABLES}
        self.shown = shown_in(self.env)
        self.terms = self._terms(self.tables["glossary"])
        self.cited: dict[int, list[Citer]] = {}
        for doc in sorted(citers(self.env)):
            for number, citer in citers(self.env)[doc]:
                self.cited.setdefault(number, []).append(citer)

    @staticmethod
    def _terms(glossary: pd.DataFrame) -> dict[int, list[tuple[str, str, str]]]:
        anchors = term_anchors(zip(glossary["term"], glossary["pinyin"].fillna(""), strict=True))
        by_paragraph: dict[int, list[tuple[str, str, str]]] = {}
        for row in glossary.itertuples(index=False):
            for number in str(row.paragraphs).split(";"):
                by_paragraph.setdefault(int(number), []).append(
                    (row.term, row.gloss_en, anchors[row.term]))
        return by_paragraph

    def link(self, text: str, docname: str, anchor: str | None = None,
             classes: tuple[str, ...] = ()) -> nodes.reference:
        uri = self.app.builder.get_relative_uri(self.docname, docname)
        if anchor:
            uri += f"#{anchor}"
        return nodes.reference("", text, refuri=uri, internal=True, classes=list(classes))

    def number_of(self, shown: Shown) -> str:
        """"Figure 3.1" or "Table 5.2", as the figure's own data note numbers it."""
        number, _ = numbered(self.env, shown.docname, shown.label)
        kind = ui(self.app, "kind.Figure" if shown.label.startswith("fig-") else "kind.Table")
        return ui(self.app, "kind.number", kind=kind, number=number)

    def shown_links(self, column: str, value: str) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for shown in self.shown.get((column, value), []):
            out += [nodes.Text(" "), self.link(self.number_of(shown), shown.docname,
                                               shown.label, ("apparatus-where",))]
        return out

    def chapter_number(self, docname: str) -> str:
        number = self.env.toc_secnumbers.get(docname, {}).get("")
        return ".".join(map(str, number)) if number else ""

    def entry(self, heading: str, items: list[list[nodes.Node]]) -> nodes.paragraph | None:
        if not items:
            return None
        para = nodes.paragraph(classes=["apparatus-entry"])
        para += nodes.strong("", ui(self.app, f"app.{heading}")
                             + ui(self.app, "app.heading_sep"))
        for i, item in enumerate(items):
            if i:
                para += nodes.Text(ui(self.app, "cite.labels_sep"))
            para.extend(item)
        return para

    def word(self, english: str) -> str:
        """One of the data's fixed words (a qualifier, a kind, a strength) in the edition's
        language."""
        return ui(self.app, f"word.{english}")

    def figures(self, number: int) -> list[list[nodes.Node]]:
        rows = self.tables["indicators"]
        items = []
        for row in rows[rows["paragraph"] == number].itertuples(index=False):
            chinese = edition_of(self.app) == "zh"
            unit = row.unit_zh if chinese else row.unit_en
            value = format_value(row.value)
            amount = f"{value}{unit}" if chinese else " ".join(w for w in (value, unit) if w)
            notes = [self.word(QUALIFIER_WORDS[row.qualifier])] if row.qualifier != "exact" else []
            notes.append(self.word(str(row.kind).replace("_", " ")))
            text = f"{row.quote} = {amount}" + (f"（{'，'.join(notes)}）" if chinese
                                                 else f" ({', '.join(notes)})")
            item: list[nodes.Node] = [nodes.inline("", text, classes=["apparatus-figure"])]
            links = self.shown_links(KEYS["indicator"], row.indicator_id)
            item += links or [nodes.Text(" "), self.link(
                ui(self.app, "app.codebook"), CODEBOOK_DOC, "table-indicators",
                ("apparatus-where",))]
            items.append(item)
        return items

    def commitments(self, number: int) -> list[list[nodes.Node]]:
        rows = self.tables["commitments"]
        items = []
        for row in rows[rows["paragraph"] == number].itertuples(index=False):
            date = pd.Timestamp(row.deadline).strftime(ui(self.app, "app.date_format")) \
                if isinstance(row.deadline_zh, str) and row.deadline_zh else ""
            due = ui(self.app, "app.due", deadline_zh=row.deadline_zh, date=date) \
                if date else ""
            strength = self.word(row.strength)
            note = (f"（{strength}{due}）" if edition_of(self.app) == "zh"
                    else f" ({strength}{due})")
            item: list[nodes.Node] = [nodes.inline("", f"{row.text}{note}",
                                                   classes=["apparatus-commitment"])]
            item += self.shown_links(KEYS["commitment"], row.commitment_id)
            items.append(item)
        return items

    def terms_of(self, number: int) -> list[list[nodes.Node]]:
        return [[self.link(term, GLOSSARY_DOC, anchor), nodes.Text(f" ({gloss})")]
                for term, gloss, anchor in self.terms.get(number, [])]

    def places(self, number: int) -> list[list[nodes.Node]]:
        rows = self.tables["places"]
        items, seen = [], set()
        for row in rows[rows["paragraph"] == number].itertuples(index=False):
            if row.name_en in seen:
                continue
            seen.add(row.name_en)
            links = self.shown_links(KEYS["place"], row.name_en)
            item: list[nodes.Node] = [nodes.inline("", f"{row.quote} ({row.name_en})")]
            chapter = ui(self.app, "app.chapter", number=self.chapter_number(PLACES_DOC))
            item += links or [nodes.Text(" "),
                              self.link(chapter, PLACES_DOC, None, ("apparatus-where",))]
            items.append(item)
        return items

    def discussed(self, number: int) -> list[list[nodes.Node]]:
        items = []
        for citer in self.cited.get(number, []):
            chapter = self.chapter_number(citer.docname)
            prefix = ui(self.app, "app.ch_prefix", number=chapter) if chapter else ""
            items.append([self.link(f"{prefix}{citer.title}", citer.docname,
                                    citer.section_id, ("apparatus-citer",))])
        return items

    def fill(self, box: nodes.container) -> bool:
        """Fill ``box`` for its paragraph; False if there is nothing to list."""
        number = box["gwr_apparatus"]
        for heading, items in (("Figures", self.figures(number)),
                               ("Commitments", self.commitments(number)),
                               ("Terms", self.terms_of(number)),
                               ("Places", self.places(number)),
                               ("Discussed in", self.discussed(number))):
            entry = self.entry(heading, items)
            if entry is not None:
                entry["classes"].append(f"apparatus-{heading.split()[0].lower()}")
                box += entry
        return bool(box.children)


def _write(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    boxes = [b for b in doctree.findall(nodes.container) if "gwr_apparatus" in b]
    if not boxes:
        return
    writer = Writer(app, docname)
    for box in boxes:
        if not writer.fill(box):
            box.parent.remove(box)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _collect)
    doc_store.track(app, ENV_KEY)
    app.connect("env-get-outdated", _source_outdated)
    app.connect("doctree-resolved", _write)
