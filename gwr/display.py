"""Show tables in the book as numbered, captioned, citable MyST tables with real header cells,
and give every figure and table the data it shows (a ``{data-note}``: CSV, citation, source)."""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import Markdown

from gwr.errors import TranslationError
from gwr.zh_outputs import EditionMarkdown, translate_frame
from gwr.zh_strings import translate, translate_all

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


def numbered_table(frame: pd.DataFrame, *, name: str, caption: str, data: pd.DataFrame,
                   source: str | None = None) -> EditionMarkdown:
    """A MyST ``table`` directive, numbered in the book and citable as ``{numref}`name```,
    followed by its ``{data-note}``: ``data`` is the table in tidy form, one row per row shown.

    The cell that shows it needs ``"mystnb": {"markdown_format": "myst"}`` in its metadata
    (set book-wide in _config.yml), so that the book parses the directive.

    Examples:
        >>> shown = pd.DataFrame({"Paragraph": ["¶4"], "Count": ["1,200"]})
        >>> tidy = pd.DataFrame({"paragraph": [4], "count": [1200]})
        >>> print(numbered_table(shown, name="tbl-x", caption="One.", data=tidy).data)
        :::{table} One.
        :name: tbl-x
        :align: left
        <BLANKLINE>
        | Paragraph | Count |
        |---|---|
        | ¶4 | 1,200 |
        :::
        <BLANKLINE>
        ```{data-note} tbl-x
        :source: ¶4
        <BLANKLINE>
        paragraph,count
        4,1200
        ```
    """
    if not name.startswith("tbl-"):
        raise ValueError(f"table labels start with 'tbl-' so they read as tables: {name!r}")
    if len(data) != len(frame):
        raise ValueError(f"{name}: the data have {len(data)} rows but the table shows "
                         f"{len(frame)}; give one data row per table row.")
    note = data_note(data, label=name, source=source)
    missing: list[str] = []
    chinese = translate_frame(frame, missing)
    return EditionMarkdown(_table_directive(frame, name=name, caption=caption, note=note),
                           _table_directive(chinese, name=name, note=note,
                                            caption=translate_all(caption, missing)),
                           missing)


def _table_directive(frame: pd.DataFrame, *, name: str, caption: str, note: str) -> str:
    return (f":::{{table}} {caption}\n:name: {name}\n:align: left\n\n"
            f"{markdown_table(frame)}\n:::\n\n{note}")


def figure_data(data: pd.DataFrame, *, label: str, source: str | None = None) -> Markdown:
    """The ``{data-note}`` under a figure: ``data`` is exactly what the figure plots, one row
    per mark, so it must be the frame the chart was drawn from.

    Call it in its own cell right after the figure's cell (tagged ``remove-input``): myst-nb
    wraps every output of a cell with ``mystnb.figure`` metadata in that figure.

    Examples:
        >>> print(figure_data(pd.DataFrame({"part": ["front"], "paragraphs": [9]}),
        ...                   label="fig-x", source="¶1–¶9").data)
        ```{data-note} fig-x
        :source: ¶1–¶9
        <BLANKLINE>
        part,paragraphs
        front,9
        ```
    """
    if not label.startswith("fig-"):
        raise ValueError(f"figure labels start with 'fig-' so they read as figures: {label!r}")
    return Markdown(data_note(data, label=label, source=source))


COLUMN_NAME = re.compile(r"[a-z][a-z0-9_]*")
SPAN_COLUMNS = ("paragraph", "start", "end")


def data_csv(data: pd.DataFrame) -> str:
    """``data`` as tidy CSV text: no index, ``\\n`` line ends, ``true``/``false``, ISO dates.

    Column names are English snake case, and a column of the source's words (``quote``)
    comes with the paragraph and the character span it was read from.

    Examples:
        >>> print(data_csv(pd.DataFrame({"date": pd.to_datetime(["2020-06-30", None]),
        ...     "dated": [True, False], "share": [0.25, 1.0], "mu": [3000.0, None]})), end="")
        date,dated,share,mu
        2020-06-30,true,0.25,3000
        ,false,1.0,
        >>> data_csv(pd.DataFrame({"Value": [1]}))
        Traceback (most recent call last):
        ...
        ValueError: data columns are English snake_case names; rename: ['Value']
        >>> data_csv(pd.DataFrame({"quote": ["三个"]}))
        Traceback (most recent call last):
        ...
        ValueError: the source's words need their span; add: ['paragraph', 'start', 'end']
    """
    if data.empty:
        raise ValueError("the data of a figure or table cannot be empty")
    bad = [c for c in data.columns if not (isinstance(c, str) and COLUMN_NAME.fullmatch(c))]
    if bad:
        raise ValueError(f"data columns are English snake_case names; rename: {bad}")
    if data.columns.duplicated().any():
        raise ValueError(f"duplicate data columns: {list(data.columns[data.columns.duplicated()])}")
    if "quote" in data.columns and (missing := [c for c in SPAN_COLUMNS if c not in data.columns]):
        raise ValueError(f"the source's words need their span; add: {missing}")
    out = data.reset_index(drop=True).copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_bool_dtype(values):
            out[column] = values.map({True: "true", False: "false"})
        elif pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(values) and values.dropna().map(float.is_integer).all():
            out[column] = values.astype("Int64")  # 3000, not 3000.0, as in the processed tables
    return out.to_csv(index=False, lineterminator="\n")


def paragraph_ranges(paragraphs) -> str:
    """The paragraphs as the book cites them, runs joined by a dash.

    Examples:
        >>> paragraph_ranges([3, 43, 44, 45, 46, 50, 3])
        '¶3, ¶43–¶46, ¶50'
    """
    numbers = sorted({int(p) for p in paragraphs if not pd.isna(p)})
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(f"¶{a}" if a == b else f"¶{a}–¶{b}" for a, b in runs)


def data_note(data: pd.DataFrame, *, label: str, source: str | None = None) -> str:
    """The ``{data-note}`` directive (gwr.book.sphinxext.figure_data) for the figure or table
    ``label``: the CSV in its body, and the ¶ references it comes from. Without ``source``,
    the references are the rows' own paragraphs."""
    body = data_csv(data)
    if source is None:
        if "paragraph" not in data.columns:
            raise ValueError(f"{label}: say which paragraphs the data come from (source=…), "
                             "or give the data a paragraph column.")
        source = paragraph_ranges(data["paragraph"])
    if "¶" not in source:
        raise ValueError(f"{label}: the source names no paragraph (¶n): {source!r}")
    fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", body)), default=0) + 1)
    return f"{fence}{{data-note}} {label}\n:source: {source}\n\n{body}{fence}"


# --- The Chinese edition's wording of glued text ---------------------------------------------
# A glued number reads the same in both editions; a glued phrase does not. The code glues the
# Chinese beside the English, as ``<key>_zh``, and the Chinese prose uses that key.

CHINESE_DIGITS = "零一二三四五六七八九十"


def join_zh(items) -> str:
    """A Chinese enumeration: 、 between the items and 和 before the last.

    Examples:
        >>> join_zh(["迎泽", "尖草坪", "万柏林"]), join_zh(["7", "8"]), join_zh(["小店"])
        ('迎泽、尖草坪和万柏林', '7和8', '小店')
    """
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def date_zh(value) -> str:
    """A date as Chinese text writes it.

    Examples:
        >>> date_zh(pd.Timestamp(2020, 12, 12))
        '2020年12月12日'
    """
    value = pd.Timestamp(value)
    return f"{value.year}年{value.month}月{value.day}日"


def count_zh(number: int) -> str:
    """A small count in Chinese numerals, as prose writes it (两 before a measure word is the
    caller's choice).

    Examples:
        >>> count_zh(3), count_zh(10)
        ('三', '十')
    """
    if not 0 <= number <= 10:
        raise ValueError(f"count_zh writes 0 to 10, not {number}; glue the number instead")
    return CHINESE_DIGITS[number]


def times_zh(number: int) -> str:
    """How many times, in Chinese: 一次, 两次, 三次 …

    Examples:
        >>> times_zh(1), times_zh(2), times_zh(5)
        ('一次', '两次', '五次')
    """
    return "两次" if number == 2 else f"{count_zh(number)}次"


def chinese(text: str) -> str:
    """``text`` in the Chinese edition's words (zh/strings); an error names what is missing."""

    result = translate(text)
    if result is None:
        raise TranslationError(f"no Chinese for {text!r}: add it to zh/strings/<chapter>.yml")
    return result
