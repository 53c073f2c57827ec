"""Measure the article's structure: parts, sections, and how its headings relate to the report's."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, PART_LABELS, PART_ORDER, bilingual, source_note
from gwr.style import INK


def part_summary(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, headings and characters per part, with each part's share of body text.

    Body text is every paragraph that is not a heading; shares are of the body text of all parts.

    Examples:
        >>> df = pd.DataFrame({"part": ["front", "plan-2020", "plan-2020"],
        ...                    "is_heading": [False, True, False], "chars": [10, 5, 30]})
        >>> summary = part_summary(df)
        >>> summary["headings"].to_dict(), summary["body_share"].to_dict()
        ({'front': 0, 'plan-2020': 1}, {'front': 0.25, 'plan-2020': 0.75})
    """
    frame = paragraphs.assign(body_chars=paragraphs["chars"].where(~paragraphs["is_heading"], 0))
    summary = frame.groupby("part", sort=False).agg(
        paragraphs=("chars", "size"), headings=("is_heading", "sum"), chars=("chars", "sum"),
        body_chars=("body_chars", "sum"),
    )
    summary["headings"] = summary["headings"].astype(int)
    summary["body_share"] = summary["body_chars"] / summary["body_chars"].sum()
    order = [p for p in PART_ORDER if p in summary.index]
    return summary.loc[order]


def heading_relations(sections: pd.DataFrame) -> pd.DataFrame:
    """The review areas and plan tasks with the relation of each heading to its official name."""
    areas = sections[sections["kind"].isin(["review_area", "plan_task"])].copy()
    areas["relation"] = areas["heading_relation"]
    return areas


# Charts.

def part_shares_chart(parts: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Horizontal bars of each part's share of the body text, labelled in percent."""
    fig, ax = plt.subplots(figsize=(7.5, 2.6))
    labels = [PART_LABELS[p] for p in parts.index]
    shares = parts["body_share"] * 100
    bars = ax.barh(labels, shares, color=[PART_COLOURS[p] for p in parts.index])
    ax.bar_label(bars, labels=[f"{v:.0f}%" for v in shares], padding=3, color=INK)
    ax.invert_yaxis()
    ax.set_xlabel("Share of the article's body text (% of characters, headings excluded)")
    ax.set_xlim(0, max(shares) * 1.15)
    ax.set_title(title)
    source_note(ax, note)
    return fig


def section_lengths_chart(sections: pd.DataFrame, *, title: str, note: str) -> Figure:
    """One bar per section, in text order, showing its body text in characters, coloured by part."""
    rows = sections.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(rows) + 1.4))
    labels = [bilingual(zh, en) for zh, en in zip(rows["heading_zh"], rows["short_en"],
                                                  strict=True)]
    bars = ax.barh(range(len(rows)), rows["body_chars"],
                   color=[PART_COLOURS[p] for p in rows["part"]])
    ax.bar_label(bars, padding=3, fontsize=8, color=INK)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Body text of the section (characters, heading excluded)")
    ax.set_xlim(0, rows["body_chars"].max() * 1.12)
    handles = [plt.Rectangle((0, 0), 1, 1, color=PART_COLOURS[p]) for p in PART_COLOURS
               if p in set(rows["part"])]
    ax.legend(handles, [PART_LABELS[p] for p in PART_COLOURS if p in set(rows["part"])],
              loc="upper right", frameon=False, fontsize=8)
    ax.set_title(title)
    source_note(ax, note)
    return fig
