"""Step: borders.csv, the km of boundary each Taiyuan unit shares with each neighbouring city."""

from __future__ import annotations

import pandas as pd

from gwr.data import geo
from gwr.data.borders import border_table, load_unsimplified_lengths
from gwr.data.divisions import load_divisions, neighbours, taiyuan_units
from gwr.data.steps.context import Context

TABLE = "borders"


def run(context: Context) -> pd.DataFrame:
    """One row per Taiyuan unit and neighbouring city, measured on data/raw/geo."""
    # Load inputs.
    units = geo.load_units()
    divisions = load_divisions(outlines=units)
    provenance = geo.load_provenance()
    unsimplified = load_unsimplified_lengths(provenance, divisions=divisions)

    # Process data.
    rule = geo.border_rule(provenance)
    frame = border_table(units, rule, unsimplified, divisions)
    assert len(frame) == len(taiyuan_units(divisions)) * len(neighbours(divisions))
    published = context.tables["units"].set_index("adcode")["name_en"]
    assert (frame["unit_en"].to_numpy() == published[frame["unit_adcode"]].to_numpy()).all()
    assert (frame["neighbour_en"].to_numpy()
            == published[frame["neighbour_adcode"]].to_numpy()).all()
    assert not frame.duplicated(["unit_adcode", "neighbour_adcode"]).any()
    assert (frame["shared_km"] >= 0).all() and (frame["nearest_km"] >= 0).all()

    # Save outputs.
    return frame
