"""Step: translations.csv, the project's English translation of the article, one row per
paragraph, from data/curated/translations.yml checked against the source; the translator and the
translation note of the file's header become properties of the table's resource."""

from __future__ import annotations

import pandas as pd

from gwr.data.datapackage import attach_properties
from gwr.data.steps.context import Context
from gwr.data.translations import load_translations, translator_note

TABLE = "translations"


def run(context: Context) -> pd.DataFrame:
    """One row per paragraph of the source (¶1-¶110), with its offsets and its English; the
    resource carries ``translator`` and ``translation_note``."""
    # Load inputs.
    english = load_translations(context.paragraphs)  # raises if an entry is stale or missing
    translator, note = translator_note()

    # Process data.
    frame = pd.DataFrame([{"paragraph": p.number, "start": p.start, "end": p.end,
                           "en": english[p.number]} for p in context.paragraphs])
    assert list(frame["paragraph"]) == list(range(1, len(context.paragraphs) + 1))
    assert all(context.text[p.start:p.end] == p.text for p in context.paragraphs)
    assert frame["en"].str.strip().astype(bool).all(), "every paragraph has an English text"
    assert translator.strip() and note.strip(), "the translation names its translator and note"

    # Save outputs.
    return attach_properties(frame, translator=translator, translation_note=note)
