"""Step: word_glosses.csv, the English glosses of the words chapter 6's figures and tables show,
and which of them are the key terms of its keywords in context."""

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
                           "counted": int(counted.get(g.word, 0)), "kwic": g.kwic,
                           "kwic_reason": g.kwic_reason} for g in glosses])
    assert frame["word"].is_unique
    assert frame["kwic"].any(), "the keyword-in-context table needs at least one key term"

    # Save outputs.
    return frame
