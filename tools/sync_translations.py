"""Bring the Chinese notebooks in step with the English ones, then list what needs translating.

Usage: python tools/sync_translations.py [--check]

A figure cell of an English notebook that has no Chinese caption yet gets a ``mystnb_zh`` block
(the English, to translate). Each zh/notebooks/*.ipynb gets the English notebook's cells, with
the English code cells verbatim and without outputs; translations already made are kept
(matched by cell id), new cells arrive untranslated, and a missing page arrives as its English,
to translate. Then every missing, untranslated or stale passage of the Chinese edition is listed
(gwr.book.translation). --check changes nothing and exits 1 if anything is listed.
"""

from __future__ import annotations

import argparse
import json
import sys

from gwr.book.translation import (
    PAGES,
    notebook_pairs,
    problems,
    scaffold_figure,
    scaffold_page,
    sync_notebook,
)
from gwr.paths import ROOT, ZH


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; list problems")
    args = parser.parse_args()
    if not args.check:
        for english_path, chinese_path in notebook_pairs():
            english = json.loads(english_path.read_text(encoding="utf-8"))
            if sum(scaffold_figure(cell) for cell in english["cells"]):
                english_path.write_text(json.dumps(english, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
                print(f"wrote {english_path} (mystnb_zh of its figures, to translate)")
            chinese = (json.loads(chinese_path.read_text(encoding="utf-8"))
                       if chinese_path.is_file() else None)
            synced = sync_notebook(english, chinese)
            chinese_path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(synced, ensure_ascii=False, indent=1) + "\n"
            if not chinese_path.is_file() or chinese_path.read_text(encoding="utf-8") != text:
                chinese_path.write_text(text, encoding="utf-8")
                print(f"wrote {chinese_path}")
        for page, english_file in PAGES.items():
            if not (ZH / page).is_file():  # a page to translate, never overwritten
                (ZH / page).parent.mkdir(parents=True, exist_ok=True)
                english = (ROOT / english_file).read_text(encoding="utf-8")
                (ZH / page).write_text(scaffold_page(english), encoding="utf-8")
                print(f"wrote {ZH / page} (English, to translate)")
    found = problems()
    for problem in found:
        print(problem)
    print(f"{len(found)} passage(s) of the Chinese edition need work." if found
          else "The Chinese edition is complete and current.")
    return 1 if (found and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
