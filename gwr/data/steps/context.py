"""What every data step may read: the verified text, its paragraphs and the tables built so far."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from gwr.text.paragraphs import Paragraph, split_paragraphs
from gwr.text.sections import Section, load_sections
from gwr.text.source import load_source


@dataclass
class Context:
    """Inputs shared by the steps of one pipeline run."""

    text: str
    paragraphs: list[Paragraph]
    sections: list[Section]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @classmethod
    def from_source(cls) -> Context:
        """Verify and read the source (raising on a checksum mismatch), then split it."""
        text = load_source()
        paragraphs = split_paragraphs(text)
        return cls(text=text, paragraphs=paragraphs, sections=load_sections(paragraphs))


PART_OF_KIND = {"front": "front", "review_area": "review-2019", "plan_task": "plan-2020",
                "service_government": "service-government"}
PART_OF_HEADING = {"part-2019": "review-2019", "part-2020": "plan-2020"}


def part_of(section: Section) -> str:
    """The article part a section belongs to (part headings open their own part)."""
    return PART_OF_HEADING.get(section.section_id) or PART_OF_KIND[section.kind]
