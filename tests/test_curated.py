"""Malformed curated files fail with the file's name and what is wrong."""

from __future__ import annotations

import pytest

from gwr.curated import load_yaml_mapping
from gwr.errors import CuratedDataError


def test_invalid_yaml_names_the_file(tmp_path):
    (tmp_path / "bad.yml").write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match=r"bad\.yml: not valid YAML"):
        load_yaml_mapping("bad.yml", directory=tmp_path)


def test_entry_that_is_not_a_mapping_is_named(tmp_path):
    (tmp_path / "list.yml").write_text("one:\n  - 1\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match=r"entry 'one' must be a mapping"):
        load_yaml_mapping("list.yml", directory=tmp_path)


def test_missing_file_says_how_to_restore(tmp_path):
    with pytest.raises(CuratedDataError, match="restore it from git"):
        load_yaml_mapping("absent.yml", directory=tmp_path)
