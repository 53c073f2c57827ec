"""Step: programme_pairs.csv, programmes stated in both the 2019 review and the 2020 plan."""

from __future__ import annotations

import pandas as pd

from gwr.data.review_links import PAIR_COLUMNS, load_pairs
from gwr.data.steps.context import Context

TABLE = "programme_pairs"


def run(context: Context) -> pd.DataFrame:
    """One row per pair, in curated order, each side located in the text; reads indicators."""
    # Load inputs.
    indicators = context.tables["indicators"]
    pairs = load_pairs(context.paragraphs, context.sections, indicators)

    # Process data.
    frame = pairs[PAIR_COLUMNS]
    assert frame["pair_id"].is_unique
    for side in ("review", "plan"):
        assert all(context.text[s:e] == q for s, e, q in zip(
            frame[f"{side}_start"], frame[f"{side}_end"], frame[f"{side}_quote"], strict=True))

    # Save outputs.
    return frame
