"""The data steps, one small module per processed table, run in this order by gwr.pipeline.

Each step module defines ``TABLE`` (the table's name, which is also its schema's file name in
gwr/schemas/) and ``run(context) -> DataFrame``. Later steps may read earlier tables from
``context.tables``.
"""

from gwr.steps import paragraphs, sections

STEPS = [sections, paragraphs]
