"""Every quotation of the article in the prose of both editions stands verbatim in the source.

The chapters, pages and figure captions of the English and the Chinese edition mark a quotation
of the article with 「…」; an ellipsis (…) inside marks a cut. Each piece must be in the source
text, and where the quotation names its paragraph right after it, ``「…」 (¶n`` or ``「…」（¶n``,
in that paragraph. A quotation made by glue (``{glue:text}``) is checked where it is computed.
"""

from __future__ import annotations

import json
import re

import pytest

from gwr import paths

QUOTE = re.compile(r"「([^」]*)」(?:\s*[（(][^）)」]*?¶(\d+))?")
ELLIPSIS = re.compile(r"…+")


def source_lines() -> list[str]:
    return paths.SOURCE_TEXT.read_text(encoding="utf-8").split("\n")


def prose() -> list[tuple[str, str]]:
    """(where, text) of every markdown cell, figure caption and alt text, and page."""
    found = []
    notebooks = [*sorted(paths.ROOT.glob("notebooks/*.ipynb")),
                 *sorted(paths.ZH.glob("notebooks/*.ipynb"))]
    for path in notebooks:
        name = path.relative_to(paths.ROOT).as_posix()
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                found.append((f"{name} {cell['id']}", "".join(cell["source"])))
            for key in ("mystnb", "mystnb_zh"):
                meta = cell.get("metadata", {}).get(key, {})
                text = " ".join([meta.get("figure", {}).get("caption", ""),
                                 meta.get("image", {}).get("alt", "")])
                found.append((f"{name} {cell['id']} {key}", text))
    for path in sorted(paths.ROOT.glob("book/*.md")) + sorted(paths.ZH.glob("book/*.md")):
        found.append((path.relative_to(paths.ROOT).as_posix(), path.read_text(encoding="utf-8")))
    return found


def misquotes(text: str, lines: list[str]) -> list[str]:
    """The quotations of ``text`` that the source does not hold (where they say it does).

    Examples:
        >>> lines = ["完成3.48万户“煤改电”“煤改气”。", "年内完成。"]
        >>> misquotes("「完成3.48万户“煤改电”」（¶1）「年内…完成」 (¶2", lines)
        []
        >>> misquotes('「完成3.48万户"煤改电"」 and 「年内完成」（¶1）', lines)
        ['「完成3.48万户"煤改电"」', '「年内完成」 is not in ¶1']
    """
    whole = "\n".join(lines)
    problems = []
    for match in QUOTE.finditer(text):
        quote, paragraph = match.group(1), match.group(2)
        if "{glue" in quote:
            continue
        pieces = [piece for piece in ELLIPSIS.split(quote) if piece.strip()]
        if not all(piece in whole for piece in pieces):
            problems.append(f"「{quote}」")
        elif paragraph and not all(piece in lines[int(paragraph) - 1] for piece in pieces):
            problems.append(f"「{quote}」 is not in ¶{paragraph}")
    return problems


def test_the_prose_quotes_something():
    quotes = sum(len(QUOTE.findall(text)) for _, text in prose())
    assert quotes > 300, quotes  # both editions quote the article throughout (379 at 0.3.0)


@pytest.mark.parametrize("text", [pytest.param(text, id=where) for where, text in prose()])
def test_every_quotation_is_verbatim_and_in_its_paragraph(text):
    assert not misquotes(text, source_lines())
