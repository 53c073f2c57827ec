"""Load processed tables as typed DataFrames, with dtypes taken from their published schema."""

from __future__ import annotations

import pandas as pd

from gwr import paths
from gwr.data.datapackage import load_schema

_DTYPES = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean",
           "date": "string", "year": "Int64"}


def load_table(name: str) -> pd.DataFrame:
    """Read ``data/processed/<name>.csv`` with each column typed as its schema says.

    Examples:
        >>> paragraphs = load_table("paragraphs")
        >>> len(paragraphs), str(paragraphs["paragraph"].dtype), str(paragraphs["is_heading"].dtype)
        (110, 'Int64', 'boolean')
    """
    fields = load_schema(name)["fields"]
    # Booleans are read as text first: the CSVs spell them "true"/"false".
    dtypes = {f["name"]: "string" if f["type"] == "boolean" else _DTYPES[f["type"]]
              for f in fields}
    frame = pd.read_csv(paths.processed_table(name), dtype=dtypes, keep_default_na=False,
                        na_values={c: [""] for c, t in dtypes.items() if t != "string"})
    unknown = set(frame.columns) - set(dtypes)
    if unknown:
        raise ValueError(f"{name}.csv has columns its schema does not describe: {sorted(unknown)}")
    for f in fields:
        col = f["name"]
        if f["type"] == "boolean":
            frame[col] = frame[col].map({"true": True, "false": False}).astype("boolean")
            if frame[col].isna().any():
                raise ValueError(f"{name}.csv, column {col}: values other than true/false")
        elif f["type"] == "date":
            frame[col] = pd.to_datetime(frame[col].replace("", None))
    return frame


def allowed_values(name: str, column: str) -> tuple[str, ...]:
    """The values a column of a processed table may take, in the order its schema lists them.

    Examples:
        >>> allowed_values("commitments", "strength")
        ('binding', 'aspirational', 'process')
    """
    field = next((f for f in load_schema(name)["fields"] if f["name"] == column), None)
    if field is None or "enum" not in field.get("constraints", {}):
        raise KeyError(f"{name}.{column} has no list of allowed values in its schema")
    return tuple(field["constraints"]["enum"])
