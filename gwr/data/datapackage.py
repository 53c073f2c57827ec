"""Describe the processed tables as a Frictionless data package, from the schemas in gwr/schemas."""

from __future__ import annotations

import json
from typing import Any

import yaml

from gwr import __version__, paths

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


def resource(table: str) -> dict[str, Any]:
    """The data-package resource describing ``data/processed/<table>.csv``."""
    spec = load_schema(table)
    schema = {"fields": spec["fields"], "primaryKey": spec["primaryKey"]}
    if spec.get("foreignKeys"):
        schema["foreignKeys"] = spec["foreignKeys"]
    return {
        "name": table, "path": f"{table}.csv", "title": spec["title"],
        "description": " ".join(spec["description"].split()),
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema,
    }


def datapackage_json(tables: list[str]) -> str:
    """The datapackage.json text for ``tables``, stable byte for byte."""
    package = {**PACKAGE, "resources": [resource(t) for t in tables]}
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
