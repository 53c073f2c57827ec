"""Step: commitments.csv, the promises of the 2020 plan and of part 3, one clause each."""

from __future__ import annotations

import pandas as pd

from gwr.data.commitments import load_commitments
from gwr.data.indicators import load_indicators
from gwr.data.steps.context import Context
from gwr.text.sections import section_of

TABLE = "commitments"


def run(context: Context) -> pd.DataFrame:
    """One row per curated commitment, with the figures that stand inside its clause."""
    # Load inputs.
    commitments = load_commitments(context.paragraphs, section_of(context.sections))
    indicators = load_indicators(context.paragraphs)
    sections = {s.section_id: s for s in context.sections}

    # Process data.
    rows = []
    for c in commitments:
        inside = [f"{c.section_id}.{i.slug}" for i in indicators
                  if c.start <= i.start and i.end <= c.end]
        section = sections[c.section_id]
        rows.append({
            "commitment_id": c.commitment_id, "paragraph": c.paragraph, "start": c.start,
            "end": c.end, "text": c.text, "section_id": c.section_id,
            "task_order": section.order if section.kind == "plan_task" else None,
            "verb_zh": c.verb_zh, "verb_en": c.verb_en, "strength": c.strength,
            "strength_basis": c.strength_basis, "quantified": bool(inside),
            "deadline": c.deadline, "deadline_zh": c.deadline_zh,
            "indicator_ids": ";".join(inside), "note": c.note,
        })
    frame = pd.DataFrame(rows)
    frame["task_order"] = frame["task_order"].astype("Int64")
    assert all(context.text[r.start:r.end] == r.text for r in frame.itertuples())
    assert frame["commitment_id"].is_unique

    # Save outputs.
    return frame
