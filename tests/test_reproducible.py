"""Two runs give the same bytes: the data pipeline, and the figures of every chapter.

Cheap checks for step 2 of `make test` (no `site` marker); `python tools/check_reproducible.py`
does the full job (two clean book builds compared file by file). Each run here is separate, so
a value that depends on the clock, on a random seed or on set order shows up as a difference.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import nbformat
import pytest

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


def test_there_is_a_figure_check_for_every_chapter():
    # A hand count of notebooks/: chapters 01 to 08, each with figures.
    assert [p.name[:2] for p in CHAPTERS] == ["01", "02", "03", "04", "05", "06", "07", "08"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_figures_are_svg(path):
    """Each chapter draws at least two figures, as SVG with a fixed hash salt and no date.

    That a fresh run draws them byte for byte as committed is step 3 of `make test`: nbval
    re-runs every notebook in a new kernel and compares each output, image/svg+xml included
    (it skips only PNG and JPEG), so a figure that depends on the clock, a seed or the machine
    fails there. tools/check_reproducible.py compares two clean book builds file by file.
    """
    committed = svg_outputs(nbformat.read(path, as_version=4))
    assert len(committed) >= 2, path.name
    assert all(svg.lstrip().startswith("<?xml") for svg in committed), path.name
    assert all("<dc:date>" not in svg for svg in committed), path.name
