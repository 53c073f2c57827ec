"""Step: word_glosses.csv, the English glosses of the words chapter 6's figures and tables show."""

from __future__ import annotations

import pandas as pd

from gwr.data.steps.context import Context
from gwr.data.word_glosses import load_word_glosses

TABLE = "word_glosses"


def run(context: Context) -> pd.DataFrame:
    """One row per glossed word, in the curated order, with how often it is a counted word."""
    # Load inputs.
    glosses = load_word_glosses(context.text)
    tokens = context.tables["tokens"]

    # Process data.
    counted = tokens.loc[tokens["counted"], "token"].value_counts()
    frame = pd.DataFrame([{"word": g.word, "gloss_en": g.gloss_en, "note": g.note,
                           "counted": int(counted.get(g.word, 0))} for g in glosses])
    assert frame["word"].is_unique

    # Save outputs.
    return frame
