"""Step: unit_outlines.csv, the simplified outline of every unit of units.csv, one row per vertex,
read from data/raw/geo."""

from __future__ import annotations

import pandas as pd

from gwr.data import geo
from gwr.data.steps.context import Context

TABLE = "unit_outlines"


def run(context: Context) -> pd.DataFrame:
    """One row per vertex, by unit, polygon, ring and point; every ring closed, as in GeoJSON."""
    # Load inputs.
    outlines = geo.load_units()
    units = context.tables["units"]

    # Process data.
    frame = pd.DataFrame([{
        "adcode": unit.adcode, "polygon": p, "ring": r, "point": k, "lon": lon, "lat": lat,
    } for unit in outlines for p, polygon in enumerate(unit.polygons)
        for r, ring in enumerate(polygon) for k, (lon, lat) in enumerate(ring)])
    frame = frame.sort_values(["adcode", "polygon", "ring", "point"], ignore_index=True)
    assert list(frame["adcode"].unique()) == list(units["adcode"])
    for _, ring in frame.groupby(["adcode", "polygon", "ring"]):
        assert len(ring) >= 4 and tuple(ring.iloc[0][["lon", "lat"]]) == tuple(
            ring.iloc[-1][["lon", "lat"]])

    # Save outputs.
    return frame
