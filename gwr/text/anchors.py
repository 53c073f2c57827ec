"""Anchor curated entries to the source: keys "<paragraph>: <quote>", found in the text."""

from __future__ import annotations

import re

from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

_KEY = re.compile(r"(\d+): (.+)", re.DOTALL)


def parse_key(file: str, key: object) -> tuple[int, str]:
    """Split a curated key "<paragraph>: <quote>" into its paragraph number and quote.

    Examples:
        >>> parse_key("indicators.yml", "20: 3.48万户")
        (20, '3.48万户')
        >>> parse_key("indicators.yml", "3.48万户")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gwr.errors.CuratedDataError: data/curated/indicators.yml, entry '3.48万户': the key must...
    """
    match = _KEY.fullmatch(str(key))
    if not match:
        raise CuratedDataError(f"data/curated/{file}, entry {key!r}: the key must read "
                               '"<paragraph>: <quote>", e.g. "20: 3.48万户".')
    return int(match.group(1)), match.group(2)


def occurrences(paragraph: Paragraph, quote: str) -> list[int]:
    """Offsets in the whole text of every occurrence of ``quote`` in ``paragraph``.

    Examples:
        >>> from gwr.text.paragraphs import split_paragraphs
        >>> occurrences(split_paragraphs("甲\\n一期、一期")[1], "一期")
        [2, 5]
    """
    return [paragraph.start + m.start() for m in re.finditer(re.escape(quote), paragraph.text)]


def locate(file: str, key: object, paragraphs: dict[int, Paragraph], *,
           unique: bool = False) -> tuple[Paragraph, str, list[int]]:
    """The paragraph, quote and offsets a key points at; CuratedDataError if it is stale.

    Examples:
        >>> from gwr.text.paragraphs import split_paragraphs
        >>> paras = {p.number: p for p in split_paragraphs("甲\\n完成3.48万户")}
        >>> locate("indicators.yml", "2: 3.48万户", paras)[2]
        [4]
        >>> locate("indicators.yml", "2: 3.49万户", paras)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gwr.errors.CuratedDataError: data/curated/indicators.yml, entry '2: 3.49万户': ...
    """
    number, quote = parse_key(file, key)
    where = f"data/curated/{file}, entry {key!r}"
    if number not in paragraphs:
        raise CuratedDataError(f"{where}: there is no paragraph {number}.")
    paragraph = paragraphs[number]
    found = occurrences(paragraph, quote)
    if not found:
        raise CuratedDataError(
            f"{where}: {quote!r} does not occur in ¶{number} ({_short(paragraph.text)!r}). "
            "The source or the entry has changed: review the entry.")
    if unique and len(found) > 1:
        raise CuratedDataError(f"{where}: {quote!r} occurs {len(found)} times in ¶{number}; "
                               "lengthen the quote so that it points at one place.")
    return paragraph, quote, found


def require_in_paragraph(file: str, key: object, field: str, value: str,
                         paragraph: Paragraph) -> None:
    """Raise CuratedDataError unless ``value`` (quoting the source) stands in ``paragraph``."""
    if value and value not in paragraph.text:
        raise CuratedDataError(
            f"data/curated/{file}, entry {key!r}: field {field!r} ({value!r}) does not stand in "
            f"¶{paragraph.number}; copy it exactly from the source.")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
