"""``{codebook}``: the data and codebook page, generated from data/processed/datapackage.json."""

from __future__ import annotations

import json

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from gwr import paths

COLUMNS = ("Column", "Type", "Unit", "Description", "Allowed values")


def _constraints(field: dict) -> str:
    rules = field.get("constraints", {})
    parts = []
    if "enum" in rules:
        parts.append(", ".join(str(v) for v in rules["enum"]))
    if "minimum" in rules or "maximum" in rules:
        parts.append(f"{rules.get('minimum', '…')}–{rules.get('maximum', '…')}")
    if "pattern" in rules:
        parts.append(f"pattern {rules['pattern']}")
    if rules.get("required"):
        parts.append("required")
    return "; ".join(parts)


def _table(rows: list[tuple[str, ...]]) -> nodes.table:
    table = nodes.table(classes=["codebook-table"])
    group = nodes.tgroup(cols=len(COLUMNS))
    table += group
    for width in (14, 8, 8, 50, 20):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += nodes.row("", *[nodes.entry("", nodes.paragraph("", c)) for c in COLUMNS])
    body = nodes.tbody()
    group += body
    for row in rows:
        cells = [nodes.entry("", nodes.paragraph("", "", nodes.literal(row[0], row[0])))]
        cells += [nodes.entry("", nodes.paragraph("", value)) for value in row[1:]]
        body += nodes.row("", *cells)
    return table


class Codebook(SphinxDirective):
    """One section per table: what it holds, a download link, and every column."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(paths.DATAPACKAGE))
        package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
        result = []
        for resource in package["resources"]:
            csv = paths.PROCESSED / resource["path"]
            self.env.note_dependency(str(csv))
            rows = csv.read_text(encoding="utf-8").count("\n") - 1
            section = nodes.section(ids=[f"table-{resource['name']}"],
                                    names=[f"table-{resource['name']}"])
            section += nodes.title("", f"{resource['title']} ({resource['path']})")
            section += nodes.paragraph("", resource["description"])
            link = addnodes.download_reference(
                "", "", nodes.literal(resource["path"], resource["path"]),
                reftarget=f"/data/processed/{resource['path']}", refdoc=self.env.docname,
                refexplicit=True)
            keys = ", ".join(resource["schema"].get("primaryKey", []))
            section += nodes.paragraph("", "", nodes.Text("Download "), link,
                                       nodes.Text(f": {rows} rows; key: {keys}."))
            fields = resource["schema"]["fields"]
            section += _table([(f["name"], f["type"], f.get("unit", ""), f.get("description", ""),
                                _constraints(f)) for f in fields])
            result.append(section)
        return result


def setup(app: Sphinx) -> None:
    app.add_directive("codebook", Codebook)
