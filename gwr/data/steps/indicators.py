"""Step: indicators.csv, one row per figure the text states, with value, unit and kind."""

from __future__ import annotations

import pandas as pd

from gwr.data.indicators import load_indicators
from gwr.data.steps.context import Context
from gwr.errors import CuratedDataError
from gwr.text.sections import section_of

TABLE = "indicators"


def run(context: Context) -> pd.DataFrame:
    """One row per curated figure; targets take commitment and deadline from their clause."""
    # Load inputs.
    indicators = load_indicators(context.paragraphs)
    commitments = context.tables["commitments"]
    sections = section_of(context.sections)

    # Process data.
    ids = {i.key: f"{sections[i.paragraph]}.{i.slug}" for i in indicators}
    holder = {}
    for c in commitments.itertuples():
        for indicator_id in filter(None, c.indicator_ids.split(";")):
            holder[indicator_id] = (c.commitment_id, c.deadline, c.deadline_zh)
    rows = []
    for i in indicators:
        own = ids[i.key]
        commitment_id, deadline, deadline_zh = holder.get(ids.get(i.repeat_of, own), ("", "", ""))
        if i.kind == "target" and not commitment_id:
            raise CuratedDataError(f"data/curated/indicators.yml, entry {i.key!r}: a target "
                                   "must stand inside a commitment of commitments.yml.")
        rows.append({
            "indicator_id": own, "paragraph": i.paragraph, "start": i.start, "end": i.end,
            "quote": i.quote, "value": i.value, "unit_zh": i.unit_zh, "unit_en": i.unit_en,
            "qualifier": i.qualifier, "kind": i.kind, "year": i.year, "deadline": deadline,
            "deadline_zh": deadline_zh, "subject_zh": i.subject_zh, "subject_en": i.subject_en,
            "section_id": sections[i.paragraph], "commitment_id": commitment_id,
            "repeat_of": ids[i.repeat_of] if i.repeat_of else "", "note": i.note,
        })
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("Int64")
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    assert frame["indicator_id"].is_unique, "indicator slugs must be unique within a section"

    # Save outputs.
    return frame
