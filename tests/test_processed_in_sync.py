"""The committed data/processed files equal what the pipeline writes now."""

from __future__ import annotations

from gwr import paths
from gwr.data.pipeline import render


def test_processed_files_are_in_sync(tables):
    files = render(tables)
    stale = [name for name, content in files.items()
             if not (paths.PROCESSED / name).is_file()
             or (paths.PROCESSED / name).read_text(encoding="utf-8") != content]
    assert stale == [], "run `python -m gwr data` (make data) and commit data/processed"


def test_no_stray_files_in_processed(tables):
    expected = set(render(tables)) | {"README.md"}
    assert {p.name for p in paths.PROCESSED.iterdir()} <= expected
