"""Step: outcomes.csv, what became of each checkable promise of the 2020 plan, from dated outside
sources (data/curated/outcomes.yml, gwr.data.outcomes)."""

from __future__ import annotations

import pandas as pd

from gwr.data.outcomes import STATUSES, load_outcomes, promises_in_scope
from gwr.data.steps.context import Context

TABLE = "outcomes"


def run(context: Context) -> pd.DataFrame:
    """One row per promise in scope, in the text's order."""
    # Load inputs.
    promises = promises_in_scope(context.tables["indicators"], context.tables["commitments"])

    # Process data.
    frame = load_outcomes(promises)
    assert frame["promise_id"].is_unique and len(frame) == len(promises)
    assert set(frame["status"]) <= set(STATUSES)
    assert frame.loc[frame["status"] != "no_public_evidence", "source_key"].notna().all()

    # Save outputs.
    return frame
