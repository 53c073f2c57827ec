"""Committed notebooks come from one clean top-to-bottom run, without errors or stderr."""

from __future__ import annotations

import json

import pytest

from gwr import paths

NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("*.ipynb"))


def _code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["01-at-a-glance.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_in_order_once(path):
    counts = [c.get("execution_count") for c in _code_cells(path)]
    assert counts == list(range(1, len(counts) + 1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_error_or_stderr_output(path):
    bad = [o for c in _code_cells(path) for o in c.get("outputs", [])
           if o.get("output_type") == "error" or o.get("name") == "stderr"]
    assert bad == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_figures_are_svg_and_undated(path):
    outputs = [o for c in _code_cells(path) for o in c.get("outputs", [])]
    assert not any("image/png" in o.get("data", {}) for o in outputs)
    svgs = ["".join(o["data"]["image/svg+xml"]) for o in outputs
            if "image/svg+xml" in o.get("data", {})]
    assert svgs, "each chapter has figures"
    assert not any("<dc:date>" in s for s in svgs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_kernel_is_the_project_python(path):
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"]["name"] == "python3"
