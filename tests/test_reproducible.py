"""Two runs give the same bytes: the data pipeline, and the figures of every chapter.

Cheap checks for step 2 of `make test` (no `site` marker); `python tools/check_reproducible.py`
does the full job (two clean book builds compared file by file). Each run here is separate, so
a value that depends on the clock, on a random seed or on set order shows up as a difference.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from gwr import paths
from gwr.data.pipeline import build_tables, render

CHAPTERS = sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SVG = "image/svg+xml"
# A second process with another string-hash seed: set and dict-of-set order differ there.
RENDER_IN_CHILD = ("import json, sys; from gwr.data.pipeline import build_tables, render; "
                   "sys.stdout.write(json.dumps(render(build_tables())))")


def differing(first: dict[str, str], second: dict[str, str]) -> list[str]:
    return sorted(name for name in first.keys() | second.keys()
                  if first.get(name) != second.get(name))


def test_pipeline_renders_the_same_files_twice():
    first, second = render(build_tables()), render(build_tables())
    assert differing(first, second) == []
    assert "datapackage.json" in first and len(first) >= 3


def test_pipeline_output_does_not_depend_on_the_hash_seed():
    here = render(build_tables())
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(paths.ROOT)}
    child = subprocess.run([sys.executable, "-c", RENDER_IN_CHILD], cwd=paths.ROOT, env=env,
                           capture_output=True, check=True)
    there = json.loads(child.stdout)
    assert differing(here, there) == []


def svg_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    return [output["data"][SVG] for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.get("outputs", []) if SVG in output.get("data", {})]


async def execute_copies(path, runs: int) -> list[nbformat.NotebookNode]:
    """Run ``runs`` copies of ``path`` side by side, each in its own fresh kernel, in the
    notebook's folder; the file itself is left untouched."""
    notebooks = [nbformat.read(path, as_version=4) for _ in range(runs)]
    clients = [NotebookClient(nb, timeout=300, kernel_name="python3",
                              resources={"metadata": {"path": str(path.parent)}})
               for nb in notebooks]
    await asyncio.gather(*(client.async_execute() for client in clients))
    return notebooks


@pytest.fixture(scope="module", params=CHAPTERS, ids=lambda p: p.stem)
def two_runs(request) -> tuple[str, list[str], list[str], list[str]]:
    """The chapter's figure SVGs from two fresh runs, and from the committed notebook."""
    path = request.param
    first, second = asyncio.run(execute_copies(path, 2))
    committed = nbformat.read(path, as_version=4)
    return path.name, svg_outputs(first), svg_outputs(second), svg_outputs(committed)


def test_there_is_a_figure_test_for_every_chapter():
    # A hand count of notebooks/: chapters 01 to 08, each with figures.
    assert [p.name[:2] for p in CHAPTERS] == ["01", "02", "03", "04", "05", "06", "07", "08"]


def test_chapter_figures_are_svg(two_runs):
    name, first, _, committed = two_runs
    # Each chapter draws at least two figures (the committed outputs hold 2 to 4 per chapter).
    assert len(first) >= 2, name
    assert all(svg.lstrip().startswith("<?xml") for svg in first), name
    assert len(first) == len(committed), name


def test_chapter_figures_are_byte_identical_across_runs(two_runs):
    name, first, second, _ = two_runs
    assert len(first) == len(second), name
    changed = [k for k, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert changed == [], f"SVG outputs {changed} of {name} differ between two runs"


def test_chapter_figures_are_the_committed_ones(two_runs):
    """A fresh run draws the figures the committed notebook holds, byte for byte: a figure
    that depends on the clock or on the machine would differ here."""
    name, first, _, committed = two_runs
    changed = [k for k, (a, b) in enumerate(zip(first, committed, strict=True)) if a != b]
    assert changed == [], (f"SVG outputs {changed} of {name} differ from the committed "
                           "notebook: rerun `make notebooks` if the change is meant")
