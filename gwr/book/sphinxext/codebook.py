"""``{codebook}``: the data and codebook page, generated from data/processed/datapackage.json.

Every resource of the data package gets a section (anchor ``table-<name>``), so a table that a
step writes is documented on the page as soon as ``make data`` lists it.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from gwr import paths
from gwr.book.sphinxext.ui_text import edition_of, text, texts

COLUMNS = tuple(texts("en", "codebook.columns"))


def _constraints(field: dict, language: str = "en") -> str:
    rules = field.get("constraints", {})
    parts = []
    if "enum" in rules:
        parts.append(", ".join(str(v) for v in rules["enum"]))
    if "minimum" in rules or "maximum" in rules:
        parts.append(f"{rules.get('minimum', '…')}–{rules.get('maximum', '…')}")
    if "pattern" in rules:
        parts.append(text(language, "codebook.pattern", pattern=rules["pattern"]))
    if rules.get("required"):
        parts.append(text(language, "codebook.required"))
    return "; ".join(parts)


def _table(rows: list[tuple[str, ...]], language: str = "en") -> nodes.table:
    columns = texts(language, "codebook.columns")
    table = nodes.table(classes=["codebook-table"])
    group = nodes.tgroup(cols=len(columns))
    table += group
    for width in (14, 8, 8, 50, 20):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += nodes.row("", *[nodes.entry("", nodes.paragraph("", c)) for c in columns])
    body = nodes.tbody()
    group += body
    for row in rows:
        cells = [nodes.entry("", nodes.paragraph("", "", nodes.literal(row[0], row[0])))]
        cells += [nodes.entry("", nodes.paragraph("", value)) for value in row[1:]]
        body += nodes.row("", *cells)
    return table


def row_count(path: Path) -> int:
    """Data rows of a CSV file (its header excluded; quoted line breaks do not split a row)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1


def foreign_keys(resource: dict[str, Any]) -> str:
    """The resource's foreign keys as text, "" if none.

    Examples:
        >>> foreign_keys({"name": "indicators", "schema": {"foreignKeys": [
        ...     {"fields": ["paragraph"], "reference": {"resource": "paragraphs"}},
        ...     {"fields": ["repeat_of"], "reference": {"resource": ""}}]}})
        'paragraph → paragraphs; repeat_of → indicators'
    """
    # An empty resource name is Frictionless's way of saying "this table".
    return "; ".join(
        f"{', '.join(fk['fields'])} → {fk['reference']['resource'] or resource['name']}"
        for fk in resource["schema"].get("foreignKeys", []))


def table_section(resource: dict[str, Any], docname: str, language: str = "en",
                  srcdir: Path | None = None) -> nodes.section:
    """The section documenting one resource: title, description, download link, columns."""
    csv_path = paths.PROCESSED / resource["path"]
    section = nodes.section(ids=[f"table-{resource['name']}"],
                            names=[f"table-{resource['name']}"])
    section += nodes.title("", f"{resource['title']} ({resource['path']})")
    section += nodes.paragraph("", resource["description"])
    link = addnodes.download_reference(
        "", "", nodes.literal(resource["path"], resource["path"]),
        reftarget=_download_target(csv_path, srcdir), refdoc=docname, refexplicit=True)
    keys = ", ".join(resource["schema"].get("primaryKey", []))
    references = foreign_keys(resource)
    section += nodes.paragraph("", "", nodes.Text(text(language, "codebook.download")), link,
                               nodes.Text(text(language, "codebook.rows",
                                               rows=row_count(csv_path), keys=keys)
                                          + (text(language, "codebook.references",
                                                  references=references) if references
                                             else text(language, "codebook.end"))))
    fields = resource["schema"]["fields"]
    section += _table([(f["name"], f["type"], f.get("unit", ""), f.get("description", ""),
                        _constraints(f, language)) for f in fields], language)
    return section


def _download_target(csv_path: Path, srcdir: Path | None) -> str:
    """The file as Sphinx's download role names it: "/" and its path from the source folder
    (the repository root for the English edition, zh/ for the Chinese).

    Examples:
        >>> _download_target(paths.PROCESSED / "a.csv", None)
        '/data/processed/a.csv'
        >>> _download_target(paths.PROCESSED / "a.csv", paths.ROOT / "zh")
        '/../data/processed/a.csv'
    """
    return "/" + os.path.relpath(csv_path, srcdir or paths.ROOT).replace(os.sep, "/")


def codebook_sections(package: dict[str, Any], docname: str, language: str = "en",
                      srcdir: Path | None = None) -> list[nodes.section]:
    """One section per resource of ``package`` (datapackage.json), in the package's order."""
    return [table_section(resource, docname, language, srcdir)
            for resource in package["resources"]]


class Codebook(SphinxDirective):
    """One section per table: what it holds, a download link, and every column."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(paths.DATAPACKAGE))
        package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
        for resource in package["resources"]:
            self.env.note_dependency(str(paths.PROCESSED / resource["path"]))
        sections = codebook_sections(package, self.env.docname, edition_of(self.env),
                                     Path(self.env.srcdir))
        for section in sections:
            # A label, so that other pages can write {ref}`table-glossary`.
            self.state.document.note_explicit_target(section)
        return sections


def setup(app: Sphinx) -> None:
    app.add_directive("codebook", Codebook)
