"""Step: review_claims.csv, the claims of distinction of the 2019 review, located in the text."""

from __future__ import annotations

import pandas as pd

from gwr.data.review_claims import CLAIM_COLUMNS, load_review_claims
from gwr.data.steps.context import Context
from gwr.text.sections import section_of

TABLE = "review_claims"


def run(context: Context) -> pd.DataFrame:
    """One row per claim, in text order; ``quote`` is exactly ``context.text[start:end]``."""
    # Load inputs.
    claims = load_review_claims(text=context.text)
    sections = section_of(context.sections)

    # Process data.
    frame = claims[CLAIM_COLUMNS]
    assert frame["claim_id"].is_unique
    assert frame["start"].is_monotonic_increasing
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    assert all(sections[r.paragraph] == r.section_id for r in frame.itertuples())

    # Save outputs.
    return frame
