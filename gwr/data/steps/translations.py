"""Step: translations.csv, the project's English translation of the article, one row per
paragraph, from data/curated/translations.yml checked against the source."""

from __future__ import annotations

import pandas as pd

from gwr.data.steps.context import Context
from gwr.data.translations import load_translations

TABLE = "translations"


def run(context: Context) -> pd.DataFrame:
    """One row per paragraph of the source (¶1-¶110), with its offsets and its English."""
    # Load inputs.
    english = load_translations(context.paragraphs)  # raises if an entry is stale or missing

    # Process data.
    frame = pd.DataFrame([{"paragraph": p.number, "start": p.start, "end": p.end,
                           "en": english[p.number]} for p in context.paragraphs])
    assert list(frame["paragraph"]) == list(range(1, len(context.paragraphs) + 1))
    assert all(context.text[p.start:p.end] == p.text for p in context.paragraphs)
    assert frame["en"].str.strip().astype(bool).all(), "every paragraph has an English text"

    # Save outputs.
    return frame
