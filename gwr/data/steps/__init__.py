"""The data steps, one small module per processed table, run in this order by gwr.data.pipeline.

Each step module defines ``TABLE`` (the table's name, which is also its schema's file name in
gwr/schemas/) and ``run(context) -> DataFrame``. Later steps may read earlier tables from
``context.tables``: indicators reads commitments (for commitment_id and deadline). links (the
curated review-to-plan links) reads only the sections.
"""

from gwr.data.steps import (
    commitments,
    formulations,
    indicators,
    links,
    mentions,
    paragraphs,
    places,
    sections,
)

STEPS = [sections, paragraphs, mentions, commitments, indicators, formulations, places, links]
