"""Processed tables load with the dtypes their schema declares."""

from __future__ import annotations

import pytest

from gwr import paths
from gwr.data import tables
from gwr.data.datapackage import load_schema


def test_paragraphs_are_typed():
    frame = tables.load_table("paragraphs")
    assert str(frame["paragraph"].dtype) == "Int64"
    assert str(frame["is_heading"].dtype) == "boolean"
    assert str(frame["text"].dtype) == "string"
    assert frame["is_heading"].sum() == 23


def test_sections_keep_empty_integers_as_missing():
    frame = tables.load_table("sections")
    front = frame.set_index("section_id").loc["front"]
    assert front["heading_paragraph"] is not None and str(front["heading_paragraph"]) == "<NA>"


def test_columns_follow_the_schema():
    for name in ("paragraphs", "sections"):
        expected = [f["name"] for f in load_schema(name)["fields"]]
        assert list(tables.load_table(name).columns) == expected


def test_undescribed_column_is_refused(tmp_path, monkeypatch):
    source = paths.processed_table("sections").read_text(encoding="utf-8").splitlines()
    bad = [source[0] + ",extra"] + [line + ",x" for line in source[1:]]
    (tmp_path / "sections.csv").write_text("\n".join(bad) + "\n", encoding="utf-8")
    monkeypatch.setattr(paths, "processed_table", lambda name: tmp_path / f"{name}.csv")
    with pytest.raises(ValueError, match="extra"):
        tables.load_table("sections")
