"""Execute notebooks in place, each in a fresh kernel, so committed outputs come from one clean run.

Usage: python tools/execute_notebooks.py [NOTEBOOK ...]   (default: every notebook in notebooks/)

`make notebooks` calls this before a commit; nbval then checks that a re-run reproduces the
committed outputs. It also serves `make bench` as the "floor": every notebook executed once.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def execute(path: Path) -> float:
    """Run ``path`` top to bottom in a new python3 kernel and save it; return the seconds taken."""
    notebook = nbformat.read(path, as_version=4)
    started = time.monotonic()
    # No timing metadata: a re-run changes no byte of a cell but its outputs, and the Chinese
    # notebooks, whose code cells must equal these to share their execution, stay equal.
    NotebookClient(notebook, timeout=300, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.monotonic() - started
    nbformat.write(notebook, path)
    return elapsed


def main(argv: list[str]) -> int:
    notebooks = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    total = 0.0
    for path in notebooks:
        seconds = execute(path)
        total += seconds
        print(f"executed {path.name} in {seconds:.1f} s")
    print(f"all notebooks: {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
