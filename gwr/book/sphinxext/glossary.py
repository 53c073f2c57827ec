"""``{report-glossary}``: a Sphinx glossary of the formulations and key terms, with pinyin,
rendered from the processed table data/processed/glossary.csv (gwr.data.steps.glossary)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from gwr import paths
from gwr.data.tables import load_table

TABLE = "glossary"
ORIGIN_NOTE = {"national": "national", "provincial": "provincial (Shanxi)",
               "municipal": "municipal (Taiyuan)"}


def occurs_in(paragraphs: str) -> str:
    """The "Occurs in" line of an entry, from the table's ``paragraphs`` cell.

    Examples:
        >>> occurs_in("5;6;72")
        'Occurs in ¶5, ¶6, ¶72.'
    """
    return "Occurs in " + ", ".join(f"¶{n}" for n in paragraphs.split(";")) + "."


def definition(row: pd.Series, cite: Callable[[str], list[nodes.Node]]) -> nodes.definition:
    """The definition of one glossary row: pinyin · gloss (kind), explanation, where and origin.

    ``cite`` turns a BibTeX key into the nodes of a parenthetical citation.
    """
    result = nodes.definition()
    first = nodes.paragraph()
    if row["pinyin"]:
        first += nodes.emphasis("", row["pinyin"])
        first += nodes.Text(" · ")
    first += nodes.strong("", row["gloss_en"])
    first += nodes.Text(f" ({row['kind']})")
    result += first
    result += nodes.paragraph("", row["explanation_en"])
    detail = nodes.paragraph("", occurs_in(row["paragraphs"]), classes=["glossary-where"])
    if row["origin"] in ORIGIN_NOTE:
        detail += nodes.Text(f" Origin: {ORIGIN_NOTE[row['origin']]} ")
        detail += cite(row["reference"])
        detail += nodes.Text(".")
    result += detail
    return result


class ReportGlossary(SphinxDirective):
    """Every entry is a real glossary term, so chapters can write {term}`三大攻坚战`."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(paths.processed_table(TABLE)))
        items = nodes.definition_list(classes=["glossary"])
        for _, row in load_table(TABLE).iterrows():
            item = nodes.definition_list_item()
            term = make_glossary_term(self.env, [nodes.Text(row["term"])], None,
                                      self.get_source_info()[0], self.lineno, None,
                                      self.state.document)
            term["classes"].append("glossary-term")
            item += term
            item += definition(row, self._cite)
            items += item
        glossary = addnodes.glossary()
        glossary["sorted"] = False  # the table's rows are in pinyin order (its step sorts them)
        glossary += items
        return [glossary]

    def _cite(self, key: str) -> list[nodes.Node]:
        # Parsed as MyST, so sphinxcontrib-bibtex links it to the references page.
        cite, messages = self.state.inline_text(f"{{cite:p}}`{key}`", self.lineno)
        return [*cite, *messages]


def setup(app: Sphinx) -> None:
    app.add_directive("report-glossary", ReportGlossary)
