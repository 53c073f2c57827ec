"""Step: paragraphs.csv, one row per line of the source with offsets and section."""

from __future__ import annotations

import pandas as pd

from gwr.data.steps.context import Context
from gwr.text.sections import section_of

TABLE = "paragraphs"


def run(context: Context) -> pd.DataFrame:
    """One row per paragraph; ``text`` is exactly ``context.text[start:end]``."""
    # Load inputs.
    section_ids = section_of(context.sections)
    sections = context.tables["sections"]
    part_of_section = dict(zip(sections["section_id"], sections["part"], strict=True))

    # Process data.
    rows = [{
        "paragraph": p.number, "start": p.start, "end": p.end,
        "section_id": section_ids[p.number], "part": part_of_section[section_ids[p.number]],
        "is_heading": p.is_heading, "chars": len(p.text), "sentences": p.sentences,
        "text": p.text,
    } for p in context.paragraphs]
    frame = pd.DataFrame(rows)
    assert all(context.text[r.start:r.end] == r.text for r in frame.itertuples())

    # Save outputs.
    return frame
