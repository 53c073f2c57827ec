"""Under every numbered figure and table, one quiet line: its data, its citation, its source.

A chapter cell ends a figure or a table with ``{data-note} <label>`` (written by
gwr.display.figure_data and numbered_table): the body is the CSV of exactly what the figure
plots or the table shows, from the frame that drew it, so the CSV is part of the notebook's
committed output and nbval checks it. This extension

- publishes that CSV beside the page as ``<label>.csv`` (written at the end of every build
  from the environment, so that an incremental build keeps them all);
- links it, with the ¶ references the data come from (linked by paragraph_links);
- adds the figure's or table's own citation (number, caption title, address with the anchor)
  in BibTeX, APA 7 and GB/T 7714-2015, folded in a ``<details>``;
- records which chapter table or figure shows which rows, for the source edition's apparatus.
"""

from __future__ import annotations

import csv
import html
import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from gwr.book import citation
from gwr.book.sphinxext import doc_store
from gwr.book.sphinxext.page_metadata import edition_for, is_release, shown_edition, work_forms
from gwr.book.sphinxext.ui_text import text as ui
from gwr.book.sphinxext.ui_text import texts

ENV_KEY = "gwr_data_notes"
LABEL = re.compile(r"(fig|tbl)-[a-z0-9]+(?:-[a-z0-9]+)*")
# (key in work_forms, heading, ui_text key of the copy button), in each edition's order (the
# Chinese edition gives GB/T 7714 first, as the cite block does).
FORMS = {"en": (("bibtex", "BibTeX", "cite.copy_bibtex"), ("apa_html", "APA 7", "cite.copy_apa"),
                ("gbt", "GB/T 7714-2015", "cite.copy_gbt"))}
FORMS["zh"] = tuple(reversed(FORMS["en"]))


@dataclass(frozen=True)
class DataNote:
    """One figure's or table's data, as the page's ``{data-note}`` gave it."""

    docname: str
    label: str
    source: str
    csv: str

    @property
    def kind(self) -> str:
        return "Figure" if self.label.startswith("fig-") else "Table"

    @property
    def filename(self) -> str:
        return f"{self.label}.csv"

    @property
    def path(self) -> str:
        """Where the CSV is published, relative to the site's root."""
        return posixpath.join(posixpath.dirname(self.docname), self.filename)

    def rows(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.csv)))


def notes(env: BuildEnvironment) -> dict[str, dict[str, DataNote]]:
    """Every data note of the book: docname → label → note."""
    return doc_store.store(env, ENV_KEY)


def caption_title(caption: str) -> str:
    """The title a figure is cited by: the caption's first sentence, up to a semicolon (the
    clauses after one say where the rest is, not what the figure is).

    Examples:
        >>> caption_title("Deadline calendar of the 2020 plan. Each circle is a task's …")
        'Deadline calendar of the 2020 plan'
        >>> caption_title("Targets for 2020 (¶43–¶106), by task")
        'Targets for 2020 (¶43–¶106), by task'
        >>> caption_title("The nine tasks, by section; where each name stands in the CSV. More.")
        'The nine tasks, by section'
        >>> caption_title("2020年计划的截止日期日历。每个圆圈是一项任务；其余见 CSV。")
        '2020年计划的截止日期日历'
    """
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(])|(?<=[。！？])", caption.strip(), maxsplit=1)[0]
    return re.split(r"; |；", first, maxsplit=1)[0].rstrip(".。").strip()


class DataNoteDirective(SphinxDirective):
    """``{data-note} <label>`` with ``:source: ¶…`` and the CSV as its body."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict] = {"source": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        label = self.arguments[0]
        where = f"{self.env.docname}: data-note {label}"
        if not LABEL.fullmatch(label):
            raise self.error(f"{where}: a label is fig-… or tbl-… in lower case")
        source = self.options.get("source", "")
        if "¶" not in source:
            raise self.error(f"{where}: give :source: with the ¶ references of the data")
        text = "\n".join(self.content).strip("\n") + "\n"
        rows = list(csv.reader(io.StringIO(text)))
        if len(rows) < 2 or any(len(row) != len(rows[0]) for row in rows):
            raise self.error(f"{where}: the body must be a CSV with a header, at least one row, "
                             "and the same number of fields in every row")
        page_notes = notes(self.env).setdefault(self.env.docname, {})
        if label in page_notes:
            raise self.error(f"{where}: the page already has data for {label}")
        note = DataNote(self.env.docname, label, source, text)
        page_notes[label] = note

        box = nodes.container(classes=["data-note"], gwr_data_note=label)
        line = nodes.paragraph(classes=["data-note-line"])
        line += nodes.strong("", ui(self.env, "data.data"))
        line += nodes.reference("", note.filename, refuri=note.filename,
                                classes=["data-note-csv"])
        count = len(rows) - 1
        line += nodes.Text(ui(self.env, "data.rows", count=count,
                                s="s" if count != 1 else ""))
        line += nodes.strong("", ui(self.env, "data.source"))
        line += nodes.Text(source)  # paragraph_links turns each ¶n into a link
        box += line
        return [box]


def numbered(env: BuildEnvironment, docname: str, label: str) -> tuple[str, str]:
    """(number, caption) of the figure or table ``label`` on ``docname``."""
    std = env.get_domain("std")
    found = std.labels.get(label)
    if found is None or found[0] != docname:
        raise ExtensionError(f"{docname}: data-note {label} follows no figure or table named "
                             f"{label} on the same page; name the figure (mystnb.figure.name) "
                             "or the table (numbered_table name=…) alike.")
    _, node_id, caption = found
    kind = "figure" if label.startswith("fig-") else "table"
    number = env.toc_fignumbers.get(docname, {}).get(kind, {}).get(node_id)
    if not number:
        raise ExtensionError(f"{docname}: {label} has no {kind} number; is it a {kind}?")
    return ".".join(str(n) for n in number), caption


def cite_html(forms: dict[str, str], label: str, kind: str, number: str,
              language: str = "en") -> str:
    """The folded citation of one figure or table, with a copy button per form."""
    summary = ui(language, "data.cite", kind=ui(language, f"kind.{kind}"), number=number)
    parts = [f'<details class="data-note-cite"><summary>{html.escape(summary)}</summary>']
    for key, heading, button_key in FORMS[language]:
        button = ui(language, button_key)
        target = f"cite-{label}-{key.split('_')[0]}"
        parts.append(
            '<div class="citation-form"><div class="citation-form-head">'
            f'<p class="rubric">{heading}</p>'
            f'<button type="button" class="copy-citation pst-js-only" data-copy-target="{target}">'
            f"{button}</button>"
            '<span class="copy-citation-status" role="status" aria-live="polite"></span></div>')
        if key == "bibtex":
            parts.append(f'<pre class="citation-bibtex literal-block" id="{target}">'
                         f"{html.escape(forms[key], quote=False)}</pre>")
        elif key == "apa_html":
            parts.append(f'<p class="citation-apa" id="{target}">{forms[key]}</p>')
        else:
            parts.append(f'<p class="citation-gbt" id="{target}">{html.escape(forms[key])}</p>')
        parts.append("</div>")
    parts.append("</details>")
    return "".join(parts)


def _add_citations(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    page_notes = notes(app.env).get(docname)
    if not page_notes:
        return
    release = is_release(app.config)
    edition = shown_edition(edition_for(app), release)
    for box in doctree.findall(nodes.container):
        label = box.get("gwr_data_note")
        if not label:
            continue
        note = page_notes[label]
        number, caption = numbered(app.env, docname, label)
        work = citation.figure(edition, docname, label, number, caption_title(caption),
                               note.kind)
        forms = work_forms(work, release=release)
        box += nodes.raw("", cite_html(forms, label, note.kind, number, edition.language),
                         format="html")


class DataIndexDirective(SphinxDirective):
    """``{figure-data-index}``: a table of every figure's and table's CSV in the book, filled
    in when the page is written (the numbers are known only then)."""

    def run(self) -> list[nodes.Node]:
        return [nodes.container(classes=["figure-data-index"], gwr_data_index=True)]


def index_table(app: Sphinx, docname: str) -> nodes.table:
    """One row per data note of the book: the figure or table (linked), its CSV, its columns."""
    env = app.env
    rows = []
    for page in sorted(notes(env)):
        for label, note in notes(env)[page].items():
            number, caption = numbered(env, page, label)
            uri = app.builder.get_relative_uri(docname, page)
            item = nodes.paragraph()
            kind = ui(app, f"kind.{note.kind}")
            item += nodes.reference("", ui(app, "kind.number", kind=kind, number=number),
                                    refuri=f"{uri}#{label}", internal=True)
            item += nodes.Text(f"{ui(app, 'app.heading_sep')}{caption_title(caption)}")
            csv_uri = posixpath.join(posixpath.dirname(uri), note.filename)
            link = nodes.paragraph()
            link += nodes.reference("", note.filename, refuri=csv_uri)
            header = next(csv.reader(io.StringIO(note.csv)))
            rows.append((item, link, nodes.paragraph("", str(len(note.rows()))),
                         nodes.paragraph("", ", ".join(header))))
    table = nodes.table(classes=["figure-data-index-table"])
    group = nodes.tgroup(cols=4)
    table += group
    for width in (40, 22, 8, 30):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph("", h))
                            for h in texts(app, "data.index_head")))
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", cell) for cell in cells))
    group += body
    return table


def _fill_index(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for box in list(doctree.findall(nodes.container)):
        if box.get("gwr_data_index"):
            box += index_table(app, docname)



def _check_unique(app: Sphinx, env: BuildEnvironment) -> None:
    """A label's CSV has one address: the same label on two pages is an error."""
    seen: dict[str, str] = {}
    for docname, page_notes in notes(env).items():
        for label in page_notes:
            if label in seen:
                raise ExtensionError(f"data-note {label} is on both {seen[label]} and {docname}")
            seen[label] = docname


def _write(app: Sphinx, exception: Exception | None) -> None:
    """Publish every CSV beside its page (all of them, so an incremental build loses none)."""
    if exception is not None or app.builder.format != "html":
        return
    for page_notes in notes(app.env).values():
        for note in page_notes.values():
            target = Path(app.outdir, note.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = note.csv.encode("utf-8")
            if not target.is_file() or target.read_bytes() != data:
                target.write_bytes(data)


def setup(app: Sphinx) -> None:
    app.add_directive("data-note", DataNoteDirective)
    doc_store.track(app, ENV_KEY)
    app.connect("env-check-consistency", _check_unique)
    app.add_directive("figure-data-index", DataIndexDirective)
    app.connect("doctree-resolved", _add_citations)
    app.connect("doctree-resolved", _fill_index)
    app.connect("build-finished", _write)
