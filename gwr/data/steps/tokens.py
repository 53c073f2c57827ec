"""Step: tokens.csv, the article segmented into tokens (jieba and the project's dictionary),
one row per token, with whether chapter 6's word counts take it and why not."""

from __future__ import annotations

import pandas as pd

from gwr.data.steps.context import Context
from gwr.data.tokens import load_stopwords, load_userdict, segment
from gwr.text.sections import section_of

TABLE = "tokens"


def run(context: Context) -> pd.DataFrame:
    """One row per token of every paragraph; ``token`` is exactly ``context.text[start:end]``."""
    # Load inputs.
    load_userdict(context.text)  # checked before jieba reads it
    stopwords = frozenset(load_stopwords())
    sections = section_of(context.sections)

    # Process data.
    frame = pd.DataFrame([{
        "paragraph": t.paragraph, "start": t.start, "end": t.end, "token": t.token,
        "section_id": sections[t.paragraph], "is_stopword": t.is_stopword,
        "counted": t.counted, "excluded": t.excluded,
    } for t in segment(context.paragraphs, stopwords)])
    assert all(context.text[r.start:r.end] == r.token for r in frame.itertuples())
    # The tokens of each paragraph join to give the paragraph back.
    assert "\n".join(frame.groupby("paragraph", sort=True)["token"].agg("".join)) == context.text
    assert frame["start"].is_unique

    # Save outputs.
    return frame
