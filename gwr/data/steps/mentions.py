"""Step: mentions.csv, every number the text mentions, one row each, with its class."""

from __future__ import annotations

import pandas as pd

from gwr.data.formulations import load_formulations
from gwr.data.indicators import load_indicators
from gwr.data.mentions import find_mentions
from gwr.data.steps.context import Context
from gwr.text.sections import section_of

TABLE = "mentions"


def run(context: Context) -> pd.DataFrame:
    """One row per mention; ``quote`` is exactly ``context.text[start:end]``."""
    # Load inputs.
    indicators = load_indicators(context.paragraphs)
    formulations = load_formulations(context.text, context.paragraphs)
    sections = section_of(context.sections)

    # Process data.
    mentions = find_mentions(context.text, context.paragraphs, indicators, formulations)
    frame = pd.DataFrame([{
        "paragraph": m.paragraph, "start": m.start, "end": m.end, "quote": m.quote,
        "class": m.cls, "note": m.note, "section_id": sections[m.paragraph],
        "script": m.script, "value": m.value, "date_iso": m.date_iso,
        "decided_by": m.decided_by,
    } for m in mentions])
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    assert frame["start"].is_unique

    # Save outputs.
    return frame
