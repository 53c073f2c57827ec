"""Step: links.csv, the curated links from the 2019 review areas to the 2020 tasks."""

from __future__ import annotations

import pandas as pd

from gwr.data.review_links import links_frame, load_links
from gwr.data.steps.context import Context

TABLE = "links"


def run(context: Context) -> pd.DataFrame:
    """One row per link, in the curated order; ids and paragraphs checked against sections."""
    # Load inputs.
    links = load_links(context.sections)

    # Process data.
    frame = links_frame(links)
    assert frame["link_id"].is_unique

    # Save outputs.
    return frame
