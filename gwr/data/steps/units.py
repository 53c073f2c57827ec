"""Step: units.csv, Taiyuan's county-level units and the neighbouring cities, each named once,
with where their outlines come from."""

from __future__ import annotations

import pandas as pd

from gwr import paths
from gwr.data import geo
from gwr.data.divisions import OUTLINE_ROLE, load_divisions
from gwr.data.steps.context import Context

TABLE = "units"


def run(context: Context) -> pd.DataFrame:
    """One row per division of data/curated/divisions.yml, in code order."""
    # Load inputs.
    outlines = geo.load_units()
    divisions = load_divisions(outlines=outlines)
    provenance = geo.load_provenance()

    # Process data.
    tolerance = provenance["simplification"]["tolerance_degrees"]
    source = geo.BOUNDARIES.relative_to(paths.ROOT).as_posix()
    frame = pd.DataFrame([{
        "adcode": d.adcode, "name_zh": d.name_zh, "short_zh": d.short_zh, "name_en": d.name_en,
        "role": d.role, "kind": d.kind, "outline_package": provenance["package"],
        "outline_version": provenance["version"], "outline_licence": provenance["licence"],
        "outline_file": source, "outline_bytes": provenance["bytes"],
        "tolerance_deg": tolerance[OUTLINE_ROLE[d.role]],
    } for d in divisions.values()])
    assert frame["adcode"].is_unique and frame["adcode"].is_monotonic_increasing
    assert list(frame["role"].value_counts().sort_index()) == [4, 10]  # neighbour, taiyuan_unit
    assert provenance["file"] == geo.BOUNDARIES.name

    # Save outputs.
    return frame
