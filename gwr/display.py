"""Show tables in the book as numbered, captioned, citable MyST tables with real header cells."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

# How a qualifier of indicators.csv reads in a table or a sentence.
QUALIFIER_WORDS = {"exact": "exact", "about": "about", "more_than": "more than",
                   "at_least": "at least", "nearly": "nearly", "at_most": "at most"}


def format_value(value: float) -> str:
    """A figure for readers: thousands separators, no trailing zeros after the point.

    Examples:
        >>> format_value(34800.0), format_value(6.68), format_value(38.3), format_value(80.0)
        ('34,800', '6.68', '38.3', '80')
    """
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def markdown_table(frame: pd.DataFrame) -> str:
    """A pipe table of ``frame``'s values as text (the caller formats the numbers).

    Examples:
        >>> print(markdown_table(pd.DataFrame({"a": [1], "b|c": ["x|y"]})))
        | a | b\\|c |
        |---|---|
        | 1 | x\\|y |
    """
    def cell(value: object) -> str:
        text = "" if pd.isna(value) else str(value)
        return text.replace("|", r"\|").replace("\n", " ")

    header = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body])


def numbered_table(frame: pd.DataFrame, *, name: str, caption: str) -> Markdown:
    """A MyST ``table`` directive: numbered in the book and citable as ``{numref}`name```.

    The cell that shows it needs ``"mystnb": {"markdown_format": "myst"}`` in its metadata
    (set book-wide in _config.yml), so that the book parses the directive.

    Examples:
        >>> print(numbered_table(pd.DataFrame({"a": [1]}), name="tbl-x", caption="One.").data)
        :::{table} One.
        :name: tbl-x
        :align: left
        <BLANKLINE>
        | a |
        |---|
        | 1 |
        :::
    """
    if not name.startswith("tbl-"):
        raise ValueError(f"table labels start with 'tbl-' so they read as tables: {name!r}")
    return Markdown(f":::{{table}} {caption}\n:name: {name}\n:align: left\n\n"
                    f"{markdown_table(frame)}\n:::")
