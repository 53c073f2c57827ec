"""Describe the processed tables as a Frictionless data package, from gwr/data/schemas, with any
further properties a step attaches to its table's resource."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from gwr import __version__, paths

#: The key of ``DataFrame.attrs`` under which a step attaches further properties of its table's
#: resource (say, who made the data), published in datapackage.json beside the schema.
RESOURCE_PROPERTIES = "resource_properties"
# The properties that resource() writes itself, from the schema: a step may not replace them.
_BUILT_IN = ("name", "path", "title", "description", "format", "mediatype", "encoding", "schema")

PACKAGE = {
    "name": "taiyuan-2020-work-report",
    "title": "Taiyuan 2020 government work report, as reported by the Shanxi Evening News: "
             "the text as data",
    "description": (
        "Tables derived from the Shanxi Evening News (山西晚报) article summarising the 2020 "
        "work report of the Taiyuan Municipal People's Government. Every row that comes from "
        "the text carries paragraph, start and end offsets into "
        "data/raw/taiyuan-2020-work-report.zh.txt."
    ),
    "version": __version__,
    "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                  "path": "https://creativecommons.org/licenses/by/4.0/"}],
    "sources": [{"title": "山西晚报: 太原：加快建设人民满意的服务型政府 (2020)",
                 "path": "data/raw/taiyuan-2020-work-report.zh.txt"}],
}


def load_schema(table: str) -> dict[str, Any]:
    """The table schema (Frictionless Table Schema plus title/description) of ``table``."""
    with (paths.SCHEMAS / f"{table}.yml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def resource(table: str, properties: dict[str, Any] | None = None) -> dict[str, Any]:
    """The data-package resource describing ``data/processed/<table>.csv``, with ``properties``
    (further, non-schema properties of the resource) after its description.

    Examples:
        >>> r = resource("translations", {"translator": "T"})
        >>> list(r)[:5], r["translator"]
        (['name', 'path', 'title', 'description', 'translator'], 'T')
    """
    spec = load_schema(table)
    schema = {"fields": spec["fields"], "primaryKey": spec["primaryKey"]}
    if spec.get("foreignKeys"):
        schema["foreignKeys"] = spec["foreignKeys"]
    extra = dict(properties or {})
    if clash := sorted(set(extra) & set(_BUILT_IN)):
        raise ValueError(f"resource {table}: the properties {', '.join(clash)} come from its "
                         "schema and cannot be attached by a step")
    return {
        "name": table, "path": f"{table}.csv", "title": spec["title"],
        "description": " ".join(spec["description"].split()), **extra,
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema,
    }


def attach_properties(frame: pd.DataFrame, **properties: Any) -> pd.DataFrame:
    """``frame``, carrying ``properties`` for its resource in datapackage.json (for a step).

    Examples:
        >>> frame = attach_properties(pd.DataFrame({"a": [1]}), translator="T")
        >>> resource_properties(frame)
        {'translator': 'T'}
    """
    frame.attrs[RESOURCE_PROPERTIES] = {**frame.attrs.get(RESOURCE_PROPERTIES, {}), **properties}
    return frame


def resource_properties(frame: pd.DataFrame) -> dict[str, Any]:
    """The properties a step attached to ``frame`` (see attach_properties), or none."""
    return dict(frame.attrs.get(RESOURCE_PROPERTIES, {}))


def datapackage_json(tables: list[str],
                     properties: dict[str, dict[str, Any]] | None = None) -> str:
    """The datapackage.json text for ``tables``, stable byte for byte; ``properties`` maps a
    table to the further properties of its resource."""
    properties = properties or {}
    package = {**PACKAGE, "resources": [resource(t, properties.get(t)) for t in tables]}
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def published_resource(table: str, path: Path | None = None) -> dict[str, Any]:
    """The resource of ``table`` as published in data/processed/datapackage.json.

    Examples:
        >>> published_resource("translations")["path"]
        'translations.csv'
    """
    package = json.loads((path or paths.DATAPACKAGE).read_text(encoding="utf-8"))
    for entry in package["resources"]:
        if entry["name"] == table:
            return entry
    raise KeyError(f"datapackage.json has no resource {table!r}; run `make data`")
