"""The bilingual source edition: every paragraph at its own anchor, #para-N, Chinese and English."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from gwr import paths
from gwr.data.steps.context import part_of
from gwr.data.translations import load_translations, translator_note
from gwr.text.paragraphs import split_paragraphs
from gwr.text.sections import load_sections
from gwr.text.source import load_source

PART_TITLES = {
    "front": "Front matter (¶1–¶9)",
    "review-2019": "Part 1: the review of 2019",
    "plan-2020": "Part 2: the plan for 2020",
    "service-government": "Part 3: a service-oriented government",
}
NO_LINK = "no-para-link"  # paragraph_links leaves text inside this class alone


def anchor(number: int) -> str:
    """The anchor of paragraph ``number`` in the source edition.

    Examples:
        >>> anchor(20)
        'para-20'
    """
    return f"para-{number}"


class SourceEdition(SphinxDirective):
    """``{source-edition}``: all paragraphs, grouped by the article's parts."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        for dependency in (paths.SOURCE_TEXT, paths.CURATED / "translations.yml",
                           paths.CURATED / "sections.yml"):
            self.env.note_dependency(str(dependency))
        paragraphs = split_paragraphs(load_source())
        sections = load_sections(paragraphs)
        english = load_translations(paragraphs)
        part_of_paragraph = {n: part_of(s) for s in sections
                             for n in range(s.first_paragraph, s.last_paragraph + 1)}
        translator, note = translator_note()
        intro = nodes.paragraph("", f"Translation: {translator}. {note}",
                                classes=["translation-note"])
        result: list[nodes.Node] = [intro]
        current_part, container = None, None
        for p in paragraphs:
            part = part_of_paragraph[p.number]
            if part != current_part:
                current_part = part
                container = nodes.section(ids=[f"part-{part}"], names=[f"part-{part}"])
                container += nodes.title("", PART_TITLES[part])
                result.append(container)
            container += self._paragraph(p.number, p.text, english[p.number], p.is_heading)
        return result

    def _paragraph(self, number: int, chinese: str, english: str, heading: bool) -> list:
        target = nodes.target("", "", ids=[anchor(number)], names=[anchor(number)])
        self.state.document.note_explicit_target(target)
        box = nodes.container(classes=["source-para", "source-heading" if heading else "body"])
        label = nodes.paragraph("", "", classes=["para-number", NO_LINK])
        label += nodes.reference("", f"¶{number}", refid=anchor(number))
        if heading:
            label += nodes.inline("", " heading", classes=["heading-mark"])
        box += label
        box += nodes.paragraph("", chinese, classes=["zh", NO_LINK])
        box += nodes.paragraph("", english, classes=["en"])
        return [target, box]


def setup(app: Sphinx) -> None:
    app.add_directive("source-edition", SourceEdition)
