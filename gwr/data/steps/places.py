"""Step: places.csv, every occurrence of a place name, with administrative codes where apt."""

from __future__ import annotations

import pandas as pd

from gwr.data.places import SITE_KINDS, find_places
from gwr.data.steps.context import Context
from gwr.text.sections import section_of

TABLE = "places"


def run(context: Context) -> pd.DataFrame:
    """One row per occurrence; ``quote`` is exactly ``context.text[start:end]``."""
    # Load inputs.
    places = find_places(context.text, context.paragraphs)
    sections = section_of(context.sections)

    # Process data.
    frame = pd.DataFrame([{
        "paragraph": p.paragraph, "start": p.start, "end": p.end, "quote": p.quote,
        "name_en": p.name_en, "kind": p.kind, "is_site": p.kind in SITE_KINDS,
        "adcode": p.adcode,
        "section_id": sections[p.paragraph], "note": p.note,
    } for p in places])
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    units = context.tables["units"].set_index("adcode")
    named = frame[frame["adcode"].isin(units.index)]
    assert (named["name_en"].to_numpy() == units.loc[named["adcode"], "name_en"].to_numpy()).all()

    # Save outputs.
    return frame
