"""Every path the project uses, in one place, so no module types a path of its own."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
CURATED = DATA / "curated"
PROCESSED = DATA / "processed"
SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"

SOURCE_TEXT = RAW / "taiyuan-2020-work-report.zh.txt"
SOURCE_PROVENANCE = RAW / "taiyuan-2020-work-report.zh.provenance.yml"
DATAPACKAGE = PROCESSED / "datapackage.json"
# The Chinese edition: its pages mirror the English ones, its catalog translates the outputs.
ZH = ROOT / "zh"
ZH_STRINGS = ZH / "strings"


def processed_table(name: str) -> Path:
    """Path of the processed CSV table called ``name`` (without extension)."""
    return PROCESSED / f"{name}.csv"


def curated_file(name: str) -> Path:
    """Path of a curated file, e.g. ``curated_file("sections.yml")``."""
    return CURATED / name
