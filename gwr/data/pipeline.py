"""Build data/processed from data/raw + data/curated: all tables, or none if anything fails."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from gwr import paths
from gwr.data.datapackage import datapackage_json, load_schema, resource_properties
from gwr.data.steps import STEPS
from gwr.data.steps.context import Context
from gwr.errors import GwrError, StaleDataError


def build_tables() -> dict[str, pd.DataFrame]:
    """Run every step in memory; raises before anything is written if an input is bad."""
    context = Context.from_source()
    for step in STEPS:
        frame = step.run(context)
        _check_columns(step.TABLE, frame)
        context.tables[step.TABLE] = frame
    return context.tables


def render(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """The exact text of every file the pipeline writes, keyed by file name."""
    files = {f"{name}.csv": to_csv(frame) for name, frame in tables.items()}
    files["datapackage.json"] = datapackage_json(
        list(tables), {name: resource_properties(frame) for name, frame in tables.items()})
    return files


def to_csv(frame: pd.DataFrame) -> str:
    """CSV text in one fixed dialect: UTF-8, LF line ends, lower-case booleans, no index."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == bool or str(out[col].dtype) == "boolean":
            out[col] = out[col].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n")


def write(files: dict[str, str], directory: Path = paths.PROCESSED) -> None:
    """Write all files into a temporary folder, then move the changed ones into place together.

    Unchanged files keep their modification time, so the book does not re-read pages that
    depend on them.
    """
    directory.mkdir(parents=True, exist_ok=True)
    changed = stale_files(files, directory)
    with tempfile.TemporaryDirectory(dir=directory.parent, prefix=".processed-") as tmp:
        for name in changed:
            Path(tmp, name).write_text(files[name], encoding="utf-8", newline="")
        for name in changed:
            os.replace(Path(tmp, name), directory / name)
    # Tables no step writes any more would mislead readers: remove them.
    for extra in sorted({p.name for p in directory.glob("*")} - set(files) - {"README.md"}):
        target = directory / extra
        shutil.rmtree(target) if target.is_dir() else target.unlink()


def stale_files(files: dict[str, str], directory: Path = paths.PROCESSED) -> list[str]:
    """Names of files whose committed content differs from ``files`` (or that are missing)."""
    return [name for name, content in files.items()
            if not (directory / name).is_file()
            or (directory / name).read_text(encoding="utf-8") != content]


def main(check: bool = False) -> int:
    """``make data``: regenerate data/processed; with ``check``, only compare."""
    try:
        files = render(build_tables())
    except GwrError as exc:
        print(f"make data: stopped, nothing written.\n{exc}")
        return 1
    stale = stale_files(files)
    if check:
        if stale:
            print(StaleDataError(f"data/processed is out of date: {', '.join(stale)}. "
                                 "Run `make data` and commit the result."))
            return 1
        print(f"data/processed is up to date ({len(files)} files).")
        return 0
    write(files)
    print(f"data/processed: wrote {len(files)} files ({len(stale)} changed).")
    return 0


def _check_columns(table: str, frame: pd.DataFrame) -> None:
    expected = [f["name"] for f in load_schema(table)["fields"]]
    if list(frame.columns) != expected:
        raise AssertionError(f"step {table}: columns {list(frame.columns)} != schema {expected}")
