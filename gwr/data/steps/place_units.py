"""Step: place_units.csv, every occurrence of a named item placed in one of Taiyuan's units, one
row for each unit it is placed in."""

from __future__ import annotations

import pandas as pd

from gwr.data.place_units import load_place_units
from gwr.data.steps.context import Context
from gwr.text.sections import section_of

TABLE = "place_units"


def run(context: Context) -> pd.DataFrame:
    """One row per item, paragraph and unit, in text order, then by unit; ``quote`` is the item
    exactly as written."""
    # Load inputs.
    items = load_place_units(context.text, context.paragraphs)
    sections = section_of(context.sections)

    # Process data.
    frame = pd.DataFrame([{
        "paragraph": paragraph, "start": start, "end": start + len(item.name_zh),
        "quote": item.name_zh, "adcode": adcode, "name_en": item.name_en,
        "what": item.what, "basis": item.basis, "section_id": sections[paragraph],
        "note": item.note,
    } for item in items for paragraph, start in zip(item.paragraphs, item.starts, strict=True)
        for adcode in item.adcodes])
    frame = frame.sort_values(["start", "adcode"], ignore_index=True)
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    assert not frame.duplicated(["start", "adcode"]).any()
    assert frame.groupby("start")["quote"].nunique().eq(1).all()
    assert frame["adcode"].isin(context.tables["units"]["adcode"]).all()

    # Save outputs.
    return frame
