"""Step: plan_new_items.csv, items of the 2020 plan with no counterpart in the 2019 review."""

from __future__ import annotations

import pandas as pd

from gwr.data.review_links import NEW_ITEM_COLUMNS, load_new_items
from gwr.data.steps.context import Context

TABLE = "plan_new_items"


def run(context: Context) -> pd.DataFrame:
    """One row per item, in text order; ``quote`` is exactly ``context.text[start:end]``."""
    # Load inputs.
    items = load_new_items(context.paragraphs, context.sections)

    # Process data.
    frame = items[NEW_ITEM_COLUMNS]
    assert frame["item_id"].is_unique
    assert frame["section_id"].str.startswith("plan-").all()
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())

    # Save outputs.
    return frame
