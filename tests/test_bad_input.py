"""Bad input stops `make data` and the book build with a clear message, and loses nothing."""

from __future__ import annotations

import re

from tests.conftest import run_in, tamper


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_copy_runs_its_own_package(project_copy):
    result = run_in(project_copy, "-c", "import gwr.paths; print(gwr.paths.ROOT)")
    assert result.stdout.strip() == str(project_copy)


def test_tampered_source_stops_make_data_and_keeps_processed_data(project_copy):
    processed = project_copy / "data" / "processed"
    before = _snapshot(processed)
    tamper(project_copy / "data" / "raw" / "taiyuan-2020-work-report.zh.txt")
    result = run_in(project_copy, "-m", "gwr", "data")
    assert result.returncode == 1
    assert "does not match its recorded checksum" in result.stdout
    assert "nothing written" in result.stdout
    assert _snapshot(processed) == before


def test_tampered_source_stops_the_book_build_before_anything_is_built(project_copy):
    tamper(project_copy / "data" / "raw" / "taiyuan-2020-work-report.zh.txt")
    result = run_in(project_copy, "tools/build_book.py")
    assert result.returncode == 1
    assert "checksum" in result.stdout
    assert not (project_copy / "_build").exists()


def test_malformed_curated_file_names_the_file_and_entry(project_copy):
    curated = project_copy / "data" / "curated" / "sections.yml"
    curated.write_text(curated.read_text(encoding="utf-8").replace(
        "heading_zh: 持续攻坚克难", "heading_zh: 持续攻坚"), encoding="utf-8")
    before = _snapshot(project_copy / "data" / "processed")
    result = run_in(project_copy, "-m", "gwr", "data")
    assert result.returncode == 1
    assert "data/curated/sections.yml, entry 'review-tough-battles'" in result.stdout
    assert _snapshot(project_copy / "data" / "processed") == before


def test_a_raising_notebook_stops_the_build_and_names_the_cell(project_copy):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    notebooks = project_copy / "notebooks"
    for path in notebooks.glob("*.ipynb"):
        path.unlink()
    broken = new_notebook(cells=[new_markdown_cell("# Broken"),
                                 new_code_cell("x = 1"),
                                 new_code_cell("raise ValueError('figure data missing')")])
    broken.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
    nbformat.write(broken, notebooks / "01-at-a-glance.ipynb")
    result = run_in(project_copy, "tools/build_book.py")
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)  # the traceback is coloured
    assert result.returncode == 1
    assert "notebooks/01-at-a-glance.ipynb failed" in output
    assert "raise ValueError('figure data missing')" in output  # the cell, named
    assert "ValueError: figure data missing" in output
    assert not (project_copy / "_build" / "html" / "index.html").exists()
