"""Step: reforms.csv, the reforms of ¶41 and part 3 (¶108-¶110), with what an outsider could
check by the checkability rule (data/curated/reforms.yml, gwr.data.reforms)."""

from __future__ import annotations

import pandas as pd

from gwr.data.reforms import CHECKABILITY, load_reforms, reform_table
from gwr.data.steps.context import Context

TABLE = "reforms"


def run(context: Context) -> pd.DataFrame:
    """One row per curated reform, in the curated order; ``quote`` is text[start:end]."""
    # Load inputs.
    commitments = context.tables["commitments"]
    indicators = context.tables["indicators"]
    reforms = load_reforms(context.paragraphs, commitments)

    # Process data.
    frame = reform_table(reforms, commitments, indicators)
    assert frame["reform_id"].is_unique
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    assert set(frame["checkability"]) <= set(CHECKABILITY)

    # Save outputs.
    return frame
