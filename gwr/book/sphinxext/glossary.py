"""``{report-glossary}``: a Sphinx glossary of the formulations and key terms, with pinyin."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from gwr import paths
from gwr.data.glossary import all_entries
from gwr.data.tables import load_table
from gwr.text.paragraphs import split_paragraphs
from gwr.text.source import load_source

ORIGIN_NOTE = {"national": "national", "provincial": "provincial (Shanxi)",
               "municipal": "municipal (Taiyuan)"}


class ReportGlossary(SphinxDirective):
    """Every entry is a real glossary term, so chapters can write {term}`三大攻坚战`."""

    def run(self) -> list[nodes.Node]:
        for dependency in (paths.CURATED / "glossary.yml", paths.processed_table("formulations"),
                           paths.SOURCE_TEXT):
            self.env.note_dependency(str(dependency))
        entries = all_entries(split_paragraphs(load_source()), load_table("formulations"))
        items = nodes.definition_list(classes=["glossary"])
        for entry in entries:
            item = nodes.definition_list_item()
            term = make_glossary_term(self.env, [nodes.Text(entry.term)], None,
                                      self.get_source_info()[0], self.lineno, None,
                                      self.state.document)
            term["classes"].append("glossary-term")
            item += term
            definition = nodes.definition()
            first = nodes.paragraph()
            if entry.pinyin:
                first += nodes.emphasis("", entry.pinyin)
                first += nodes.Text(" · ")
            first += nodes.strong("", entry.gloss_en)
            first += nodes.Text(f" ({entry.kind})")
            definition += first
            definition += nodes.paragraph("", entry.explanation_en)
            where = ", ".join(f"¶{n}" for n in entry.paragraphs)
            detail = nodes.paragraph("", f"Occurs in {where}.", classes=["glossary-where"])
            if entry.origin in ORIGIN_NOTE:
                detail += nodes.Text(f" Origin: {ORIGIN_NOTE[entry.origin]} ")
                # Parsed as MyST, so sphinxcontrib-bibtex links it to the references page.
                cite, messages = self.state.inline_text(f"{{cite:p}}`{entry.reference}`",
                                                        self.lineno)
                detail += cite
                detail += messages
                detail += nodes.Text(".")
            definition += detail
            item += definition
            items += item
        glossary = addnodes.glossary()
        glossary["sorted"] = False  # already in pinyin order (gwr.data.glossary.sort_key)
        glossary += items
        return [glossary]


def setup(app: Sphinx) -> None:
    app.add_directive("report-glossary", ReportGlossary)
