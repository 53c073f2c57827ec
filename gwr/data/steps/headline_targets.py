"""Step: headline_targets.csv, the full 2020 report's headline economic targets, which the
article leaves out, and their 2020 outcomes (data/curated/headline_targets.yml)."""

from __future__ import annotations

import pandas as pd

from gwr.data.outcomes import HEADLINE_STATUSES, load_headline_targets
from gwr.data.steps.context import Context

TABLE = "headline_targets"


def run(context: Context) -> pd.DataFrame:
    """One row per headline target, in the curated order (the report's order)."""
    # Load inputs.
    frame = load_headline_targets()

    # Process data.
    assert frame["headline_id"].is_unique
    assert set(frame["status"]) <= set(HEADLINE_STATUSES)

    # Save outputs.
    return frame
