"""List the text of a chapter's tables and figures that the Chinese catalog lacks.

Usage: python tools/untranslated_outputs.py notebooks/03-plan-2020.ipynb [...]

Runs each notebook (in memory; nothing is written) and prints, per notebook, every string that
zh/strings/*.yml does not yet translate, as YAML keys to copy into zh/strings/<chapter>.yml.
Exits 1 if any is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

from gwr.zh_outputs import UNTRANSLATED, ZH_MARKDOWN, ZH_SVG


def untranslated(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    found: list[str] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            for mime in (ZH_MARKDOWN, ZH_SVG):
                for text in output.get("metadata", {}).get(mime, {}).get(UNTRANSLATED, []):
                    if text not in found:
                        found.append(text)
    return found


def main(paths: list[str]) -> int:
    status = 0
    for name in paths:
        missing = untranslated(Path(name))
        print(f"# {name}: {len(missing)} untranslated")
        if missing:
            status = 1
            print(yaml.safe_dump({text: "" for text in missing}, allow_unicode=True,
                                 sort_keys=False, width=1000))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
