"""Step: formulations.csv, the edition's set of formulations (提法): numbered formulations,
slogans and numeric programme names, chosen by the criterion in data/curated/formulations.yml."""

from __future__ import annotations

import pandas as pd

from gwr.data.formulations import load_formulations
from gwr.data.steps.context import Context

TABLE = "formulations"


def run(context: Context) -> pd.DataFrame:
    """One row per curated term, with how often and where it occurs."""
    # Load inputs.
    formulations = load_formulations(context.text, context.paragraphs)

    # Process data.
    frame = pd.DataFrame([{
        "term": f.term, "count": len(f.spans),
        "paragraphs": ";".join(str(n) for n in f.paragraphs),
        "first_start": f.spans[0][0], "numbered": f.numbered, "numeral_role": f.numeral_role,
        "numeral_reason": f.numeral_reason, "gloss_en": f.gloss_en,
        "origin": f.origin, "reference": f.reference, "explanation_en": f.explanation_en,
        "group": f.group, "group_reason": f.group_reason,
    } for f in formulations]).sort_values("first_start", kind="stable", ignore_index=True)
    assert frame["term"].is_unique
    assert (frame["numbered"] == (frame["numeral_role"] != "")).all()
    assert ((frame["group"] == "") == (frame["group_reason"] == "")).all()

    # Save outputs.
    return frame
