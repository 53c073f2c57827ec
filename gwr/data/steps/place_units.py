"""Step: place_units.csv, every occurrence of a named item placed in one of Taiyuan's units."""

from __future__ import annotations

import pandas as pd

from gwr.data.place_units import load_place_units
from gwr.data.steps.context import Context
from gwr.text.sections import section_of

TABLE = "place_units"


def run(context: Context) -> pd.DataFrame:
    """One row per item and paragraph, in text order; ``quote`` is the item exactly as written."""
    # Load inputs.
    items = load_place_units(context.text, context.paragraphs)
    sections = section_of(context.sections)

    # Process data.
    frame = pd.DataFrame([{
        "paragraph": paragraph, "start": start, "end": start + len(item.name_zh),
        "quote": item.name_zh, "adcodes": ";".join(item.adcodes), "name_en": item.name_en,
        "what": item.what, "basis": item.basis, "section_id": sections[paragraph],
        "note": item.note,
    } for item in items for paragraph, start in zip(item.paragraphs, item.starts, strict=True)])
    frame = frame.sort_values("start", ignore_index=True)
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    assert frame["start"].is_unique

    # Save outputs.
    return frame
