"""Step: glossary.csv, the formulations and key terms of the article with pinyin, in the order
of the book's Glossary page."""

from __future__ import annotations

import pandas as pd

from gwr.data.glossary import all_entries, sort_key
from gwr.data.steps.context import Context

TABLE = "glossary"


def run(context: Context) -> pd.DataFrame:
    """One row per term: every formulation, then the curated key terms, sorted by pinyin."""
    # Load inputs.
    assert "formulations" in context.tables, "the formulations step must run before glossary"
    formulations = context.tables["formulations"]
    # Checks each key term of data/curated/glossary.yml against the text; pypinyin runs here.
    entries = all_entries(context.paragraphs, formulations)

    # Process data.
    frame = pd.DataFrame([{
        "term": e.term, "pinyin": e.pinyin, "pinyin_by": e.pinyin_by, "gloss_en": e.gloss_en,
        "kind": e.kind, "paragraphs": ";".join(str(n) for n in e.paragraphs),
        "origin": e.origin, "reference": e.reference, "explanation_en": e.explanation_en,
    } for e in entries])
    assert frame["term"].is_unique
    assert entries == sorted(entries, key=sort_key), "rows must be in the page's pinyin order"
    assert set(formulations["term"]) <= set(frame["term"]), "every formulation is in the glossary"
    texts = {p.number: p.text for p in context.paragraphs}
    assert all(e.term in texts[n] for e in entries for n in e.paragraphs)

    # Save outputs.
    return frame
