"""Step: sections.csv, the article's sections with their spans and sizes.

A heading's English (heading_en) is the translation of its paragraph: it is stored once, in
data/curated/translations.yml, and joined here (gwr.text.sections does not read the translation).
"""

from __future__ import annotations

import pandas as pd

from gwr.data.steps.context import Context, part_of
from gwr.data.translations import load_translations
from gwr.text.sections import sections_frame

TABLE = "sections"


def run(context: Context) -> pd.DataFrame:
    """One row per curated section, with paragraph and character counts."""
    # Load inputs.
    frame = sections_frame(context.sections)
    by_number = {p.number: p for p in context.paragraphs}
    english = load_translations(context.paragraphs)

    # Process data.
    frame["heading_en"] = [s.heading_en if s.heading_paragraph is None
                           else english[s.heading_paragraph] for s in context.sections]
    assert frame["heading_en"].str.strip().astype(bool).all(), "every section has heading_en"
    frame.insert(2, "part", [part_of(s) for s in context.sections])
    spans = [range(s.first_paragraph, s.last_paragraph + 1) for s in context.sections]
    frame["paragraphs"] = [len(span) for span in spans]
    frame["body_paragraphs"] = [
        sum(not by_number[n].is_heading for n in span) for span in spans
    ]
    frame["chars"] = [sum(len(by_number[n].text) for n in span) for span in spans]
    frame["body_chars"] = [
        sum(len(by_number[n].text) for n in span if not by_number[n].is_heading) for span in spans
    ]
    assert frame["paragraphs"].sum() == len(context.paragraphs), "sections must tile the text"

    # Save outputs.
    return frame[[c for c in frame.columns if c != "reason"] + ["reason"]]
