"""Step: summary_clauses.csv, the clauses of the article's summary of part 3 (¶7) with their
glosses and the paragraphs of part 3 that repeat them word for word."""

from __future__ import annotations

import pandas as pd

from gwr.data.steps.context import Context
from gwr.data.summary_clauses import load_summary_clauses, verbatim_in

TABLE = "summary_clauses"
PART3 = "service-government"


def run(context: Context) -> pd.DataFrame:
    """One row per clause, in text order; ``quote`` is exactly ``context.text[start:end]``."""
    # Load inputs.
    clauses = load_summary_clauses(context.paragraphs)
    paragraphs = context.tables["paragraphs"]

    # Process data.
    part3 = paragraphs[paragraphs["part"] == PART3]
    targets = dict(zip(part3["paragraph"], part3["text"], strict=True))
    frame = pd.DataFrame([{
        "paragraph": c.paragraph, "start": c.start, "end": c.end, "quote": c.quote,
        "sentence": c.sentence, "gloss_en": c.gloss_en,
        "recurs_in": ";".join(str(p) for p in verbatim_in(c.quote, targets)),
    } for c in clauses])
    assert all(context.text[r.start:r.end] == r.quote for r in frame.itertuples())
    assert sorted(targets) == [107, 108, 109, 110]

    # Save outputs.
    return frame
